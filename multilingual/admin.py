"""The redirects staff keep from the old site's addresses, with an import of many at once."""

from django import forms
from django.contrib import admin, messages
from django.contrib.redirects.admin import RedirectAdmin
from django.contrib.redirects.models import Redirect
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .redirect_import import read_rows, save_rows


class RedirectImportForm(forms.Form):
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Two columns: the old address's path (/nos-partenaires.html) and the page it now "
            "lives at (/fr/partenaires/). Visitors reach that page in their own language."
        ),
    )


admin.site.unregister(Redirect)


@admin.register(Redirect)
class LanguageAwareRedirectAdmin(RedirectAdmin):
    """Django's redirects, plus an import from CSV (multilingual/redirect_import.py)."""

    change_list_template = "admin/redirects/redirect/change_list.html"

    def get_urls(self):
        importer = self.admin_site.admin_view(self.import_csv)
        return [path("import/", importer, name="redirects_redirect_import"), *super().get_urls()]

    def import_csv(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RedirectImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            rows, errors = read_rows(form.cleaned_data["csv_file"])
            if errors:
                for error in errors:
                    form.add_error("csv_file", error)
            else:
                count = save_rows(rows)
                self.message_user(
                    request, _("%(count)d redirects imported.") % {"count": count}, messages.SUCCESS
                )
                return redirect("admin:redirects_redirect_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Import redirects"),
        }
        return render(request, "admin/redirects/redirect/import.html", context)

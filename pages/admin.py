"""Pages and the header menu in the admin. The text's editor is django-prose-editor, set up by
the model field (pages/richtext.py); its reference buttons read their lists from
`reference_choices` below."""

from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin

from editing.admin import EditorialAdmin, SafeAutocompleteMixin, SortableEditorialMixin
from multilingual.collation import OrderedByShownName
from organisations.admin import translated
from organisations.models import Organisation
from stats.admin import KeyFigureAdmin
from stats.models import KeyFigure

from .figure_use import confirming_form
from .models import NavigationItem, Page


@admin.register(Page)
class PageAdmin(OrderedByShownName, EditorialAdmin, TabbedTranslationAdmin):
    shown_name_field = "title"
    list_display = ("title", "placement", "is_published", "updated_at")
    list_filter = ("is_published", "placement")
    search_fields = translated("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "placement")}),
        ("", {"fields": ("is_published", ("publish_at", "expire_at"))}),
    )

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: under the CSP it needs the nonce.
        context["media"] = Media.from_media(context["media"]).with_nonce(request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    def get_urls(self):
        return [
            path(
                "references/",
                self.admin_site.admin_view(self.reference_choices),
                name="pages_page_references",
            ),
            *super().get_urls(),
        ]

    @method_decorator(require_GET)
    def reference_choices(self, request):
        """JSON for the editor's "link to content" and "key figure" dialogs: every page,
        organisation and figure, drafts included (a link to a draft prints as plain text until
        it is published). Shapes: {"pages": [[id, title]], "organisations": [[id, name]],
        "figures": [[id, label]]}. For whoever may read pages: translators link in English and
        Spanish too."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return JsonResponse(
            {
                "pages": [[p.pk, p.title] for p in Page.objects.order_by("title")],
                "organisations": [[o.pk, str(o)] for o in Organisation.objects.order_by("name")],
                "figures": [[f.pk, f"{f.label} ({f.key})"] for f in KeyFigure.objects.all()],
            }
        )


@admin.register(NavigationItem)
class NavigationItemAdmin(
    SafeAutocompleteMixin, SortableEditorialMixin, SortableAdminMixin, admin.ModelAdmin
):
    list_display = ("page", "order")
    autocomplete_fields = ("page",)
    # The position may be typed too; dragging the rows is quicker. (A fieldset: adminsortable2
    # drops the order from `fields`.)
    fieldsets = ((None, {"fields": ("page", "order")}),)


# Before a figure the pages show is renamed or unpublished, the figures' admin asks for a
# confirmation (pages/figure_use.py).
KeyFigureAdmin.add_form_check(confirming_form, "confirm_pages")

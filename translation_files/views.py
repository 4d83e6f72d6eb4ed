"""The admin's pages for translation files: export (everything to do in a language, or a
selection from a list) and import (upload, preview of what will change, then apply)."""

import base64
import binascii
import zlib

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from editing.registry import content_models
from editing.roles import may
from multilingual.languages import LANGUAGE_NAMES, TRANSLATION_LANGUAGES

from .files import CONTENT_TYPES, EXTENSIONS, write
from .imports import ImportRefused, apply, plan_import
from .units import chosen_objects, units_of, units_to_do

# Uploads are read in memory and sent back with the preview, compressed (Django refuses form
# fields over 2.5 MB in all): a site's content is far smaller.
MAX_FILE_BYTES = 2 * 1024 * 1024


def pack(data):
    """The file's bytes as the preview's hidden field carries them."""
    return base64.b64encode(zlib.compress(data)).decode()


def unpack(text):
    """The bytes `pack` wrote, at most MAX_FILE_BYTES of them; b"" for anything else (the
    import then refuses it as an empty file)."""
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.b64decode(text, validate=True), MAX_FILE_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):
        return b""
    return data if len(data) <= MAX_FILE_BYTES else b""


class ExportForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("language"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES],
    )
    file_format = forms.ChoiceField(
        label=gettext_lazy("format"),
        choices=[
            ("po", gettext_lazy("PO (Poedit, Weblate)")),
            ("xliff", gettext_lazy("XLIFF 1.2 (OmegaT, CAT tools)")),
        ],
    )
    model = forms.CharField(required=False, widget=forms.HiddenInput)
    ids = forms.CharField(required=False, widget=forms.HiddenInput)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("translated file"),
        help_text=gettext_lazy("A PO or XLIFF file exported from this site, under 2 MB."),
    )


def _chosen(request, model_label, ids):
    """The objects chosen in an admin list (`model_label`, comma-separated `ids`)."""
    try:
        model, objects = chosen_objects(model_label, ids)
    except LookupError as error:
        raise PermissionDenied from error
    if not may(request.user, "change", model):
        raise PermissionDenied
    return model, objects


def export_view(request):
    """GET: the export form; with `download`, the file itself."""
    form = ExportForm(request.GET if "download" in request.GET else None, initial=request.GET)
    chosen = None
    if request.GET.get("model"):
        chosen = _chosen(request, request.GET["model"], request.GET.get("ids", ""))
    if form.is_bound and form.is_valid():
        language, file_format = form.cleaned_data["language"], form.cleaned_data["file_format"]
        if chosen:
            units = units_of(chosen[1], language)
        else:
            allowed = [m for m in content_models() if may(request.user, "change", m)]
            units = units_to_do(language, allowed)
        response = HttpResponse(write(units, language, file_format), CONTENT_TYPES[file_format])
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
        name = f"dei-{language}-{stamp}.{EXTENSIONS[file_format]}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        **admin.site.each_context(request),
        "title": _("Export for translation"),
        "form": form,
        "chosen": chosen[1] if chosen else None,
        "chosen_kind": chosen[0]._meta.verbose_name_plural if chosen else "",
    }
    return render(request, "admin/translation_files/export.html", context)


def for_review_message(objects):
    """The result page's sentence naming the objects whose imported texts wait for review."""
    said = ngettext(
        "Saved as a draft and submitted for review (visitors read the live version until it is "
        "approved): %(objects)s.",
        "Saved as drafts and submitted for review (visitors read the live versions until they "
        "are approved): %(objects)s.",
        len(objects),
    )
    names = [f"{obj._meta.verbose_name} “{obj}”" for obj in objects]
    return said % {"objects": "; ".join(names)}


def import_view(request):
    """GET: the upload form. POST with a file: the preview. POST "apply": the import."""
    context = {**admin.site.each_context(request), "title": _("Import a translated file")}
    if request.method != "POST":
        context["form"] = ImportForm()
        return render(request, "admin/translation_files/import.html", context)
    if "apply" in request.POST:
        data = unpack(request.POST.get("data", ""))
        filename = request.POST.get("filename", "")
    else:
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid() or form.cleaned_data["file"].size > MAX_FILE_BYTES:
            if form.is_valid():
                form.add_error("file", _("The file is larger than 2 MB."))
            context["form"] = form
            return render(request, "admin/translation_files/import.html", context)
        data = form.cleaned_data["file"].read()
        filename = form.cleaned_data["file"].name
    try:
        plan = plan_import(data, request.user, filename)
        if "apply" in request.POST:
            comment = _("Imported from %(file)s.") % {"file": filename}
            count = apply(plan, request.user, comment, bool(request.POST.get("skip_problems")))
            said = ngettext(
                "%(count)s text imported into %(language)s.",
                "%(count)s texts imported into %(language)s.",
                count,
            )
            messages.success(request, said % {"count": count, "language": plan.language_name})
            if plan.for_review:
                messages.info(request, for_review_message(plan.for_review))
            return redirect("translation_import")
    except ImportRefused as error:
        context.update(form=ImportForm(), refused=str(error))
        return render(request, "admin/translation_files/import.html", context)
    context.update(
        plan=plan,
        data=pack(data),
        filename=filename,
        title=_("Preview of the import"),
    )
    return render(request, "admin/translation_files/preview.html", context)

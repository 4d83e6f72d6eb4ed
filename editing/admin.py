"""What every content admin shares: roles, translation status, preview, history, conflicts."""

from urllib.parse import urlencode

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from reversion_compare.admin import CompareVersionAdmin

from multilingual.languages import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    SOURCE_LANGUAGE,
    TRANSLATION_LANGUAGES,
)
from sitecache.generation import bump_generation

from .conflicts import ConflictCheckingForm
from .preview import with_preview
from .roles import may
from .source_diff import what_changed
from .translation_status import (
    LABELS,
    WORK,
    confirm_still_correct,
    readable_in,
    state_q,
    translated_fields,
    translation_state,
)
from .uploads import deleted_on_failure, noting_new_files
from .widgets import AutocompleteSelect

# Fields that decide whether and when visitors see something, and where.
PUBLICATION_FIELDS = ("is_published", "publish_at", "expire_at", "order")

admin.site.site_header = _("DCI administration")
admin.site.site_title = _("DCI administration")
admin.site.index_title = _("Site content")


def translator_editable(model):
    """The translation languages' columns of the model's translated fields."""
    return {
        build_localized_fieldname(field, lang)
        for field in translated_fields(model)
        for lang in TRANSLATION_LANGUAGES
    }


def locked_fields(user, model):
    """Fields `user` may see but not change on `model`, by role."""
    if not may(user, "edit_source", model):
        open_to_translators = translator_editable(model)
        hidden_by_modeltranslation = set(translated_fields(model))
        return [
            field.name
            for field in model._meta.fields
            if field.editable
            and not field.primary_key
            and field.name not in open_to_translators
            and field.name not in hidden_by_modeltranslation
        ]
    if not may(user, "publish", model):
        return [name for name in PUBLICATION_FIELDS if hasattr(model, name)]
    return []


class RoleRestrictedMixin:
    """Shows a translator the French and the settings read-only: the form neither displays nor
    accepts them, so a hand-made POST cannot change them either."""

    def get_readonly_fields(self, request, obj=None):
        return [
            *super().get_readonly_fields(request, obj),
            *locked_fields(request.user, self.model),
        ]

    def get_prepopulated_fields(self, request, obj=None):
        locked = set(self.get_readonly_fields(request, obj))
        return {
            target: sources
            for target, sources in super().get_prepopulated_fields(request, obj).items()
            if target not in locked and not locked.intersection(sources)
        }


class TranslationStatusFilter(admin.SimpleListFilter):
    """One choice per translation language and state; each returns exactly the objects the
    badges show in that state (editing/translation_status.py)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (
                f"{language}-{state}",
                # "English: missing": a language's name is capitalised in English only.
                format_lazy(
                    _("{language}: {state}"), language=LANGUAGE_NAMES[language], state=LABELS[state]
                ),
            )
            for state in WORK
            for language in TRANSLATION_LANGUAGES
        ]

    def queryset(self, request, queryset):
        language, _dash, state = (self.value() or "").partition("-")
        if language not in TRANSLATION_LANGUAGES or state not in WORK:
            return queryset
        return queryset.filter(state_q(queryset.model, language, state))


def status_badge(obj, language):
    """Both answers for `language`: can visitors read it, and what remains to translate."""
    state = translation_state(obj, language)
    if readable_in(obj, language):
        reading = format_html(
            '<span class="translation-readable" title="{}">{}</span>',
            _("Visitors can read it in this language."),
            _("readable"),
        )
    else:
        reading = format_html(
            '<span class="translation-unreadable" title="{}">{}</span>',
            _(
                "Visitors are shown the source text: some of the text its page needs is not "
                "translated into this language."
            ),
            _("not readable"),
        )
    return format_html(
        '{} <span class="translation-status translation-status-{}">{}</span>',
        reading,
        state,
        LABELS[state],
    )


def status_column(language):
    """A list column showing `status_badge` in `language`, titled with the language's name."""

    def column(obj):
        return status_badge(obj, language)

    column.__name__ = f"translation_{language}"
    return admin.display(description=LANGUAGE_NAMES[language])(column)


class EditorialAdmin(RoleRestrictedMixin, CompareVersionAdmin):
    """Base of every content admin: put it first, before modeltranslation's admin."""

    form = ConflictCheckingForm
    change_form_template = "admin/editing/change_form.html"
    history_latest_first = True
    actions = ["export_for_translation"]

    class Media:
        css = {"all": ["editing/admin.css"]}

    def get_list_display(self, request):
        columns = [status_column(language) for language in TRANSLATION_LANGUAGES]
        return [*super().get_list_display(request), *columns]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    @admin.action(description=_("Export the selected items for translation (PO or XLIFF)"))
    def export_for_translation(self, request, queryset):
        """Opens the export page (translation files) for the chosen objects."""
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        query = urlencode({"model": self.model._meta.label_lower, "ids": ids})
        return HttpResponseRedirect(f"{reverse('translation_export')}?{query}")

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        # The hidden "opened at" stamp of the conflict check rides in the last fieldset.
        _title, options = fieldsets[-1]
        options["fields"] = [*options["fields"], "opened_at"]
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Our autocomplete widget: a refused form with a nonsense id is shown again, not a 500.
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # A save that fails after writing a new logo takes the file away with it: the rollback
    # leaves no row pointing to it. The revision, saved last, is inside these views, as in the
    # history's restore and recover views below.
    def add_view(self, request, form_url="", extra_context=None):
        with deleted_on_failure(request):
            return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        with deleted_on_failure(request):
            return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        with noting_new_files(request, obj):
            super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The object the admin already loaded: no second query for the preview links.
        context["preview_links"] = preview_links(obj)
        context["what_changed"] = what_changed(obj)
        context["source_language_name"] = LANGUAGE_NAMES[SOURCE_LANGUAGE]
        context["still_correct_allowed"] = obj is not None and self.has_change_permission(
            request, obj
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_still_correct"
        view = self.admin_site.admin_view(self.still_correct_view)
        own = [path("<path:object_id>/still-correct/<str:language>/", view, name=name)]
        return own + super().get_urls()

    def still_correct_view(self, request, object_id, language):
        """POST: the translation into `language` was checked against the current source text
        and needs no change. Recorded as a version, by its author; the form opens again."""
        if request.method != "POST":
            return HttpResponseRedirect(request.path.rsplit("still-correct/", 1)[0])
        obj = self.get_object(request, object_id)
        if obj is None or language not in TRANSLATION_LANGUAGES:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        with transaction.atomic(), reversion.create_revision():
            confirmed = confirm_still_correct(obj, language)
            obj.save()
            reversion.set_user(request.user)
            reversion.set_comment(
                format_lazy(
                    _("{language} translation checked: still correct."),
                    language=LANGUAGE_NAMES[language],
                )
            )
        if confirmed:
            self.message_user(
                request,
                format_lazy(
                    _("The {language} translation is marked as still correct."),
                    language=LANGUAGE_NAMES[language],
                ),
                messages.SUCCESS,
            )
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return HttpResponseRedirect(url)

    # History: restoring a version rewrites French text and publication, which are editors' work.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.require_full_rights(request)
        with deleted_on_failure(request):
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.require_full_rights(request)
        with deleted_on_failure(request):
            return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        self.require_full_rights(request)
        return super().recoverlist_view(request, extra_context)

    def require_full_rights(self, request):
        if locked_fields(request.user, self.model):
            raise PermissionDenied


class SortableEditorialMixin:
    """For admins that also use adminsortable2's SortableAdminMixin: only those who may publish
    reorder, and a new order reaches visitors at once (its bulk update sends no signal)."""

    def update_order(self, request):
        if not may(request.user, "publish", self.model):
            raise PermissionDenied
        # One transaction: a new order is never saved without visitors' pages being refreshed.
        # A refused reorder (adminsortable2 answers 400 itself) changed nothing to refresh.
        with transaction.atomic():
            response = super().update_order(request)
            if response.status_code == 200:
                bump_generation()
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not may(request.user, "publish", self.model):
            actions = {name: a for name, a in actions.items() if not name.startswith("move_to")}
        return actions

    def _bulk_move(self, request, queryset, method):
        # With more rows selected than a page holds, adminsortable2 can number them below zero,
        # which the database refuses: then nothing moves, and the editor is told so.
        try:
            with transaction.atomic():
                super()._bulk_move(request, queryset, method)
        except IntegrityError:
            message = _(
                "Nothing was moved: select at most one page of items to move them to another page."
            )
            self.message_user(request, message, messages.ERROR)
            return
        bump_generation()


class EditorialInlineMixin(RoleRestrictedMixin):
    """Inlines follow the same roles as their page."""


def preview_links(obj):
    """[(language code, URL)]: the object on the public site, drafts shown."""
    if obj is None or not hasattr(obj, "get_absolute_url"):
        return []
    links = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            path, _hash, anchor = obj.get_absolute_url().partition("#")
            url = with_preview(path) + (f"#{anchor}" if anchor else "")
            links.append((code, url))
    return links

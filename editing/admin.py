"""What every content admin shares: roles, translation status, preview, history, conflicts."""

from urllib.parse import urlencode

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from multilingual.languages import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    SOURCE_LANGUAGE,
    TRANSLATION_LANGUAGES,
)
from sitecache.generation import bump_generation

from . import drafts
from .change_messages import restored_from, structured_change_message
from .compare_admin import ReadableCompareAdmin
from .conflicts import ConflictCheckingForm
from .datetime_fields import ZonedDateTimesMixin
from .models import Draft, WorkflowSettings
from .preview import with_preview
from .publication_admin import (
    HAS_DRAFT,
    is_publishable,
    with_publication_column,
    with_publication_filter,
)
from .review_admin import ReviewMixin
from .roles import may
from .source_diff import what_changed
from .translation_status import (
    LABELS,
    WORK,
    confirm_still_correct,
    published_field,
    readable_in,
    state_q,
    translated_fields,
    translation_state,
)
from .uploads import (
    UploadWritingForm,
    deleted_on_failure,
    noting_new_files,
    saved_or_cleaned_up,
)
from .widgets import AutocompleteSelect

# Fields that decide whether and when visitors see something, and where (each translation's
# own "published" flag included).
PUBLICATION_FIELDS = (
    "is_published",
    "publish_at",
    "expire_at",
    "order",
    *(published_field(language) for language in TRANSLATION_LANGUAGES),
)
# Those a restored version leaves as they are now, unless the editor asks (the query parameter).
KEPT_ON_RESTORE = ("is_published", "publish_at", "expire_at")
RESTORE_PUBLICATION = "restore_publication"

admin.site.site_header = _("DCI administration")
admin.site.site_title = _("DCI administration")
admin.site.index_title = _("Site content")
# No sidebar of every model beside each page: at 1280 px its width is what a list needs to show
# its key columns (the header's breadcrumbs and the index lead to the other models). Django's
# sidebar can be collapsed, but opens on a browser's first visit and whenever it was left open:
# measured open at 1280 px, the English and Spanish columns of organisations, partnerships and
# key figures (and the figures' publication column) leave the view, in French and Spanish;
# at 1440 px, still the Spanish column of two lists.
admin.site.enable_nav_sidebar = False


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


def four_eyes(request):
    """WorkflowSettings.four_eyes_on(), read once per request."""
    if not hasattr(request, "four_eyes"):
        request.four_eyes = WorkflowSettings.four_eyes_on()
    return request.four_eyes


def held_for_review(request, model, obj=None):
    """The publication fields `request.user` may not set on `obj` (None: a new one) because
    four eyes is on: those of content visitors do not see yet, for everyone but superusers.
    Such content reaches visitors only by "Save and submit for review" and a second person's
    approval (editing/review_admin.py); a live object's are changed in its draft, reviewed."""
    if request.user.is_superuser or not is_publishable(model) or not four_eyes(request):
        return []
    if obj is not None and drafts.is_live(obj):
        return []
    return [name for name in PUBLICATION_FIELDS if hasattr(model, name)]


def deletion_held_for_review(request, obj):
    """True when four eyes keeps `request.user` from deleting `obj`: it is live, and they are
    not a superuser (deleting would take it off the site without a second person's review)."""
    return not request.user.is_superuser and four_eyes(request) and drafts.is_live(obj)


def refuse_deletion(model_admin, request):
    model_admin.message_user(
        request,
        _(
            "Four eyes is on: live content cannot be deleted directly. Unpublish it through "
            "review first (untick “published”, save and submit for review; someone else "
            "approves), then delete it."
        ),
        messages.ERROR,
    )


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


class EditorialForm(UploadWritingForm, ConflictCheckingForm):
    """Every content page's form: conflict-checked, its new files written while it can still
    show an error (editing/uploads.py)."""


class SafeAutocompleteMixin:
    """Our autocomplete widget on every autocomplete field: a refused form with a nonsense id is
    shown again with "Select a valid choice", not a server error (editing/widgets.py)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EditorialAdmin(
    SafeAutocompleteMixin,
    ReviewMixin,
    ZonedDateTimesMixin,
    RoleRestrictedMixin,
    ReadableCompareAdmin,
):
    """Base of every content admin: put it first, before modeltranslation's admin."""

    form = EditorialForm
    change_form_template = "admin/editing/change_form.html"
    revision_form_template = "admin/editing/revision_form.html"
    object_history_template = "admin/editing/object_history.html"
    history_latest_first = True
    actions = ["export_for_translation"]

    class Media:
        css = {"all": ["editing/admin.css"]}

    def get_readonly_fields(self, request, obj=None):
        locked = list(super().get_readonly_fields(request, obj))
        return [*locked, *(n for n in held_for_review(request, self.model, obj) if n not in locked)]

    def delete_view(self, request, object_id, extra_context=None):
        obj = self._live_object(object_id)
        if obj is not None and deletion_held_for_review(request, obj):
            refuse_deletion(self, request)
            opts = self.model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            return HttpResponseRedirect(url)
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions and not request.user.is_superuser and four_eyes(request):
            delete, name, description = actions["delete_selected"]

            def delete_unless_live(model_admin, request, queryset):
                if any(deletion_held_for_review(request, obj) for obj in queryset):
                    refuse_deletion(model_admin, request)
                    return None
                return delete(model_admin, request, queryset)

            actions["delete_selected"] = (delete_unless_live, name, description)
        return actions

    def get_list_display(self, request):
        columns = [status_column(language) for language in TRANSLATION_LANGUAGES]
        own = with_publication_column(super().get_list_display(request), self.model)
        return [*own, *columns]

    def get_list_filter(self, request):
        own = with_publication_filter(super().get_list_filter(request), self.model)
        return [*own, TranslationStatusFilter]

    @admin.action(description=_("Export the selected items for translation (PO or XLIFF)"))
    def export_for_translation(self, request, queryset):
        """Opens the export page (translation files) for the chosen objects."""
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        query = urlencode({"model": self.model._meta.label_lower, "ids": ids})
        return HttpResponseRedirect(f"{reverse('translation_export')}?{query}")

    def get_fieldsets(self, request, obj=None):
        fieldsets = with_translations_published(super().get_fieldsets(request, obj), self.model)
        return with_opened_at(fieldsets)

    def get_object(self, request, object_id, from_field=None):
        # A save reads its object with a row lock, held until its transaction ends: a second
        # save of the same object waits, then sees the first one's stamp (editing/conflicts.py).
        if request.method == "POST":
            request.lock_rows = True
        return super().get_object(request, object_id, from_field)

    def get_queryset(self, request):
        # Whether each object has unpublished changes, for the publication column: one
        # subquery in the list's query, whatever the number of rows.
        drafted = Draft.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        queryset = super().get_queryset(request).annotate(**{HAS_DRAFT: Exists(drafted)})
        return locked_when_saving(request, queryset)

    # A save that fails after writing a new logo takes the file away with it: the rollback
    # leaves no row pointing to it. The revision, saved last, is inside these views, as in the
    # history's restore and recover views below.
    def add_view(self, request, form_url="", extra_context=None):
        with deleted_on_failure(request):
            response = super().add_view(request, form_url, extra_context)
        return saved_or_cleaned_up(request, response)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        with deleted_on_failure(request):
            response = super().change_view(request, object_id, form_url, extra_context)
        return saved_or_cleaned_up(request, response)

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
        if change and not context["still_correct_allowed"] and "adminform" in context:
            hide_form_only_fields(context["adminform"], self.model)
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

    # History entries in the viewer's language: the revision keeps the structured message
    # (editing/change_messages.py), not reversion's text in the author's language.
    def construct_change_message(self, request, form, formsets, add=False):
        return structured_change_message(form, formsets, add)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    # History: restoring a version rewrites French text and publication, which are editors' work.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.require_full_rights(request)
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        # Publication and schedule stay as they are now, unless the editor asks for the
        # version's (a link on the page, which says which it is).
        restore_publication = request.GET.get(RESTORE_PUBLICATION) == "1"
        if not restore_publication:
            request.kept_publication = current_publication(version.revision)
        extra_context = {
            **(extra_context or {}),
            "restore_publication": restore_publication,
            "restore_publication_parameter": RESTORE_PUBLICATION,
        }
        token = restored_from.set(version)
        try:
            with deleted_on_failure(request):
                response = super().revision_view(request, object_id, version_id, extra_context)
        finally:
            restored_from.reset(token)
        return saved_or_cleaned_up(request, response)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # In a restore, django-reversion has just reverted the version's objects, this one and
        # those it follows, in the view's transaction: their publication is put back first, so
        # that the form shows, and saves, the current one.
        for model, pk, values in getattr(request, "kept_publication", ()):
            model._base_manager.filter(pk=pk).update(**values)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.require_full_rights(request)
        version = get_object_or_404(Version, pk=version_id)
        if held_for_review(request, self.model):
            # Four eyes: what comes back is unpublished, to be submitted for review.
            request.kept_publication = [
                (model, pk, {"is_published": False})
                for model, pk, _values in current_publication(version.revision, deleted=True)
                if is_publishable(model)
            ]
        token = restored_from.set(version)
        try:
            with deleted_on_failure(request):
                response = super().recover_view(request, version_id, extra_context)
        finally:
            restored_from.reset(token)
        return saved_or_cleaned_up(request, response)

    def recoverlist_view(self, request, extra_context=None):
        self.require_full_rights(request)
        return super().recoverlist_view(request, extra_context)

    def require_full_rights(self, request):
        if locked_fields(request.user, self.model):
            raise PermissionDenied


def current_publication(revision, deleted=False):
    """[(model, pk, {field: value now})]: whether and when each object of `revision` that still
    exists is published today, for the fields of KEPT_ON_RESTORE it has. `deleted`: the objects
    that no longer exist instead, with no values ({}), as a recovery brings them back."""
    kept = []
    for version in revision.version_set.all():
        model = version._model
        fields = [name for name in KEPT_ON_RESTORE if hasattr(model, name)]
        if not fields:
            continue
        values = model._base_manager.filter(pk=version.object_id).values(*fields).first()
        if deleted:
            if values is None:
                kept.append((model, version.object_id, {}))
            continue
        if values is not None:
            kept.append((model, version.object_id, values))
    return kept


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

    def get_list_display(self, request):
        # Translators cannot reorder: no drag handle that the server would refuse.
        columns = super().get_list_display(request)
        if may(request.user, "publish", self.model):
            return columns
        return [column for column in columns if column != "_reorder_"]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not may(request.user, "publish", self.model):
            self.enable_sorting = False  # adminsortable2 then draws no handle, even if asked
        return changelist

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


class EditorialInlineMixin(ZonedDateTimesMixin, RoleRestrictedMixin):
    """Inlines follow the same roles as their page, and each row checks, as its page does, that
    nobody saved it since it was opened (editing/conflicts.py)."""

    form = ConflictCheckingForm

    def get_fieldsets(self, request, obj=None):
        return with_opened_at(super().get_fieldsets(request, obj))

    def get_queryset(self, request):
        return locked_when_saving(request, super().get_queryset(request))


def with_translations_published(fieldsets, model):
    """The fieldsets, with each translation's "published" flag in a group of its own when the
    admin's fieldsets do not place them."""
    flags = [published_field(language) for language in TRANSLATION_LANGUAGES]
    placed = {
        name
        for _title, options in fieldsets
        for entry in options["fields"]
        for name in (entry if isinstance(entry, list | tuple) else (entry,))
    }
    missing = [name for name in flags if name not in placed and hasattr(model, name)]
    if not missing:
        return fieldsets
    return [*fieldsets, (_("Published translations"), {"fields": [tuple(missing)]})]


def hide_form_only_fields(adminform, model):
    """A read-only change page (someone who may only view) without the fields that exist only
    in the form to save it (the conflict check's "opened at", a confirmation box): Django shows
    every field of the fieldsets as read-only text, these with an English name and "None"."""
    declared = type(adminform.form).declared_fields
    model_fields = {field.name for field in model._meta.get_fields()}

    def shown(name):
        return name in model_fields or name not in declared

    fieldsets = []
    for title, options in adminform.fieldsets:
        fields = []
        for entry in options["fields"]:
            if isinstance(entry, list | tuple):
                entry = tuple(name for name in entry if shown(name))
                if entry:
                    fields.append(entry)
            elif shown(entry):
                fields.append(entry)
        if fields:
            fieldsets.append((title, {**options, "fields": fields}))
    adminform.fieldsets = fieldsets


def with_opened_at(fieldsets):
    """The fieldsets, with the hidden "opened at" stamp of the conflict check in the last one."""
    fieldsets = [(name, dict(options)) for name, options in fieldsets]
    _title, options = fieldsets[-1]
    options["fields"] = [*options["fields"], "opened_at"]
    return fieldsets


def locked_when_saving(request, queryset):
    """`queryset` with a row lock on its own table's rows while a change form is saved.

    Only inside a save's transaction (the admin's change view opens one): pages and lists read
    without locks. `of=("self",)`: joined tables, which PostgreSQL cannot lock on the nullable
    side of an outer join, stay unlocked.
    """
    if getattr(request, "lock_rows", False) and transaction.get_connection().in_atomic_block:
        return queryset.select_for_update(of=("self",))
    return queryset


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


@admin.register(WorkflowSettings)
class WorkflowSettingsAdmin(admin.ModelAdmin):
    """The review rule: one row, changed by those who may change it (superusers by default)."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not WorkflowSettings.objects.exists()


# Users and groups in the admin's language (registered here, where the admin is set up).
from . import accounts_admin  # noqa: E402, F401

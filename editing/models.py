"""The editorial contract: what every content type shares, declared once.

A content type is a model subclassing `EditorialContent` (or `PublishableContent`, for content
with its own publication flag and schedule). Subclassing is all it takes for the page cache to
be invalidated by its saves, for it to be exported, translation-tracked and listed in
"Translations to do", and for its roles' permissions to be created: editing/registry.py finds
content models by this type, and `give_permissions` below adds the permissions to each
subclass. See docs/architecture.md.
"""

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from multilingual.languages import (
    LANGUAGE_NAMES,
    SOURCE_LANGUAGE,
    TRANSLATION_LANGUAGES,
    english_name,
)

from . import translation_status
from .publishing import PublishableQuerySet
from .translation_status import TranslationQuerySet

# Earlier is a typing error; year 1 even overflows when the time is converted to UTC for saving.
EARLIEST_DATE = date(1900, 1, 1)


class EditorialContent(models.Model):
    """Content staff write in the source language and translate: its timestamps, and when the
    source text and each translation last changed (editing/tracking.py keeps these on every
    save), and the source text each translated field was made from: a translation is outdated
    when that source text has really changed (editing/translation_status.py).

    Subclasses name the fields a page is made of in `translation_core_fields` (see
    editing/translation_status.py) and get the permission `edit_source_<model>`.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)
    source_changed_at = models.DateTimeField(
        format_lazy(_("{language} text last changed"), language=LANGUAGE_NAMES[SOURCE_LANGUAGE]),
        null=True,
        editable=False,
    )
    # translated_at_<language>, one per translation language: added below from settings.
    # {language: {field: source text}}: what each translation was made from (or last confirmed
    # against); a translation is outdated when the source text now differs.
    translation_sources = models.JSONField(
        _("source text of the translations"), default=dict, blank=True, editable=False
    )

    objects = TranslationQuerySet.as_manager()

    # The fields a page is made of: a language is readable when these are translated (empty:
    # all the translated fields).
    translation_core_fields = ()
    # True for a model whose objects each have a public page of their own at
    # get_absolute_url() (not an anchor in another page): the sitemap lists them.
    has_own_page = False
    # The roles of editing/roles.py (by group name) given no permission on this type; every
    # other role gets its ROLE_ACTIONS after `migrate`.
    roles_left_out = ()

    class Meta:
        abstract = True

    def translation_state(self, language):
        """What remains to translate in `language`: COMPLETE, PARTIAL, MISSING or OUTDATED."""
        return translation_status.translation_state(self, language)

    def readable_in(self, language):
        """True when visitors can read this object in `language` (the switcher's answer)."""
        return translation_status.readable_in(self, language)


for _language in TRANSLATION_LANGUAGES:
    EditorialContent.add_to_class(
        translation_status.stamp_field(_language),
        models.DateTimeField(
            format_lazy(_("{language} last saved"), language=LANGUAGE_NAMES[_language]),
            null=True,
            editable=False,
        ),
    )


for _language in TRANSLATION_LANGUAGES:
    # Per-language publishing: a translation visitors may not read yet behaves as a missing one
    # (editing/translation_status.py readable_in), so the source text stays live meanwhile.
    EditorialContent.add_to_class(
        translation_status.published_field(_language),
        models.BooleanField(
            format_lazy(_("{language} published"), language=LANGUAGE_NAMES[_language]),
            default=True,
            help_text=_(
                "Untick to prepare and review this translation without showing it: visitors "
                "then read the French text, as if it were not translated."
            ),
        ),
    )


class PublishableContent(EditorialContent):
    """Content visitors see only once published, and only between its go-live and expiry: the
    public site follows the clock, nobody saves again. Subclasses also get the permission
    `publish_<model>`, and may explain their flag in `publication_help_text`."""

    is_published = models.BooleanField(_("published"), default=False)
    publish_at = models.DateTimeField(
        _("goes live on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to show it as soon as it is published. Example: the morning a "
            "campaign starts."
        ),
    )
    expire_at = models.DateTimeField(
        _("expires on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to keep it online. Example: the day after a campaign ends; it then "
            "disappears from the site by itself, and stays here."
        ),
    )

    objects = PublishableQuerySet.as_manager()

    publication_help_text = None

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.error_dict
        for name in ("publish_at", "expire_at"):
            moment = getattr(self, name)
            if moment and name not in errors and name not in (exclude or ()):
                try:
                    # The date as typed, in its own time zone: no conversion that could overflow.
                    MinValueValidator(EARLIEST_DATE)(moment.date())
                except ValidationError as error:
                    errors[name] = error.error_list
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        if self.publish_at and self.expire_at and self.expire_at <= self.publish_at:
            raise ValidationError(
                {"expire_at": _("The expiry must come after the go-live date and time.")}
            )


def contract_permissions(model, language_name=None):
    """[(codename, name)]: the permissions the roles of editing/roles.py use on `model`.

    The names read, in English, as the ones first written by hand in each model's Meta
    ("Can publish, schedule and order organisations"), so existing databases keep theirs.
    `language_name` names the source language in them: its English name by default (what the
    database stores); the admin passes the name in its own language (editing/permission_names.py).
    """
    opts = model._meta
    permissions = []
    if issubclass(model, PublishableContent):
        name = format_lazy(
            _("Can publish, schedule and order {items}"), items=opts.verbose_name_plural
        )
    else:
        # Content with no flag of its own is live once saved: this permits publishing changes.
        name = format_lazy(_("Can publish changes to {items}"), items=opts.verbose_name_plural)
    permissions.append((f"publish_{opts.model_name}", name))
    name = format_lazy(
        _("Can edit the {language} text and settings of {items}"),
        language=language_name or english_name(SOURCE_LANGUAGE),
        items=opts.verbose_name_plural,
    )
    permissions.append((f"edit_source_{opts.model_name}", name))
    return permissions


@receiver(class_prepared, dispatch_uid="editing-contract")
def give_permissions(sender, **kwargs):
    """Each concrete content model gets its role permissions (and its publication help text)
    from the framework: Django creates `Meta.permissions` after migrations, like its own."""
    if not issubclass(sender, EditorialContent):
        return
    opts = sender._meta
    own = [codename for codename, _name in opts.permissions]
    opts.permissions = [
        *[p for p in contract_permissions(sender) if p[0] not in own],
        *opts.permissions,
    ]
    # Migrations read a model's options from the Meta it was written with: as if written there.
    opts.original_attrs["permissions"] = opts.permissions
    if issubclass(sender, PublishableContent):
        field = opts.get_field("is_published")
        field.help_text = sender.publication_help_text or format_lazy(
            _("Only published {items} appear on the public site."),
            items=opts.verbose_name_plural,
        )


class Draft(models.Model):
    """Unpublished changes to a live content object: the proposed values of the object and of
    the rows it follows in its history (an organisation's partnerships), serialized as
    django-reversion serializes a version. The live row stays what visitors read; the public
    site never reads this table (editing/drafts.py applies a draft when it is published)."""

    EDITING = "editing"
    SUBMITTED = "submitted"
    SENT_BACK = "sent_back"
    APPROVED = "approved"
    STATES = {
        EDITING: _("being written"),
        SUBMITTED: _("awaiting review"),
        SENT_BACK: _("sent back"),
        APPROVED: _("approved, waiting for its go-live time"),
    }

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    payload = models.TextField(editable=False)
    # The live rows, serialized alike, when the draft was saved: what the draft changes is the
    # difference from them (editing/draft_merging.py). Empty for drafts saved before.
    base = models.TextField(editable=False, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=STATES, default=EDITING)
    # Blank: the account may be gone (SET_NULL), and a restored backup keeps such rows.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Everyone who saved into this draft or submitted it, by user name, in the order they
    # first did ({"camille": true, "eve": true}): with four eyes on, none of them may approve
    # it (the author is only the last one). User names, as backups name accounts, so that a
    # restored draft keeps them (backups/); an object, as backups store JSON.
    writers = models.JSONField(_("written by"), default=dict, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message to the reviewer"), blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    go_live_at = models.DateTimeField(
        _("changes go live on"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish the changes as soon as they are approved."),
    )
    saved_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_each")
        ]

    def __str__(self):
        return str(self.content_object or self.object_id)


class WorkflowEvent(models.Model):
    """One step of an object's story: saved, submitted, approved, sent back, published…"""

    SAVED = "saved"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT_BACK = "sent_back"
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    DISCARDED = "discarded"
    RESTORED = "restored"
    ACTIONS = {
        SAVED: _("saved changes as a draft"),
        SUBMITTED: _("submitted the changes for review"),
        APPROVED: _("approved the changes"),
        SENT_BACK: _("sent the changes back"),
        PUBLISHED: _("published the changes"),
        SCHEDULED: _("scheduled the changes"),
        DISCARDED: _("discarded the changes"),
        RESTORED: _("restored an old version as a draft"),
    }

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(_("action"), max_length=16, choices=ACTIONS)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("date"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user or ''} {self.get_action_display()}".strip()


class WorkflowSettings(models.Model):
    """The review rule, set in the admin (one row): whether every change needs a second
    person's approval."""

    four_eyes = models.BooleanField(
        _("four eyes"),
        default=False,
        help_text=_(
            "Every change to live content needs the approval of a second person, Editors' "
            "changes included; nobody approves their own submission."
        ),
    )

    class Meta:
        verbose_name = _("review settings")
        verbose_name_plural = _("review settings")

    def __str__(self):
        return str(_("review settings"))

    @classmethod
    def four_eyes_on(cls):
        """True when the admin asked for a second person's approval of every change."""
        return cls.objects.filter(pk=1, four_eyes=True).exists()


class AdminLanguage(models.Model):
    """The language a member of staff last used the admin in: their emails are written in it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="admin_language"
    )
    language = models.CharField(_("language"), max_length=10)

    class Meta:
        verbose_name = _("admin language")
        verbose_name_plural = _("admin languages")

    def __str__(self):
        return f"{self.user}: {self.language}"

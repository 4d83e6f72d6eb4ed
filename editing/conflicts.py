"""Two members of staff editing one object: the second to save is warned, nothing is lost.

Every form, inline rows included, carries its object's `updated_at` from when it was opened. If
the object was saved since, the save is refused with a message saying who changed what. The form
is shown again merged, field by field, against the form as the user opened it (a digest of each
field rides in the hidden stamp): a field only they changed keeps their text, a field only the
other person changed now shows the other person's value, and a field both changed keeps the
user's text and is marked with the other value. Saving again then keeps everyone's changes.

Two saves at the same instant: the admin reads the object with a row lock (`select_for_update`,
editing/admin.py) inside the save's transaction, so the second waits for the first to commit
and then sees its stamp; SQLite serialises the two transactions (`transaction_mode`).
"""

import hashlib
import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from reversion.models import Version

from multilingual.languages import LANGUAGE_CODES

from .translation_status import stamp_field, translated_fields

# Bookkeeping fields that change on every save: never listed as someone's change.
BOOKKEEPING = {
    "created_at",
    "updated_at",
    *(stamp_field(language) for language in LANGUAGE_CODES),
}


def stamp(obj):
    """The object's last save, as the hidden field carries it."""
    return obj.updated_at.isoformat() if obj.updated_at else ""


def changes_since(obj, opened_at):
    """[(field label, value now)] for what changed since `opened_at`, and the revision that
    changed it last (or None): read from django-reversion's versions."""
    versions = Version.objects.get_for_object(obj).select_related("revision__user")
    seen = versions.filter(revision__date_created__lte=opened_at).first()
    latest = versions.first()
    changed = []
    # modeltranslation's base column repeats whichever language was saved last: skipped.
    skipped = BOOKKEEPING | set(translated_fields(type(obj)))
    for field in obj._meta.concrete_fields:
        if field.name in skipped or field.primary_key or not field.editable:
            continue
        now = field.value_from_object(obj)
        before = seen.field_dict.get(field.attname, now) if seen else now
        if before != now:
            shown = now if now not in (None, "") else _("(empty)")
            changed.append((capfirst(str(field.verbose_name)), str(shown)))
    return changed, latest.revision if latest and latest != seen else None


def draft_author(obj):
    """Who last saved the object's draft (editing/drafts.py), if a draft was saved last."""
    from .drafts import draft_of

    draft = draft_of(obj)
    return draft.author if draft else None


def conflict_message(obj, opened_at):
    """What the refused editor reads: who saved, when, and what they changed."""
    changed, revision = changes_since(obj, opened_at)
    when = date_format(localtime(obj.updated_at), "DATETIME_FORMAT")
    user = revision.user if revision and revision.user else draft_author(obj)
    if user:
        who = _("%(user)s saved this page on %(when)s, while you were editing it.") % {
            "user": user.get_full_name() or user.get_username(),
            "when": when,
        }
    else:
        who = _("Someone saved this page on %(when)s, while you were editing it.") % {"when": when}
    if changed:
        what = _("Their version: %(changes)s.") % {
            "changes": "; ".join(f"{label}: “{value}”" for label, value in changed)
        }
    else:
        what = _("Their changes are in the history of this page.")
    keep = _(
        "Nothing was saved. The form below now shows their version wherever you had changed "
        "nothing, and keeps your text wherever you typed; a field you both changed is marked. "
        "Check it: saving again saves the form as it is."
    )
    return f"{who} {what} {keep}"


def as_form_data(widget, name, value):
    """{data key: [strings]} that `widget` reads back as `value` (already prepared by the form
    field): what a browser posts when the form shows `value`."""
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        data = {}
        for suffix, part_widget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=True
        ):
            data.update(as_form_data(part_widget, name + suffix, part))
        return data
    if isinstance(widget, forms.CheckboxInput):
        return {name: ["on"] if value else []}
    if isinstance(value, list | tuple):
        return {name: [str(item) for item in value]}
    shown = widget.format_value(value)
    return {name: ["" if shown is None else str(shown)]}


def fingerprint(data):
    """A short digest of one field's {data key: [strings]}. Browsers send a textarea's line
    breaks as CRLF and the form strips spaces: neither counts as a change."""
    normal = {
        key: [v.replace("\r\n", "\n").strip() for v in values] for key, values in data.items()
    }
    digest = hashlib.sha256(json.dumps(normal, sort_keys=True).encode()).hexdigest()
    return digest[:12]


class ConflictCheckingForm(forms.ModelForm):
    """A model form, for a page or an inline row, that refuses to overwrite a save it did not
    see, and shows everyone's changes merged (see the module's docstring).

    Its hidden `opened_at` carries "<updated_at>|<field>:<fingerprint>,…": the object's stamp
    and a digest of each field as the form showed it, so that a refused save knows which fields
    this user changed without a copy of the whole page.
    """

    opened_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Also when bound: an unchanged stamp must not count as a change in the history.
            self.initial["opened_at"] = self.opened_state()

    def mergeable_fields(self):
        """[(name, form field, model field)]: the fields a conflict can merge (files cannot)."""
        model_fields = {f.name: f for f in self.instance._meta.concrete_fields}
        return [
            (name, field, model_fields[name])
            for name, field in self.fields.items()
            if name in model_fields and not isinstance(field, forms.FileField)
        ]

    def as_saved(self, form_field, model_field):
        """The field's {data key: [strings]} for the object as the database holds it now."""
        value = form_field.prepare_value(model_field.value_from_object(self.instance))
        return as_form_data(form_field.widget, self.add_prefix(model_field.name), value)

    def as_posted(self, form_field, model_field):
        keys = self.as_saved(form_field, model_field)
        return {key: self.data.getlist(key) for key in keys}

    def opened_state(self):
        prints = ",".join(
            f"{name}:{fingerprint(self.as_saved(form_field, model_field))}"
            for name, form_field, model_field in self.mergeable_fields()
        )
        return f"{stamp(self.instance)}|{prints}"

    def clean(self):
        cleaned = super().clean()
        opened_stamp, _bar, prints = (cleaned.get("opened_at") or "").partition("|")
        # The instance was just read from the database: its updated_at is the latest save.
        if self.instance.pk and opened_stamp and opened_stamp != stamp(self.instance):
            message = conflict_message(self.instance, opened_stamp)
            self.data = self.data.copy()
            if hasattr(self.data, "setlist"):  # posted: a QueryDict, not a dict made in code
                opened = dict(item.split(":", 1) for item in prints.split(",") if ":" in item)
                self.merge_their_changes(opened)
            # A second save, after reading the warning, goes through.
            self.data[self.add_prefix("opened_at")] = self.opened_state()
            raise ValidationError(message, code="edit_conflict")
        return cleaned

    def merge_their_changes(self, opened):
        """Show their value in each field this user left as it was; mark the fields both changed.

        `opened`: {field name: fingerprint} as the user's form showed them. A field missing
        there (a hand-made post) is taken as the user's to keep, unmarked.
        """
        for name, form_field, model_field in self.mergeable_fields():
            theirs = self.as_saved(form_field, model_field)
            mine = fingerprint(self.as_posted(form_field, model_field))
            before = opened.get(name)
            if before is None or mine == fingerprint(theirs) or before == fingerprint(theirs):
                continue  # not known, both typed the same, or nobody else changed it
            if mine == before:
                for key, values in theirs.items():
                    self.data.setlist(key, values)
            else:
                self.add_error(
                    name,
                    ValidationError(
                        _("Changed by both of you. Their version: “%(value)s”. Yours is below."),
                        code="edit_conflict_field",
                        params={"value": shown_value(model_field.value_from_object(self.instance))},
                    ),
                )


def shown_value(value):
    """A value as the conflict messages quote it."""
    return str(value) if value not in (None, "") else _("(empty)")

"""Two members of staff editing one object: the second to save is warned, nothing is lost.

The form carries the object's `updated_at` from when it was opened. If the object was saved
since, the save is refused with a message saying who changed what, and the form keeps what the
user typed; saving again then keeps their version, deliberately.
"""

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


def conflict_message(obj, opened_at):
    changed, revision = changes_since(obj, opened_at)
    when = date_format(localtime(obj.updated_at), "DATETIME_FORMAT")
    if revision and revision.user:
        who = _("%(user)s saved this page on %(when)s, while you were editing it.") % {
            "user": revision.user.get_full_name() or revision.user.get_username(),
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
        "Your text is still in the form below and nothing was saved. Compare it with theirs; "
        "saving again will replace their version with yours."
    )
    return f"{who} {what} {keep}"


class ConflictCheckingForm(forms.ModelForm):
    opened_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Also when bound: an unchanged stamp must not count as a change in the history.
            self.initial["opened_at"] = stamp(self.instance)

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("opened_at")
        # The instance was just read from the database: its updated_at is the latest save.
        if self.instance.pk and opened_at and opened_at != stamp(self.instance):
            message = conflict_message(self.instance, opened_at)
            # A second save, after reading the warning, goes through.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_at")] = stamp(self.instance)
            raise ValidationError(message, code="edit_conflict")
        return cleaned

"""Whether each translation of an object is complete, partial, missing or outdated."""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

SOURCE = "fr"
TRANSLATIONS = ("en", "es")

COMPLETE = "complete"
PARTIAL = "partial"
MISSING = "missing"
OUTDATED = "outdated"
LABELS = {
    COMPLETE: _("complete"),
    PARTIAL: _("partial"),
    MISSING: _("missing"),
    OUTDATED: _("outdated"),
}


def translated_fields(model):
    """The model's fields staff translate, as registered with modeltranslation."""
    return tuple(translator.get_options_for_model(model).fields)


def status(obj, language):
    """COMPLETE, PARTIAL or MISSING: how many of the French texts exist in `language`."""
    needed = [f for f in translated_fields(type(obj)) if getattr(obj, f"{f}_{SOURCE}")]
    filled = [f for f in needed if getattr(obj, f"{f}_{language}")]
    if not filled:
        return MISSING if needed else COMPLETE
    return COMPLETE if len(filled) == len(needed) else PARTIAL


def is_outdated(obj, language):
    """The French changed after this translation was last saved."""
    source_changed = obj.source_changed_at
    translated = getattr(obj, f"translated_at_{language}")
    return bool(source_changed and translated and translated < source_changed)


def work_needed(obj, language):
    """MISSING, PARTIAL or OUTDATED when a translator has work on `obj`, else None."""
    current = status(obj, language)
    if current != COMPLETE:
        return current
    return OUTDATED if is_outdated(obj, language) else None


def incomplete_q(model, language):
    """A Q for objects with a French text whose `language` counterpart is empty."""
    query = Q()
    for field in translated_fields(model):
        source_filled = ~Q(**{f"{field}_{SOURCE}": ""}) & Q(**{f"{field}_{SOURCE}__isnull": False})
        target_empty = Q(**{f"{field}_{language}": ""}) | Q(**{f"{field}_{language}__isnull": True})
        query |= source_filled & target_empty
    return query


def outdated_q(language):
    return Q(**{f"translated_at_{language}__lt": F("source_changed_at")})

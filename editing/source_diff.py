"""What changed in the source text since a translation was made: the two texts side by side,
with the words removed and added marked (<del>, <ins>), for the translator's "What changed"."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import LANGUAGE_NAMES, TRANSLATION_LANGUAGES

from .translation_status import stale_fields

# Words and the spaces between them: a changed word is marked whole, as people read it.
TOKENS = re.compile(r"\s+|[^\s]+")


def marked_diff(then, now):
    """(then, now) as safe HTML: `then` with what was removed in <del>, `now` with what was
    added in <ins>; everything else escaped."""
    before, after = TOKENS.findall(then or ""), TOKENS.findall(now or "")
    old, new = [], []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(before[i1:i2])), escape("".join(after[j1:j2]))
        if operation == "equal":
            old.append(removed)
            new.append(added)
            continue
        if removed:
            old.append(f"<del>{removed}</del>")
        if added:
            new.append(f"<ins>{added}</ins>")
    return mark_safe("".join(old)), mark_safe("".join(new))  # both escaped above


def what_changed(obj):
    """Per translation language with outdated fields: {"code", "name", "fields": [{"label",
    "then", "now"}]}, the source texts marked by `marked_diff`. Empty for a new object."""
    if obj is None or obj.pk is None:
        return []
    languages = []
    for language in TRANSLATION_LANGUAGES:
        fields = []
        for field, then, now in stale_fields(obj, language):
            column = build_localized_fieldname(field, language)
            marked_then, marked_now = marked_diff(then, now)
            fields.append(
                {
                    "label": obj._meta.get_field(field).verbose_name,
                    "column": column,
                    "then": marked_then,
                    "now": marked_now,
                }
            )
        if fields:
            languages.append({"code": language, "name": LANGUAGE_NAMES[language], "fields": fields})
    return languages

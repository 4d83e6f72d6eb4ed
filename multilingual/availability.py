"""Which languages a piece of content really exists in, for visitors.

The language switcher, the "also available in" notice, hreflang links and the sitemap ask this
module; it asks the one translation rule (editing/translation_status.py `readable_in`), which
the admin's badges and filters ask too, so none of them can disagree. The rule reads each
language's own column: a translated attribute silently falls back to the source language, so
reading it would make every language look translated.
"""

from editing.translation_status import falls_back, readable_in

from .languages import LANGUAGE_CODES, SOURCE_LANGUAGE

__all__ = [
    "LANGUAGE_CODES",
    "SOURCE_LANGUAGE",
    "available_languages",
    "exists_in",
    "falls_back",
    "is_fallback",
]


def exists_in(obj, language):
    """True if visitors can read `obj` in `language`: each core field (the model's
    `translation_core_fields`) it has in the source language is filled in `language` too."""
    return readable_in(obj, language)


def available_languages(*objects):
    """The languages in which every one of `objects` exists, in the site's order."""
    return [lang for lang in LANGUAGE_CODES if all(readable_in(obj, lang) for obj in objects)]


def is_fallback(own_text, source_text):
    """True when a text missing in the visitor's language shows its source text instead."""
    return not own_text and bool(source_text)

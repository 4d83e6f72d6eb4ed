"""The one rule that decides which languages a piece of content really exists in.

The language switcher, the "also available in" notice, hreflang links and the sitemap all ask
this module, so they always agree. It reads the `_en`/`_es` columns directly: a translated
attribute silently falls back to French, so reading it would make every language look translated.
"""

from django.conf import settings

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def exists_in(obj, language):
    """True if each core field the object has in French is filled in `language` too.

    A model names its core fields in `translation_core_fields`: the text a page is made of.
    """
    if language == SOURCE_LANGUAGE:
        return True
    return all(
        getattr(obj, f"{field}_{language}")
        for field in obj.translation_core_fields
        if getattr(obj, f"{field}_{SOURCE_LANGUAGE}")
    )


def available_languages(*objects):
    """The languages in which every one of `objects` exists, in the site's order."""
    return [lang for lang in LANGUAGE_CODES if all(exists_in(obj, lang) for obj in objects)]


def is_fallback(own_text, source_text):
    """True when a text missing in the visitor's language shows its French instead."""
    return not own_text and bool(source_text)


def falls_back(obj, field, language):
    """True when the visitor reads the French text of `field` because `language` lacks it."""
    if language == SOURCE_LANGUAGE:
        return False
    return is_fallback(
        getattr(obj, f"{field}_{language}"), getattr(obj, f"{field}_{SOURCE_LANGUAGE}")
    )

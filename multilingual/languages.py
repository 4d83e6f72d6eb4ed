"""The site's languages, read from settings only: no language code is written anywhere else.

`settings.LANGUAGE_CODE` is the source language editors write in; every other language of
`settings.LANGUAGES` is a translation. Adding a language is a settings change, `makemigrations`
(editing/models.py makes its columns from this list) and its catalogue.
"""

from django.conf import settings
from django.utils.translation import get_language_info

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TRANSLATION_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]
# Each name as settings give it: lazily translated into the language of the page showing it.
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def english_name(code):
    """The language's English name ("French"): Django's own table, not a translation."""
    return get_language_info(code)["name"]

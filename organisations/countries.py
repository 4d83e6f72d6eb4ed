"""Country names in the reader's language, from the CLDR data that Babel ships."""

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language, to_locale

# CLDR territory codes that are not countries (regions, the EU, "unknown"...).
_NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"}


def _locale():
    return Locale.parse(to_locale(get_language() or settings.LANGUAGE_CODE))


def country_name(code):
    """The country's name in the active language, or the code itself if CLDR lacks it."""
    return _locale().territories.get(code, code) if code else ""


def country_choices():
    """(ISO 3166 code, name) pairs sorted by name in the active language."""
    names = _locale().territories
    countries = [
        (code, name)
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return sorted(countries, key=lambda pair: pair[1].casefold())

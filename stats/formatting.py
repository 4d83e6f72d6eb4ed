"""How a key figure's number reads in the active language.

Separators, decimal marks, percent signs and “million” words come from Babel (CLDR data, pinned
in pyproject.toml), never from hand-made strings; the wording around the number (“more than”,
“7 in 10”) comes from Django's message catalogues.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from django.conf import settings
from django.utils.translation import get_language, gettext, pgettext_lazy, to_locale

from stats.models import KeyFigure

ONE_MILLION = Decimal(1_000_000)
HUNDREDTH = Decimal("0.01")

Qualifier = KeyFigure.Qualifier
Kind = KeyFigure.Kind

# The exact qualifier has no wording: the number is shown alone.
QUALIFIER_FORMATS = {
    # Translators: a key figure's qualifier; %(value)s is the number, e.g. “more than 1.2 million”.
    Qualifier.MORE_THAN: pgettext_lazy("figure qualifier", "more than %(value)s"),
    # Translators: a key figure's qualifier; %(value)s is the number, e.g. “at least 15,000”.
    Qualifier.AT_LEAST: pgettext_lazy("figure qualifier", "at least %(value)s"),
    # Translators: a key figure's qualifier; %(value)s is the number, e.g. “about 29%”.
    Qualifier.ABOUT: pgettext_lazy("figure qualifier", "about %(value)s"),
    # Translators: a key figure's qualifier; %(value)s is the number, e.g. “up to 7 in 10”.
    Qualifier.UP_TO: pgettext_lazy("figure qualifier", "up to %(value)s"),
    # Translators: a key figure's qualifier for an age; %(value)s is the number, e.g. “as young
    # as 6”.
    Qualifier.AS_YOUNG_AS: pgettext_lazy("figure qualifier", "as young as %(value)s"),
}


def _babel_locale(language=None):
    """Django's language code ("fr", "en", "pt-br") as a Babel locale name ("pt_BR")."""
    return to_locale(language or get_language() or settings.LANGUAGE_CODE)


def _decimal(value):
    """The value as a Decimal (ints, strings and floats accepted), or None."""
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _at_most_two_decimals(value):
    """12.345 → 12.35, 12.50 → 12.5, 15000.00 → 15000 (Babel then drops no digit of its own)."""
    number = _decimal(value).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))  # 15000, not 1.5E+4 as normalize() would give
    return number.normalize()


def _plain(value):
    """A Decimal as plain digits, never in exponent form: 1200000.00 → "1200000", 12.50 → "12.5"."""
    text = format(_decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_number(value, language=None):
    """A number as it reads in `language`: “15 000”, “15,000”, “15.000”; “1,2 million”…

    Below one million, every digit is shown with the language's grouping, and at most two
    decimals; from one million on, the long compact form with one decimal at most.
    """
    locale = _babel_locale(language)
    number = _at_most_two_decimals(value)
    if abs(number) >= ONE_MILLION:
        return format_compact_decimal(number, format_type="long", locale=locale, fraction_digits=1)
    return format_decimal(number, locale=locale)


def format_percentage(value, language=None):
    """29 → “29 %” (fr, es, with a no-break space) or “29%” (en); 29.5 keeps its decimal."""
    number = _at_most_two_decimals(value)
    return format_percent(number / 100, locale=_babel_locale(language), decimal_quantization=False)


def format_ratio(n, m, language=None):
    """“7 in 10” in the active language (or `language`), each number formatted for it."""
    values = {"n": format_number(n, language), "m": format_number(m, language)}
    # Translators: a ratio such as “7 in 10”: %(n)s out of every %(m)s.
    return gettext("%(n)s in %(m)s") % values


def _number_text(figure):
    """The figure's number alone, without qualifier; "" when it cannot be read."""
    if figure.value is None:
        return ""
    if figure.kind == Kind.PERCENTAGE:
        return format_percentage(figure.value)
    if figure.kind == Kind.RATIO:
        if not figure.ratio_total:
            return ""
        return format_ratio(figure.value, figure.ratio_total)
    return format_number(figure.value)


def figure_display(figure):
    """The visible text of a figure's value, qualifier included: “more than 1.2 million”.

    A dated fact reads as its year; a figure with no value reads as "".
    """
    if figure.kind == Kind.DATED_FACT:
        return str(figure.year) if figure.year else ""
    number = _number_text(figure)
    if not number:
        return ""
    wording = QUALIFIER_FORMATS.get(figure.qualifier)
    if wording is None:
        return number
    return str(wording) % {"value": number}


def figure_exact_value(figure):
    """The machine-readable value for <data value="…">: "1200000", "29", "7" (the N of a ratio).

    A dated fact gives its year; a figure with no value gives "".
    """
    if figure.kind == Kind.DATED_FACT:
        return str(figure.year) if figure.year else ""
    if figure.value is None:
        return ""
    return _plain(figure.value)


def figure_proportion(figure):
    """Share between 0 and 1 for a percentage (29 → 0.29) or a ratio (7 in 10 → 0.7), else None."""
    if figure.value is None:
        return None
    if figure.kind == Kind.PERCENTAGE:
        share = _decimal(figure.value) / 100
    elif figure.kind == Kind.RATIO and figure.ratio_total:
        share = _decimal(figure.value) / figure.ratio_total
    else:
        return None
    return float(min(max(share, Decimal(0)), Decimal(1)))


def format_day(day, language=None):
    """A date as it reads in `language`: “12 mars 2024”, “March 12, 2024”, “12 de marzo de 2024”."""
    return format_date(day, format="long", locale=_babel_locale(language))

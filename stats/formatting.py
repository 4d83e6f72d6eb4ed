"""How a key figure's number reads in the active language.

Separators, decimal marks, percent signs and “million” words come from Babel (CLDR data, pinned
in pyproject.toml), never from hand-made strings; the wording around the number (“more than”,
“7 in 10”) comes from Django's message catalogues.

Babel 2.18.0 has three faults this module corrects around, keeping Babel for everything else:

- `format_compact_decimal` picks the word's plural from the raw value, so 1 000 000 reads
  “1 millions” in French (CLDR's “many” category). Here the unit and its plural are chosen from
  the number *as displayed*: 999 999 999 rounded to “1000 million” becomes “1 milliard”.
- It rounds half-up whatever the wording around the number, so “more than 1 950 000” read
  “more than 2 million”, which is false. Each qualifier now has its rounding rule (below).
- It ignores CLDR's minimum grouping digits: Spanish writes 1500, not 1.500 (but 15.000).

Rounding rule per qualifier, from one million on (below a million every digit is shown, so
every qualifier stays true):

- exact (no wording), “as young as”: the number stays exact. The compact form keeps up to three
  decimals of the unit (1 250 000 → “1,25 million”); a number that needs more is written in full
  digits (1 234 567 → “1 234 567”).
- “more than”, “at least”: one decimal, rounded *down*, so the promise stays true
  (1 950 000 → “more than 1.9 million”).
- “up to”: one decimal, rounded *up* (1 950 001 → “up to 2 million”).
- “about”: one decimal, rounded to the nearest, halves up (1 950 000 → “about 2 million”).
"""

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from django.conf import settings
from django.utils.translation import get_language, gettext, pgettext_lazy, to_locale

from stats.models import KeyFigure

ONE_MILLION = Decimal(1_000_000)
HUNDREDTH = Decimal("0.01")
TENTH = Decimal("0.1")
# The compact units, each a thousand times the previous one (CLDR “long” decimal formats).
COMPACT_UNITS = (10**6, 10**9, 10**12)
# Exact numbers keep at most this many decimals of their unit in the compact form.
EXACT_COMPACT_DECIMALS = 3

# CLDR's minimumGroupingDigits, which Babel does not apply: with 2, a four-digit number is not
# grouped (es: “1500”, “15.000”). Languages not listed group from four digits (CLDR default 1).
MIN_GROUPING_DIGITS = {"es": 2, "pl": 2, "pt_PT": 2}

EXACT = "exact"
DOWN = "down"
UP = "up"
NEAREST = "nearest"
ROUNDING_BY_QUALIFIER = {
    "exact": EXACT,
    "as_young_as": EXACT,
    "more_than": DOWN,
    "at_least": DOWN,
    "up_to": UP,
    "about": NEAREST,
}
DECIMAL_ROUNDING = {DOWN: ROUND_FLOOR, UP: ROUND_CEILING, NEAREST: ROUND_HALF_UP}

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


def _grouped(number, locale):
    """`number` with the language's grouping, four-digit numbers left alone where CLDR says so."""
    min_grouping = MIN_GROUPING_DIGITS.get(str(locale), MIN_GROUPING_DIGITS.get(locale.language, 1))
    group = abs(number) >= 10 ** (2 + min_grouping)
    return format_decimal(number, locale=locale, group_separator=group, decimal_quantization=False)


def _in_unit(number, unit, rounding):
    """`number` counted in `unit` (10**6…) as displayed under `rounding`, or None if not exact."""
    scaled = number / unit
    if rounding == EXACT:
        shown = scaled.quantize(Decimal(10) ** -EXACT_COMPACT_DECIMALS)
        return shown.normalize() if shown == scaled else None
    return scaled.quantize(TENTH, rounding=DECIMAL_ROUNDING[rounding]).normalize()


def _compact(number, locale, rounding):
    """“1,2 million”, “1 milliard”, or None when the number must be written in full digits.

    The unit is the largest one the *displayed* number reaches, so 999 999 999 about is
    “1 milliard”, never “1000 millions”; the word's plural comes from the displayed number too.
    """
    units = [unit for unit in COMPACT_UNITS if abs(number) >= unit] or [COMPACT_UNITS[0]]
    unit = units[-1]
    shown = _in_unit(number, unit, rounding)
    if shown is not None and abs(shown) >= 1000 and unit != COMPACT_UNITS[-1]:
        unit *= 1000
        shown = _in_unit(number, unit, rounding)
    if shown is None:
        return None
    shown = shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown
    patterns = locale.compact_decimal_formats["long"]
    plural = locale.plural_form(shown)
    pattern = (patterns.get(plural) or patterns["other"])[str(unit)]
    prefix, suffix = pattern.prefix[0], pattern.suffix[0]
    return f"{prefix}{_grouped(shown, locale)}{suffix}"


def format_number(value, language=None, qualifier=None):
    """A number as it reads in `language`: “15 000”, “15,000”, “15.000”, “1500” (es); “1,2 million”…

    Below one million, every digit is shown with the language's grouping, and at most two
    decimals; from one million on, the long compact form, rounded as `qualifier` (a
    KeyFigure.Qualifier value, exact by default) allows: see the module's rounding rules.
    """
    locale = Locale.parse(_babel_locale(language))
    number = _at_most_two_decimals(value)
    if abs(number) >= ONE_MILLION:
        rounding = ROUNDING_BY_QUALIFIER.get(qualifier or "exact", EXACT)
        compact = _compact(number, locale, rounding)
        if compact is not None:
            return compact
    return _grouped(number, locale)


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
    return format_number(figure.value, qualifier=figure.qualifier)


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

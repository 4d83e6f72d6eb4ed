"""Golden strings for numbers whose Babel 2.18.0 output was false or ungrammatical.

The unit and its plural follow the number as displayed, each qualifier rounds the way it keeps
its promise, and Spanish leaves four-digit numbers ungrouped. Exact strings: French groups with
a narrow no-break space (U+202F).
"""

import pytest
from django.utils.translation import override

from stats.formatting import figure_display, format_number
from tests.conftest import make_figure

# (value, language, qualifier, expected)
GOLDEN = [
    # Singular after rounding, the unit chosen from the displayed number.
    (1_000_000, "fr", "exact", "1 million"),
    (1_000_000_000, "fr", "exact", "1 milliard"),
    (1_000_000, "en", "exact", "1 million"),
    (1_000_000, "es", "exact", "1 millón"),
    (999_999_999, "fr", "about", "1 milliard"),
    (999_999_999, "en", "about", "1 billion"),
    (999_999_999, "es", "about", "1 mil millones"),
    (2_000_000_000, "fr", "exact", "2 milliards"),
    # “More than” and “at least” round down: never a promise the figure does not keep.
    (1_950_000, "fr", "more_than", "1,9 million"),
    (1_950_000, "en", "more_than", "1.9 million"),
    (1_950_000, "es", "at_least", "1,9 millones"),
    (999_999_999, "en", "more_than", "999.9 million"),
    # “Up to” rounds up, “about” to the nearest.
    (1_910_000, "en", "up_to", "2 million"),
    (1_950_000, "fr", "about", "2 millions"),
    (1_940_000, "es", "about", "1,9 millones"),
    # An exact figure keeps every digit it needs.
    (1_250_000, "fr", "exact", "1,25 million"),
    (1_250_000, "en", "exact", "1.25 million"),
    (1_234_567, "fr", "exact", "1\u202f234\u202f567"),
    (1_234_567, "es", "exact", "1.234.567"),
    (1_234_567, "en", "as_young_as", "1,234,567"),
    # CLDR's minimum grouping digits.
    (1500, "es", "exact", "1500"),
    (9999, "es", "exact", "9999"),
    (15_000, "es", "exact", "15.000"),
    (1500, "fr", "exact", "1\u202f500"),
    (1500, "en", "exact", "1,500"),
]


@pytest.mark.parametrize(("value", "language", "qualifier", "expected"), GOLDEN)
def test_a_number_reads_as_displayed_in_each_language(value, language, qualifier, expected):
    assert format_number(value, language, qualifier) == expected


@pytest.mark.django_db
def test_more_than_1_950_000_is_never_shown_as_more_than_2_million():
    figure = make_figure(value=1_950_000, qualifier="more_than")
    with override("en"):
        assert figure_display(figure) == "more than 1.9 million"


@pytest.mark.django_db
def test_a_ratio_of_four_digit_numbers_is_ungrouped_in_spanish():
    figure = make_figure(kind="ratio", value=1, ratio_total=1500)
    with override("es"):
        assert figure_display(figure).endswith("1500")

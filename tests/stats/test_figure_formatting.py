"""How a key figure's number reads in French, English and Spanish, and its small chart.

Numbers are Babel's (CLDR) output: French groups thousands with a narrow no-break space (U+202F)
and puts a no-break space (U+00A0) before “%”. The wording around numbers (“more than”, “in”)
is checked in English, the message ids, since the catalogues are filled separately.
"""

import re
from decimal import Decimal

import pytest
from django.template import engines
from django.utils.translation import override

from stats.formatting import (
    QUALIFIER_FORMATS,
    figure_display,
    figure_exact_value,
    figure_proportion,
    format_number,
    format_percentage,
    format_ratio,
)
from stats.models import KeyFigure
from tests.conftest import make_figure

pytestmark = pytest.mark.django_db


def render(source, figure):
    """`source` rendered by the public pages' template engine, with `figure`."""
    return engines["jinja2"].from_string(source).render({"figure": figure})


def shown(language, **fields):
    """The figure's value as `{{ figure|figure_value }}` renders it in `language`."""
    figure = make_figure(**fields)
    with override(language):
        return render("{{ figure|figure_value }}", figure)


def chart(**fields):
    return render("{{ proportion_chart(figure) }}", make_figure(**fields))


# Counts below a million: every digit, grouped the language's way.


def test_fifteen_thousand_reads_with_a_narrow_no_break_space_in_french():
    assert shown("fr", value=15000) == "15\u202f000"


def test_fifteen_thousand_reads_with_a_comma_in_english():
    assert shown("en", value=15000) == "15,000"


def test_fifteen_thousand_reads_with_a_full_stop_in_spanish():
    assert shown("es", value=15000) == "15.000"


def test_a_small_count_reads_as_its_digits():
    assert shown("en", value=135) == "135"


def test_a_count_with_decimals_keeps_at_most_two_of_them():
    assert format_number(Decimal("12.50"), "fr") == "12,5"
    assert format_number(Decimal("12.345"), "en") == "12.35"


# Counts of a million and more: the long compact form.


def test_a_million_and_a_bit_reads_1_2_million_in_french():
    assert shown("fr", value=1_200_000) == "1,2 million"


def test_a_million_and_a_bit_reads_1_2_million_in_english():
    assert shown("en", value=1_200_000) == "1.2 million"


def test_a_million_and_a_bit_reads_1_2_millones_in_spanish():
    assert shown("es", value=1_200_000) == "1,2 millones"


def test_two_million_takes_the_plural_where_the_language_does():
    assert format_number(2_000_000, "fr") == "2 millions"
    assert format_number(2_000_000, "en") == "2 million"
    assert format_number(2_000_000, "es") == "2 millones"


def test_the_language_defaults_to_the_active_one():
    with override("es"):
        assert format_number(15000) == "15.000"


# Percentages.


def test_a_percentage_has_a_no_break_space_before_the_sign_in_french():
    assert shown("fr", kind="percentage", value=29) == "29\xa0%"


def test_a_percentage_is_stuck_to_its_sign_in_english():
    assert shown("en", kind="percentage", value=29) == "29%"


def test_a_percentage_has_a_no_break_space_before_the_sign_in_spanish():
    assert shown("es", kind="percentage", value=29) == "29\xa0%"


def test_a_percentage_keeps_its_decimals():
    assert format_percentage(Decimal("29.50"), "fr") == "29,5\xa0%"
    assert format_percentage(Decimal("29.00"), "en") == "29%"


# Ratios.


def test_a_ratio_reads_7_in_10_in_english():
    assert shown("en", kind="ratio", value=7, ratio_total=10) == "7 in 10"


def test_a_ratio_formats_its_numbers_for_the_language():
    with override("en"):
        assert format_ratio(1, 15000) == "1 in 15,000"


def test_a_ratio_without_its_total_shows_nothing():
    assert shown("en", kind="ratio", value=7, ratio_total=None) == ""


# Qualifiers, in English (the message ids).


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", "15,000"),
        ("more_than", "more than 15,000"),
        ("at_least", "at least 15,000"),
        ("about", "about 15,000"),
        ("up_to", "up to 15,000"),
        ("as_young_as", "as young as 15,000"),
    ],
)
def test_each_qualifier_reads_before_the_number_in_english(qualifier, expected):
    assert shown("en", value=15000, qualifier=qualifier) == expected


def test_a_qualifier_applies_to_a_percentage_and_a_ratio_too():
    assert shown("en", kind="percentage", value=29, qualifier="about") == "about 29%"
    assert shown("en", kind="ratio", value=7, ratio_total=10, qualifier="up_to") == "up to 7 in 10"


def test_a_qualifier_keeps_the_french_number_formatting():
    # The wording is not translated yet in tests; the number is formatted for French all the same.
    figure = make_figure(value=1_200_000, qualifier="more_than")
    with override("fr"):
        assert figure_display(figure).endswith("1,2 million")


# Dated facts and missing values.


def test_a_dated_fact_shows_its_year_without_grouping_or_qualifier():
    figure = make_figure(kind="dated_fact", value=None, year=2022, qualifier="more_than")
    with override("fr"):
        assert render("{{ figure|figure_value }}", figure) == "2022"


def test_a_count_with_no_value_shows_nothing():
    assert shown("en", value=None) == ""


# The machine value for <data value="…">.


def test_the_exact_value_of_a_million_has_no_decimals_and_no_exponent():
    figure = make_figure(value=Decimal("1200000.00"))
    figure.refresh_from_db()
    assert render("{{ figure|figure_exact }}", figure) == "1200000"


def test_the_exact_value_of_a_percentage_is_its_number():
    assert figure_exact_value(make_figure(kind="percentage", value=Decimal("29.00"))) == "29"


def test_the_exact_value_of_a_ratio_is_its_n():
    assert figure_exact_value(make_figure(kind="ratio", value=7, ratio_total=10)) == "7"


def test_the_exact_value_keeps_significant_decimals_only():
    assert figure_exact_value(make_figure(value=Decimal("12.50"))) == "12.5"


def test_the_exact_value_of_a_dated_fact_is_its_year():
    assert figure_exact_value(make_figure(kind="dated_fact", value=None, year=2022)) == "2022"


def test_the_exact_value_is_the_same_in_every_language():
    figure = make_figure(value=15000)
    for language in ("fr", "en", "es"):
        with override(language):
            assert render('<data value="{{ figure|figure_exact }}">', figure) == (
                '<data value="15000">'
            )


# Proportions.


def test_a_percentage_is_a_proportion_of_its_hundred():
    assert figure_proportion(make_figure(kind="percentage", value=29)) == pytest.approx(0.29)


def test_a_ratio_is_a_proportion_of_its_total():
    assert figure_proportion(make_figure(kind="ratio", value=7, ratio_total=10)) == 0.7


def test_a_count_and_a_dated_fact_have_no_proportion():
    assert figure_proportion(make_figure(value=15000)) is None
    assert figure_proportion(make_figure(kind="dated_fact", value=None, year=2022)) is None


# The chart.


def test_a_29_percent_bar_is_filled_over_34_8_of_its_120_units():
    svg = chart(kind="percentage", value=29)
    assert 'viewBox="0 0 120 12"' in svg
    assert 'width="120" height="12" fill="#d9e2ec"' in svg
    assert 'width="34.8" height="12" fill="#1f5fa8"' in svg


def test_a_full_percentage_bar_is_filled_over_its_whole_width():
    assert 'width="120" height="12" fill="#1f5fa8"' in chart(kind="percentage", value=100)


def test_a_7_in_10_ratio_shows_7_filled_dots_and_3_empty_ones():
    svg = chart(kind="ratio", value=7, ratio_total=10)
    assert svg.count("<circle ") == 10
    assert svg.count('fill="#1f5fa8"') == 7
    assert svg.count('fill="#d9e2ec"') == 3
    assert 'viewBox="0 0 140 14"' in svg
    assert 'width="140" height="14"' in svg
    # The filled dots come first.
    fills = re.findall(r'<circle [^>]*fill="(#[0-9a-f]{6})"', svg)
    assert fills == ["#1f5fa8"] * 7 + ["#d9e2ec"] * 3


def test_a_ratio_out_of_more_than_20_is_shown_as_a_bar():
    svg = chart(kind="ratio", value=1, ratio_total=40)
    assert "<circle" not in svg
    assert 'width="3" height="12" fill="#1f5fa8"' in svg


@pytest.mark.parametrize(
    "fields",
    [{"kind": "percentage", "value": 29}, {"kind": "ratio", "value": 7, "ratio_total": 10}],
    ids=["percentage", "ratio"],
)
def test_the_chart_is_hidden_from_assistive_technologies_and_has_no_inline_style(fields):
    svg = chart(**fields)
    assert svg.startswith("<svg ")
    assert 'aria-hidden="true"' in svg
    assert 'focusable="false"' in svg
    assert 'class="figure-chart"' in svg
    assert "style=" not in svg
    assert "<script" not in svg
    assert "href" not in svg
    assert "&lt;" not in svg  # rendered as markup, not escaped text


def test_a_count_has_no_chart():
    assert chart(value=15000) == ""


def test_a_dated_fact_has_no_chart():
    assert chart(kind="dated_fact", value=None, year=2022) == ""


def test_the_qualifier_choices_all_have_a_wording_or_are_exact():
    assert set(QUALIFIER_FORMATS) | {KeyFigure.Qualifier.EXACT} == set(KeyFigure.Qualifier)

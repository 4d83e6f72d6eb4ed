import pytest
from django.core.exceptions import ValidationError

from stats.models import KeyFigure
from tests.conftest import make_figure, make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def errors_of(**fields):
    values = {"key": "a-figure", "label_fr": "un chiffre", "kind": "count", "value": 1}
    values.update(fields)
    with pytest.raises(ValidationError) as raised:
        KeyFigure(**values).full_clean()
    return raised.value.message_dict


def is_valid(**fields):
    values = {"key": "a-figure", "label_fr": "un chiffre", "kind": "count", "value": 1}
    values.update(fields)
    KeyFigure(**values).full_clean()
    return True


def test_a_percentage_above_100_is_refused():
    assert errors_of(kind="percentage", value=101) == {
        "value": ["A percentage is between 0 and 100."]
    }


def test_a_percentage_of_0_or_100_is_accepted():
    assert is_valid(kind="percentage", value=0)
    assert is_valid(kind="percentage", value=100)


def test_a_negative_figure_is_refused():
    assert "value" in errors_of(kind="percentage", value=-1)


def test_a_ratio_whose_n_is_above_its_m_is_refused():
    assert errors_of(kind="ratio", value=11, ratio_total=10) == {
        "value": ["In a ratio “N in M”, N cannot be above M (10)."]
    }


def test_a_ratio_needs_its_m():
    assert "ratio_total" in errors_of(kind="ratio", value=7)


def test_seven_in_ten_is_a_valid_ratio():
    assert is_valid(kind="ratio", value=7, ratio_total=10)


def test_only_a_ratio_has_an_out_of_number():
    assert "ratio_total" in errors_of(kind="count", value=7, ratio_total=10)


def test_a_count_needs_its_value():
    assert errors_of(kind="count", value=None) == {"value": ["Enter the figure's value."]}


def test_a_dated_fact_needs_a_year_and_no_number():
    assert errors_of(kind="dated_fact", value=3, year=None) == {
        "value": ["A dated fact has no number: leave the value empty."],
        "year": ["A dated fact needs its year."],
    }
    assert is_valid(kind="dated_fact", value=None, year=2022)


def test_a_year_after_next_year_is_refused():
    assert "year" in errors_of(year=2999)


def test_a_figure_without_organisation_title_or_link_has_its_source_missing():
    missing = make_figure()
    with_title = make_figure(source_title_fr="Rapport mondial")
    with_body = make_figure(source_organisation=make_organisation())
    assert missing.source_missing
    assert not with_title.source_missing
    assert not with_body.source_missing
    assert list(KeyFigure.objects.missing_source()) == [missing]
    assert set(KeyFigure.objects.with_source()) == {with_title, with_body}

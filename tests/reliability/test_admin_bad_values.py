"""Bad input typed in the admin: every editable field of every content form refuses it with an
error on that very field, in the staff member's language, and nothing is saved half-way: no row,
no version in the history, no admin log line, no file under MEDIA_ROOT.

The fields come from the admin's own forms (bad_values.FIELD_CASES), so a field added later is
tested without anyone listing it; a field of a kind these tests do not know stops the collection
until they learn it. Hypothesis draws the bad values, the same ones on every run, and types them
into the page's real form (django-webtest); test_admin_named_bad_input.py pins the exact
messages.
"""

import pytest
from django.contrib import admin
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from editing.registry import is_stored_with_content
from tests.reliability.admin_errors import (
    LANGUAGES,
    assert_refused,
    place,
    submit_in,
    with_value,
)
from tests.reliability.admin_pages import MODES, PAGES, snapshot
from tests.reliability.bad_values import FIELD_CASES

pytestmark = pytest.mark.django_db

# Hypothesis: the same examples on every run and no example database. One page set-up serves
# every example of a test, as intended: each example must leave the database as it found it.
# No shrinking: each step would be an admin page rendered again, and a failure could take
# minutes to shrink; the failing example is reported as it was drawn.
GENERATED = settings(
    max_examples=2,
    phases=[Phase.explicit, Phase.generate],
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def test_the_cases_cover_every_field_of_every_content_admin():
    models = {case.values[0] for case in FIELD_CASES}
    assert models == {m for m in admin.site._registry if is_stored_with_content(m)}
    assert models <= set(PAGES), "a new admin page needs a builder in admin_pages.PAGES"
    # 99 fields today, each language's column counted; fewer means a form lost fields.
    assert len(FIELD_CASES) >= 99


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("model", list(PAGES))
def test_each_page_saves_while_no_field_is_spoiled(pages, model, mode):
    # Otherwise an error on another field, or on none, could hide behind the one tested.
    response = submit_in(pages(model, mode).form(), "fr")
    assert response.status_code == 302


def draw_language(data):
    language = data.draw(st.sampled_from(LANGUAGES), label="language")
    return language, data.draw(st.sampled_from(["header", "cookie"]), label="language from")


def key_of(prefix, name):
    """The field's name in the page's form: "partnerships-0-kind" in an inline's first row."""
    return f"{prefix}-0-{name}" if prefix else name


# Each field on one form, the add and the change form in turn, so that a test opens one page;
# the test after this one spoils every field on both forms.
ONE_FIELD_CASES = [
    pytest.param(
        *case.values,
        MODES[n % 2],
        id=f"{case.id}-{MODES[n % 2]}",
    )
    for n, case in enumerate(FIELD_CASES)
]


@pytest.mark.parametrize(("model", "prefix", "name", "values", "mode"), ONE_FIELD_CASES)
@given(data=st.data())
@GENERATED
def test_a_bad_value_is_refused_on_its_field_in_the_staffs_language_and_nothing_is_saved(
    pages, media_root, model, prefix, name, values, mode, data
):
    form = pages(model, mode).form()
    value = data.draw(values, label="value")
    language, via = draw_language(data)
    before = snapshot(media_root)
    response = submit_in(with_value(form, key_of(prefix, name), value), language, via)
    assert assert_refused(response, [place(prefix, name)], language) >= 1
    assert snapshot(media_root) == before


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("model", PAGES)
@given(data=st.data())
@GENERATED
def test_bad_values_in_every_field_at_once_are_each_refused_on_their_own_field(
    pages, media_root, model, mode, data
):
    # The test above spoils one field of a form drawn at random; this one spoils every field of
    # both forms, so that each field is seen refusing on the add form and on the change form.
    form = pages(model, mode).form()
    places = []
    for case in FIELD_CASES:
        case_model, prefix, name, values = case.values
        if case_model is model:
            key = key_of(prefix, name)
            with_value(form, key, data.draw(values, label=key))
            places.append(place(prefix, name))
    language, via = draw_language(data)
    before = snapshot(media_root)
    response = submit_in(form, language, via)
    assert assert_refused(response, places, language) >= len(places)
    assert snapshot(media_root) == before

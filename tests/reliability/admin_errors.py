"""Typing into an admin form, submitting it in a staff member's language, and reading the errors
the page comes back with."""

from django.conf import settings as django_settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import conditional_escape

from tests.reliability.bad_values import SCRIPT, Upload
from tests.webforms import type_into

LANGUAGES = ("fr", "en", "es")
# Messages read in English until their French and Spanish reach the catalogues: take each out
# of this set once it is translated.
AWAITING_TRANSLATION = set()


def with_value(form, key, value):
    """`form` with `value` typed into the field named `key` (a date and time: both halves)."""
    if isinstance(value, Upload):
        type_into(form, key, value.for_webtest())
    elif isinstance(value, dict):
        for suffix, part in value.items():
            type_into(form, key + suffix, part)
    else:
        type_into(form, key, value)
    return form


def submit_in(form, language, via="header"):
    """Submit `form` from a browser set to `language`, or as staff who chose it in the admin (a
    cookie); any answer is returned, errors included."""
    if via == "header":
        return form.submit(headers={"Accept-Language": language}, expect_errors=True)
    app = form.response.test_app
    app.set_cookie(django_settings.LANGUAGE_COOKIE_NAME, language)
    try:
        return form.submit(expect_errors=True)
    finally:
        for cookie in list(app.cookiejar):
            if cookie.name == django_settings.LANGUAGE_COOKIE_NAME:
                app.cookiejar.clear(cookie.domain, cookie.path, cookie.name)


def every_error(response):
    """{(inline prefix or "", row, field): [ValidationError]}: the page's form and inline rows."""
    found = {
        ("", None, name): errors
        for name, errors in response.context["adminform"].form.errors.as_data().items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if formset.non_form_errors():
            found[formset.prefix, None, "__all__"] = formset.non_form_errors().as_data()
        for row, form in enumerate(formset.forms):
            for name, errors in form.errors.as_data().items():
                found[formset.prefix, row, name] = errors
    return found


def rendered(error, language):
    with translation.override(language):
        return next(iter(error))


def assert_shown_in(html, errors, language):
    """Each message is on the page as `language` words it, and that language really has it: a
    missing translation would show the English, or in Spanish the French. Returns how many
    messages could be checked in all three languages (those not worded before this check)."""
    checked = 0
    for error in errors:
        assert conditional_escape(rendered(error, language)) in html
        if isinstance(error.message, Promise) and rendered(error, "en") not in AWAITING_TRANSLATION:
            wordings = {rendered(error, other) for other in LANGUAGES}
            assert len(wordings) == len(LANGUAGES), wordings
            checked += 1
    return checked


def place(prefix, name):
    """Where an error on `name` belongs: the page's form, or the first row of inline `prefix`."""
    return (prefix, 0 if prefix else None, name)


def place_of(key):
    """Where an error on the field posted as `key` belongs ("partnerships-0-kind": a row's)."""
    prefix, _row, name = key.rpartition("-0-")
    return place(prefix, name)


def assert_refused(response, places, language):
    """The page comes back in `language` with errors on `places` and nowhere else."""
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{language}"' in html
    errors = every_error(response)
    assert set(errors) == set(places)
    assert SCRIPT not in html  # what was typed comes back as text, never as markup
    return sum(assert_shown_in(html, errors[where], language) for where in places)


def assert_refused_with(response, messages, language):
    """Refused with exactly `messages` ({place: [message]}), shown in `language`."""
    assert_refused(response, list(messages), language)
    errors = every_error(response)
    for where, expected in messages.items():
        assert [rendered(error, language) for error in errors[where]] == expected

"""Staff fill in the admin's forms and save them; bad input comes back as an error on the field,
nothing saved. The forms are the pages' own, filled by django-webtest as a browser would."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure
from tests.admin.forms import (
    FIGURE_VALUES,
    ORGANISATION_VALUES,
    PARTNERSHIP_VALUES,
    STATUS_VALUES,
)
from tests.conftest import make_organisation, make_partnership
from tests.webforms import add_inline_row, fill, main_form

pytestmark = pytest.mark.django_db


def add_form(browser, model, **values):
    """The add page's form of `model`, filled in with `values` (field name: value)."""
    opts = model._meta
    form = main_form(browser.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")))
    return fill(form, values)


def with_a_row(form, prefix, **values):
    """`form` with a row added to inline `prefix` ("Add another") and `values` typed in it."""
    row = add_inline_row(form, prefix)
    return fill(form, {f"{prefix}-{row}-{name}": value for name, value in values.items()})


def save(form, language="fr"):
    return form.submit(headers={"Accept-Language": language}, expect_errors=True)


def test_an_organisation_is_saved_in_french_with_english_but_no_spanish(editor_browser):
    response = save(add_form(editor_browser, Organisation, **ORGANISATION_VALUES))
    assert response.status_code == 302
    ilo = Organisation.objects.get(slug_fr="organisation-internationale-du-travail")
    assert (ilo.acronym_fr, ilo.acronym_en) == ("OIT", "ILO")
    assert not ilo.acronym_es
    assert ilo.slug_es is None


def test_an_organisation_and_its_first_partnership_are_saved_together(editor_browser):
    form = with_a_row(
        add_form(editor_browser, Organisation, **ORGANISATION_VALUES),
        "partnerships",
        kind="consultative_status",
        role_fr="Statut",
        order="5",
    )
    assert save(form).status_code == 302
    assert Partnership.objects.get().organisation.acronym_fr == "OIT"


def test_an_organisation_without_french_name_is_refused_in_french_and_keeps_what_was_typed(
    editor_browser,
):
    values = {**ORGANISATION_VALUES, "name_fr": "", "summary_fr": "Un résumé tapé avec soin"}
    response = save(add_form(editor_browser, Organisation, **values))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name_fr"] == ["Ce champ est obligatoire."]
    assert main_form(response)["summary_fr"].value == "Un résumé tapé avec soin"
    assert not Organisation.objects.exists()


def test_a_duplicate_slug_is_refused_on_the_slug_field_in_the_staffs_language(editor_browser):
    make_organisation(slug_fr="organisation-internationale-du-travail")
    response = save(add_form(editor_browser, Organisation, **ORGANISATION_VALUES), language="es")
    assert response.context["adminform"].form.errors["slug_fr"] == [
        "Otra organización ya tiene este slug."
    ]


def test_a_website_that_is_not_a_web_address_is_refused_in_french(editor_browser):
    values = {**ORGANISATION_VALUES, "website": "ftp://example.org/"}
    response = save(add_form(editor_browser, Organisation, **values))
    assert response.context["adminform"].form.errors["website"] == [
        "Saisissez une adresse web qui commence par http:// ou https://."
    ]


def test_a_website_typed_without_its_scheme_is_taken_as_https(editor_browser):
    values = {**ORGANISATION_VALUES, "website": "www.ilo.org"}
    save(add_form(editor_browser, Organisation, **values))
    assert Organisation.objects.get().website == "https://www.ilo.org"


def test_a_partnership_and_its_consultative_status_are_saved_together(editor_browser):
    ecosoc = make_organisation(acronym_fr="ECOSOC")
    form = with_a_row(
        add_form(editor_browser, Partnership, organisation=str(ecosoc.pk), **PARTNERSHIP_VALUES),
        "consultative_status",
        category="special",
        granted_year="1993",
    )
    assert save(form).status_code == 302
    assert ConsultativeStatus.objects.get().body == ecosoc


def test_an_end_year_before_the_start_year_is_refused_in_spanish(editor_browser):
    values = {
        "organisation": str(make_organisation().pk),
        **PARTNERSHIP_VALUES,
        "since_year": "2012",
        "until_year": "2010",
    }
    response = save(add_form(editor_browser, Partnership, **values), language="es")
    assert response.context["adminform"].form.errors["until_year"] == [
        "El año de fin no puede ser anterior al año de inicio (2012)."
    ]
    assert not Partnership.objects.exists()


def test_a_consultative_status_is_saved_on_its_own_page(editor_browser):
    partnership = make_partnership(kind="consultative_status")
    values = {"partnership": str(partnership.pk), **STATUS_VALUES}
    assert save(add_form(editor_browser, ConsultativeStatus, **values)).status_code == 302
    assert ConsultativeStatus.objects.get().category == "special"


def test_a_key_figure_is_saved(editor_browser):
    response = save(add_form(editor_browser, KeyFigure, **FIGURE_VALUES))
    assert response.status_code == 302
    figure = KeyFigure.objects.get()
    assert (figure.kind, figure.value, figure.source_missing) == ("percentage", 29, True)


def test_a_percentage_above_100_is_refused_in_french(editor_browser):
    response = save(add_form(editor_browser, KeyFigure, **{**FIGURE_VALUES, "value": "129"}))
    assert response.context["adminform"].form.errors["value"] == [
        "Un pourcentage est compris entre 0 et 100."
    ]
    assert not KeyFigure.objects.exists()


def test_a_ratio_whose_n_is_above_its_m_is_refused_in_english(editor_browser):
    values = {**FIGURE_VALUES, "kind": "ratio", "value": "12", "ratio_total": "10"}
    response = save(add_form(editor_browser, KeyFigure, **values), language="en")
    assert response.context["adminform"].form.errors["value"] == [
        "In a ratio “N in M”, N cannot be above M (10)."
    ]

"""Staff save valid forms; bad input comes back as an error on the field, nothing saved."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure
from tests.admin.forms import (
    figure_form,
    inline_management,
    organisation_form,
    partnership_form,
    status_form,
)
from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


def post(client, url, data, language="fr"):
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)


def test_an_organisation_is_saved_in_french_with_english_but_no_spanish(editor_client):
    response = post(
        editor_client, reverse("admin:organisations_organisation_add"), organisation_form()
    )
    assert response.status_code == 302
    ilo = Organisation.objects.get(slug_fr="organisation-internationale-du-travail")
    assert (ilo.acronym_fr, ilo.acronym_en) == ("OIT", "ILO")
    assert not ilo.acronym_es
    assert ilo.slug_es is None


def test_an_organisation_and_its_first_partnership_are_saved_together(editor_client):
    data = organisation_form(
        **inline_management("partnerships", total=1),
        **{"partnerships-0-kind": "consultative_status", "partnerships-0-role_fr": "Statut"},
        **{"partnerships-0-order": "5"},
    )
    response = post(editor_client, reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 302
    assert Partnership.objects.get().organisation.acronym_fr == "OIT"


def test_an_organisation_without_french_name_is_refused_in_french_and_keeps_what_was_typed(
    editor_client,
):
    data = organisation_form(name_fr="", summary_fr="Un résumé tapé avec soin")
    response = post(editor_client, reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name_fr"] == ["Ce champ est obligatoire."]
    assert "Un résumé tapé avec soin" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_duplicate_slug_is_refused_on_the_slug_field_in_the_staffs_language(editor_client):
    make_organisation(slug_fr="organisation-internationale-du-travail")
    response = post(
        editor_client,
        reverse("admin:organisations_organisation_add"),
        organisation_form(),
        language="es",
    )
    assert response.context["adminform"].form.errors["slug_fr"] == [
        "Otra organización ya tiene este slug."
    ]


def test_a_website_that_is_not_a_web_address_is_refused_in_french(editor_client):
    data = organisation_form(website="ftp://example.org/")
    response = post(editor_client, reverse("admin:organisations_organisation_add"), data)
    assert response.context["adminform"].form.errors["website"] == [
        "Saisissez une adresse web qui commence par http:// ou https://."
    ]


def test_a_website_typed_without_its_scheme_is_taken_as_https(editor_client):
    data = organisation_form(website="www.ilo.org")
    post(editor_client, reverse("admin:organisations_organisation_add"), data)
    assert Organisation.objects.get().website == "https://www.ilo.org"


def test_a_partnership_and_its_consultative_status_are_saved_together(editor_client):
    ecosoc = make_organisation(acronym_fr="ECOSOC")
    data = partnership_form(
        ecosoc,
        **inline_management("consultative_status", total=1),
        **{
            "consultative_status-0-category": "special",
            "consultative_status-0-granted_year": "1993",
        },
    )
    response = post(editor_client, reverse("admin:partners_partnership_add"), data)
    assert response.status_code == 302
    assert ConsultativeStatus.objects.get().body == ecosoc


def test_an_end_year_before_the_start_year_is_refused_in_spanish(editor_client):
    data = partnership_form(make_organisation(), since_year="2012", until_year="2010")
    response = post(editor_client, reverse("admin:partners_partnership_add"), data, language="es")
    assert response.context["adminform"].form.errors["until_year"] == [
        "El año de fin no puede ser anterior al año de inicio (2012)."
    ]
    assert not Partnership.objects.exists()


def test_a_consultative_status_is_saved_on_its_own_page(editor_client):
    partnership = make_partnership(kind="consultative_status")
    response = post(
        editor_client, reverse("admin:partners_consultativestatus_add"), status_form(partnership)
    )
    assert response.status_code == 302
    assert ConsultativeStatus.objects.get().category == "special"


def test_a_key_figure_is_saved(editor_client):
    response = post(editor_client, reverse("admin:statistics_keyfigure_add"), figure_form())
    assert response.status_code == 302
    figure = KeyFigure.objects.get()
    assert (figure.kind, figure.value, figure.source_missing) == ("percentage", 29, True)


def test_a_percentage_above_100_is_refused_in_french(editor_client):
    response = post(
        editor_client, reverse("admin:statistics_keyfigure_add"), figure_form(value="129")
    )
    assert response.context["adminform"].form.errors["value"] == [
        "Un pourcentage est compris entre 0 et 100."
    ]
    assert not KeyFigure.objects.exists()


def test_a_ratio_whose_n_is_above_its_m_is_refused_in_english(editor_client):
    data = figure_form(kind="ratio", value="12", ratio_total="10")
    response = post(editor_client, reverse("admin:statistics_keyfigure_add"), data, language="en")
    assert response.context["adminform"].form.errors["value"] == [
        "In a ratio “N in M”, N cannot be above M (10)."
    ]

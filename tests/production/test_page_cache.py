"""Anonymous visitors' pages come from the cache; an edit in the admin reaches them at once."""

import pytest
from django.test import Client
from django.urls import reverse

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    organisation = make_organisation(name_fr="Réseau européen", name_en="European network")
    make_partnership(organisation)
    return organisation


def test_a_second_visit_is_served_from_the_cache(client, partner):
    assert client.get("/en/partners/")["X-Cache"] == "miss"
    response = client.get("/en/partners/")
    assert response["X-Cache"] == "hit"
    assert "European network" in response.content.decode()


def test_each_language_has_its_own_cached_page(client, partner):
    client.get("/en/partners/")
    french = client.get("/fr/partenaires/")
    assert french["X-Cache"] == "miss"
    assert "Réseau européen" in french.content.decode()
    assert client.get("/fr/partenaires/")["Content-Language"] == "fr"
    assert client.get("/en/partners/")["Content-Language"] == "en"


def test_a_campaign_query_string_shares_the_cached_page(client, partner):
    client.get("/en/partners/")
    assert client.get("/en/partners/?utm_source=newsletter")["X-Cache"] == "hit"


def test_logged_in_staff_always_get_a_fresh_page(editor_client, partner):
    editor_client.get("/en/partners/")
    assert "X-Cache" not in editor_client.get("/en/partners/")


def test_search_results_and_missing_pages_are_never_cached(client, partner):
    for path in ("/en/search/?q=network", "/en/organisations/nobody/"):
        client.get(path)
        assert "X-Cache" not in client.get(path)


def test_an_admin_save_reaches_visitors_at_once(editor_client, partner):
    visitor = Client()
    visitor.get("/en/partners/")
    url = reverse("admin:organisations_organisation_change", args=[partner.pk])
    data = organisation_form(
        name_fr="Réseau européen",
        name_en="European children's network",
        slug_fr=partner.slug_fr,
        slug_en="european-network",
    )
    assert editor_client.post(url, {**data, **PUBLISH}).status_code == 302
    response = visitor.get("/en/partners/")
    assert response["X-Cache"] == "miss"
    assert "European children&#39;s network" in response.content.decode()  # Jinja2's escape


def test_an_admin_delete_reaches_visitors_at_once(editor_client):
    visitor = Client()
    organisation = make_organisation(name_en="Short-lived body", slug_en="short-lived-body")
    assert visitor.get("/en/organisations/short-lived-body/").status_code == 200
    assert visitor.get("/en/organisations/short-lived-body/")["X-Cache"] == "hit"
    url = reverse("admin:organisations_organisation_delete", args=[organisation.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.exists()
    assert visitor.get("/en/organisations/short-lived-body/").status_code == 404


def test_the_page_cache_can_be_turned_off(client, partner, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/partners/")
    assert "X-Cache" not in client.get("/en/partners/")

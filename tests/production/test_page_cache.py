"""Anonymous visitors' pages come from the cache; an edit in the admin reaches them at once."""

import pytest
from django.core.management import call_command
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


def test_a_second_visit_is_served_from_the_cache_without_any_query(
    client, partner, django_assert_num_queries
):
    assert client.get("/en/partners/")["X-Cache"] == "miss"
    with django_assert_num_queries(0):
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


def test_a_request_for_another_port_never_fills_the_page_later_visitors_get(partner):
    # Django accepts any port of an allowed host: the page made for it names that port.
    Client().get("/en/partners/", HTTP_HOST="127.0.0.1:6666")
    Client().get("/en/partners/", HTTP_HOST="127.0.0.1:6666")
    later = Client().get("/en/partners/", HTTP_HOST="127.0.0.1")
    assert later["X-Cache"] == "miss"
    assert "6666" not in later.content.decode()


def test_a_sitemap_page_that_does_not_exist_is_404_whether_cached_or_not(client, partner):
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/sitemap.xml")["X-Cache"] == "hit"
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=2").status_code == 404


def test_each_query_string_has_its_own_cached_page(client, partner):
    client.get("/en/partners/")
    assert client.get("/en/partners/?utm_source=newsletter")["X-Cache"] == "miss"
    assert client.get("/en/partners/?utm_source=newsletter")["X-Cache"] == "hit"


def test_a_made_up_session_cookie_does_not_switch_the_cache_off(client, partner):
    client.cookies["sessionid"] = "made-up-by-a-crawler"
    client.get("/en/partners/")
    response = client.get("/en/partners/")
    assert response["X-Cache"] == "hit"
    assert "European network" in response.content.decode()


def test_logged_in_staff_always_get_a_fresh_page(editor_client, partner):
    editor_client.get("/en/partners/")
    assert "X-Cache" not in editor_client.get("/en/partners/")


def test_a_preview_never_enters_the_cache(editor_client):
    draft = make_organisation(name_en="Secret draft", slug_en="secret-draft", is_published=False)
    path = f"/en/organisations/{draft.slug_en}/"
    preview = editor_client.get(f"{path}?preview=1")
    assert "Secret draft" in preview.content.decode()
    assert "X-Cache" not in preview
    for url in (path, f"{path}?preview=1"):
        visitor = Client()
        assert visitor.get(url).status_code == 404
        assert visitor.get(url).status_code == 404
        assert "X-Cache" not in visitor.get(url)


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


def test_a_change_made_outside_the_admin_reaches_visitors_at_once(client, partner):
    client.get("/en/partners/")
    partner.name_en = "Renamed network"
    partner.save()
    assert "Renamed network" in client.get("/en/partners/").content.decode()


def test_the_page_cache_can_be_turned_off(client, partner, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/partners/")
    assert "X-Cache" not in client.get("/en/partners/")


def test_a_head_request_is_answered_from_the_cached_page(client, partner):
    client.get("/en/partners/")
    response = client.head("/en/partners/")
    assert (response.status_code, response["X-Cache"]) == (200, "hit")
    assert response.content == b""


def test_pages_cached_before_a_migrate_are_forgotten(client, partner):
    # The site migrates each time it starts: a restored database never shows older pages.
    client.get("/en/partners/")
    assert client.get("/en/partners/")["X-Cache"] == "hit"
    call_command("migrate", verbosity=0)
    assert client.get("/en/partners/")["X-Cache"] == "miss"

"""The language switcher always helps: it keeps a search, offers every language on a page that
exists only in French (saying where it goes), and `/` remembers the language chosen."""

import re

import pytest

from tests.conftest import make_organisation
from tests.public.test_languages import english_only, hreflang_links, switcher_links  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_only():
    return make_organisation(name_fr="Réseau francophone", slug_fr="reseau-francophone")


def switcher_notes(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<small class="switcher-note" lang="(\w+)">\((.*?)\)</small>', nav))


def test_on_search_results_the_switcher_keeps_the_query(client):
    html = client.get("/fr/recherche/?q=enfant").content.decode()
    links = switcher_links(html)
    assert links["en"] == "/en/search/?q=enfant"
    assert links["es"] == "/es/buscar/?q=enfant"


def test_a_french_only_page_offers_english_and_spanish_going_to_the_list(client, french_only):
    html = client.get("/fr/organisations/reseau-francophone/").content.decode()
    assert switcher_links(html) == {"en": "/en/organisations/", "es": "/es/organizaciones/"}
    assert switcher_notes(html) == {
        "en": "not translated: list of organisations",
        "es": "no traducida: lista de organizaciones",
    }
    # Search engines are still told of the French page only.
    assert set(hreflang_links(html)) == {"fr", "x-default"}


def test_a_partly_translated_page_links_its_translation_and_the_list_for_the_rest(
    client,
    english_only,  # noqa: F811
):
    html = client.get("/fr/organisations/reseau-europeen/").content.decode()
    assert switcher_links(html) == {
        "en": "/en/organisations/european-network/",
        "es": "/es/organizaciones/",
    }


def test_the_root_sends_a_visitor_to_the_language_in_their_cookie(client, db):
    # The switcher's script writes Django's language cookie; LocaleMiddleware reads it.
    client.cookies["django_language"] = "es"
    back = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert (back.status_code, back["Location"]) == (302, "/es/")


def test_the_switcher_tells_its_script_how_to_write_the_cookie(client, db):
    html = client.get("/en/partners/").content.decode()
    nav = re.search(r'<nav class="language-switcher"[^>]*>', html).group(0)
    assert 'data-cookie-name="django_language"' in nav
    assert 'data-cookie-path="/"' in nav
    assert f'data-cookie-age="{365 * 24 * 60 * 60}"' in nav
    assert re.search(r'<script src="/static/multilingual/remember-language[.\w]*js" defer>', html)


@pytest.mark.parametrize("path", ["/fr/", "/en/partners/", "/es/", "/fr/organisations/"])
def test_no_public_page_sets_a_cookie_so_every_one_can_be_shared(client, db, path):
    """A Set-Cookie header would stop the page cache, proxies and CDNs from keeping the page."""
    for cookie in ({}, {"django_language": "fr"}):
        client.cookies.clear()
        for name, value in cookie.items():
            client.cookies[name] = value
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies
        assert "public" in response["Cache-Control"]

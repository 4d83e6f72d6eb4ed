"""Old, short and misspelt addresses reach their page whatever the browser's language; the list
of organisations exists in every language; staff's own redirects are language-aware."""

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from pages.models import Page
from tests.conftest import make_organisation
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en"}
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es"}


@pytest.fixture
def unicef():
    return make_organisation(
        name_fr="Fonds des Nations unies pour l’enfance",
        name_en="United Nations Children's Fund",
        name_es="Fondo de las Naciones Unidas para la Infancia",
        slug_fr="unicef",
        slug_en="unicef",
        slug_es="unicef",
        summary_en="A fund.",
        summary_es="Un fondo.",
    )


@pytest.fixture
def about_page():
    """The About page staff placed: /a-propos/ is a page they write (pages/)."""
    return make_page(title_fr="À propos", slug_fr="a-propos", placement=Page.Placement.ABOUT)


def permanent_target(response):
    assert response.status_code == 301, response.status_code
    return response["Location"]


def target(response):
    """Where a redirect sends: permanent, or temporary when the browser's language chose it."""
    assert response.status_code in (301, 302), response.status_code
    return response["Location"]


# Without a prefix the browser's language chooses: a temporary redirect, as LocaleMiddleware's.
# With one, the address is simply misspelt: a permanent redirect.
@pytest.mark.parametrize(
    ("path", "browser", "status", "expected"),
    [
        ("/partenaires/", ENGLISH_BROWSER, 302, "/en/partners/"),
        ("/partenaires/", SPANISH_BROWSER, 302, "/es/socios/"),
        ("/a-propos/", ENGLISH_BROWSER, 302, "/en/about/"),
        ("/partners/", FRENCH_BROWSER, 302, "/fr/partenaires/"),
        ("/organisations/unicef/", SPANISH_BROWSER, 302, "/es/organizaciones/unicef/"),
        ("/fr/partners/", SPANISH_BROWSER, 301, "/fr/partenaires/"),
        ("/es/organisations/unicef/", ENGLISH_BROWSER, 301, "/es/organizaciones/unicef/"),
        ("/fr/Partenaires/", ENGLISH_BROWSER, 301, "/fr/partenaires/"),
        ("/FR/partenaires/", ENGLISH_BROWSER, 301, "/fr/partenaires/"),
        ("/fr/organisations/UNICEF/", ENGLISH_BROWSER, 301, "/fr/organisations/unicef/"),
    ],
)
def test_an_address_in_any_language_words_redirects_to_its_page(
    client, unicef, about_page, path, browser, status, expected
):
    response = client.get(path, **browser)
    assert response.status_code == status
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/?lang=en", "/en/"),
        ("/?lang=es", "/es/"),
        ("/partenaires/?lang=es", "/es/socios/"),
        ("/fr/partenaires/?lang=en", "/en/partners/"),
        ("/fr/recherche/?q=enfant&lang=es", "/es/buscar/?q=enfant"),
    ],
)
def test_the_old_sites_lang_parameter_redirects_to_the_page_in_that_language(
    client, path, expected
):
    assert permanent_target(client.get(path, **FRENCH_BROWSER)) == expected


def test_a_redirect_chosen_by_the_browser_language_varies_by_it(client):
    response = client.get("/partenaires/", **ENGLISH_BROWSER)
    assert "Accept-Language" in response["Vary"]


def test_an_address_of_no_page_stays_a_404(client, db):
    assert client.get("/fr/organisations/nobody/").status_code == 404
    assert client.get("/nothing-here/", **ENGLISH_BROWSER).status_code == 404


@pytest.mark.parametrize(
    ("path", "language"),
    [("/fr/organisations/", "fr"), ("/en/organisations/", "en"), ("/es/organizaciones/", "es")],
)
def test_the_list_of_organisations_exists_in_each_language(client, unicef, path, language):
    make_organisation(name_fr="Brouillon caché", is_published=False)
    html = client.get(path).content.decode()
    assert f'<html lang="{language}"' in html
    assert unicef.get_absolute_url() in html or "/organisations/unicef/" in html
    assert "Brouillon caché" not in html
    assert 'rel="alternate" hreflang="es" href="http://testserver/es/organizaciones/"' in html


def test_the_list_of_organisations_is_in_the_sitemap(client, db):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/fr/organisations/", "/en/organisations/", "/es/organizaciones/"):
        assert f"<loc>http://testserver{path}</loc>" in sitemap


def test_a_staff_redirect_from_an_old_path_reaches_the_page_in_the_visitors_language(
    client, unicef
):
    Redirect.objects.create(
        site=Site.objects.get_current(),
        old_path="/nos-partenaires.html",
        new_path="/fr/partenaires/",
    )
    assert target(client.get("/nos-partenaires.html", **SPANISH_BROWSER)) == "/es/socios/"
    assert target(client.get("/nos-partenaires.html", **FRENCH_BROWSER)) == "/fr/partenaires/"


def test_the_list_of_organisations_is_cached_and_an_edit_reaches_it(client, unicef):
    assert client.get("/fr/organisations/")["X-Cache"] == "miss"
    assert client.get("/fr/organisations/")["X-Cache"] == "hit"
    make_organisation(name_fr="Nouvel organisme", slug_fr="nouvel-organisme")
    fresh = client.get("/fr/organisations/")
    assert fresh["X-Cache"] == "miss"
    assert "Nouvel organisme" in fresh.content.decode()


def test_a_redirect_is_the_same_whatever_host_asked_first(client, unicef):
    first = client.get("/fr/Partenaires/", HTTP_HOST="localhost")
    assert first["Location"] == "/fr/partenaires/"
    assert "X-Cache" not in first

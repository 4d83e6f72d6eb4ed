"""The old site's addresses, as its visitors and search engines kept them, reach the page now
holding their content. The old site (/work/shared/domain.md) was French by default, at addresses
without a language prefix, with WordPress's `?lang=` parameter for the other languages and
WordPress's `?s=` search from the field every page had; people also type its words with
accents and capitals. One table: old address, visitor's browser language → new address."""

import pytest

from pages.models import Page
from tests.conftest import make_organisation
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(db):
    make_organisation(
        name_fr="Fonds des Nations unies pour l’enfance",
        name_en="United Nations Children's Fund",
        name_es="Fondo de las Naciones Unidas para la Infancia",
        slug_fr="unicef",
        slug_en="unicef",
        slug_es="unicef",
        summary_en="A fund.",
        summary_es="Un fondo.",
    )
    make_page(
        title_fr="À propos",
        title_en="About",
        title_es="Acerca de",
        slug_fr="a-propos",
        slug_en="about",
        slug_es="acerca-de",
        summary_en="About us.",
        summary_es="Sobre nosotros.",
        body_en="<p>Text.</p>",
        body_es="<p>Texto.</p>",
        placement=Page.Placement.ABOUT,
    )


# (old address, browser language, status, new address). 302 where the browser's language chose
# (as Django's LocaleMiddleware answers "/"), 301 where the address itself names its language.
OLD_ADDRESSES = [
    # French pages of the old site, without a prefix.
    ("/partenaires/", "fr", 302, "/fr/partenaires/"),
    ("/partenaires/", "en", 302, "/en/partners/"),
    ("/a-propos/", "es", 302, "/es/acerca-de/"),
    ("/chiffres-cles/", "fr", 302, "/fr/chiffres-cles/"),
    ("/organisations/unicef/", "en", 302, "/en/organisations/unicef/"),
    ("/partenaires", "fr", 302, "/fr/partenaires/"),
    # WordPress's language parameter: the language it names wins over the browser's.
    ("/?lang=en", "fr", 301, "/en/"),
    ("/?lang=es", "en", 301, "/es/"),
    ("/?lang=fr", "en", 301, "/fr/"),
    ("/partenaires/?lang=en", "fr", 301, "/en/partners/"),
    ("/a-propos/?lang=es", "fr", 301, "/es/acerca-de/"),
    ("/organisations/unicef/?lang=es", "fr", 301, "/es/organizaciones/unicef/"),
    ("/?lang=EN", "fr", 301, "/en/"),
    ("/?lang=en_US", "fr", 301, "/en/"),
    ("/?lang=es-ES", "fr", 301, "/es/"),
    # WordPress's search, from the field every page had.
    ("/?s=enfant", "fr", 302, "/fr/recherche/?q=enfant"),
    ("/?s=enfant", "es", 302, "/es/buscar/?q=enfant"),
    ("/?s=children&lang=en", "fr", 301, "/en/search/?q=children"),
    ("/?s=l%E2%80%99enfant", "fr", 302, "/fr/recherche/?q=l%E2%80%99enfant"),
    # Typed with accents or capitals.
    ("/fr/chiffres-cl%C3%A9s/", "en", 301, "/fr/chiffres-cles/"),
    ("/fr/%C3%A0-propos/", "en", 301, "/fr/a-propos/"),
    ("/fr/organisations/Unic%C3%A9f/", "en", 301, "/fr/organisations/unicef/"),
    ("/A-PROPOS/", "es", 302, "/es/acerca-de/"),
    ("/FR/Partenaires/", "en", 301, "/fr/partenaires/"),
]


@pytest.mark.parametrize(("old", "browser", "status", "new"), OLD_ADDRESSES)
def test_an_old_sites_address_reaches_its_page(client, old, browser, status, new):
    response = client.get(old, HTTP_ACCEPT_LANGUAGE=browser)
    assert (response.status_code, response["Location"]) == (status, new)
    assert client.get(new).status_code == 200


def test_a_redirect_chosen_by_the_browser_says_it_varies_by_its_language(client):
    response = client.get("/?s=enfant", HTTP_ACCEPT_LANGUAGE="es")
    assert "Accept-Language" in response["Vary"]


def test_a_parameter_merely_ending_in_s_is_no_search(client):
    response = client.get("/?ids=3", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/?ids=3"


def test_an_unknown_language_parameter_leaves_the_visitor_in_their_language(client):
    response = client.get("/?lang=de", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"].startswith("/es/")

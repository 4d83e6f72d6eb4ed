"""Every public page answers in every language, at its translated path."""

import re

import pytest

from organisations.models import Organisation
from tests.conftest import make_organisation, make_partnership
from tests.public.conftest import LANGUAGES, PAGES

ALL_PAGES = [
    (name, lang, path)
    for name, paths in PAGES.items()
    for lang, path in zip(LANGUAGES, paths, strict=True)
]


@pytest.mark.parametrize(("page_name", "lang", "path"), ALL_PAGES)
def test_each_page_answers_in_its_language_with_one_h1(client, demo, page_name, lang, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'class="skip-link" href="#content"' in html
    assert '<main id="content"' in html


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "<title>Partenaires — Défense des Enfants International</title>"),
        ("en", "<title>Partners — Defence for Children International</title>"),
        ("es", "<title>Socios — Defensa de Niñas y Niños Internacional</title>"),
    ],
)
def test_the_partners_page_title_is_in_the_visitors_language(client, demo, lang, title):
    path = PAGES["partners"][LANGUAGES.index(lang)]
    assert title in client.get(path).content.decode()


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("es-ES", "/es/"),
        ("fr-BE", "/fr/"),
        ("de-DE", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_the_root_sends_visitors_to_their_language_or_french(client, db, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    "path",
    # /en/partenaires/ is no longer here: a path in another language’s words is redirected.
    ["/de/", "/de/partners/", "/en/organisations/no-such-body/", "/fr/nope/"],
)
def test_unknown_pages_and_prefixes_are_404_pages_in_the_sites_design(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "<h1>" in html


def test_the_404_page_speaks_the_visitors_language(client, db):
    response = client.get("/es/organizaciones/nadie/")
    assert "Página no encontrada" in response.content.decode()


def test_a_draft_organisation_is_a_404(client, db):
    make_organisation(slug_en="draft-body", is_published=False)
    assert client.get("/en/organisations/draft-body/").status_code == 404


def test_a_draft_partnership_is_not_listed(client, db):
    body = make_organisation(name_fr="Corps visible")
    make_partnership(body, role_fr="Rôle public")
    make_partnership(body, kind="hosting", role_fr="Rôle en brouillon", is_published=False)
    html = client.get("/fr/partenaires/").content.decode()
    assert "Rôle public" in html
    assert "Rôle en brouillon" not in html


def test_a_partnership_with_an_unpublished_organisation_is_not_listed(client, db):
    hidden = make_organisation(name_fr="Organisme caché", is_published=False)
    make_partnership(hidden, role_fr="Rôle caché")
    assert "Rôle caché" not in client.get("/fr/partenaires/").content.decode()


def test_an_organisation_url_in_another_languages_slug_is_redirected_for_good(client, demo):
    response = client.get("/en/organisations/oit/")
    assert response.status_code == 301
    assert response["Location"] == "/en/organisations/ilo/"


def test_the_partners_page_opens_with_the_summary_then_groups_by_kind(client, demo):
    html = client.get("/en/partners/").content.decode()
    summary = html.index("Statuses and memberships at a glance")
    consultative = html.index('<h2 id="consultative-status">Consultative status</h2>')
    assert summary < consultative
    assert html.index("Economic and Social Council") < html.index(
        "International Labour Organization"
    )
    assert 'href="/en/organisations/ilo/"' in html
    assert "What it lets DCI do:" in html


def test_the_organisation_page_shows_every_relationship_with_dei(client, demo):
    ipjj = Organisation.objects.get(acronym_en="IPJJ")
    html = client.get(ipjj.get_absolute_url()).content.decode()
    assert html.count('class="partnership"') == 2


def test_the_organisation_page_carries_schema_org_data(client, demo):
    html = client.get("/en/organisations/ilo/").content.decode()
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert '"@type": "Organization"' in data
    assert '"alternateName": "ILO"' in data
    assert '"url": "https://www.ilo.org/"' in data


def test_the_summary_names_a_body_once_with_all_its_memberships(client, demo):
    html = client.get("/en/partners/").content.decode()
    summary = html[html.index('id="summary-title"') : html.index('id="consultative-status"')]
    assert summary.count(">Child Rights Connect</a>") == 1
    assert "founding membership, steering-committee seat" in summary

"""What every public page shows beside its own content (the header menu, a structured page's
introduction, the open-data licence) is read once per content generation
(sitecache/fragments.py): with the page cache off, a second visit reads only the page's own
rows, yet any edit shows at the next request, and staff previewing never share the visitors'
copy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import NavigationItem, Page
from stats.models import OpenDataSettings
from tests.pages.conftest import make_page


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every request renders its page: only the fragments' own cache is left to test."""
    settings.PAGE_CACHE_SECONDS = 0


def visit(client, path):
    """(number of queries, HTML) of one visit to `path`."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


@pytest.fixture
def menu_and_introduction(db):
    about = make_page(title_fr="Qui sommes-nous", slug_fr="qui")
    NavigationItem.objects.create(page=about, order=1)
    intro = make_page(
        title_fr="Nos partenaires",
        slug_fr="intro-partenaires",
        body_fr="<p>Nous travaillons avec des organismes du monde entier.</p>",
        placement=Page.Placement.PARTNERS,
    )
    return about, intro


def test_a_second_visit_reads_only_the_pages_own_rows(client, menu_and_introduction):
    first, html = visit(client, "/fr/partenaires/")
    assert "Qui sommes-nous" in html
    assert "organismes du monde entier" in html
    again, html = visit(client, "/fr/partenaires/")
    # The partnerships only: the menu, the introduction and the licence come kept.
    assert again == 1
    assert first == again + 1 + 1 + 1
    assert "Qui sommes-nous" in html
    assert "organismes du monde entier" in html


def test_search_results_keep_the_menu_and_introduction_too(client, menu_and_introduction):
    intro = make_page(
        title_fr="Chercher",
        slug_fr="chercher",
        body_fr="<p>Cherchez parmi nos pages.</p>",
        placement=Page.Placement.SEARCH,
    )
    visit(client, "/fr/recherche/?q=enfant")  # what any process reads once
    intro.body_fr = "<p>Cherchez parmi nos pages et nos partenaires.</p>"
    intro.save()  # a new generation: nothing kept
    first, html = visit(client, "/fr/recherche/?q=enfant")
    assert "Cherchez parmi nos pages et nos partenaires." in html
    again, html = visit(client, "/fr/recherche/?q=enfant")
    # The menu; the introduction (a text without references); which objects are published.
    assert first - again == 1 + 1 + 1
    assert "Cherchez parmi nos pages et nos partenaires." in html


def test_a_menu_edit_shows_at_the_next_visit(client, menu_and_introduction):
    about, _intro = menu_and_introduction
    visit(client, "/fr/partenaires/")
    about.title_fr = "Notre histoire"
    about.save()
    _queries, html = visit(client, "/fr/partenaires/")
    assert "Notre histoire" in html
    about.is_published = False
    about.save()
    _queries, html = visit(client, "/fr/partenaires/")
    assert "Notre histoire" not in html


def test_an_introduction_edit_shows_at_the_next_visit(client, menu_and_introduction):
    _about, intro = menu_and_introduction
    visit(client, "/fr/partenaires/")
    intro.body_fr = "<p>Un texte tout neuf.</p>"
    intro.save()
    _queries, html = visit(client, "/fr/partenaires/")
    assert "Un texte tout neuf." in html
    assert "organismes du monde entier" not in html


def test_a_new_licence_shows_at_the_next_visit(client, db):
    _queries, html = visit(client, "/fr/partenaires/")
    assert "CC BY 4.0" in html
    OpenDataSettings(
        licence_name="ODbL 1.0", licence_url="https://opendatacommons.org/licenses/odbl/1-0/"
    ).save()
    _queries, html = visit(client, "/fr/partenaires/")
    assert "ODbL 1.0" in html
    assert "CC BY 4.0" not in html
    _queries, html = visit(client, "/fr/chiffres-cles/")
    assert "ODbL 1.0" in html


def test_each_language_has_its_own_menu(client, menu_and_introduction):
    about, _intro = menu_and_introduction
    about.title_en = "Who we are"
    about.slug_en = "who"
    about.save()
    assert "Qui sommes-nous" in visit(client, "/fr/partenaires/")[1]
    assert "Who we are" in visit(client, "/en/partners/")[1]


def test_staff_previewing_and_visitors_never_share_a_menu(client, admin_client, db):
    draft = make_page(title_fr="Brouillon du menu", slug_fr="brouillon", is_published=False)
    NavigationItem.objects.create(page=draft, order=1)
    assert "Brouillon du menu" not in visit(client, "/fr/partenaires/")[1]
    assert "Brouillon du menu" in visit(admin_client, "/fr/partenaires/?preview=1")[1]
    assert "Brouillon du menu" not in visit(client, "/fr/partenaires/")[1]

"""A page staff write has everything the other content has on the public site: its address in
each language, old addresses redirecting, the switcher, hreflang, "also available in", the
French fallback note, the sitemap, search, drafts, preview and schedule, and the header menu."""

from datetime import timedelta

from django.utils import timezone

from pages.models import NavigationItem, Page
from tests.pages.conftest import make_page


def translated_page(**fields):
    return make_page(
        title_fr="Nos actions",
        slug_fr="nos-actions",
        summary_fr="Ce que nous faisons.",
        body_fr="<p>Nous agissons.</p>",
        title_en="Our work",
        slug_en="our-work",
        summary_en="What we do.",
        body_en="<p>We act.</p>",
        **fields,
    )


def test_a_page_is_served_in_each_language_it_is_written_in(client, db):
    translated_page()
    assert "We act." in client.get("/en/pages/our-work/").content.decode()
    assert "Nous agissons." in client.get("/fr/pages/nos-actions/").content.decode()


def test_a_slug_in_another_language_redirects_to_the_right_address(client, db):
    translated_page()
    response = client.get("/en/pages/nos-actions/")
    assert response.status_code == 301
    assert response["Location"] == "/en/pages/our-work/"


def test_an_old_slug_redirects_for_good(client, db):
    page = translated_page()
    page.slug_en = "what-we-do"
    page.save()
    page.slug_en = "our-actions"
    page.save()
    for old in ("our-work", "what-we-do"):
        response = client.get(f"/en/pages/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/en/pages/our-actions/"


def test_hreflang_and_the_switcher_offer_only_the_languages_it_exists_in(client, db):
    translated_page()
    html = client.get("/en/pages/our-work/").content.decode()
    assert 'hreflang="fr" href="http://testserver/fr/pages/nos-actions/"' in html
    assert 'hreflang="en" href="http://testserver/en/pages/our-work/"' in html
    assert '<link rel="alternate" hreflang="es"' not in html
    # The switcher still offers Spanish, to the closest page that exists in it (issue 14).
    assert 'href="/es/paginas/nos-actions/"' not in html
    assert "This page is also available in" in html


def test_an_untranslated_page_says_so_and_marks_its_french_text(client, db):
    make_page(slug_fr="seulement-fr", title_fr="Seulement en français")
    html = client.get("/es/paginas/seulement-fr/").content.decode()
    assert 'class="fallback-note"' in html
    assert '<h1 lang="fr">Seulement en français</h1>' in html
    assert 'class="page-body" lang="fr"' in html


def test_published_pages_are_in_the_sitemap_in_their_languages(client, db):
    translated_page()
    make_page(slug_fr="brouillon", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fr/pages/nos-actions/" in xml
    assert "/en/pages/our-work/" in xml
    assert "/es/paginas/nos-actions/" not in xml
    assert "brouillon" not in xml


def test_search_finds_a_page_in_the_visitors_language(client, db):
    translated_page()
    html = client.get("/en/search/?q=work").content.decode()
    assert 'href="/en/pages/our-work/"' in html


def test_a_draft_is_hidden_from_visitors_and_shown_to_staff_previewing(client, admin_client, db):
    make_page(slug_fr="brouillon", body_fr="<p>Pas encore.</p>", is_published=False)
    assert client.get("/fr/pages/brouillon/").status_code == 404
    assert "Pas encore." in admin_client.get("/fr/pages/brouillon/?preview=1").content.decode()


def test_a_scheduled_page_appears_at_its_go_live_and_leaves_at_its_expiry(client, db):
    now = timezone.now()
    make_page(slug_fr="bientot", publish_at=now + timedelta(hours=1))
    make_page(slug_fr="fini", expire_at=now - timedelta(hours=1))
    make_page(slug_fr="en-cours", publish_at=now - timedelta(hours=1))
    assert client.get("/fr/pages/bientot/").status_code == 404
    assert client.get("/fr/pages/fini/").status_code == 404
    assert client.get("/fr/pages/en-cours/").status_code == 200


def test_the_header_menu_lists_the_chosen_live_pages_in_order(client, db):
    first = translated_page()
    second = make_page(title_fr="Contact", slug_fr="contact")
    hidden = make_page(title_fr="Caché", slug_fr="cache", is_published=False)
    NavigationItem.objects.create(page=second, order=1)
    NavigationItem.objects.create(page=first, order=2)
    NavigationItem.objects.create(page=hidden, order=3)
    html = client.get("/fr/").content.decode()
    start = html.index('class="main-nav"')
    menu = html[start : html.index("</nav>", start)]
    assert menu.index("Contact") < menu.index("Nos actions")
    assert "Caché" not in menu
    assert 'href="/fr/pages/nos-actions/"' in menu


def test_a_placed_page_introduces_its_structured_page(client, db):
    make_page(placement=Page.Placement.PARTNERS, body_fr="<p>DEI croit aux partenariats.</p>")
    html = client.get("/fr/partenaires/").content.decode()
    assert "DEI croit aux partenariats." in html
    # A placed page lives at its placement's address, not at its own.
    page = Page.objects.get(placement=Page.Placement.PARTNERS)
    response = client.get(f"/fr/pages/{page.slug_fr}/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/partenaires/"


def test_the_about_page_is_the_page_placed_there(client, db):
    assert client.get("/fr/a-propos/").status_code == 404
    make_page(placement=Page.Placement.ABOUT, title_fr="À propos de DEI")
    assert "À propos de DEI" in client.get("/fr/a-propos/").content.decode()

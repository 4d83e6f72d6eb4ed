"""The language switcher as a visitor uses it: a search stays a search in the other language, and
a page that exists only in French still leads to English and Spanish, saying where."""

import pytest

from tests.conftest import make_organisation

pytestmark = pytest.mark.browser


def switch_to(page, language_name):
    page.get_by_role("navigation", name="Choisir une langue").get_by_role(
        "link", name=language_name
    ).click()


def test_switching_language_on_search_results_keeps_the_search(page, demo_site):
    page.goto(demo_site + "/fr/recherche/?q=enfant")
    switch_to(page, "English")
    page.wait_for_url("**/en/search/?q=enfant")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("searchbox").input_value() == "enfant"


def test_a_french_only_page_leads_to_the_list_in_english_and_says_so(
    page, live_server, transactional_db
):
    make_organisation(name_fr="Réseau francophone", slug_fr="reseau-francophone")
    page.goto(live_server.url + "/fr/organisations/reseau-francophone/")
    nav = page.get_by_role("navigation", name="Choisir une langue")
    assert "not translated: list of organisations" in nav.inner_text()
    assert "no traducida: lista de organizaciones" in nav.inner_text()
    switch_to(page, "English")
    page.wait_for_url("**/en/organisations/")
    assert page.get_by_role("link", name="Réseau francophone").is_visible()


def test_the_root_sends_a_visitor_back_to_the_language_chosen_in_the_switcher(page, demo_site):
    page.goto(demo_site + "/fr/partenaires/")
    switch_to(page, "Español")
    page.wait_for_url("**/es/**")
    page.goto(demo_site + "/")
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"

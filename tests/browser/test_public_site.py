"""Each page, in each language, at desktop and phone widths: it renders, passes axe-core, and
the switcher and search work as a visitor uses them."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import make_organisation
from tests.public.conftest import LANGUAGES, PAGES

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}
axe = Axe()


def serious_violations(page, csp_refusals):
    before = len(csp_refusals)
    results = axe.run(page)
    del csp_refusals[before:]  # axe's own inline styles, not the page's
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("page_name", list(PAGES))
def test_each_page_renders_accessibly_in_each_language(
    page, demo_site, shoot, page_name, width_name, csp_refusals
):
    page.set_viewport_size({"width": WIDTHS[width_name], "height": 900})
    for lang, path in zip(LANGUAGES, PAGES[page_name], strict=True):
        suffix = "?q=enfants" if page_name == "search" else ""
        response = page.goto(demo_site + path + suffix)
        assert response.status == 200
        assert page.locator("html").get_attribute("lang") == lang
        shoot(page, f"{page_name}-{lang}-{width_name}")
        assert serious_violations(page, csp_refusals) == [], f"{path} at {width_name}"
        # Nothing wider than the screen on a phone.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_the_switcher_takes_the_visitor_to_the_same_organisation_in_english(page, demo_site):
    page.goto(demo_site + "/fr/organisations/oit/")
    page.get_by_role("navigation", name="Choisir une langue").get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(re.compile(r"/en/organisations/ilo/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("International Labour")


def test_a_visitor_searches_from_the_header(page, demo_site, shoot):
    page.goto(demo_site + "/es/")
    page.get_by_label("Buscar en el sitio").fill("Trabajo")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/es/buscar/\?q=Trabajo"))
    shoot(page, "search-results-es")
    assert page.get_by_role(
        "link", name=re.compile("Organización Internacional del Trabajo")
    ).count()


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page, demo_site):
    page.goto(demo_site + "/en/partners/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#content"
    assert page.locator(".skip-link").is_visible()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_a_visitor_pages_through_many_results(page, demo_site, shoot, width_name, csp_refusals):
    for n in range(1, 26):
        make_organisation(name_fr=f"Collectif Zéphyr {n}", summary_fr="Pour l’enfance.")
    page.set_viewport_size({"width": WIDTHS[width_name], "height": 900})
    page.goto(demo_site + "/fr/recherche/?q=zephyr")
    pages = page.get_by_role("navigation", name="Pages de résultats")
    expect(pages).to_contain_text("Résultats 1 à 20 sur 25.")
    next_link = pages.get_by_role("link", name="Résultats suivants")
    box = next_link.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.2 target size
    shoot(page, f"search-pages-{width_name}")
    assert serious_violations(page, csp_refusals) == []
    next_link.click()
    expect(pages).to_contain_text("Résultats 21 à 25 sur 25.")
    expect(page.locator(".result-title")).to_have_count(5)
    expect(pages.get_by_role("link", name="Résultats précédents")).to_be_visible()

"""The admin in a real browser: sign-in, and the tabbed translation form under our CSP."""

import pytest
from playwright.sync_api import expect

from tests.factories import EditorFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def page(page):
    """A French-speaking member of staff: the admin follows the browser's language."""
    page.set_extra_http_headers({"Accept-Language": "fr"})
    return page


@pytest.fixture
def signed_in(page, demo_site):
    """Signed in through the sign-in form as a member of the Editors group."""
    EditorFactory(username="editor", password="pw-editor")
    page.goto(f"{demo_site}/admin/")
    page.get_by_label("Nom d’utilisateur").fill("editor")
    page.get_by_label("Mot de passe").fill("pw-editor")
    page.get_by_role("button", name="Connexion").click()
    return page


def test_the_translation_tabs_work_without_inline_scripts_or_a_cdn(signed_in, demo_site, shoot):
    page = signed_in
    page.goto(f"{demo_site}/admin/organisations/organisation/")
    page.get_by_role("link", name="Organisation internationale du Travail").first.click()
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()
    tabs.get_by_role("tab", name="en").click()
    expect(page.locator("#id_name_en")).to_be_visible()
    expect(page.locator("#id_name_fr")).to_be_hidden()
    shoot(page, "admin-organisation-tabs")


def test_repeated_failures_show_the_lockout_page(page, demo_site, shoot):
    EditorFactory(username="editor", password="pw-editor")
    for _ in range(5):
        page.goto(f"{demo_site}/admin/login/")
        page.get_by_label("Nom d’utilisateur").fill("editor")
        page.get_by_label("Mot de passe").fill("not-the-password")
        page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Connexion bloquée pour un moment")).to_be_visible()
    shoot(page, "admin-locked-out")

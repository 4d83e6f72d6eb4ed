"""A real editing day, in Chromium: an editor drafts a partnership in French, previews it and
publishes it; a volunteer translates it into English from "Translations to do"; a visitor reads
it in English once the editor publishes the translation (the partnership is live, so the
change waited as a draft), with the "also available in" notice updated; the editor restores the
version from before the translation, and publishes it. A screenshot of each admin step
(tests/browser/screenshots/)."""

import pytest
from playwright.sync_api import expect

from editing.roles import EDITORS, TRANSLATORS
from tests.browser.conftest import watch_csp
from tests.editing.conftest import member_of

pytestmark = pytest.mark.browser

ROLE_FR = "Contribution aux rapports annuels de la FRA"
ROLE_EN = "Contributor to the FRA's annual reports"


@pytest.fixture
def team(demo_site, django_user_model):
    member_of(django_user_model, EDITORS, "claire")
    member_of(django_user_model, TRANSLATORS, "tom")
    return demo_site


REFUSED_BY_CSP = []


def new_page(browser, **context_options):
    page = browser.new_context(**context_options).new_page()
    watch_csp(page, REFUSED_BY_CSP)
    return page


def staff_page(browser, site, username, language):
    page = new_page(browser, extra_http_headers={"Accept-Language": language})
    page.goto(f"{site}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("pw")
    page.locator("input[type=submit]").click()
    expect(page.locator("#user-tools")).to_contain_text(username)
    return page


def also_available(page):
    notice = page.locator(".also-available")
    return notice.inner_text() if notice.count() else ""


def test_an_editing_day(browser, team, shoot):
    site = team
    REFUSED_BY_CSP.clear()
    visitor = new_page(browser)
    visitor.goto(f"{site}/fr/organisations/fra/")
    assert "EN" in also_available(visitor)

    # The communication officer drafts the partnership in French.
    editor = staff_page(browser, site, "claire", "fr")
    editor.goto(f"{site}/admin/partners/partnership/add/")
    editor.locator(".field-organisation .select2-selection").click()
    editor.locator(".select2-search__field").fill("droits fondamentaux")
    editor.locator(".select2-results__option", has_text="droits fondamentaux").click()
    editor.locator("#id_kind").select_option("collaboration")
    editor.locator("#id_since_year").fill("2021")
    editor.locator("#id_role_fr").fill(ROLE_FR)
    editor.locator("#id_benefits_fr").fill("Faire entendre la voix des enfants")
    expect(editor.locator("#id_is_published")).not_to_be_checked()  # a draft until published
    shoot(editor, "editing-1-editor-drafts")
    editor.locator("input[name=_continue]").click()
    expect(editor.locator(".messagelist")).to_be_visible()
    change_url = editor.url

    # Nobody sees the draft; the editor previews it in French.
    visitor.goto(f"{site}/fr/partenaires/")
    expect(visitor.get_by_text(ROLE_FR)).to_have_count(0)
    with editor.expect_popup() as popup:
        editor.get_by_role("link", name="Aperçu (Français)").click()
    preview = popup.value
    expect(preview.locator(".preview-banner")).to_be_visible()
    expect(preview.get_by_text(ROLE_FR)).to_be_visible()
    shoot(preview, "editing-2-editor-previews")
    preview.close()

    # …and publishes it.
    editor.locator("#id_is_published").check()
    editor.locator("input[name=_continue]").click()
    expect(editor.locator("#id_is_published")).to_be_checked()
    shoot(editor, "editing-3-editor-publishes")
    visitor.goto(f"{site}/fr/organisations/fra/")
    expect(visitor.get_by_text(ROLE_FR)).to_be_visible()
    assert "EN" not in also_available(visitor)  # the new text exists in French only

    # The volunteer translator finds it under "Translations to do" and adds the English.
    translator = staff_page(browser, site, "tom", "en")
    translator.get_by_role("link", name="Translations to do").click()
    english = translator.locator("section", has=translator.locator("#todo-en"))
    shoot(translator, "editing-4-translator-to-do")
    english.get_by_role("link", name="Fundamental Rights").first.click()
    expect(translator.locator("#id_role_fr")).to_have_count(0)  # French is not theirs
    expect(translator.locator("#id_is_published")).to_have_count(0)
    translator.locator(".field-role_en, #id_role_en").first.wait_for(state="attached")
    translator.get_by_role("tab", name="en").first.click()
    translator.locator("#id_role_en").fill(ROLE_EN)
    translator.get_by_role("tab", name="en").nth(1).click()
    translator.locator("#id_benefits_en").fill("Making children's voices heard")
    shoot(translator, "editing-5-translator-translates")
    translator.locator("input[name=_save]").click()
    expect(translator.locator(".messagelist")).to_be_visible()

    # The partnership is live: the translation waits as a draft until the editor publishes it.
    visitor.goto(f"{site}/en/partners/")
    expect(visitor.get_by_text(ROLE_EN)).to_have_count(0)
    editor.goto(change_url)
    expect(editor.locator(".workflow-status")).to_contain_text(ROLE_EN)
    editor.locator("button[name=_publish]").click()
    expect(editor.locator(".messagelist")).to_contain_text("publiées")

    # A visitor reads it in English; the French page now says it exists in English too.
    visitor.goto(f"{site}/en/partners/")
    expect(visitor.get_by_text(ROLE_EN)).to_be_visible()
    visitor.goto(f"{site}/fr/organisations/fra/")
    notice = also_available(visitor)
    assert "EN" in notice and "ES" not in notice
    shoot(visitor, "editing-6-visitor-reads")

    # The editor restores the version from before the translation.
    editor.goto(change_url.replace("/change/", "/history/"))
    shoot(editor, "editing-7-editor-history")
    editor.locator("#change-history tbody tr").nth(1).locator("th a").click()
    expect(editor.locator("#id_role_en")).to_have_value("")
    shoot(editor, "editing-8-editor-restores")
    editor.locator("input[type=submit][name=_save], input[type=submit]").first.click()
    expect(editor.locator(".messagelist")).to_be_visible()
    # Restoring made a draft of the old version: published in its turn.
    editor.goto(change_url)
    editor.locator("button[name=_publish]").click()
    expect(editor.locator(".messagelist")).to_contain_text("publiées")
    visitor.goto(f"{site}/en/partners/")
    expect(visitor.get_by_text(ROLE_EN)).to_have_count(0)
    expect(visitor.get_by_text(ROLE_FR)).to_be_visible()
    assert REFUSED_BY_CSP == []  # the whole day ran under our Content-Security-Policy

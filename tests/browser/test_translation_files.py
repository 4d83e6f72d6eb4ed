"""A volunteer translator's round trip in Chromium: downloads the Spanish to-do file, fills it
as Poedit would, uploads it, reads the preview, applies it; the organisation is published, so
the translation waits for review, and once the director approves it the Spanish page shows it.
Screenshots of the preview and the result (tests/browser/screenshots/)."""

import polib
import pytest
from playwright.sync_api import expect

from editing.roles import TRANSLATORS
from organisations.models import Organisation
from tests.browser.conftest import watch_csp
from tests.browser.test_editing_day import staff_page
from tests.editing.conftest import member_of
from tests.editing.review import APPROVERS, staff_member

pytestmark = pytest.mark.browser

SUMMARY_ES = "Agencia de la Unión Europea en Viena: «derechos fundamentales» para todos."


def test_a_translator_uploads_previews_and_applies_a_file(
    browser, demo_site, django_user_model, shoot, tmp_path
):
    site = demo_site
    member_of(django_user_model, TRANSLATORS, "tom")
    staff_member(django_user_model, APPROVERS, "dominique")
    fra = Organisation.objects.get(slug_fr="fra")
    fra.summary_fr = "Agence de l’Union européenne à Vienne, pour les droits fondamentaux."
    fra.save()
    refused = []
    page = browser.new_context(
        extra_http_headers={"Accept-Language": "en"}, accept_downloads=True
    ).new_page()
    watch_csp(page, refused)
    page.goto(f"{site}/admin/login/")
    page.locator("#id_username").fill("tom")
    page.locator("#id_password").fill("pw")
    page.locator("input[type=submit]").click()

    # The form says what changed in the French since the Spanish was translated.
    page.goto(f"{site}/admin/organisations/organisation/{fra.pk}/change/")
    changed = page.locator("#what-changed-es")
    expect(changed.locator("ins").first).to_contain_text("Vienne,")
    shoot(page, "translation-what-changed")

    # From "Translations to do" to the export page, and the Spanish PO file.
    page.goto(f"{site}/admin/translations/")
    page.get_by_role("link", name="Export texts to translate").click()
    page.locator("#id_language").select_option("es")
    page.locator("#id_file_format").select_option("po")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the file").click()
    exported = tmp_path / "fra-es.po"
    download.value.save_as(exported)

    # The translator's tool: the outdated summary translated, "fuzzy" cleared.
    catalogue = polib.pofile(str(exported))
    [entry] = [e for e in catalogue if e.msgctxt == f"organisations.organisation:{fra.pk}:summary"]
    assert entry.previous_msgid  # the French it was translated from, for the tool's diff
    entry.msgstr = SUMMARY_ES
    entry.flags.remove("fuzzy")
    catalogue.save(str(exported))

    page.get_by_role("link", name="Import a translated file").click()
    page.locator("#id_file").set_input_files(str(exported))
    page.get_by_role("button", name="Preview the changes").click()
    changes = page.locator("#import-changes")
    expect(changes).to_contain_text(SUMMARY_ES)
    expect(changes).to_contain_text("1 text will change")
    expect(changes).to_contain_text("(draft, awaiting review)")
    shoot(page, "translation-import-preview")
    fra.refresh_from_db()
    assert fra.summary_es != SUMMARY_ES  # nothing saved by the preview

    page.get_by_role("button", name="Apply the import").click()
    expect(page.locator(".messagelist")).to_contain_text("1 text imported into Spanish")
    expect(page.locator(".messagelist")).to_contain_text("submitted for review")
    shoot(page, "translation-import-applied")

    visitor = browser.new_page()
    visitor.goto(f"{site}/es/organizaciones/fra/")
    expect(visitor.locator("main")).not_to_contain_text("derechos fundamentales")

    # The director finds it awaiting her review, with the Spanish, and approves it.
    dominique = staff_page(browser, site, "dominique", "en")
    watch_csp(dominique, refused)
    dominique.goto(f"{site}/admin/awaiting-review/")
    expect(dominique.locator("#review ins", has_text="derechos fundamentales")).to_be_visible()
    dominique.get_by_role("link", name="Open to approve or send back").click()
    dominique.locator("button[value=approve]").click()
    expect(dominique.locator(".messagelist")).to_contain_text("approved")

    visitor.goto(f"{site}/es/organizaciones/fra/")
    expect(visitor.locator("main")).to_contain_text("derechos fundamentales")
    assert refused == []

"""A journalist on the key figures page: opens "Cite this figure", downloads the data."""

import csv
import io

import pytest

from tests.browser.test_public_site import serious_violations

pytestmark = pytest.mark.browser


def test_a_visitor_cites_a_figure_and_downloads_the_data(page, demo_site, shoot, csp_refusals):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/en/key-figures/")
    figure = page.locator("#children-sexually-exploited-yearly")
    figure.get_by_text("Cite this figure").click()
    citation = figure.locator(".citation")
    assert citation.is_visible()
    assert "1.2 million" in citation.inner_text()
    assert citation.inner_text().endswith("/en/key-figures/#children-sexually-exploited-yearly")
    figure.scroll_into_view_if_needed()
    shoot(page, "key-figures-cite-en")
    assert serious_violations(page, csp_refusals) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the data (CSV, for spreadsheets)").click()
    download = download_info.value
    assert download.suggested_filename == "dci-key-figures-en.csv"
    text = open(download.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert "children-sexually-exploited-yearly" in {row["identifier"] for row in rows}


def test_the_figures_page_on_a_phone_keeps_the_citations_readable(
    page, demo_site, shoot, csp_refusals
):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site + "/es/cifras-clave/")
    page.locator("details.cite summary").first.click()
    shoot(page, "key-figures-cite-es-phone")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert serious_violations(page, csp_refusals) == []

"""The 400, 404, 500 and 503 pages in a browser: each language, desktop and phone, checked by
axe."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

import pages.views
from tests.browser.test_public_site import WIDTHS, serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = ("fr", "en", "es")
SEARCH = {"fr": "/fr/recherche/", "en": "/en/search/", "es": "/es/buscar/"}


def error_response(monkeypatch, status, language):
    """The page Django serves for `status`, fetched in-process (the live server shares no
    monkeypatching with a real outage, so the browser is handed what Django answered)."""
    if status == 500:
        monkeypatch.setattr(pages.views, "language_context", lambda *a, **k: 1 / 0)
    if status == 503:

        def refuse(*args, **kwargs):
            raise OperationalError("connection refused")

        monkeypatch.setattr(connection, "cursor", refuse)
    path = {
        # A search with more parameters than Django accepts.
        400: f"{SEARCH[language]}?" + "&".join(f"p{n}=1" for n in range(1_001)),
        404: f"/{language}/nowhere/",
    }.get(status, f"/{language}/")
    response = Client(raise_request_exception=False).get(path)
    monkeypatch.undo()
    assert response.status_code == status
    return response.content.decode()


def serve(html, status):
    def fulfil(route):
        route.fulfill(status=status, body=html, content_type="text/html; charset=utf-8")

    return fulfil


@pytest.mark.parametrize("status", [400, 404, 500, 503])
@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_error_pages_render_accessibly(
    page, live_server, transactional_db, monkeypatch, shoot, csp_refusals, status, width_name
):
    page.set_viewport_size({"width": WIDTHS[width_name], "height": 800})
    for language in LANGUAGES:
        html = error_response(monkeypatch, status, language)
        url = f"{live_server.url}/{language}/error-page-{status}/"
        page.route(url, serve(html, status))
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1
        shoot(page, f"error-{status}-{language}-{width_name}")
        assert serious_violations(page, csp_refusals) == [], f"{status} {language}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0

"""What browsers, caching proxies and CDNs are told they may keep (sitecache/middleware.py)."""

import pytest
from django.test import Client

from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    organisation = make_organisation(name_fr="Réseau européen", name_en="European network")
    make_partnership(organisation)
    return organisation


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_anonymous_public_page_may_be_kept_by_proxies_for_a_short_while(
    client, partner, settings
):
    settings.PROXY_CACHE_SECONDS = 30
    for _ in range(2):  # rendered, then from the page cache: the same headers
        response = client.get("/en/partners/")
        assert directives(response) == {"public", "max-age=0", "s-maxage=30"}
        assert "Cookie" in response["Vary"]
        assert response["ETag"]


def test_the_page_cache_keys_are_not_split_by_visitors_cookies(client, partner):
    client.get("/en/partners/")
    with_cookie = Client(HTTP_COOKIE="csrftoken=abc; _pk_id=42")
    assert with_cookie.get("/en/partners/")["X-Cache"] == "hit"


def test_an_unchanged_page_is_answered_304_to_a_conditional_request(client, partner):
    etag = client.get("/en/partners/")["ETag"]
    again = client.get("/en/partners/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_signed_in_staff_get_private_pages_no_proxy_may_store(editor_client, partner):
    response = editor_client.get("/en/partners/")
    assert {"private", "no-store"} <= directives(response)
    admin = editor_client.get("/admin/")
    assert {"private", "no-store"} <= directives(admin)


def test_forms_and_missing_pages_are_private(client, partner):
    assert {"private", "no-store"} <= directives(client.get("/admin/login/"))
    assert {"private", "no-store"} <= directives(client.get("/en/no-such-page/"))


def test_without_a_proxy_lifetime_public_pages_are_private_too(client, partner, settings):
    settings.PROXY_CACHE_SECONDS = 0
    assert {"private", "no-store"} <= directives(client.get("/en/partners/"))


def test_public_pages_say_when_they_last_changed_and_answer_if_modified_since(
    client, partner, settings
):

    first = client.get("/en/partners/")
    last_modified = first["Last-Modified"]
    assert client.get("/en/partners/")["Last-Modified"] == last_modified  # from the page cache
    again = client.get("/en/partners/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304


def test_a_content_change_moves_last_modified_forward(client, partner, monkeypatch):
    from datetime import timedelta

    from django.core.cache import cache
    from django.utils import timezone
    from django.utils.http import http_date, parse_http_date

    from sitecache.generation import GENERATION_KEY

    an_hour_ago = timezone.now() - timedelta(hours=1)
    # The process started long before: only the content's generation decides.
    monkeypatch.setattr("sitecache.middleware.PROCESS_STARTED", an_hour_ago - timedelta(days=1))
    cache.set(GENERATION_KEY, ("old", None, an_hour_ago), None)
    before = client.get("/en/partners/")
    assert before["Last-Modified"] == http_date(an_hour_ago.timestamp())
    assert (
        client.get("/en/partners/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code
        == 304
    )

    partner.summary_en = "Changed."
    partner.save()
    after = client.get("/en/partners/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert after.status_code == 200
    assert parse_http_date(after["Last-Modified"]) >= timezone.now().timestamp() - 5


def test_staff_pages_carry_no_last_modified(editor_client, partner):
    assert not editor_client.get("/en/partners/").has_header("Last-Modified")

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

"""nginx caching in front of both instances (ops/proxy/default.conf.template)."""

import time
import uuid

from django.utils.http import parse_http_date

from .stack import (
    APP_URLS,
    PROXY_CACHE_SECONDS,
    PROXY_URL,
    app_log,
    fresh,
    rename_ilo,
    signed_in_editor,
    visitor,
    wait_until,
)


def requests_logged():
    return sum(app_log(index).count("request ") for index in (0, 1))


def test_repeated_anonymous_requests_are_served_without_reaching_django():
    path = fresh("/en/partners/")
    first = visitor(PROXY_URL).get(path)
    assert first.header("X-Proxy-Cache") == "MISS"
    assert "public" in first.header("Cache-Control")
    before = requests_logged()
    for _ in range(5):
        reply = visitor(PROXY_URL).get(path)
        assert reply.status == 200
        assert reply.header("X-Proxy-Cache") == "HIT"
    time.sleep(0.5)  # a request Django did answer would be in its log by now
    assert requests_logged() == before


def test_an_unchanged_page_is_answered_304_with_its_etag():
    path = fresh("/fr/partenaires/")
    etag = visitor(APP_URLS[0]).get(path).header("ETag")
    assert etag
    # The other instance made the same page under the same name: the same ETag.
    reply = visitor(APP_URLS[1]).get(path, headers={"If-None-Match": etag})
    assert reply.status == 304
    assert reply.body == b""
    assert visitor(PROXY_URL).get(path, headers={"If-None-Match": etag}).status == 304


def test_both_instances_date_a_page_alike_and_answer_if_modified_since():
    path = fresh("/es/socios/")
    # Last-Modified is when the shared generation was drawn (or an instance started, if later).
    dates = [visitor(url).get(path).header("Last-Modified") for url in APP_URLS]
    last_modified = max(dates, key=parse_http_date)
    reply = visitor(PROXY_URL).get(path, headers={"If-Modified-Since": last_modified})
    assert reply.status == 304


def test_an_edit_is_visible_through_the_proxy_within_its_shared_lifetime():
    visitor(PROXY_URL).get("/en/partners/")
    assert visitor(PROXY_URL).get("/en/partners/").header("X-Proxy-Cache") == "HIT"
    editor = signed_in_editor(APP_URLS[0])
    new_name = f"International Labour Organization ({uuid.uuid4().hex[:6]})"
    old_name = rename_ilo(editor, new_name)
    saved = time.monotonic()
    try:
        assert wait_until(
            lambda: new_name in visitor(PROXY_URL).get("/en/partners/").text,
            PROXY_CACHE_SECONDS + 2,
        )
        assert time.monotonic() - saved <= PROXY_CACHE_SECONDS + 2
    finally:
        rename_ilo(editor, old_name)


def test_no_private_page_is_ever_stored():
    editor = signed_in_editor(PROXY_URL)
    for _ in range(2):
        reply = editor.get("/en/partners/")
        assert reply.header("X-Proxy-Cache") == "BYPASS"
        assert "no-store" in reply.header("Cache-Control")
    for _ in range(2):
        login = visitor(PROXY_URL).get("/gestion/login/")
        assert login.header("X-Proxy-Cache") in ("MISS", "EXPIRED")
        assert "no-store" in login.header("Cache-Control")

"""HTTP smoke test of the production stack: gunicorn, production settings, PostgreSQL.

`make smoke` starts the stack (tests/smoke/serve.sh) and runs this file against it; CI does so
after the suite. Nothing here touches the database directly: everything goes over HTTP.
"""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .client import Visitor, csrf_token, field_value, form_fields, replace_field

ADMIN = os.environ.get("SMOKE_ADMIN_PATH", "/admin/")
LOG_FILE = Path(os.environ.get("SMOKE_LOG", "/dev/null"))
PAGES = [
    ("fr", "/fr/"),
    ("en", "/en/"),
    ("es", "/es/"),
    ("fr", "/fr/partenaires/"),
    ("en", "/en/partners/"),
    ("es", "/es/socios/"),
    ("fr", "/fr/organisations/oit/"),
    ("en", "/en/organisations/ilo/"),
    ("es", "/es/organizaciones/oit/"),
    ("fr", "/fr/chiffres-cles/"),
    ("en", "/en/key-figures/"),
    ("es", "/es/cifras-clave/"),
    ("fr", "/fr/a-propos/"),
    ("en", "/en/about/"),
    ("es", "/es/acerca-de/"),
    ("fr", "/fr/recherche/?q=enfants"),
    ("en", "/en/search/?q=children"),
    ("es", "/es/buscar/?q=ninos"),
]


@pytest.fixture
def visitor():
    return Visitor()


def test_healthz_answers_on_plain_http_with_the_database_up():
    reply = Visitor(https=False).get("/healthz")
    assert reply.status == 200
    assert reply.json() == {"status": "ok", "database": True}
    assert reply.header("Cache-Control") == "no-store"


def test_plain_http_is_sent_to_https():
    reply = Visitor(https=False).get("/en/partners/")
    assert reply.status == 301
    assert reply.header("Location").startswith("https://")


@pytest.mark.parametrize(("language", "path"), PAGES)
def test_public_pages_answer_in_their_language(visitor, language, path):
    reply = visitor.get(path)
    assert reply.status == 200, path
    assert f'<html lang="{language}">' in reply.text
    assert reply.header("Content-Language") == language


def test_security_headers(visitor):
    headers = visitor.get("/en/partners/").headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_static_files_are_hashed_compressed_and_cached_for_a_year(visitor):
    html = visitor.get("/en/").text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet's name carries its hash"
    reply = visitor.get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    assert reply.status == 200
    assert reply.header("Content-Encoding") == "gzip"
    assert "max-age=315360000" in reply.header("Cache-Control")
    assert "immutable" in reply.header("Cache-Control")


def test_unknown_pages_get_the_404_page_in_the_visitors_language(visitor):
    reply = visitor.get("/es/socios/no-existe/")
    assert reply.status == 404
    assert '<html lang="es">' in reply.text
    assert "Página no encontrada" in reply.text
    assert 'class="site-header"' in reply.text


def test_the_admin_lives_at_its_configured_address_only(visitor):
    assert visitor.get("/admin/").status == 404
    reply = visitor.get(ADMIN)
    assert reply.status == 302
    assert reply.header("Location").startswith(f"{ADMIN}login/")


def sign_in(visitor):
    login = f"{ADMIN}login/"
    token = csrf_token(visitor.get(login).text)
    reply = visitor.post(
        login,
        {
            "csrfmiddlewaretoken": token,
            "username": os.environ["SMOKE_EDITOR"],
            "password": os.environ["SMOKE_PASSWORD"],
            "next": ADMIN,
        },
    )
    assert reply.status == 302, reply.text[:500]
    return reply


def change_english_name(editor, change_url, new_name):
    fields = form_fields(editor.get(change_url).text, "organisation_form")
    old_name = field_value(fields, "name_en")
    # Live content: "Save and publish", as an Editor does (a plain save keeps a draft, issue 17).
    fields = [*replace_field(fields, "name_en", new_name), ("_publish", "1")]
    reply = editor.post(change_url, fields)
    assert reply.status == 302, reply.text[:2000]
    return old_name


def test_cookies_are_secure_and_http_only():
    editor = Visitor()
    reply = sign_in(editor)
    for name in ("sessionid", "csrftoken"):
        cookie = reply.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name


def burst(path, count=16):
    """`count` anonymous requests for `path` at once: the replies, and the workers that answered
    them (process ids, from gunicorn's access log)."""
    before = len(LOG_FILE.read_text().splitlines())
    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(pool.map(lambda _: Visitor().get(path), range(count)))
    for _ in range(20):  # the log's last lines may come a moment after the replies
        lines = LOG_FILE.read_text().splitlines()[before:]
        if len([line for line in lines if f'path="{path}"' in line]) >= count:
            break
        time.sleep(0.1)
    workers = {
        match.group(1)
        for line in lines
        if f'path="{path}"' in line and (match := re.search(r"worker=<(\d+)>", line))
    }
    return replies, workers


def burst_on_every_worker(path):
    """burst(), again until both gunicorn workers have answered."""
    for _ in range(10):
        replies, workers = burst(path)
        if len(workers) >= 2:
            return replies
    pytest.fail(f"one worker answered every request for {path}")


def test_every_worker_serves_the_page_cache_the_other_filled():
    Visitor().get("/es/socios/")
    # A page cache per process would answer "miss" on the other worker's first request.
    replies = burst_on_every_worker("/es/socios/")
    assert {reply.header("X-Cache") for reply in replies} == {"hit"}


def test_an_admin_edit_reaches_every_visitor_at_once():
    visitor, editor = Visitor(), Visitor()
    visitor.get("/en/partners/")
    assert visitor.get("/en/partners/").header("X-Cache") == "hit"

    sign_in(editor)
    listing = editor.get(f"{ADMIN}organisations/organisation/?q=ILO").text
    change_url = re.search(rf'href="({ADMIN}organisations/organisation/\d+/change/)', listing)
    new_name = "International Labour Organization (smoke test)"
    old_name = change_english_name(editor, change_url.group(1), new_name)
    try:
        # Both workers answer: each must have forgotten the old page at once.
        for reply in burst_on_every_worker("/en/partners/"):
            assert new_name in reply.text
        assert visitor.get("/fr/partenaires/").status == 200
    finally:
        change_english_name(editor, change_url.group(1), old_name)
    assert new_name not in visitor.get("/en/partners/").text


def test_logs_have_one_line_per_request_and_nothing_personal():
    Visitor().get("/en/search/?q=private-search-words")
    lines = LOG_FILE.read_text().splitlines()
    requests = [line for line in lines if line.startswith("request ")]
    assert any('path="/en/partners/" status=200' in line for line in requests)
    assert any('path="/en/search/" status=200' in line for line in requests)
    log = LOG_FILE.read_text()
    assert "private-search-words" not in log
    assert os.environ["SMOKE_PASSWORD"] not in log
    assert "127.0.0.1 " not in "\n".join(requests)

"""PostgreSQL stops under the running stack, then comes back: visitors get cached pages or the
503 page in their language within seconds, /healthz says so, and the site recovers with no
restart. A query stuck behind a lock is cancelled by the statement time-out.

The outage needs SMOKE_DB_STOP and SMOKE_DB_START, the shell commands that stop and start the
server (.ci/run sets them: it runs as root, next to the cluster); skipped otherwise. Named to
run after test_stack.py, which needs the database throughout.
"""

import os
import shlex
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from .client import Visitor

STOP, START = os.environ.get("SMOKE_DB_STOP"), os.environ.get("SMOKE_DB_START")
STATEMENT_TIMEOUT = int(os.environ.get("DB_STATEMENT_TIMEOUT", "5"))
# A refused connection fails at once; allow for a slow machine, never for a hang.
PROMPT = 3.0
CACHED_PAGE = "/en/partners/"
SEARCH = {
    "fr": "/fr/recherche/?q=droits",
    "en": "/en/search/?q=rights",
    "es": "/es/buscar/?q=ninos",
}
UNAVAILABLE = {
    "fr": "Site momentanément indisponible",
    "en": "Site temporarily unavailable",
    "es": "Sitio no disponible por el momento",
}

can_stop_the_database = pytest.mark.skipif(
    not (STOP and START), reason="SMOKE_DB_STOP and SMOKE_DB_START are not set"
)


def timed_get(path):
    started = time.monotonic()
    reply = Visitor().get(path)
    return reply, time.monotonic() - started


def warm_every_worker(path):
    """Concurrent requests, so that each gunicorn worker renders and keeps the page."""
    with ThreadPoolExecutor(max_workers=6) as pool:
        replies = list(pool.map(lambda _: Visitor().get(path), range(60)))
    assert {reply.status for reply in replies} == {200}
    assert any(reply.header("X-Cache") == "hit" for reply in replies)


def wait_until_healthy(limit=30):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if Visitor().get("/healthz").status == 200:
            return
        time.sleep(0.5)
    pytest.fail(f"/healthz still not 200 {limit} s after PostgreSQL came back")


@pytest.fixture
def database_stopped():
    warm_every_worker(CACHED_PAGE)
    subprocess.run(shlex.split(STOP), check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(shlex.split(START), check=True, capture_output=True)
    wait_until_healthy()


@can_stop_the_database
def test_the_site_answers_in_seconds_and_recovers_by_itself(database_stopped):
    health, elapsed = timed_get("/healthz")
    assert health.status == 503
    assert health.json() == {"status": "unavailable", "database": False}
    assert elapsed < PROMPT

    for _ in range(10):
        reply, elapsed = timed_get(CACHED_PAGE)
        assert (reply.status, reply.header("X-Cache")) == (200, "hit")
        assert elapsed < PROMPT

    for language, path in SEARCH.items():
        reply, elapsed = timed_get(path)
        assert reply.status == 503, path
        assert f'<html lang="{language}">' in reply.text
        assert f"<h1>{UNAVAILABLE[language]}</h1>" in reply.text
        assert reply.header("Retry-After") == "30"
        assert elapsed < PROMPT


@can_stop_the_database
def test_after_the_outage_every_worker_serves_fresh_pages_again():
    """Runs after the outage above: no gunicorn restart in between."""
    wait_until_healthy()
    with ThreadPoolExecutor(max_workers=6) as pool:
        replies = list(pool.map(lambda _: Visitor().get(SEARCH["en"]), range(30)))
    assert {reply.status for reply in replies} == {200}


def test_a_query_stuck_behind_a_lock_is_cancelled_by_the_statement_timeout():
    with psycopg.connect(os.environ["DATABASE_URL"]) as locker:
        locker.execute("LOCK TABLE organisations_organisation IN ACCESS EXCLUSIVE MODE")
        reply, elapsed = timed_get(SEARCH["fr"])
        locker.rollback()
    assert reply.status == 503
    assert "<h1>Site momentanément indisponible</h1>" in reply.text
    assert STATEMENT_TIMEOUT - 0.5 < elapsed < STATEMENT_TIMEOUT + PROMPT
    assert timed_get(SEARCH["fr"])[0].status == 200

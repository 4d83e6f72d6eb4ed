"""/healthz, and the 404, 500 and 503 pages in the site's design and the visitor's language."""

import sqlite3
import time

import pytest
from django.db import OperationalError, connection
from django.test import Client

import pages.views

pytestmark = pytest.mark.django_db

TITLES = {
    400: {
        "fr": "Cette adresse est illisible",
        "en": "This address cannot be read",
        "es": "Esta dirección no se puede leer",
    },
    404: {"fr": "Page introuvable", "en": "Page not found", "es": "Página no encontrada"},
    500: {
        "fr": "Une erreur est survenue",
        "en": "Something went wrong",
        "es": "Algo ha fallado",
    },
    503: {
        "fr": "Site momentanément indisponible",
        "en": "Site temporarily unavailable",
        "es": "Sitio no disponible por el momento",
    },
}


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it would with PostgreSQL stopped."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)


@pytest.fixture
def home_page_breaks(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the home page")

    monkeypatch.setattr(pages.views, "language_context", broken)


def assert_error_page(response, status, language):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert f"<h1>{TITLES[status][language]}</h1>" in html
    assert 'class="site-header"' in html  # the site's design, with its menu
    assert 'class="site-footer"' in html


def test_healthz_says_ok_while_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_503_when_the_database_does_not(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": False}


def test_healthz_needs_neither_https_nor_a_known_host(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "language"),
    [("/fr/nulle-part/", "fr"), ("/en/nowhere/", "en"), ("/es/ninguna-parte/", "es")],
)
def test_the_404_page(client, path, language):
    assert_error_page(client.get(path), 404, language)


@pytest.mark.parametrize(
    ("path", "language"),
    [("/fr/recherche/", "fr"), ("/en/search/", "en"), ("/es/buscar/", "es")],
)
def test_the_400_page_for_a_request_django_refuses(client, path, language):
    too_many_parameters = "&".join(f"p{n}=1" for n in range(1_001))
    assert_error_page(client.get(f"{path}?{too_many_parameters}"), 400, language)


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_500_page(home_page_breaks, language):
    client = Client(raise_request_exception=False)
    assert_error_page(client.get(f"/{language}/"), 500, language)


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_503_page_when_the_database_is_down(database_down, language):
    response = Client().get(f"/{language}/")
    assert_error_page(response, 503, language)
    assert response["Retry-After"] == "30"


def test_a_bug_in_a_query_stays_a_500_not_a_503(monkeypatch):
    def bad_query(*args, **kwargs):
        raise OperationalError("no such column: nonsense")

    monkeypatch.setattr(pages.views, "language_context", bad_query)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500


only_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout"
)


@only_on_postgresql
def test_every_postgresql_connection_carries_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("5s",)


@only_on_postgresql
def test_a_query_past_the_statement_timeout_gives_the_503_page_in_seconds(monkeypatch):
    def stuck_behind_a_lock(*args, **kwargs):
        with connection.cursor() as cursor:
            # LOCAL: for the test's own transaction only, which ends rolled back.
            cursor.execute("SET LOCAL statement_timeout = 200")
            cursor.execute("SELECT pg_sleep(30)")

    monkeypatch.setattr(pages.views, "language_context", stuck_behind_a_lock)
    started = time.monotonic()
    response = Client(raise_request_exception=False).get("/es/")
    assert time.monotonic() - started < 3
    assert_error_page(response, 503, "es")


def test_a_sqlite_database_locked_by_another_writer_gives_the_503_page(monkeypatch):
    def locked(*args, **kwargs):
        raise OperationalError("database is locked") from sqlite3.OperationalError(
            "database is locked"
        )

    monkeypatch.setattr(pages.views, "language_context", locked)
    response = Client(raise_request_exception=False).get("/en/")
    assert_error_page(response, 503, "en")

"""Security headers, cookies, the admin's configurable address and the sign-in lockout."""

import importlib
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import clear_url_caches, reverse
from django.utils import timezone

import config.urls

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    for path in ("/en/", reverse("admin:login")):
        policy = client.get(path)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy


def test_pages_carry_the_other_security_headers(client):
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/partners/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/partners/"


def sign_in(client, password, username="editor", language="fr"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_session_and_csrf_cookies_are_secure_and_hidden_from_scripts(client, editor):
    client.get(reverse("admin:login"))
    response = sign_in(client, "pw-editor")
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name


@pytest.fixture
def admin_at_gestion(settings):
    settings.ADMIN_URL = "gestion/"
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL = "admin/"
    importlib.reload(config.urls)
    clear_url_caches()


def test_the_admin_answers_at_the_address_the_settings_give(client, admin_at_gestion):
    assert client.get("/gestion/").status_code == 302
    assert client.get("/gestion/")["Location"].startswith("/gestion/login/")
    assert client.get("/admin/").status_code == 404


def test_repeated_failed_sign_ins_lock_the_account_for_a_while(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "wrong")
        assert response.status_code == 200
        assert "Veuillez compléter correctement les champs" in response.content.decode()
    response = sign_in(client, "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert "<h1>Connexion bloquée pour un moment</h1>" in html
    assert "échoué 5 fois de suite" in html
    assert "pendant 15 minutes" in html
    assert response["Retry-After"] == "900"

    # Even the right password is refused while the lock lasts, with the message in English too.
    response = sign_in(client, "pw-editor", language="en")
    assert response.status_code == 429
    assert "Sign-in blocked for a while" in response.content.decode()
    assert "sessionid" not in response.cookies


def test_a_lockout_ends_after_its_cool_off_time(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, "pw-editor").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "pw-editor").status_code == 302


def test_a_lockout_does_not_stop_another_user(client, editor, django_user_model, settings):
    django_user_model.objects.create_superuser("director", "d@example.org", "pw-director")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, "pw-director", username="director").status_code == 302

"""Public addresses answer only GET and HEAD; a huge anonymous body is refused unread."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.conftest import image_bytes, make_organisation

pytestmark = pytest.mark.django_db

REFUSED_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


@pytest.fixture
def public_paths():
    organisation = make_organisation(is_published=True)
    return [
        "/fr/",
        "/en/partners/",
        "/es/",
        "/en/key-figures/",
        "/en/search/?q=children",
        organisation.get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
    ]


def send(client, method, path, **extra):
    return client.generic(method, path, **extra)


@pytest.mark.parametrize("method", REFUSED_METHODS)
def test_public_addresses_answer_405_with_allow_to_anything_but_get_and_head(public_paths, method):
    client = Client(enforce_csrf_checks=True)
    for path in public_paths:
        response = send(client, method, path)
        assert response.status_code == 405, (method, path)
        assert response["Allow"] == "GET, HEAD", (method, path)


def test_the_405_page_is_the_sites_own_in_the_pages_language(client):
    response = client.generic("TRACE", "/es/")
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "<h1>Esta página solo se puede leer</h1>" in html


@pytest.mark.parametrize("path", ["/robots.txt", "/en/partners/", "/sitemap.xml", "/healthz"])
def test_public_addresses_answer_head(client, path):
    assert client.head(path).status_code == 200


def test_the_admin_and_the_language_chooser_still_take_forms(client, editor):
    response = client.post(reverse("admin:login"), {"username": "editor", "password": "pw-editor"})
    assert response.status_code == 302
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302


def test_a_huge_anonymous_post_is_refused_before_it_is_read(client, monkeypatch):
    read = []
    monkeypatch.setattr(
        "django.core.handlers.wsgi.LimitedStream.read",
        lambda self, *args: read.append(args) or b"",
    )
    response = client.generic(
        "POST",
        reverse("admin:login"),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 413
    assert "<h1>Trop de données envoyées</h1>" in response.content.decode()
    assert read == []  # not a byte of the body was read


def test_staff_may_still_upload_a_logo_over_the_anonymous_limit(editor_client, settings):
    organisation = make_organisation()
    url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    big = image_bytes() + b"\0" * (settings.ANONYMOUS_REQUEST_MAX_BYTES * 2)
    response = editor_client.post(url, {"logo": SimpleUploadedFile("logo.png", big)})
    assert response.status_code != 413

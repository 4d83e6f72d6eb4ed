"""A favicon for the public site and the admin: linked by their pages, and answered at
/favicon.ico, which browsers and feed readers ask for whatever a page links."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_an_icon_in_the_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert icon.format == "ICO"
        assert (32, 32) in icon.info["sizes"]


def test_the_admin_sign_in_page_links_both_icons(client):
    html = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.ico"' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html


def test_a_public_page_links_both_icons(client):
    html = client.get("/fr/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.ico"' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html

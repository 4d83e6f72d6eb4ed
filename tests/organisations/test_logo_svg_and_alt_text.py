"""An SVG logo is refused with a message saying why and what to upload; a logo's text
alternative is written per language, or reads "Logo of <name>" in that language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.conftest import image_bytes, make_organisation

pytestmark = pytest.mark.django_db

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def test_an_svg_logo_is_refused_saying_why_and_what_to_upload(editor_client):
    logo = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
    response = editor_client.post(
        reverse("admin:organisations_organisation_add"),
        organisation_form(logo=logo),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["logo"]
    assert errors == [
        "Les logos SVG sont refusés : un fichier SVG peut contenir des scripts qui "
        "s’exécuteraient dans le navigateur des visiteurs. Exportez le logo en image PNG "
        "(avec un fond transparent s’il en a un) et envoyez-la à la place."
    ]
    assert not Organisation.objects.exists()


def test_an_svg_named_png_is_refused_too(editor_client):
    logo = SimpleUploadedFile("logo.png", SVG, content_type="image/png")
    response = editor_client.post(
        reverse("admin:organisations_organisation_add"),
        organisation_form(logo=logo),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "SVG logos are refused" in response.content.decode()


def test_the_text_alternative_defaults_to_logo_of_the_name_in_each_language():
    ilo = make_organisation(
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        logo_alt_en="ILO: a cogwheel around a globe",
    )
    with translation.override("fr"):
        assert ilo.logo_alt_text == "Logo de Organisation internationale du Travail"
    with translation.override("es"):
        assert ilo.logo_alt_text == "Logotipo de Organización Internacional del Trabajo"
    with translation.override("en"):
        assert ilo.logo_alt_text == "ILO: a cogwheel around a globe"


def test_the_organisation_page_shows_the_text_alternative(client):
    ilo = make_organisation(
        name_fr="Organisation internationale du Travail",
        slug_fr="oit",
        logo=SimpleUploadedFile("oit.png", image_bytes()),
        logo_alt_fr="OIT : une roue dentée autour d’un globe",
    )
    with translation.override("fr"):
        url = ilo.get_absolute_url()
    html = client.get(url).content.decode()
    assert 'alt="OIT : une roue dentée autour d’un globe"' in html

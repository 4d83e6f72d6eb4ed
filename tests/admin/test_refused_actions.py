"""A refused action shows the admin's page, in the admin's language, saying what the role allows."""

import pytest
from django.urls import reverse

from editing.roles import TRANSLATORS
from tests.editing.conftest import member_of, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(django_user_model):
    return member_of(django_user_model, TRANSLATORS, "tom")


def test_a_translator_opening_an_add_page_reads_why_in_french(volunteer):
    client = signed_in(volunteer, "fr")
    response = client.get(reverse("admin:organisations_organisation_add"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Administration DCI" in html or 'id="site-name"' in html
    assert "Vous ne pouvez pas faire cela" in html
    assert "Les traducteurs modifient le texte anglais et espagnol" in html
    assert reverse("admin:index") in html
    assert "403 Forbidden" not in html


def test_the_page_is_in_spanish_for_a_spanish_speaking_translator(volunteer):
    client = signed_in(volunteer, "es")
    response = client.get(reverse("admin:statistics_keyfigure_add"))
    assert response.status_code == 403
    assert "No puede hacer esto" in response.content.decode()


def test_outside_the_admin_django_answers_as_before(client):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory

    from editing.refusals import permission_denied

    request = RequestFactory().get("/fr/partenaires/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403

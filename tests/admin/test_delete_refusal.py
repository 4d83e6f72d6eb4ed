"""Nothing is deleted by cascade: an organisation still in use cannot be deleted."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from tests.conftest import make_figure, make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def unicef():
    unicef = make_organisation(
        name_fr="Fonds des Nations unies pour l’enfance", acronym_fr="UNICEF"
    )
    make_partnership(unicef, kind="collaboration")
    make_figure(label_fr="enfants protégés", source_organisation=unicef)
    return unicef


def test_deleting_an_organisation_in_use_is_refused_and_names_what_uses_it(editor_client, unicef):
    url = reverse("admin:organisations_organisation_delete", args=[unicef.pk])
    response = editor_client.post(url, {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in html
    assert "Fonds des Nations unies pour l’enfance — Collaboration" in html
    assert "enfants protégés" in html
    assert Organisation.objects.filter(pk=unicef.pk).exists()


def test_the_bulk_delete_action_refuses_too(editor_client, unicef):
    url = reverse("admin:organisations_organisation_changelist")
    data = {"action": "delete_selected", "_selected_action": [unicef.pk], "post": "yes"}
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "protected related objects" in response.content.decode()
    assert Organisation.objects.filter(pk=unicef.pk).exists()


def test_a_movement_with_national_sections_cannot_be_deleted(editor_client):
    dei = make_organisation(name_fr="Défense des Enfants International")
    make_organisation(name_fr="DEI-Belgique", parent=dei)
    url = reverse("admin:organisations_organisation_delete", args=[dei.pk])
    editor_client.post(url, {"post": "yes"})
    assert Organisation.objects.filter(pk=dei.pk).exists()


def test_an_organisation_nothing_refers_to_can_be_deleted(editor_client):
    alone = make_organisation()
    url = reverse("admin:organisations_organisation_delete", args=[alone.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=alone.pk).exists()

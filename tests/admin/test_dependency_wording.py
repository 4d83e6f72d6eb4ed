"""Our catalogues supply what the dependencies lack, and their wording wins over Django's."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import opened_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    ilo = Organisation.objects.get()
    change = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    data = organisation_form(
        name_en="International Labour Organisation (ILO)",
        is_published="",
        opened_at=opened_at(editor_client, ilo),
    )
    assert editor_client.post(change, {**data, **PUBLISH}).status_code == 302
    return ilo


def compare_page(editor, ilo, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(editor)
    older, newer = Version.objects.get_for_object(ilo).order_by("pk")
    url = reverse("admin:organisations_organisation_compare", args=[ilo.pk])
    response = client.get(url, {"version_id1": older.pk, "version_id2": newer.pk})
    assert response.status_code == 200
    return response.content.decode()


def test_the_french_compare_page_has_no_english_left(editor, ilo):
    html = compare_page(editor, ilo, "fr")
    assert "Revenir à cette version" in html
    assert "changé en :" in html
    assert "Modification de Nom [en] et Publié." in html or "Modification de Publié" in html
    for english in ("Revert to this version", "changed to:", "Changed "):
        assert english not in html


def test_the_spanish_compare_page_has_no_french(editor, ilo):
    html = compare_page(editor, ilo, "es")
    assert "Volver a esta versión" in html
    assert "Volver al historial" in html
    for french in ("Retour à l", "Comparer", "Modification de", "changé en"):
        assert french not in html


def test_our_french_wording_wins_over_djangos(editor_client):
    html = editor_client.get(
        reverse("admin:organisations_organisation_add"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Ajouter : organisation" in html
    assert "Ajout de organisation" not in html
    listing = editor_client.get(
        reverse("admin:organisations_organisation_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Récupérer des éléments supprimés : organisations" in listing


def test_the_lockout_records_have_spanish_column_names(administrator_client):
    AccessAttempt.objects.create(
        username="intruder", ip_address="192.0.2.1", user_agent="curl", failures_since_start=3
    )
    html = administrator_client.get(
        reverse("admin:axes_accessattempt_changelist"), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Dirección IP" in html
    assert "Nombre de usuario" in html
    assert "Adresse IP" not in html

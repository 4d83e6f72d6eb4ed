"""History entries read in the viewer's language, whoever saved them and in whichever language."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import opened_at

pytestmark = pytest.mark.django_db


def client_in(user, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.fixture
def ilo_changed_by_a_spanish_speaker(editor):
    spanish = client_in(editor, "es")
    spanish.post(reverse("admin:organisations_organisation_add"), organisation_form())
    ilo = Organisation.objects.get()
    change = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    data = organisation_form(
        summary_fr="L’agence de l’ONU pour le travail décent.",
        name_en="International Labour Organisation (ILO)",
        opened_at=opened_at(spanish, ilo),
    )
    # An Editor's "Save and publish": the change is live at once, and in the history.
    assert spanish.post(change, {**data, **PUBLISH}).status_code == 302
    return ilo


def history(client, ilo):
    url = reverse("admin:organisations_organisation_history", args=[ilo.pk])
    return client.get(url).content.decode()


def test_a_french_reader_sees_french_field_names_in_a_spanish_speakers_change(
    editor, ilo_changed_by_a_spanish_speaker
):
    html = history(client_in(editor, "fr"), ilo_changed_by_a_spanish_speaker)
    assert "Modification de Nom [en] et Résumé [fr]." in html or (
        "Modification de Résumé [fr] et Nom [en]." in html
    )
    assert "Modificado" not in html
    assert "Ajout." in html


def test_an_english_reader_sees_it_all_in_english(editor, ilo_changed_by_a_spanish_speaker):
    html = history(client_in(editor, "en"), ilo_changed_by_a_spanish_speaker)
    assert "Changed Summary [fr] and Name [en]." in html or (
        "Changed Name [en] and Summary [fr]." in html
    )
    assert "Added." in html


def test_a_restore_reads_in_the_viewers_language(editor, ilo_changed_by_a_spanish_speaker):
    ilo = ilo_changed_by_a_spanish_speaker
    older = Version.objects.get_for_object(ilo).order_by("pk").first()
    url = reverse("admin:organisations_organisation_revision", args=[ilo.pk, older.pk])
    spanish = client_in(editor, "es")
    assert spanish.post(url, {**organisation_form(), **PUBLISH}).status_code == 302
    assert "Revertido" not in history(client_in(editor, "en"), ilo)
    assert "Reverted to previous version, saved on" in history(client_in(editor, "en"), ilo)

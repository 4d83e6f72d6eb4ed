"""The admin speaks French, English or Spanish: chosen in its header, or the browser's."""

import pytest
from django.urls import reverse

from tests.admin.forms import figure_form

pytestmark = pytest.mark.django_db

ADD_FIGURE = "admin:statistics_keyfigure_add"


@pytest.mark.parametrize(
    ("language", "save", "label", "help_text"),
    [
        ("fr", "Enregistrer", "Va en ligne le", "Laissez vide pour l’afficher dès sa publication"),
        ("en", "Save", "Goes live on", "Leave empty to show it as soon as it is published"),
        ("es", "Guardar", "Se publica el", "Déjelo vacío para mostrarlo en cuanto se publique"),
    ],
)
def test_the_browsers_language_sets_the_admins(editor_client, language, save, label, help_text):
    html = editor_client.get(reverse(ADD_FIGURE), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}"' in html
    assert f'value="{save}"' in html
    assert label in html
    assert help_text in html


def test_the_header_chooser_switches_the_admin_to_spanish(editor_client):
    page = reverse("admin:index")
    html = editor_client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="admin-language"' in html
    response = editor_client.post(reverse("set_language"), {"language": "es", "next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    html = editor_client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="es"' in html
    assert "Traducciones pendientes" in html


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Un pourcentage est compris entre 0 et 100."),
        ("en", "A percentage is between 0 and 100."),
        ("es", "Un porcentaje está entre 0 y 100."),
    ],
)
def test_our_error_messages_follow_the_admins_language(editor_client, language, message):
    response = editor_client.post(
        reverse(ADD_FIGURE), figure_form(value="140"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.context["adminform"].form.errors["value"] == [message]
    assert 'value="140"' in response.content.decode()  # what was typed is kept

"""The rich-text editor's reference buttons and dialogs speak the admin's language: their words
come from the admin's JavaScript catalogue (locale/*/LC_MESSAGES/djangojs.po, served by the
admin's JavaScriptCatalog at admin:jsi18n), which the change form loads before the editor."""

import json
import re

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

from tests.editing.conftest import signed_in


def catalogue(client):
    """The {msgid: msgstr} the admin's jsi18n script gives `client`'s language ({} when it
    translates nothing)."""
    script = client.get(reverse("admin:jsi18n")).content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});", script, re.S)
    return json.loads(found.group(1)) if found else {}


def test_the_page_form_loads_the_admins_javascript_catalogue_before_the_editor(
    editor_of_the_team,
):
    html = editor_of_the_team.get(reverse("admin:pages_page_add")).content.decode()
    catalogue_at = html.index(f'src="{reverse("admin:jsi18n")}"')
    # The editor's modules read window.gettext when they load: the classic script comes first.
    assert catalogue_at < html.index("pages/references.js")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            {
                "Link to a page or an organisation": "Lien vers une page ou une organisation",
                "Insert a key figure": "Insérer un chiffre clé",
                "Key figure": "Chiffre clé",
                "Update": "Mettre à jour",
                "Cancel": "Annuler",
            },
        ),
        (
            "es",
            {
                "Link to a page or an organisation": "Enlace a una página o una organización",
                "Insert a key figure": "Insertar una cifra clave",
                "Key figure": "Cifra clave",
                "Update": "Actualizar",
                "Cancel": "Cancelar",
            },
        ),
    ],
)
def test_the_editors_buttons_and_dialogs_are_in_the_admins_language(
    communication_officer, language, words
):
    translated = catalogue(signed_in(communication_officer, language))
    for english, wanted in words.items():
        assert translated[english] == wanted
    # Django's own admin words stay in the same catalogue.
    assert translated["Today"] in {"Aujourd’hui", "Aujourd'hui", "Hoy"}


def test_the_english_admin_keeps_the_editors_english_words(communication_officer):
    translated = catalogue(signed_in(communication_officer, "en"))
    assert "Insert a key figure" not in translated  # gettext() returns the msgid itself


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_word_of_the_editors_script_is_in_the_javascript_catalogue(language, settings):
    script = (settings.BASE_DIR / "pages" / "static" / "pages" / "references.js").read_text()
    words = set(re.findall(r'\bgettext(?:_noop)?\("([^"]+)"\)', script))
    assert "Insert a key figure" in words
    po = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "djangojs.po"
    with po.open("rb") as file:
        translated = {m.id: m.string for m in read_po(file) if m.id and m.string}
    assert words - translated.keys() == set()

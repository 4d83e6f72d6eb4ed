"""The admin's lists of organisations and pages follow the name staff read in the admin's
language (its translation, else the French) with that language's collation, as the public lists
do: an untranslated name is not pushed first or last."""

import html as html_module
import re

import pytest
from django.urls import reverse

from tests.conftest import make_organisation
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


def listed(editor_client, url, language):
    response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_the_organisations_list_follows_the_spanish_name_shown(editor_client):
    make_organisation(name_fr="Conseil international", name_es="Consejo Internacional")
    make_organisation(name_fr="Comité des droits de l’enfant")  # untranslated
    make_organisation(name_fr="Conseil économique", name_es="Consejo Económico")
    make_organisation(name_fr="Conseil de l’Europe", name_es="Consejo de Europa")
    # A translation not yet published is what staff read in the admin: it sorts there.
    make_organisation(name_fr="Agence", name_es="Zona de pruebas", published_es=False)
    bodies = listed(editor_client, reverse("admin:organisations_organisation_changelist"), "es")
    assert [body.name_es or body.name_fr for body in bodies] == [
        "Comité des droits de l’enfant",
        "Consejo de Europa",
        "Consejo Económico",
        "Consejo Internacional",
        "Zona de pruebas",
    ]


def test_the_pages_list_follows_the_english_title_shown(editor_client):
    make_page(title_fr="Zèbre", title_en="About zebras")
    make_page(title_fr="Éducation")  # untranslated
    make_page(title_fr="Droits", title_en="Rights")
    pages = listed(editor_client, reverse("admin:pages_page_changelist"), "en")
    assert [page.title_en or page.title_fr for page in pages] == [
        "About zebras",
        "Éducation",
        "Rights",
    ]


def test_choosing_an_organisation_offers_them_in_the_name_shown_order(editor_client):
    make_organisation(name_fr="Conseil international", name_es="Consejo Internacional")
    make_organisation(name_fr="Comité des droits de l’enfant")  # untranslated
    make_organisation(name_fr="Conseil de l’Europe", name_es="Consejo de Europa")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "partners", "model_name": "partnership", "field_name": "organisation"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert [result["text"] for result in response.json()["results"]] == [
        "Comité des droits de l’enfant",
        "Consejo de Europa",
        "Consejo Internacional",
    ]


def sort_link(editor_client, url, column, language):
    """The address the header of `column` (e.g. "name") sorts the list by, as staff click it."""
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    header = re.search(rf'<th scope="col" class="[^"]*column-{column}[^"]*">(.*?)</th>', html, re.S)
    link = re.search(r'<div class="text"><a href="(\?o=[^"]*)"', header.group(1)).group(1)
    return url.split("?")[0] + html_module.unescape(link)


def test_clicking_the_name_column_sorts_by_the_name_shown_both_ways(editor_client):
    make_organisation(name_fr="Zèbre", name_es="Cebra")
    make_organisation(name_fr="Éducation")  # untranslated
    make_organisation(name_fr="droits", name_es="Derechos")
    url = reverse("admin:organisations_organisation_changelist")
    ascending = sort_link(editor_client, url, "name", "es")
    shown = [body.name_es or body.name_fr for body in listed(editor_client, ascending, "es")]
    assert shown == ["Cebra", "Derechos", "Éducation"]
    descending = sort_link(editor_client, ascending, "name", "es")
    shown = [body.name_es or body.name_fr for body in listed(editor_client, descending, "es")]
    assert shown == ["Éducation", "Derechos", "Cebra"]

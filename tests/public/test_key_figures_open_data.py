"""The key figures page offers its data, states its licence and helps visitors cite a figure."""

import csv
import io
import json
import re
from datetime import date

import pytest

from stats.models import KeyFigure, OpenDataSettings
from tests.admin.forms import TRANSLATIONS_PUBLISHED
from tests.conftest import make_figure, make_organisation

SETTINGS_ADD = "/admin/statistics/opendatasettings/add/"
CSV_ES = "/es/cifras-clave/datos.csv"
PAGES = {"fr": "/fr/chiffres-cles/", "en": "/en/key-figures/", "es": "/es/cifras-clave/"}


@pytest.fixture
def ilo_figure(db):
    ilo = make_organisation(
        name_fr="Organisation internationale du Travail",
        name_en="International Labour Organization",
        name_es="Organización Internacional del Trabajo",
    )
    return make_figure(
        key="children-sexually-exploited-yearly",
        value=1_200_000,
        label_fr="enfants victimes d’exploitation sexuelle chaque année",
        label_en="children who are victims of sexual exploitation every year",
        label_es="niños y niñas víctimas de explotación sexual cada año",
        scope_fr="Monde",
        scope_en="World",
        scope_es="Mundo",
        year=2017,
        source_organisation=ilo,
        source_consulted_on=date(2024, 3, 12),
    )


def json_ld(html):
    [found] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


@pytest.mark.parametrize(
    ("language", "csv_path", "json_path", "csv_text"),
    [
        (
            "fr",
            "/fr/chiffres-cles/donnees.csv",
            "/fr/chiffres-cles/donnees.json",
            "Télécharger les données (CSV, pour tableur)",
        ),
        (
            "en",
            "/en/key-figures/data.csv",
            "/en/key-figures/data.json",
            "Download the data (CSV, for spreadsheets)",
        ),
        (
            "es",
            "/es/cifras-clave/datos.csv",
            "/es/cifras-clave/datos.json",
            "Descargar los datos (CSV, para hojas de cálculo)",
        ),
    ],
)
def test_the_page_links_to_its_data_in_its_language(
    client, ilo_figure, language, csv_path, json_path, csv_text
):
    html = client.get(PAGES[language]).content.decode()
    assert f'<a href="{csv_path}" type="text/csv" download>{csv_text}</a>' in html
    assert f'<a href="{json_path}" type="application/json">' in html
    assert client.get(csv_path).status_code == 200


def test_the_page_describes_a_schema_org_dataset_with_its_downloads(client, ilo_figure):
    dataset = json_ld(client.get("/en/key-figures/").content.decode())
    assert dataset["@context"] == "https://schema.org"
    assert dataset["@type"] == "Dataset"
    assert dataset["url"] == "http://testserver/en/key-figures/"
    assert dataset["inLanguage"] == "en"
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["publisher"]["name"] == "Defence for Children International"
    assert {(d["encodingFormat"], d["contentUrl"]) for d in dataset["distribution"]} == {
        ("text/csv", "http://testserver/en/key-figures/data.csv"),
        ("application/json", "http://testserver/en/key-figures/data.json"),
    }


def test_a_text_cannot_close_the_json_ld_script_early(client, db):
    make_figure(label_fr="</script><script>alert(1)</script>")
    html = client.get("/fr/chiffres-cles/").content.decode()
    assert "<script>alert(1)" not in html
    json_ld(html)  # still one well-formed element


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "fr",
            "« plus de 1,2 million enfants victimes d’exploitation sexuelle chaque année » "
            "(Monde, 2017). Source : Organisation internationale du Travail, consultée le "
            "12 mars 2024. Cité par Défense des Enfants International : "
            "http://testserver/fr/chiffres-cles/#children-sexually-exploited-yearly",
        ),
        (
            "en",
            "“more than 1.2 million children who are victims of sexual exploitation every "
            "year” (World, 2017). Source: International Labour Organization, consulted on "
            "March 12, 2024. Quoted by Defence for Children International: "
            "http://testserver/en/key-figures/#children-sexually-exploited-yearly",
        ),
        (
            "es",
            "«más de 1,2 millones niños y niñas víctimas de explotación sexual cada año» "
            "(Mundo, 2017). Fuente: Organización Internacional del Trabajo, consultada el "
            "12 de marzo de 2024. Citado por Defensa de Niñas y Niños Internacional: "
            "http://testserver/es/cifras-clave/#children-sexually-exploited-yearly",
        ),
    ],
)
def test_each_figure_has_a_sentence_to_cite_it_in_the_pages_language(
    client, ilo_figure, language, sentence
):
    ilo_figure.qualifier = KeyFigure.Qualifier.MORE_THAN
    ilo_figure.save()
    html = client.get(PAGES[language]).content.decode()
    figure = html[html.index('id="children-sexually-exploited-yearly"') :]
    figure = figure[: figure.index("</article>")]
    assert f'<p class="citation">{sentence}</p>' in figure.replace("&#34;", '"')
    assert '<a href="#children-sexually-exploited-yearly">' in figure


def test_a_figure_without_source_is_cited_as_such(client, db):
    make_figure(key="trafficking", value=15000, label_fr="victimes de la traite")
    html = client.get("/fr/chiffres-cles/").content.decode()
    assert "Aucune source indiquée." in html


def test_the_licence_chosen_in_the_admin_reaches_the_page_and_the_files(
    client, editor_client, ilo_figure
):
    page = client.get("/fr/chiffres-cles/").content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in page
    data = {
        "licence_name_fr": "Licence Ouverte 2.0 (Etalab)",
        "licence_name_en": "Open Licence 2.0 (Etalab)",
        "licence_name_es": "",
        "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        **TRANSLATIONS_PUBLISHED,  # ticked, as the admin's form shows them
    }
    response = editor_client.post(SETTINGS_ADD, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    client.logout()
    page = client.get("/fr/chiffres-cles/").content.decode()
    assert 'rel="license">Licence Ouverte 2.0 (Etalab)</a>' in page
    english = json.loads(client.get("/en/key-figures/data.json").content)
    assert english["licence"] == {
        "name": "Open Licence 2.0 (Etalab)",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    }
    # Not translated into Spanish: the French name, as everywhere else on the site.
    [row] = csv.DictReader(io.StringIO(client.get(CSV_ES).content.decode("utf-8-sig")))
    assert row["licence"] == "Licence Ouverte 2.0 (Etalab)"
    assert row["licence_url"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def test_there_is_one_licence_and_deleting_it_brings_back_the_default(client, editor_client, db):
    data = {
        "licence_name_fr": "CC BY-SA 4.0",
        "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert editor_client.post(SETTINGS_ADD, data).status_code == 302
    listing = editor_client.get("/admin/statistics/opendatasettings/").content.decode()
    assert SETTINGS_ADD not in listing
    assert editor_client.get(SETTINGS_ADD).status_code == 403
    assert 'rel="license">CC BY-SA 4.0</a>' in client.get("/fr/chiffres-cles/").content.decode()
    settings = OpenDataSettings.objects.get()
    delete = f"/admin/statistics/opendatasettings/{settings.pk}/delete/"
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert 'rel="license">CC BY 4.0</a>' in client.get("/fr/chiffres-cles/").content.decode()

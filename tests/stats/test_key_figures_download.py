"""The key figures as CSV and JSON, in each language, as a journalist downloads them."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from stats.models import KeyFigure
from tests.conftest import make_figure, make_organisation

CSV_PATHS = {
    "fr": "/fr/chiffres-cles/donnees.csv",
    "en": "/en/key-figures/data.csv",
    "es": "/es/cifras-clave/datos.csv",
}
JSON_PATHS = {
    "fr": "/fr/chiffres-cles/donnees.json",
    "en": "/en/key-figures/data.json",
    "es": "/es/cifras-clave/datos.json",
}
HEADER = [
    "identifier",
    "label",
    "value",
    "value_text",
    "qualifier",
    "kind",
    "ratio_total",
    "scope",
    "note",
    "year",
    "source_organisation",
    "source_title",
    "source_url",
    "source_consulted_on",
    "source_missing",
    "text_language",
    "url",
    "last_modified",
    "licence",
    "licence_url",
]


def csv_rows(client, path):
    """The CSV's rows as dicts, read as Python's csv module reads a UTF-8 file with its BOM."""
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_figures(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


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
        qualifier=KeyFigure.Qualifier.MORE_THAN,
        label_fr="enfants victimes d’exploitation sexuelle chaque année",
        label_en="children who are victims of sexual exploitation every year",
        label_es="niños y niñas víctimas de explotación sexual cada año",
        scope_fr="Monde",
        scope_en="World",
        scope_es="Mundo",
        year=2017,
        source_organisation=ilo,
        source_url="https://www.ilo.org/global-estimates",
        source_consulted_on=date(2024, 3, 12),
    )


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_csv_has_a_header_row_with_every_column_in_each_language(client, ilo_figure, language):
    response = client.get(CSV_PATHS[language])
    assert response.content.startswith("\ufeff".encode())  # the BOM that Excel needs
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header == HEADER
    assert response["Content-Language"] == language
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("language", "label", "value_text", "scope", "source"),
    [
        (
            "fr",
            "enfants victimes d’exploitation sexuelle chaque année",
            "plus de 1,2 million",
            "Monde",
            "Organisation internationale du Travail",
        ),
        (
            "en",
            "children who are victims of sexual exploitation every year",
            "more than 1.2 million",
            "World",
            "International Labour Organization",
        ),
        (
            "es",
            "niños y niñas víctimas de explotación sexual cada año",
            "más de 1,2 millones",
            "Mundo",
            "Organización Internacional del Trabajo",
        ),
    ],
)
def test_a_figure_row_gives_the_raw_number_and_the_text_as_the_page_shows_it(
    client, ilo_figure, language, label, value_text, scope, source
):
    [row] = csv_rows(client, CSV_PATHS[language])
    assert row["identifier"] == "children-sexually-exploited-yearly"
    assert row["label"] == label
    assert row["value"] == "1200000"
    assert row["value_text"] == value_text
    assert row["qualifier"] == "more_than"
    assert row["kind"] == "count"
    assert row["scope"] == scope
    assert row["year"] == "2017"
    assert row["source_organisation"] == source
    assert row["source_url"] == "https://www.ilo.org/global-estimates"
    assert row["source_consulted_on"] == "2024-03-12"
    assert row["source_missing"] == "false"
    assert row["text_language"] == language
    assert row["url"].endswith("/#children-sexually-exploited-yearly")
    assert row["last_modified"].startswith(str(timezone.now().year))


def test_the_json_gives_numbers_as_numbers_and_the_same_columns(client, ilo_figure):
    make_figure(key="share", kind=KeyFigure.Kind.PERCENTAGE, value="29.50", label_fr="part")
    make_figure(key="ratio", kind=KeyFigure.Kind.RATIO, value=7, ratio_total=10, label_fr="sur")
    document = json_figures(client, JSON_PATHS["en"])
    assert document["language"] == "en"
    assert document["columns"] == HEADER[:-2]
    figures = {figure["identifier"]: figure for figure in document["figures"]}
    assert figures["children-sexually-exploited-yearly"]["value"] == 1200000
    assert figures["share"]["value"] == 29.5
    assert figures["share"]["value_text"] == "29.5%"
    assert figures["ratio"]["value"] == 7
    assert figures["ratio"]["ratio_total"] == 10
    assert figures["ratio"]["value_text"] == "7 in 10"
    assert figures["ratio"]["source_missing"] is True


def test_a_missing_source_is_said_explicitly(client, db):
    make_figure(key="orphan", label_fr="victimes de la traite", year=2020)
    [row] = csv_rows(client, CSV_PATHS["fr"])
    assert row["source_missing"] == "true"
    assert row["source_organisation"] == row["source_url"] == row["source_consulted_on"] == ""


def test_a_dated_fact_has_no_value_but_its_year(client, db):
    make_figure(key="emergency", kind=KeyFigure.Kind.DATED_FACT, value=None, year=2022)
    [row] = csv_rows(client, CSV_PATHS["en"])
    assert row["value"] == ""
    assert row["value_text"] == "2022"
    assert row["year"] == "2022"


def test_an_untranslated_figure_says_its_texts_are_in_french(client, db):
    make_figure(key="translated", label_fr="enfants", label_en="children")
    make_figure(key="french-only", label_fr="sections nationales", scope_fr="Monde")
    make_figure(key="half-done", label_fr="membres", label_en="members", scope_fr="Europe")
    rows = {row["identifier"]: row for row in csv_rows(client, CSV_PATHS["en"])}
    assert (rows["translated"]["label"], rows["translated"]["text_language"]) == ("children", "en")
    assert rows["french-only"]["label"] == "sections nationales"
    assert rows["french-only"]["scope"] == "Monde"
    assert rows["french-only"]["text_language"] == "fr"
    # Half translated: all in French, never an English label beside a French scope.
    assert (rows["half-done"]["label"], rows["half-done"]["scope"]) == ("membres", "Europe")
    assert rows["half-done"]["text_language"] == "fr"


def test_a_figure_whose_source_has_no_english_name_is_given_in_french(client, db):
    source = make_organisation(name_fr="Conseil de l’Europe")
    make_figure(key="coe", label_fr="membres", label_en="members", source_organisation=source)
    [row] = csv_rows(client, CSV_PATHS["en"])
    assert (row["label"], row["source_organisation"]) == ("membres", "Conseil de l’Europe")
    assert row["text_language"] == "fr"


def test_drafts_scheduled_and_expired_figures_are_left_out(client, db):
    now = timezone.now()
    make_figure(key="live", label_fr="en ligne")
    make_figure(key="draft", label_fr="brouillon", is_published=False)
    make_figure(key="later", label_fr="plus tard", publish_at=now + timedelta(days=1))
    make_figure(key="gone", label_fr="expiré", expire_at=now - timedelta(days=1))
    assert [row["identifier"] for row in csv_rows(client, CSV_PATHS["fr"])] == ["live"]
    document = json_figures(client, JSON_PATHS["fr"])
    assert [figure["identifier"] for figure in document["figures"]] == ["live"]


def test_drafts_stay_out_of_the_files_even_for_staff_previewing(editor_client, db):
    make_figure(key="draft", label_fr="brouillon", is_published=False)
    response = editor_client.get(JSON_PATHS["fr"] + "?preview=1")
    assert json.loads(response.content)["figures"] == []


def test_the_files_follow_the_editors_order(client, db):
    make_figure(key="second", order=2)
    make_figure(key="first", order=1)
    assert [row["identifier"] for row in csv_rows(client, CSV_PATHS["fr"])] == ["first", "second"]

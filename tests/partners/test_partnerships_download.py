"""DEI's partnerships as CSV and JSON, in each language, beside the partners page."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from partners.models import Partnership
from tests.conftest import make_organisation, make_partnership

CSV_PATHS = {
    "fr": "/fr/partenaires/donnees.csv",
    "en": "/en/partners/data.csv",
    "es": "/es/socios/datos.csv",
}
JSON_PATHS = {
    "fr": "/fr/partenaires/donnees.json",
    "en": "/en/partners/data.json",
    "es": "/es/socios/datos.json",
}
HEADER = [
    "identifier",
    "organisation_id",
    "organisation_name",
    "organisation_acronym",
    "organisation_website",
    "organisation_url",
    "kind",
    "kind_label",
    "since",
    "until",
    "role",
    "description",
    "benefits",
    "evidence_url",
    "text_language",
    "url",
    "last_modified",
    "licence",
    "licence_url",
]


def csv_rows(client, path):
    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def partnerships(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return json.loads(response.content)["partnerships"]


@pytest.fixture
def ecosoc(db):
    body = make_organisation(
        name_fr="Conseil économique et social des Nations unies",
        name_en="United Nations Economic and Social Council",
        name_es="Consejo Económico y Social de las Naciones Unidas",
        acronym_fr="ECOSOC",
        acronym_en="ECOSOC",
        acronym_es="ECOSOC",
        slug_fr="ecosoc",
        slug_en="ecosoc",
        slug_es="ecosoc",
        website="https://ecosoc.un.org/",
    )
    return make_partnership(
        organisation=body,
        kind=Partnership.Kind.CONSULTATIVE_STATUS,
        since_year=1993,
        role_fr="Statut consultatif spécial",
        role_en="Special consultative status",
        role_es="Estatus consultivo especial",
        benefits_fr="Assister aux réunions\nSoumettre des déclarations écrites",
        benefits_en="Attend meetings\nSubmit written statements",
        benefits_es="Asistir a las reuniones\nPresentar declaraciones escritas",
        evidence_url="https://esango.un.org/",
    )


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_csv_has_every_column_in_each_language(client, ecosoc, language):
    response = client.get(CSV_PATHS[language])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header == HEADER


@pytest.mark.parametrize(
    ("language", "name", "kind_label", "role", "first_benefit"),
    [
        (
            "fr",
            "Conseil économique et social des Nations unies",
            "Statut consultatif",
            "Statut consultatif spécial",
            "Assister aux réunions",
        ),
        (
            "en",
            "United Nations Economic and Social Council",
            "Consultative status",
            "Special consultative status",
            "Attend meetings",
        ),
        (
            "es",
            "Consejo Económico y Social de las Naciones Unidas",
            "Estatus consultivo",
            "Estatus consultivo especial",
            "Asistir a las reuniones",
        ),
    ],
)
def test_a_partnership_row_names_the_organisation_and_the_relationship(
    client, ecosoc, language, name, kind_label, role, first_benefit
):
    [row] = partnerships(client, JSON_PATHS[language])
    assert row["identifier"] == ecosoc.pk
    assert row["organisation_id"] == ecosoc.organisation.pk
    assert row["organisation_name"] == name
    assert row["organisation_acronym"] == "ECOSOC"
    assert row["organisation_website"] == "https://ecosoc.un.org/"
    assert row["organisation_url"].endswith("/ecosoc/")
    assert row["kind"] == "consultative_status"
    assert row["kind_label"] == kind_label
    assert (row["since"], row["until"]) == (1993, None)
    assert row["role"] == role
    assert row["benefits"][0] == first_benefit and len(row["benefits"]) == 2
    assert row["evidence_url"] == "https://esango.un.org/"
    assert row["text_language"] == language


def test_an_untranslated_partnership_says_its_texts_are_in_french(client, db):
    make_partnership(role_fr="Membre fondateur", benefits_fr="Siéger au comité")
    [row] = csv_rows(client, CSV_PATHS["es"])
    assert row["role"] == "Membre fondateur"
    assert row["benefits"] == "Siéger au comité"
    assert row["text_language"] == "fr"


def test_hidden_partnerships_and_those_of_hidden_organisations_are_left_out(client, db):
    now = timezone.now()
    make_partnership(role_fr="visible")
    make_partnership(role_fr="brouillon", is_published=False)
    make_partnership(role_fr="expiré", expire_at=now - timedelta(hours=1))
    make_partnership(
        organisation=make_organisation(is_published=False), role_fr="organisation en brouillon"
    )
    make_partnership(
        organisation=make_organisation(publish_at=now + timedelta(days=2)),
        role_fr="organisation programmée",
    )
    assert [row["role"] for row in csv_rows(client, CSV_PATHS["fr"])] == ["visible"]
    assert [row["role"] for row in partnerships(client, JSON_PATHS["en"])] == ["visible"]


def test_the_partners_page_links_to_its_data_in_its_language(client, db):
    html = client.get("/es/socios/").content.decode()
    assert '<a href="/es/socios/datos.csv" type="text/csv" download>' in html
    assert '<a href="/es/socios/datos.json" type="application/json">' in html
    assert 'rel="license">CC BY 4.0</a>' in html

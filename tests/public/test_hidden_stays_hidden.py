"""A body visitors may not see is never named, linked or described in JSON-LD: not as the parent
of a published organisation, not as the source of a key figure, nor in the open data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import make_figure, make_organisation
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db

HIDDEN_WAYS = {
    "draft": {"is_published": False},
    "scheduled": {"publish_at": timezone.now() + timedelta(days=3)},
    "expired": {"expire_at": timezone.now() - timedelta(days=3)},
}


@pytest.fixture(params=list(HIDDEN_WAYS))
def hidden_body(request):
    return make_organisation(
        name_fr="Corps secret", slug_fr="corps-secret", **HIDDEN_WAYS[request.param]
    )


def test_a_hidden_parent_is_neither_named_nor_linked_nor_in_json_ld(client, hidden_body):
    make_organisation(name_fr="Section visible", slug_fr="section-visible", parent=hidden_body)
    html = client.get("/fr/organisations/section-visible/").content.decode()
    assert "Section visible" in html
    assert "Corps secret" not in html
    assert "corps-secret" not in html
    assert "parentOrganization" not in html


def test_a_published_parent_is_named_linked_and_in_json_ld(client):
    parent = make_organisation(name_fr="Corps public", slug_fr="corps-public")
    make_organisation(name_fr="Section visible", slug_fr="section-visible", parent=parent)
    html = client.get("/fr/organisations/section-visible/").content.decode()
    assert 'href="/fr/organisations/corps-public/">Corps public</a>' in html
    assert '"parentOrganization"' in html


def test_a_figure_from_a_hidden_body_keeps_its_source_without_naming_it(client, hidden_body):
    make_figure(
        source_organisation=hidden_body,
        source_title_fr="Rapport mondial",
        source_url="https://example.org/rapport",
    )
    html = client.get("/fr/chiffres-cles/").content.decode()
    assert "Rapport mondial" in html
    assert "Corps secret" not in html
    assert "corps-secret" not in html


def test_the_open_data_does_not_name_a_hidden_source_body(client, hidden_body):
    make_figure(source_organisation=hidden_body, source_title_fr="Rapport mondial")
    body = client.get("/en/key-figures/data.csv").content.decode()
    assert "Rapport mondial" in body
    assert "Corps secret" not in body


def test_a_figure_whose_only_source_is_a_hidden_body_says_no_source_is_given(client, hidden_body):
    make_figure(key="seul-corps", source_organisation=hidden_body)
    html = client.get("/fr/chiffres-cles/").content.decode()
    figure = html[html.index('id="seul-corps"') :]
    figure = figure[: figure.index("</article>")]
    assert "Source pas encore indiquée." in figure
    assert "Aucune source indiquée." in figure  # the “Cite this figure” sentence
    assert "Source : ." not in figure
    assert "Corps secret" not in figure


def test_the_open_data_marks_a_source_that_is_only_a_hidden_body_as_missing(client, hidden_body):
    make_figure(key="seul-corps", source_organisation=hidden_body)
    figures = client.get("/en/key-figures/data.json").json()["figures"]
    (row,) = [row for row in figures if row["identifier"] == "seul-corps"]
    assert row["source_missing"] is True
    assert row["source_organisation"] == ""


def test_a_page_quoting_a_figure_does_not_name_its_hidden_source_body(client, hidden_body):
    figure = make_figure(source_organisation=hidden_body, source_title_fr="Rapport mondial")
    make_page(
        slug_fr="texte", body_fr=f'<p>Chaque année, <span data-figure="{figure.pk}">x</span>.</p>'
    )
    html = client.get("/fr/pages/texte/").content.decode()
    assert "Rapport mondial" in html
    assert "Corps secret" not in html


def test_a_figure_whose_only_source_is_hidden_is_no_home_page_highlight(client, hidden_body):
    make_figure(label_fr="chiffre sans source visible", source_organisation=hidden_body)
    make_figure(label_fr="chiffre au rapport public", source_title_fr="Rapport mondial")
    public = make_organisation(name_fr="Corps public", slug_fr="corps-public")
    make_figure(label_fr="chiffre du corps public", source_organisation=public)
    html = client.get("/fr/").content.decode()
    assert "chiffre au rapport public" in html
    assert "chiffre du corps public" in html
    assert "chiffre sans source visible" not in html

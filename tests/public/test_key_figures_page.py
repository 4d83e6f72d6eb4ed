"""Figures read as each language writes numbers, with their source or a word that it is missing."""

import pytest
from django.utils.html import strip_tags

from tests.conftest import make_figure, make_organisation

NNBSP, NBSP = "\u202f", "\xa0"


@pytest.mark.parametrize(
    ("path", "million", "thousands", "percent", "ratio"),
    [
        ("/fr/chiffres-cles/", "1,2 million", f"plus de 15{NNBSP}000", f"29{NBSP}%", "7 sur 10"),
        ("/en/key-figures/", "1.2 million", "more than 15,000", "29%", "7 in 10"),
        ("/es/cifras-clave/", "1,2 millones", "más de 15.000", f"29{NBSP}%", "7 de cada 10"),
    ],
)
def test_numbers_are_formatted_for_the_language(
    client, demo, path, million, thousands, percent, ratio
):
    html = client.get(path).content.decode()
    assert f'<data value="1200000">{million}</data>' in html
    assert f'<data value="15000">{thousands}</data>' in html
    assert f'<data value="29">{percent}</data>' in html
    assert f'<data value="7">{ratio}</data>' in html


def test_a_figure_shows_its_scope_year_and_source(client, demo):
    html = client.get("/en/key-figures/").content.decode()
    figure = html[html.index('id="children-sexually-exploited-yearly"') :]
    figure = figure[: figure.index("</article>")]
    assert "World" in figure
    assert "2017" in figure
    assert "International Labour Organization (ILO)" in figure


def test_a_figure_without_source_tells_visitors_so(client, demo):
    html = client.get("/fr/chiffres-cles/").content.decode()
    assert html.count("Source pas encore indiquée.") == 4


def test_percentages_and_ratios_get_a_decorative_chart(client, demo):
    html = client.get("/en/key-figures/").content.decode()
    assert html.count('<svg class="figure-chart" aria-hidden="true" focusable="false"') == 3


def test_a_figure_without_source_is_never_a_home_page_highlight(client, db):
    make_figure(key="sourced", label_fr="chiffre sourcé", source_organisation=make_organisation())
    make_figure(key="orphan", label_fr="chiffre sans source")
    html = client.get("/fr/").content.decode()
    assert "chiffre sourcé" in html
    assert "chiffre sans source" not in html


def test_a_draft_figure_is_not_shown(client, db):
    make_figure(label_fr="chiffre en brouillon", is_published=False)
    assert "chiffre en brouillon" not in client.get("/fr/chiffres-cles/").content.decode()


def test_the_about_page_takes_its_numbers_from_the_figures(client, demo):
    from stats.models import KeyFigure

    KeyFigure.objects.filter(key="ecpat-member-organisations").update(value=140)
    # The figure is its own element (with a note to its source) inside the sentence.
    text = strip_tags(client.get("/en/about/").content.decode())
    assert "it brings together 140 civil-society member organisations" in text
    assert "Today the movement counts about 30 national sections on 4 continents" in text

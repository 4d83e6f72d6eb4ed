"""Search finds what people type, the same on SQLite and PostgreSQL: one table of queries and
the names they must find, in order, organisations and pages' text alike, drafts never (run
with DATABASE_URL set for PostgreSQL)."""

import pytest

from search.engine import search
from search.matching import find_word
from tests.conftest import make_organisation
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies():
    make_organisation(
        name_fr="Organisation internationale du Travail",
        acronym_fr="OIT",
        slug_fr="oit",
        summary_fr="Elle défend les droits des travailleurs.",
    )
    make_organisation(
        name_fr="Réseau contre l’exploitation",
        slug_fr="reseau-exploitation",
        summary_fr="Il lutte contre l’exploitation et pour les droits de l’enfant.",
    )
    make_organisation(
        name_fr="Fonds des Nations unies pour l'enfance",
        name_en="United Nations Children’s Fund",
        slug_fr="unicef",
        summary_fr="Il agit à Genève.",
        summary_en="It works in Geneva.",
    )
    make_organisation(
        name_fr="Bureau de l’Observatoire",
        slug_fr="observatoire",
        summary_fr="Il cite l’OIT dans ses rapports.",
    )
    make_organisation(name_fr="Organisme brouillon", summary_fr="Justice.", is_published=False)
    make_page(
        title_fr="Notre histoire",
        title_en="Our story",
        summary_fr="Depuis 1979.",
        summary_en="Since 1979.",
        body_fr="<h2>Les débuts</h2><p>Une campagne pour la <strong>justice</strong> "
        "juvénile.</p><ul><li>Plaidoyer</li><li>Formation</li></ul>"
        '<p>En chiffres : <span data-figure="999">espace réservé</span>.</p>',
        body_en="<p>A campaign for <em>juvenile</em> justice.</p>",
    )
    make_page(title_fr="Plaidoyer", summary_fr="Notre action.", body_fr="<p>Texte.</p>")
    make_page(
        title_fr="Page cachée",
        summary_fr="Brouillon.",
        body_fr="<p>Une justice secrète.</p>",
        is_published=False,
    )


# (query, language, names found in that order)
QUERIES = [
    # Apostrophes: straight ≡ typographic, both ways; other punctuation ignored.
    ("l'enfant", "fr", ["Réseau contre l’exploitation"]),
    ("l’enfance", "fr", ["Fonds des Nations unies pour l'enfance"]),
    ("children's fund", "en", ["United Nations Children’s Fund"]),
    ("«enfance»!", "fr", ["Fonds des Nations unies pour l'enfance"]),
    # Words and word prefixes, never inside a word; the acronym's body first.
    ("OIT", "fr", ["Organisation internationale du Travail", "Bureau de l’Observatoire"]),
    ("exploit", "fr", ["Réseau contre l’exploitation"]),
    # Accents and case folded.
    ("geneve", "fr", ["Fonds des Nations unies pour l'enfance"]),
    ("GENÈVE", "fr", ["Fonds des Nations unies pour l'enfance"]),
    # Name before description.
    ("droits", "fr", ["Organisation internationale du Travail", "Réseau contre l’exploitation"]),
    ("travail", "fr", ["Organisation internationale du Travail"]),
    # The French where a translation is missing, never where it is written.
    ("travail", "en", ["Organisation internationale du Travail"]),
    ("enfance", "en", []),
    # Page bodies, read as text: a paragraph, a list item; never their tags.
    ("juvenile", "fr", ["Notre histoire"]),
    ("juvenile justice", "en", ["Our story"]),
    ("formation", "fr", ["Notre histoire"]),
    ("strong", "fr", []),
    # A live key figure's placeholder is not text: its value is written when the page shows.
    ("reserve", "fr", []),
    ("chiffres", "fr", ["Notre histoire"]),
    # A page's title before its body.
    ("plaidoyer", "fr", ["Plaidoyer", "Notre histoire"]),
    # Drafts are never found, organisations or pages.
    ("justice", "fr", ["Notre histoire"]),
    ("secrete", "fr", []),
    ("brouillon", "fr", []),
]


def names(results):
    return [result.title.split(" (")[0] for result in results]


@pytest.mark.parametrize(("query", "language", "expected"), QUERIES)
def test_a_query_finds_these_bodies_in_this_order(bodies, query, language, expected):
    assert names(search(query, language)) == expected


def test_the_acronym_of_a_body_does_not_match_inside_other_words(bodies):
    found = names(search("oit", "fr"))
    assert "Réseau contre l’exploitation" not in found


@pytest.mark.parametrize(
    ("text", "word", "marked"),
    [
        ("Voilà… l’enfant", "enfant", "enfant"),
        ("Die Straße der Kinder", "kinder", "Kinder"),
        ("Les ﬁnances de l’enfance", "enfance", "enfance"),
        ("Cafe\u0301 des enfants", "enfants", "enfants"),
        ("Cafe\u0301 des enfants", "cafe", "Cafe\u0301"),
        ("Straße", "strasse", "Straße"),
        # Positions are worked out only up to the word found: far in, or last in the text.
        ("Été… " * 400 + "Cafe\u0301 l’enfance", "enfance", "enfance"),
        ("Été " * 400 + "fin de l’Été", "ete", "Été"),
        ("Voilà… la fin de l’enfance", "enfance", "enfance"),
        ("ﬁn", "fin", "ﬁn"),
        ("Straße", "str", "Straße"),
    ],
)
def test_the_snippet_marks_exactly_the_matched_word_whatever_folding_does(text, word, marked):
    start, end = find_word(text, word)
    assert text[start:end] == marked


def test_a_search_page_marks_the_word_found(client, bodies):
    html = client.get("/fr/recherche/?q=gen%C3%A8ve").content.decode()
    assert "Il agit à <mark>Genève</mark>." in html


def test_a_word_of_a_page_body_is_marked_in_its_text_without_tags(client, bodies):
    html = client.get("/fr/recherche/?q=juvenile").content.decode()
    assert "Une campagne pour la justice <mark>juvénile</mark>." in html
    assert "&lt;strong&gt;" not in html


def test_no_result_in_the_visitors_language_but_some_in_another_says_so_with_a_link(client, bodies):
    # “enfance” is in the French name only: the English name is translated.
    html = client.get("/en/search/?q=enfance").content.decode()
    assert "No result in this language. French: 1 result." in html
    assert '<a href="/fr/recherche/?q=enfance" hreflang="fr">See them</a>' in html

"""Lists ordered by a name follow the name the visitor reads (its translation, else the French)
with the language's collation: accents and case do not push a name to the end, and an
untranslated name sorts where its French name would."""

import re

import pytest

from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db

BODIES = [
    # (French, Spanish or None when untranslated)
    ("Conseil international des droits", "Consejo Internacional de Derechos"),
    ("Conseil économique et social", "Consejo Económico y Social"),
    ("Conseil de l’Europe", "Consejo de Europa"),
    ("Comité des droits de l’enfant", None),
    ("Consultation mondiale", None),
]


@pytest.fixture
def bodies():
    for n, (french, spanish) in enumerate(BODIES):
        body = make_organisation(
            name_fr=french,
            name_es=spanish,
            slug_fr=f"corps-{n}",
            slug_es=f"cuerpo-{n}" if spanish else None,
        )
        make_partnership(body)


def listed(html):
    block = re.search(r'<ul class="organisation-list">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r"<a [^>]*>([^<]+)</a>", block)


def test_the_french_list_follows_french_collation(client, bodies):
    assert listed(client.get("/fr/organisations/").content.decode()) == [
        "Comité des droits de l’enfant",
        "Conseil de l’Europe",
        "Conseil économique et social",
        "Conseil international des droits",
        "Consultation mondiale",
    ]


def test_the_spanish_list_sorts_translations_and_untranslated_names_together(client, bodies):
    assert listed(client.get("/es/organizaciones/").content.decode()) == [
        "Comité des droits de l’enfant",
        "Consejo de Europa",
        "Consejo Económico y Social",
        "Consejo Internacional de Derechos",
        "Consultation mondiale",
    ]


def test_the_home_pages_partners_follow_the_name_shown(client, bodies):
    html = client.get("/es/").content.decode()
    html = re.search(r'<ul class="partner-brief">(.*?)</ul>', html, re.S).group(1)
    positions = [
        html.find(name)
        for name in (
            "Comité des droits",
            "Consejo de Europa",
            "Consejo Económico",
            "Consultation mondiale",
        )
    ]
    assert -1 not in positions
    assert positions == sorted(positions)

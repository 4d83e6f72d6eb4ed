"""Lists ordered by a name follow the name the visitor reads (its translation, else the French)
with the language's collation: accents and case do not push a name to the end, and an
untranslated name sorts where its French name would."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from multilingual.collation import collation_name, order_by_shown_name
from organisations.models import Organisation
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


# The same names, ordered by the database, in each language: one table for SQLite (pyuca) and
# PostgreSQL (ICU). Each row: French, Spanish (None: untranslated), Spanish published.
NAMES = [
    ("Conseil international des droits", "Consejo Internacional de Derechos", True),
    ("Conseil économique et social", "Consejo Económico y Social", True),
    ("Conseil de l’Europe", "Consejo de Europa", True),
    ("Comité des droits de l’enfant", None, True),
    ("Consultation mondiale", None, True),
    ("Nations unies", "Ñandú", True),
    ("Nouvel organisme", "Nuevo organismo", True),
    ("école des droits", None, True),
    ("Ecpat", None, True),
    # Translated, but the Spanish is not published yet: visitors read, and sort, the French.
    ("Agence des droits", "Zona de pruebas", False),
]

EXPECTED = {
    "fr": [
        "Agence des droits",
        "Comité des droits de l’enfant",
        "Conseil de l’Europe",
        "Conseil économique et social",
        "Conseil international des droits",
        "Consultation mondiale",
        "école des droits",
        "Ecpat",
        "Nations unies",
        "Nouvel organisme",
    ],
    "es": [
        "Agence des droits",
        "Comité des droits de l’enfant",
        "Consejo de Europa",
        "Consejo Económico y Social",
        "Consejo Internacional de Derechos",
        "Consultation mondiale",
        "école des droits",
        "Ecpat",
        "Nuevo organismo",
        "Ñandú",  # a letter of its own after "n" in Spanish
    ],
}


@pytest.fixture
def names():
    for n, (french, spanish, published) in enumerate(NAMES):
        make_organisation(
            name_fr=french,
            name_es=spanish,
            slug_fr=f"nom-{n}",
            slug_es=f"nombre-{n}" if spanish else None,
            published_es=published,
        )


def shown_names(language, queryset):
    with translation.override(language):
        return [
            body.name_es
            if language == "es" and body.published_es and body.name_es
            else body.name_fr
            for body in queryset
        ]


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_database_orders_by_the_name_as_shown_in_the_languages_collation(language, names):
    with translation.override(language):
        ordered = list(order_by_shown_name(Organisation.objects.all()))
    assert shown_names(language, ordered) == EXPECTED[language]


def test_the_order_is_made_in_one_query_so_a_list_can_be_paginated(
    names, django_assert_num_queries
):
    with translation.override("es"), django_assert_num_queries(1):
        # One SELECT … ORDER BY … COLLATE "es-x-icu" … LIMIT 3 OFFSET 7.
        last_page = list(order_by_shown_name(Organisation.objects.all())[7:10])
    assert shown_names("es", last_page) == EXPECTED["es"][7:]


def test_an_unpublished_translation_is_listed_under_its_french_name(client, names):
    for body in Organisation.objects.all():
        make_partnership(body)
    html = client.get("/es/organizaciones/").content.decode()
    assert listed(html) == EXPECTED["es"]


def test_each_language_has_its_collation_on_this_engine(db):
    """PostgreSQL ships the ICU collations (initdb on a server built with ICU); SQLite gets them
    from multilingual/collation.py on each connection."""
    with connection.cursor() as cursor:
        for language, _name in settings.LANGUAGES:
            name = collation_name(language)
            cursor.execute(f"SELECT 'b' < 'a' COLLATE {connection.ops.quote_name(name)}")
            assert cursor.fetchone()[0] in (False, 0), name


def test_the_home_pages_partners_are_in_the_order_of_what_is_shown(client):
    """The home page shows each partner's acronym, else its name: that is the order."""
    for french, acronym_fr, acronym_en in [
        ("Organisation internationale du travail", "OIT", "ILO"),
        ("Fonds des Nations unies pour l’enfance", "UNICEF", ""),
        ("Agence des droits fondamentaux", "FRA", ""),
        ("Child Rights Connect", "", ""),
        ("Conseil de l’Europe", "", ""),
    ]:
        make_partnership(
            make_organisation(name_fr=french, acronym_fr=acronym_fr, acronym_en=acronym_en)
        )

    def shown(path):
        html = client.get(path).content.decode()
        html = re.search(r'<ul class="partner-brief">(.*?)</ul>', html, re.S).group(1)
        return re.findall(r"<a [^>]*>([^<]+)</a>", html)

    assert shown("/fr/") == ["Child Rights Connect", "Conseil de l’Europe", "FRA", "OIT", "UNICEF"]
    assert shown("/en/") == ["Child Rights Connect", "Conseil de l’Europe", "FRA", "ILO", "UNICEF"]

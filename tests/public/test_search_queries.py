"""Search runs the same number of queries however much content matches: one for the index's
published matches of every kind at once, then one per kind of content among the results
shown (search/engine.py), on SQLite and PostgreSQL."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editing.registry import searchable_models
from tests.factories import KeyFigureFactory, OrganisationFactory, PartnershipFactory
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


def add_content(count):
    """`count` of each kind of content, each saying "enfance" (saved: indexed as staff's are)."""
    for _ in range(count):
        organisation = OrganisationFactory(summary_fr="Pour l’enfance.")
        PartnershipFactory(organisation=organisation, role_fr="Enfance")
        KeyFigureFactory(label_fr="enfants, enfance")
        make_page(body_fr="<p>L’enfance d’abord.</p>")


def search_queries(client):
    """(queries, HTML) of the first results page for "enfance", its menu already drawn."""
    client.get("/fr/recherche/", {"q": "enfance"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/recherche/", {"q": "enfance"})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_queries_of_a_search_do_not_grow_with_what_it_finds(client):
    ContentType.objects.get_for_models(*searchable_models())  # kept by Django per process
    add_content(2)
    with_two, html = search_queries(client)
    assert "8 résultats pour « enfance »." in html
    # The index's matches; the shown organisations, partnerships, figures and pages.
    assert with_two == 1 + 4
    add_content(30)
    with_thirty_two, html = search_queries(client)
    assert "128 résultats pour « enfance »." in html
    assert with_thirty_two <= with_two


def test_one_query_finds_nothing(client):
    add_content(2)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/recherche/", {"q": "introuvable"})
    assert "0 résultat pour « introuvable »." in response.content.decode()
    # Nothing in French: the same question in English and Spanish, to say where it is written.
    assert len([q for q in queries if "search_searchentry" in q["sql"]]) == 3

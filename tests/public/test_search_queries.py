"""Search runs the same number of queries however much content matches: one for the index's
matches, one for which objects of every kind are published, then one per kind of content among
the results shown (search/engine.py); the last two are kept for the content generation, so the
same search again asks the index only. On SQLite and PostgreSQL."""

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
    """(queries of a first search, of the same search again, HTML) for "enfance", the menu and
    introduction already drawn (by the empty search page)."""
    client.get("/fr/recherche/")
    counts = []
    for _visit in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/recherche/", {"q": "enfance"})
        assert response.status_code == 200
        counts.append(len(queries))
    return *counts, response.content.decode()


def test_the_queries_of_a_search_do_not_grow_with_what_it_finds(client):
    ContentType.objects.get_for_models(*searchable_models())  # kept by Django per process
    add_content(2)
    first, again, html = search_queries(client)
    assert "8 résultats pour « enfance »." in html
    # The index's matches; which objects are published, every kind at once; the shown
    # organisations, partnerships, figures and pages.
    assert first == 1 + 1 + 4
    # What is published and what each result shows are kept for the content generation.
    assert again == 1
    add_content(30)  # a new generation: nothing kept
    first_of_more, again, html = search_queries(client)
    assert "128 résultats pour « enfance »." in html
    assert first_of_more <= first  # the first 20 may be of fewer kinds
    assert again == 1


def test_one_query_finds_nothing(client):
    add_content(2)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/recherche/", {"q": "introuvable"})
    assert "0 résultat pour « introuvable »." in response.content.decode()
    # Nothing in French: the same question in English and Spanish, to say where it is written.
    assert len([q for q in queries if "search_searchentry" in q["sql"]]) == 3

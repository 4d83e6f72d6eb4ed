"""A data download runs a fixed number of queries, however many figures and partnerships."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sitecache.generation import current_generation
from tests.conftest import make_figure, make_organisation, make_partnership

DOWNLOADS = (
    "/en/key-figures/data.json",
    "/fr/chiffres-cles/donnees.csv",
    "/es/socios/datos.json",
    "/en/partners/data.csv",
)


def add_content(first, last):
    for n in range(first, last + 1):
        body = make_organisation(name_fr=f"Organisation {n}", slug_fr=f"organisation-{n}")
        make_partnership(body, role_fr=f"Rôle {n}")
        make_figure(key=f"figure-{n}", label_fr=f"chiffre {n}", source_organisation=body)


def queries_per_download(client):
    counts = {}
    for path in DOWNLOADS:
        cache.clear()  # a first visit: nothing cached
        # A new generation reads the next scheduled change once after the cache is emptied,
        # never per page (tests/public/test_query_counts.py).
        current_generation()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[path] = len(queries)
    return counts


@pytest.mark.django_db
def test_downloads_do_not_run_more_queries_with_more_content(client):
    add_content(1, 2)
    with_two = queries_per_download(client)
    add_content(3, 40)
    assert queries_per_download(client) == with_two
    # The rows with their organisations (one join); the licence.
    assert set(with_two.values()) == {2}

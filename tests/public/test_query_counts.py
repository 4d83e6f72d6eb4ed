"""Each page runs a fixed number of queries, however many partners and figures there are."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from sitecache.generation import current_generation
from stats.models import KeyFigure

PATHS = [
    "/en/",
    "/en/partners/",
    "/en/key-figures/",
    "/en/about/",
    "/en/search/?q=body",
    "/en/organisations/body-1/",
    "/sitemap.xml",
]


def add_bodies(start, count):
    """`count` published bodies, each with two relationships, a status and a figure about body 1."""
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name_fr=f"Organisme {n}",
            name_en=f"Body {n}",
            slug_fr=f"organisme-{n}",
            slug_en=f"body-{n}",
            kind="ngo",
            summary_fr="Résumé",
            summary_en="Summary",
            is_published=True,
        )
        for n in range(start, start + count)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            organisation=organisation,
            kind=kind,
            role_fr="Rôle",
            benefits_fr="Un\nDeux",
            order=n,
            is_published=True,
        )
        for n, organisation in enumerate(organisations, start)
        for kind in ("consultative_status", "membership")
    )
    ConsultativeStatus.objects.bulk_create(
        ConsultativeStatus(partnership=p, privileges_fr="Siéger")
        for p in partnerships
        if p.kind == "consultative_status"
    )
    body_1 = Organisation.objects.get(slug_en="body-1")
    KeyFigure.objects.bulk_create(
        KeyFigure(
            key=f"figure-{organisation.pk}",
            kind="ratio",
            value=1,
            ratio_total=3,
            label_fr="chiffre",
            about_organisation=body_1,
            source_organisation=organisation,
            is_published=True,
        )
        for organisation in organisations
    )


def queries_per_page(client):
    """Queries of a first visit: nothing cached (bulk_create sends no signal to invalidate)."""
    counts = {}
    for path in PATHS:
        cache.clear()
        # A new generation reads the next scheduled change (a query per content model): once
        # after the cache is emptied, or with each edit, never per page.
        current_generation()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[path] = len(queries)
    return counts


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_partners(client):
    add_bodies(1, 10)
    with_ten = queries_per_page(client)
    add_bodies(11, 190)
    assert queries_per_page(client) == with_ten
    # A first visit renders the page: its queries only (the cache generation is in the cache).
    assert with_ten == {
        "/en/": 2,  # highlighted figures with their sources; partner bodies
        "/en/partners/": 2,  # partnerships with their bodies and statuses; data licence
        "/en/key-figures/": 2,  # figures with their sources; the data's licence
        "/en/about/": 1,  # the two figures it quotes
        "/en/search/?q=body": 3,  # not cached: bodies, partnerships, figures
        "/en/organisations/body-1/": 4,  # the body, its partnerships, figures, sections
        "/sitemap.xml": 2,  # bodies, then their partnerships (prefetched)
    }


@pytest.mark.django_db
def test_a_page_served_from_the_cache_costs_no_query(client):
    add_bodies(1, 10)
    for path in PATHS:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if path.startswith("/en/search/"):
            assert "X-Cache" not in response  # results depend on the query: never cached
        else:
            assert response["X-Cache"] == "hit", path
            assert len(queries) == 0, path

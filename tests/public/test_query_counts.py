"""Each page runs a fixed number of queries, however many partners and figures there are."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editing.registry import searchable_models
from organisations.models import Organisation
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from sitecache.generation import current_generation
from stats.models import KeyFigure

PATHS = [
    "/en/",
    "/en/partners/",
    "/en/key-figures/",
    "/en/about/",
    "/en/pages/page-1/",
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


def add_pages(start, count):
    """`count` published pages in the menu, each linking to every body and figure so far and to
    page 1: the about page and the introductions among the first ones."""
    bodies = list(Organisation.objects.values_list("pk", flat=True))
    figures = list(KeyFigure.objects.values_list("pk", flat=True))
    links = "".join(f'<a href="#" data-organisation="{pk}">body</a> ' for pk in bodies)
    links += "".join(f'<span data-figure="{pk}">figure</span> ' for pk in figures)
    placements = [p for p in Page.Placement if not Page.objects.filter(placement=p).exists()]
    for n in range(start, start + count):
        page = Page(
            title_fr=f"Page {n}",
            title_en=f"Page {n}",
            slug_fr=f"page-{n}",
            slug_en=f"page-{n}",
            summary_fr="Résumé",
            summary_en="Summary",
            body_fr=f'<p>{links}<a href="#" data-page="1">page</a></p>',
            body_en=f'<p>{links}<a href="#" data-page="1">page</a></p>',
            placement=placements.pop() if placements and n > 1 else "",
            is_published=True,
        )
        page.save()
        NavigationItem.objects.create(page=page, order=n)


def queries_per_page(client):
    """Queries of a first visit: nothing cached (bulk_create sends no signal to invalidate)."""
    counts = {}
    for path in PATHS:
        cache.clear()
        # A new generation reads the next scheduled change (a query per content model): once
        # after the cache is emptied, or with each edit, never per page.
        current_generation()
        # The sitemap asks for the current Site (django.contrib.sites, for the redirects): read
        # once per process and kept in memory, so not a query of the page.
        Site.objects.get_current()
        # Search asks for its content types (django.contrib.contenttypes): kept the same way.
        ContentType.objects.get_for_models(*searchable_models())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[path] = len(queries)
    return counts


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_partners_pages_and_links(client):
    add_bodies(1, 10)
    add_pages(1, 10)
    with_ten = queries_per_page(client)
    add_bodies(11, 190)
    add_pages(11, 40)
    # The pages written before 190 more bodies existed link to ten; these link to all 200.
    assert queries_per_page(client) == with_ten
    # A first visit renders the page: its queries only (the cache generation is in the cache).
    # The header menu is one query, and a page's text resolves its links and figures in three
    # (pages, bodies, figures with their sources), whatever their number.
    assert with_ten == {
        "/en/": 2 + 1 + (1 + 3),  # figures; partner bodies; menu; introduction, references
        "/en/partners/": 1 + 1 + 1 + (1 + 3),  # partnerships; data licence; menu; introduction
        "/en/key-figures/": 1 + 1 + 1 + (1 + 3),  # figures with sources; licence; menu; intro
        "/en/about/": 1 + 3 + 1,  # the page; its references; menu
        "/en/pages/page-1/": 1 + 3 + 1,  # the page; its references; menu
        # Not cached: the index's matches; which objects are published, every kind at once;
        # the results shown, one query per kind among them (pages, whose text has links named
        # "body"); menu; intro. All but the first are kept for the content generation.
        "/en/search/?q=body": 1 + 1 + 1 + 1 + (1 + 3),
        "/en/organisations/body-1/": 4 + 1,  # the body, partnerships, figures, sections; menu
        "/sitemap.xml": 2 + 1,  # bodies, then their partnerships (prefetched); pages
    }


@pytest.mark.django_db
def test_a_page_served_from_the_cache_costs_no_query(client):
    add_bodies(1, 10)
    add_pages(1, 10)
    for path in PATHS:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if path.startswith("/en/search/"):
            assert "X-Cache" not in response  # results depend on the query: never cached
            # The index is asked; what is published and what results show were kept.
            assert len(queries) == 1, [query["sql"] for query in queries]
        else:
            assert response["X-Cache"] == "hit", path
            assert len(queries) == 0, path

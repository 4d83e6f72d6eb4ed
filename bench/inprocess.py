"""Each public page rendered in-process by Django's test client: queries, time, size."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

REPEATS = 30
PAGES = {
    # page type: its path in French, English and Spanish (None: one path for all)
    "home": ("/fr/", "/en/", "/es/"),
    "partners": ("/fr/partenaires/", "/en/partners/", "/es/socios/"),
    "organisation": (
        "/fr/organisations/body-1-fr/",
        "/en/organisations/body-1-en/",
        "/es/organizaciones/body-1-fr/",
    ),
    "key figures": ("/fr/chiffres-cles/", "/en/key-figures/", "/es/cifras-clave/"),
    "about": ("/fr/a-propos/", "/en/about/", "/es/acerca-de/"),
    "search": ("/fr/recherche/?q=enfant", "/en/search/?q=children", "/es/buscar/?q=derechos"),
    "sitemap": ("/sitemap.xml", None, None),
}
LANGUAGES = ("fr", "en", "es")


def quantile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@override_settings(PAGE_CACHE_SECONDS=0)
def measure_page(client, path):
    for _ in range(2):  # warm-up: templates compiled, connections open
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    # Read now: the context's list is a view of a log the next request empties.
    query_count = len(queries)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "queries": query_count,
        "median_ms": statistics.median(times),
        "p95_ms": quantile(times, 0.95),
        "kb": len(response.content) / 1024,
    }


def measure_all():
    """{(page type, language): measurement} for every page type in each language."""
    client = Client()
    results = {}
    for page, paths in PAGES.items():
        for language, path in zip(LANGUAGES, paths, strict=True):
            if path:
                results[(page, language)] = measure_page(client, path)
    return results

"""Each public page rendered in-process by Django's test client: queries, time, size."""

import statistics
import time

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

REPEATS = 30
# The 30 timed requests of a page are made in rounds of 10, spread over the whole run: this
# machine is shared, and a burst of another tenant's load would otherwise fall on all of one
# page's requests (docs/performance.md, "Noise").
ROUNDS = 3
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
    "key figures JSON": (
        "/fr/chiffres-cles/donnees.json",
        "/en/key-figures/data.json",
        "/es/cifras-clave/datos.json",
    ),
    "about": ("/fr/a-propos/", "/en/about/", "/es/acerca-de/"),
    # A page staff wrote, of 1,000 words with 20 links and 5 figures (bench/content.py).
    "page, 1,000 words": ("/fr/pages/long-fr/", "/en/pages/long-en/", "/es/paginas/long-es/"),
    "search": ("/fr/recherche/?q=enfant", "/en/search/?q=children", "/es/buscar/?q=derechos"),
    "sitemap": ("/sitemap.xml", None, None),
}
LANGUAGES = ("fr", "en", "es")


def quantile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def first_visit(client, path):
    """The page's queries and size, after two warm-up requests (templates compiled,
    connections open)."""
    for _ in range(2):
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    # Read now: the context's list is a view of a log the next request empties.
    return {"queries": len(queries), "kb": len(response.content) / 1024}


def timed(client, path, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def one_pass(client, pages):
    """Each page's 30 timed requests, in rounds spread over the pass."""
    times = {key: [] for key, _path in pages}
    for _ in range(ROUNDS):
        for key, path in pages:
            times[key] += timed(client, path, REPEATS // ROUNDS)
    return times


@override_settings(PAGE_CACHE_SECONDS=600)
def measure_cached():
    """{(page type, language): {"queries", "median_ms"}} of each page served from the page
    cache (search is never cached: it is measured as it is served)."""
    cache.clear()
    client = Client()
    results = {}
    for page, paths in PAGES.items():
        for language, path in zip(LANGUAGES, paths, strict=True):
            if not path:
                continue
            for _ in range(2):  # the miss that fills the cache, then a first hit
                client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            times = timed(client, path, REPEATS)
            results[(page, language)] = {
                "queries": len(queries),
                "hit": response.get("X-Cache") == "hit",
                "median_ms": statistics.median(times),
            }
    return results


@override_settings(PAGE_CACHE_SECONDS=0)
def measure_all(passes=1):
    """{(page type, language): measurement} for every page type in each language.

    With several passes, each page's figures are those of its quietest pass (the lowest
    median), as timeit keeps its best repeat: on a shared machine, slower passes measure the
    other tenants. Every pass's median is kept, so the report can show the spread.
    """
    client = Client()
    pages = [
        ((page, language), path)
        for page, paths in PAGES.items()
        for language, path in zip(LANGUAGES, paths, strict=True)
        if path
    ]
    results = {key: first_visit(client, path) for key, path in pages}
    runs = [one_pass(client, pages) for _ in range(passes)]
    for key, result in results.items():
        quietest = min((run[key] for run in runs), key=statistics.median)
        result["median_ms"] = statistics.median(quietest)
        result["p95_ms"] = quantile(quietest, 0.95)
        result["pass_medians"] = [statistics.median(run[key]) for run in runs]
    return results

"""`python -m bench.search`: search timed in-process at 1,000 organisations (issue 14: at most
50 ms a query), on SQLite, or on PostgreSQL when DATABASE_URL is set.

A throw-away database with bench/content.py's content; for each query, the median and 95th
percentile of the engine alone (`find` and the first page's `results`) and of the whole page
through Django's test client. Prints a table for docs/performance.md; `make bench` times the
search page too, with the other pages.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

SIZE = 1000
REPEATS = 30
QUERIES = [
    # (language, query, what it stands for)
    ("fr", "enfant", "a word in every body"),
    ("en", "children", "a word in every body"),
    ("es", "derechos", "in half the bodies, the French elsewhere"),
    ("fr", "organisme 999", "two words, one body"),
    ("fr", "introuvable", "a word found nowhere"),
]


def timed(function, repeats=REPEATS):
    """(median, 95th percentile) of the wall-clock time, and the median CPU time of this
    process (what a loaded machine's other work does not add), in ms."""
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    p95 = sorted(times)[round(0.95 * (len(times) - 1))]
    return statistics.median(times), p95, statistics.median(cpu)


def main():
    from .run import configure_environment, database_description, fresh_database

    workdir = Path(tempfile.mkdtemp(prefix="dei-bench-search-"))
    configure_environment(workdir)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse
    from django.utils.translation import override

    from search.engine import find, results
    from search.index import _full_text_filter, matching_entries
    from search.models import SearchEntry
    from search.views import RESULTS_PER_PAGE

    from .content import build

    call_command("collectstatic", "--noinput", verbosity=0)  # the pages' hashed file names
    with fresh_database("bench_search", workdir):
        build(SIZE)
        client = Client()
        entries = matching_entries(["999"], "fr")
        print("The search query's plan for a word in one body, as the planner chooses:")
        options = {"analyze": True} if connection.vendor == "postgresql" else {}
        print(entries.explain(**options))
        if connection.vendor == "postgresql":
            print("and through the GIN index (sequential scans refused, any language):")
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                print(SearchEntry.objects.filter(_full_text_filter(["999"])).explain(analyze=True))
        print(f"Search at {SIZE:,} organisations, {database_description()}, in ms")
        print("| query | language | found | engine median | p95 | CPU | page median | p95 | CPU |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for language, query, _meaning in QUERIES:
            with override(language):
                path = reverse("search:results")
            found = len(find(query, language))

            def engine(query=query, language=language):
                results(query, find(query, language)[:RESULTS_PER_PAGE], language)

            def page(path=path, query=query):
                assert client.get(path, {"q": query}).status_code == 200

            engine(), page()  # warm up
            e50, e95, ecpu = timed(engine)
            p50, p95, pcpu = timed(page)
            print(
                f"| {query} | {language} | {found} | {e50:.1f} | {e95:.1f} | {ecpu:.1f} "
                f"| {p50:.1f} | {p95:.1f} | {pcpu:.1f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

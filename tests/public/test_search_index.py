"""The search index follows the content: a change is found once saved or published, never
while it waits as a draft; the engine's full-text index answers, a page of results at a time
(run with DATABASE_URL set for PostgreSQL)."""

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from editing import drafts
from organisations.models import Organisation
from search import index
from search.engine import search
from search.models import SearchEntry
from tests.conftest import make_organisation
from tests.factories import OrganisationFactory
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


def titles(query, language="fr"):
    return [result.title for result in search(query, language)]


def test_a_renamed_organisation_is_found_by_its_new_name_only():
    body = make_organisation(name_fr="Bureau ancien")
    body.name_fr = "Bureau nouveau"
    body.save()
    assert titles("nouveau") == ["Bureau nouveau"]
    assert titles("ancien") == []


def test_a_deleted_organisation_leaves_nothing_in_the_index():
    make_organisation(name_fr="Bureau fermé").delete()
    assert titles("ferme") == []
    assert not SearchEntry.objects.exists()


def test_a_change_waiting_as_a_draft_is_found_only_once_published(editor):
    page = make_page(title_fr="Nos actions", body_fr="<p>Un texte publié.</p>")
    payload = json.loads(drafts.serialize(page))
    payload[0]["fields"]["body_fr"] = "<p>Un texte remanié.</p>"
    draft = drafts.store(page, json.dumps(payload), editor)

    with drafts.shown(draft, page):  # a staff preview: rolled back afterwards
        assert titles("remanie") == ["Nos actions"]
    assert titles("remanie") == []
    assert titles("publie") == ["Nos actions"]

    drafts.apply(draft, page, raw=False)  # what publishing does
    assert titles("remanie") == ["Nos actions"]
    assert titles("publie") == []


def test_content_written_in_bulk_is_found_after_rebuild_search_index():
    Organisation.objects.bulk_create(
        [Organisation(name_fr="Réseau importé", slug_fr="importe", kind="ngo", is_published=True)]
    )
    assert titles("importe") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles("importe") == ["Réseau importé"]


def test_results_come_twenty_a_page_with_links_to_the_others(client):
    for n in range(25):
        make_organisation(name_fr=f"Réseau {n:02}", summary_fr="Pour l’enfance.")
    first = client.get("/fr/recherche/", {"q": "enfance"}).content.decode()
    assert "25 résultats pour « enfance »." in first
    assert first.count('class="result-title"') == 20
    assert "Résultats 1 à 20 sur 25." in first
    assert (
        '<a href="/fr/recherche/?q=enfance&amp;page=2" rel="next">Résultats suivants</a>' in first
    )

    second = client.get("/fr/recherche/", {"q": "enfance", "page": "2"}).content.decode()
    assert second.count('class="result-title"') == 5
    assert "Réseau 24" in second
    assert "Résultats 21 à 25 sur 25." in second
    assert 'href="/fr/recherche/?q=enfance&amp;page=1" rel="prev"' in second


def searching(client, query):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/recherche/", {"q": query}).status_code == 200
    return len(queries)


def test_a_search_runs_as_many_queries_for_thirty_matches_as_for_three(client):
    for n in range(3):
        make_organisation(name_fr=f"Réseau {n}", summary_fr="Pour l’enfance.")
    few = searching(client, "enfance")
    for n in range(3, 30):
        make_organisation(name_fr=f"Réseau {n}", summary_fr="Pour l’enfance.")
    assert searching(client, "enfance") == few


DESCRIPTION_WORDS = (
    "rapport protection justice mineurs éducation santé migration plaidoyer formation réseau "
    "observatoire campagne enquête région programme partenaires droits enfance violence travail"
)


def test_the_full_text_index_finds_a_word_among_1000_organisations():
    Organisation.objects.bulk_create(
        Organisation(
            name_fr=f"Organisme {n}",
            slug_fr=f"organisme-{n}",
            kind="ngo",
            is_published=True,
            summary_fr="Un organisme qui défend les droits de l’enfant."
            + (" Rare." if n == 7 else ""),
            # A description of its own words, as real ones are: the index holds each word once.
            description_fr=" ".join(f"{word}{n}" for word in DESCRIPTION_WORDS.split()),
        )
        for n in range(1000)
    )
    index.rebuild([Organisation])
    assert titles("rare") == ["Organisme 7"]

    entries = SearchEntry.objects.filter(index._full_text_filter(["rare"]), language="fr")
    if connection.vendor == "postgresql":
        # The stored vectors of 1,000 bodies fit in a few hundred kB: for a prefix query the
        # planner may prefer reading those of the language (docs/performance.md). Refused a
        # sequential scan, the full-text condition alone is answered by the GIN index.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = SearchEntry.objects.filter(index._full_text_filter(["rare"])).explain()
        assert "Bitmap Index Scan on search_searchentry_vector_gin" in plan, plan
    else:
        # The FTS5 table answers the word; no row's text is read to find it.
        plan = entries.explain()
        assert re.search(r"search_searchentry_fts VIRTUAL TABLE INDEX", plan), plan


def test_an_unpublished_translation_is_not_searched_in_its_language(client):
    body = OrganisationFactory(
        name_fr="Fonds discret",
        name_en="Secretive Fund",
        summary_en="Hidden words",
        published_en=False,
    )
    # Visitors read the French in English until the translation is published: its words find it.
    assert [r.title for r in search("secretive", "en")] == []
    assert "1 result for “discret”." in client.get("/en/search/?q=discret").content.decode()
    body.published_en = True
    body.save()
    assert [r.title for r in search("secretive", "en")] == ["Secretive Fund"]
    assert "0 results for “discret”." in client.get("/en/search/?q=discret").content.decode()

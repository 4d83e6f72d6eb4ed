"""What search keeps for a content generation (which objects are published, what each result
shows) never outlives the content: a rename, an unpublished body, the clock's go-live and
expiry and a rebuilt index are seen by the next search, through the page as visitors use it."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command

from organisations.models import Organisation
from tests.conftest import make_organisation, make_partnership
from tests.editing.test_scheduling import clock  # noqa: F401 (the site's clock, moved by tests)

pytestmark = pytest.mark.django_db

RESULT = re.compile(r'<h2 class="result-title"><a href="([^"]*)">([^<]*)</a>')


def found(client, query):
    """[(address, title)] of the first page of results for `query` in French."""
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    return RESULT.findall(response.content.decode())


def test_a_partnership_result_follows_its_renamed_organisation(client):
    body = make_organisation(name_fr="Bureau ancien", slug_fr="bureau-ancien")
    make_partnership(body, role_fr="Plaidoyer commun")
    [(address, title)] = found(client, "plaidoyer")
    assert title == "Bureau ancien"
    assert address.startswith("/fr/organisations/bureau-ancien/#partnership-")
    body.name_fr = "Bureau nouveau"
    body.slug_fr = "bureau-nouveau"
    body.save()
    [(address, title)] = found(client, "plaidoyer")
    assert title == "Bureau nouveau"
    assert address.startswith("/fr/organisations/bureau-nouveau/#partnership-")


def test_an_unpublished_organisation_leaves_the_results_at_once(client):
    body = make_organisation(name_fr="Bureau visible")
    assert [title for _address, title in found(client, "visible")] == ["Bureau visible"]
    body.is_published = False
    body.save()
    assert found(client, "visible") == []


def test_a_scheduled_organisation_is_found_from_its_go_live_until_its_expiry(client, clock):  # noqa: F811
    make_organisation(
        name_fr="Bureau de campagne",
        publish_at=clock.now + timedelta(hours=1),
        expire_at=clock.now + timedelta(days=7),
    )
    assert found(client, "campagne") == []
    assert found(client, "campagne") == []  # kept for the generation, which ends at go-live
    clock.advance(hours=1, seconds=1)
    assert [title for _address, title in found(client, "campagne")] == ["Bureau de campagne"]
    clock.advance(days=7)
    assert found(client, "campagne") == []


def test_content_written_in_bulk_is_found_after_a_rebuild_even_by_a_search_made_before(client):
    assert found(client, "importe") == []  # what is published is now kept
    Organisation.objects.bulk_create(
        [Organisation(name_fr="Réseau importé", slug_fr="importe", kind="ngo", is_published=True)]
    )
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found(client, "importe") == [("/fr/organisations/importe/", "Réseau importé")]

"""The lists say which live objects have unpublished changes, in one query whatever their
number."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin.forms import organisation_form
from tests.editing.conftest import opened_at
from tests.editing.review import change_url
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:organisations_organisation_changelist")


def draft_of_a_change(client, organisation):
    data = organisation_form(
        opened_at=opened_at(client, organisation),
        name_fr=organisation.name_fr,
        slug_fr=organisation.slug_fr,
        summary_fr="Un résumé en attente.",
    )
    assert client.post(change_url(organisation), data).status_code == 302


def badges(page):
    return page.count('class="publication ')


def test_the_list_says_live_with_unpublished_changes(editor_client):
    changed = OrganisationFactory(name_fr="Alpha")
    OrganisationFactory(name_fr="Bêta")
    draft_of_a_change(editor_client, changed)
    page = editor_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert badges(page) == 2
    assert page.count("en ligne, avec des modifications non publiées") == 1
    page = editor_client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert page.count("en línea, con cambios sin publicar") == 1


def test_the_lists_query_count_does_not_grow_with_drafts(editor_client):
    for _number in range(2):
        draft_of_a_change(editor_client, OrganisationFactory())
    with CaptureQueriesContext(connection) as few:
        editor_client.get(LIST_URL)
    for _number in range(3):
        draft_of_a_change(editor_client, OrganisationFactory())
    with CaptureQueriesContext(connection) as many:
        page = editor_client.get(LIST_URL).content.decode()
    assert page.count("avec des modifications non publiées") == 5
    assert len(many) == len(few)

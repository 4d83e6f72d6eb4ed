"""A changed slug never breaks a link: the old address answers a permanent redirect, for good."""

import pytest
from django.urls import reverse

from tests.admin.forms import PUBLISH, organisation_form
from tests.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo():
    return make_organisation(
        name_fr="Organisation internationale du Travail",
        name_en="International Labour Organization",
        slug_fr="oit",
        slug_en="ilo",
        summary_fr="Agence.",
        summary_en="Agency.",
    )


def rename(editor_client, obj, **slugs):
    url = reverse("admin:organisations_organisation_change", args=[obj.pk])
    data = organisation_form(**{"slug_fr": obj.slug_fr, "slug_en": obj.slug_en, **slugs})
    assert editor_client.post(url, {**data, **PUBLISH}).status_code == 302
    obj.refresh_from_db()


def test_the_old_address_redirects_in_its_language(client, editor_client, ilo):
    rename(editor_client, ilo, slug_en="international-labour-organization")
    response = client.get("/en/organisations/ilo/")
    assert response.status_code == 301
    assert response["Location"] == "/en/organisations/international-labour-organization/"
    assert client.get("/fr/organisations/oit/").status_code == 200  # French unchanged


def test_every_old_address_still_leads_to_the_page_after_several_changes(
    client, editor_client, ilo
):
    rename(editor_client, ilo, slug_fr="organisation-du-travail")
    rename(editor_client, ilo, slug_fr="organisation-internationale-du-travail")
    for old in ("oit", "organisation-du-travail"):
        response = client.get(f"/fr/organisations/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/fr/organisations/organisation-internationale-du-travail/"


def test_a_slug_taken_again_leads_to_its_new_owner(client, editor_client, ilo):
    rename(editor_client, ilo, slug_en="international-labour-organization")
    make_organisation(name_fr="Autre", slug_fr="autre", slug_en="ilo", name_en="Another")
    assert client.get("/en/organisations/ilo/").status_code == 200
    assert "Another" in client.get("/en/organisations/ilo/").content.decode()


def test_an_old_address_of_a_draft_is_still_a_404(client, editor_client, ilo):
    rename(editor_client, ilo, slug_en="international-labour-organization", is_published="")
    assert client.get("/en/organisations/ilo/").status_code == 404

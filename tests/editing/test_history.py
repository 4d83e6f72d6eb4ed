"""Every admin save keeps a version: who changed what and when, compare, restore, undelete."""

import pytest
from django.urls import reverse
from reversion.models import Version

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import opened_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo(editor_client):
    add = reverse("admin:organisations_organisation_add")
    assert editor_client.post(add, organisation_form()).status_code == 302
    ilo = Organisation.objects.get()
    change = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    data = organisation_form(
        name_en="International Labour Organisation (ILO)", opened_at=opened_at(editor_client, ilo)
    )
    assert editor_client.post(change, {**data, **PUBLISH}).status_code == 302
    return ilo


def test_each_save_keeps_a_version_with_its_author(ilo):
    versions = Version.objects.get_for_object(ilo)
    assert versions.count() == 2
    assert {v.revision.user.username for v in versions} == {"editor"}
    assert versions[1].field_dict["name_en"] == "International Labour Organization"


def test_the_history_page_shows_who_changed_it_and_compares_two_versions(editor_client, ilo):
    history = reverse("admin:organisations_organisation_history", args=[ilo.pk])
    response = editor_client.get(history, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "editor" in response.content.decode()
    # The conflict check's stamp is bookkeeping, never listed as a change.
    assert "Changed Name [en]." in response.content.decode()
    older, newer = Version.objects.get_for_object(ilo).order_by("pk")
    compare_url = reverse("admin:organisations_organisation_compare", args=[ilo.pk])
    assert 'action="../history/compare/"' in response.content.decode()  # the compare form
    compare = editor_client.get(
        compare_url, {"version_id1": older.pk, "version_id2": newer.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = compare.content.decode()
    assert compare.status_code == 200
    # The English name's change, character by character: what was removed, what was added.
    assert "Name [en]" in html
    assert "<ins>" in html and "ILO)" in html
    assert "<del>" in html


def test_an_earlier_version_can_be_restored(editor_client, ilo):
    older = Version.objects.get_for_object(ilo).order_by("pk").first()
    url = reverse("admin:organisations_organisation_revision", args=[ilo.pk, older.pk])
    assert editor_client.get(url).status_code == 200
    data = organisation_form()
    assert editor_client.post(url, {**data, **PUBLISH}).status_code == 302
    ilo.refresh_from_db()
    assert ilo.name_en == "International Labour Organization"
    assert Version.objects.get_for_object(ilo).count() == 3  # the restore is a version too


def test_a_deleted_organisation_can_be_recovered(editor_client, ilo):
    delete = reverse("admin:organisations_organisation_delete", args=[ilo.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.exists()
    listing = editor_client.get(reverse("admin:organisations_organisation_recoverlist"))
    assert "International Labour" in listing.content.decode() or "Organisation internationale" in (
        listing.content.decode()
    )
    deleted = Version.objects.get_deleted(Organisation).first()
    url = reverse("admin:organisations_organisation_recover", args=[deleted.pk])
    assert (
        editor_client.post(
            url, organisation_form(name_en="International Labour Organisation (ILO)")
        ).status_code
        == 302
    )
    assert Organisation.objects.get().name_fr == "Organisation internationale du Travail"

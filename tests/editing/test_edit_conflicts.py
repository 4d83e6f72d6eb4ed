"""Two staff edit one page at once: the second to save is warned and shown what changed."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import opened_at, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    return Organisation.objects.get()


def test_the_second_save_is_warned_and_keeps_what_was_typed(
    editor_client, communication_officer, ilo
):
    url = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    colleague = signed_in(communication_officer, "en")
    mine = opened_at(editor_client, ilo)
    theirs = opened_at(colleague, ilo)

    response = colleague.post(
        url, organisation_form(summary_en="Their summary.", opened_at=theirs, **PUBLISH)
    )
    assert response.status_code == 302

    data = organisation_form(summary_en="My careful summary.", opened_at=mine)
    response = editor_client.post(url, {**data, **PUBLISH}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert "claire saved this page on" in errors[0]
    assert "Summary [en]: “Their summary.”" in errors[0]
    assert "My careful summary." in response.content.decode()
    ilo.refresh_from_db()
    assert ilo.summary_en == "Their summary."  # nothing overwritten

    # Having read the warning, saving again keeps my version, deliberately.
    new_stamp = response.context["adminform"].form["opened_at"].value()
    data["opened_at"] = new_stamp
    assert editor_client.post(url, {**data, **PUBLISH}).status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_en == "My careful summary."


def test_a_save_with_no_one_else_editing_goes_through(editor_client, ilo):
    url = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    data = organisation_form(summary_en="Fine.", opened_at=opened_at(editor_client, ilo))
    assert editor_client.post(url, {**data, **PUBLISH}).status_code == 302

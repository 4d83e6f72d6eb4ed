"""A refused save shows everyone's changes merged, inline rows are checked like their page, and
saving again never reverts a field the second editor never touched."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from partners.models import Partnership
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import signed_in
from tests.smoke.client import form_fields

pytestmark = pytest.mark.django_db


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def opened_form(client, obj):
    """The change form as a browser holds it: {name: [values]}, inline rows included."""
    html = client.get(change_url(obj)).content.decode()
    data = {}
    for name, value in form_fields(html, f"{obj._meta.model_name}_form"):
        data.setdefault(name, []).append(value)
    return data


def form_as_shown(response):
    """The change form a page shows, as a browser would post it (again)."""
    form_id = response.context["opts"].model_name + "_form"
    data = {}
    for name, value in form_fields(response.content.decode(), form_id):
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    return Organisation.objects.get()


@pytest.fixture
def partnership(editor_client, ilo):
    """A partnership of the ILO, made outside the admin: the check needs no history."""
    return Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Partenaire", role_en="Partner"
    )


@pytest.fixture
def colleague(communication_officer):
    return signed_in(communication_officer, "en")


def test_a_stale_inline_row_is_refused_and_the_other_edit_is_never_reverted(
    editor_client, colleague, ilo, partnership
):
    mine = opened_form(editor_client, ilo)  # A opens the organisation, partnerships inline

    theirs = opened_form(colleague, partnership)  # B changes the role on its own page
    theirs["role_en"] = ["Technical partner"]
    assert colleague.post(change_url(partnership), {**theirs, **PUBLISH}).status_code == 302

    mine["summary_en"] = ["The UN agency for the world of work."]  # A changes only the summary
    response = editor_client.post(change_url(ilo), {**mine, **PUBLISH}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    assert "saved this page on" in page
    partnership.refresh_from_db()
    assert partnership.role_en == "Technical partner"

    # The row now shows B's role; A's summary is still in the form. Saving again keeps both.
    again = form_as_shown(response)
    assert again["partnerships-0-role_en"] == ["Technical partner"]
    assert again["summary_en"] == ["The UN agency for the world of work."]
    assert editor_client.post(change_url(ilo), {**again, **PUBLISH}).status_code == 302
    partnership.refresh_from_db()
    ilo.refresh_from_db()
    assert partnership.role_en == "Technical partner"
    assert ilo.summary_en == "The UN agency for the world of work."


def test_a_refused_save_shows_their_values_where_i_changed_nothing_and_marks_both_changed(
    editor_client, colleague, ilo
):
    mine = opened_form(editor_client, ilo)
    theirs = opened_form(colleague, ilo)
    theirs["summary_en"] = ["Their summary."]
    theirs["name_en"] = ["ILO, their name"]
    theirs["founded_year"] = ["1920"]
    assert colleague.post(change_url(ilo), {**theirs, **PUBLISH}).status_code == 302

    mine["acronym_en"] = ["ILO-mine"]
    mine["name_en"] = ["ILO, my name"]
    response = editor_client.post(change_url(ilo), {**mine, **PUBLISH}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    form = response.context["adminform"].form
    shown = form_as_shown(response)
    # Theirs where I changed nothing, mine where only I typed, mine where we both did.
    assert shown["summary_en"] == ["Their summary."]
    assert shown["founded_year"] == ["1920"]
    assert shown["acronym_en"] == ["ILO-mine"]
    assert shown["name_en"] == ["ILO, my name"]
    assert form.errors["name_en"] == [
        "Changed by both of you. Their version: “ILO, their name”. Yours is below."
    ]
    assert set(form.errors) == {"name_en", "__all__"}

    assert editor_client.post(change_url(ilo), {**shown, **PUBLISH}).status_code == 302
    ilo.refresh_from_db()
    assert (ilo.summary_en, ilo.founded_year) == ("Their summary.", 1920)
    assert (ilo.acronym_en, ilo.name_en) == ("ILO-mine", "ILO, my name")


def test_the_merged_form_is_explained_in_french_too(editor_client, colleague, ilo):
    mine = opened_form(editor_client, ilo)
    theirs = opened_form(colleague, ilo)
    theirs["name_en"] = ["Theirs"]
    colleague.post(change_url(ilo), {**theirs, **PUBLISH})
    mine["name_en"] = ["Mine"]
    response = editor_client.post(change_url(ilo), {**mine, **PUBLISH}, HTTP_ACCEPT_LANGUAGE="fr")
    form = response.context["adminform"].form
    assert form.errors["name_en"] == [
        "Modifié par vous deux. Sa version : « Theirs ». La vôtre est ci-dessous."
    ]

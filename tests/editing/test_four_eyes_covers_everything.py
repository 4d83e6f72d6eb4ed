"""Four eyes covers everything visitors would see: new content, deletions, and approvals by
anyone who wrote into the draft."""

import pytest
from django.urls import reverse

from editing.models import Draft, WorkflowSettings
from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.editing.conftest import opened_at, signed_in
from tests.editing.review import change_url, staff_member, workflow_url
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:organisations_organisation_add")


@pytest.fixture
def four_eyes():
    return WorkflowSettings.objects.create(pk=1, four_eyes=True)


@pytest.fixture
def other_editor(django_user_model):
    return staff_member(django_user_model, "Editors", "emile")


def test_an_editor_cannot_publish_new_content_directly_under_four_eyes(
    client, four_eyes, editor_member
):
    _user, eve = editor_member
    page = eve.get(ADD_URL).content.decode()
    assert 'name="is_published"' not in page
    assert eve.post(ADD_URL, organisation_form()).status_code == 302  # "published" ticked
    organisation = Organisation.objects.get()
    assert not organisation.is_published
    assert client.get(organisation.get_absolute_url()).status_code == 404

    # Nor by ticking it later on the never-published object's form: she submits it instead.
    data = organisation_form(opened_at=opened_at(eve, organisation))
    assert eve.post(change_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert not organisation.is_published
    assert 'name="_submit"' in eve.get(change_url(organisation)).content.decode()


def test_new_content_an_editor_submits_under_four_eyes_needs_someone_else(
    four_eyes, editor_member, other_editor
):
    _user, eve = editor_member
    _user, emile = other_editor
    eve.post(ADD_URL, organisation_form())
    organisation = Organisation.objects.get()
    data = organisation_form(opened_at=opened_at(eve, organisation))
    assert eve.post(change_url(organisation), {**data, "_submit": "1"}).status_code == 302
    assert eve.post(workflow_url(organisation), {"action": "approve"}).status_code == 403
    organisation.refresh_from_db()
    assert not organisation.is_published
    assert emile.post(workflow_url(organisation), {"action": "approve"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.is_published


def test_a_superuser_still_publishes_new_content_under_four_eyes(four_eyes, administrator_client):
    assert administrator_client.post(ADD_URL, organisation_form()).status_code == 302
    assert Organisation.objects.get().is_published


def test_without_four_eyes_an_editor_publishes_new_content_as_before(editor_member):
    _user, eve = editor_member
    eve.post(ADD_URL, organisation_form())
    assert Organisation.objects.get().is_published


def test_an_editor_cannot_delete_live_content_under_four_eyes(client, four_eyes, editor_member):
    _user, eve = editor_member
    live = OrganisationFactory()
    url = reverse("admin:organisations_organisation_delete", args=[live.pk])
    response = eve.post(url, {"post": "yes"}, follow=True)
    assert "un contenu en ligne ne peut pas être supprimé directement" in response.content.decode()
    assert Organisation.objects.filter(pk=live.pk).exists()
    assert client.get(live.get_absolute_url()).status_code == 200

    # Nor with the list's "delete the selected" action.
    data = {"action": "delete_selected", "_selected_action": [live.pk], "post": "yes"}
    changelist = reverse("admin:organisations_organisation_changelist")
    response = eve.post(changelist, data, follow=True)
    assert "ne peut pas être supprimé directement" in response.content.decode()
    assert Organisation.objects.filter(pk=live.pk).exists()


def test_content_unpublished_through_review_can_then_be_deleted(four_eyes, editor_member):
    _user, eve = editor_member
    unpublished = OrganisationFactory(is_published=False)
    url = reverse("admin:organisations_organisation_delete", args=[unpublished.pk])
    assert eve.post(url, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.filter(pk=unpublished.pk).exists()


def test_a_superuser_may_delete_live_content_under_four_eyes(four_eyes, administrator_client):
    live = OrganisationFactory()
    url = reverse("admin:organisations_organisation_delete", args=[live.pk])
    assert administrator_client.post(url, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.filter(pk=live.pk).exists()


def test_a_deleted_object_an_editor_recovers_under_four_eyes_comes_back_unpublished(
    client, four_eyes, administrator_client, editor_member
):
    from reversion.models import Version

    administrator_client.post(ADD_URL, organisation_form())
    organisation = Organisation.objects.get()
    url = reverse("admin:organisations_organisation_delete", args=[organisation.pk])
    administrator_client.post(url, {"post": "yes"})
    version = Version.objects.get_deleted(Organisation).first()
    _user, eve = editor_member
    recover = reverse("admin:organisations_organisation_recover", args=[version.pk])
    form = eve.get(recover).context["adminform"].form
    data = organisation_form(opened_at=form.initial["opened_at"])
    assert eve.post(recover, data).status_code == 302
    recovered = Organisation.objects.get()
    assert not recovered.is_published
    assert client.get(recovered.get_absolute_url()).status_code == 404


def test_nobody_who_wrote_into_a_draft_approves_it_under_four_eyes(
    four_eyes, editor_member, contributor, director
):
    organisation = OrganisationFactory()
    _user, eve = editor_member
    _user, camille = contributor
    _user, dominique = director
    data = organisation_form(opened_at=opened_at(eve, organisation), summary_fr="Par Eve.")
    assert eve.post(change_url(organisation), data).status_code == 302  # a draft
    data = organisation_form(opened_at=opened_at(camille, organisation), summary_fr="Par Camille.")
    data.pop("is_published")
    assert camille.post(change_url(organisation), {**data, "_submit": "1"}).status_code == 302
    draft = Draft.objects.get()
    assert draft.author.username == "camille"

    # Eve wrote into it: she may not approve it, and it is not in her "Awaiting my review".
    assert eve.post(workflow_url(organisation), {"action": "approve"}).status_code == 403
    assert "Par Camille." not in eve.get(reverse("awaiting_review")).content.decode()
    organisation.refresh_from_db()
    assert organisation.summary_fr != "Par Camille."
    assert dominique.post(workflow_url(organisation), {"action": "approve"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.summary_fr == "Par Camille."


def test_a_reviewer_who_never_wrote_into_the_draft_may_approve_it(four_eyes, contributor):
    from tests.editing.conftest import member_of

    organisation = OrganisationFactory()
    _user, camille = contributor
    data = organisation_form(opened_at=opened_at(camille, organisation), summary_fr="Relu.")
    data.pop("is_published")
    camille.post(change_url(organisation), {**data, "_submit": "1"})
    emile = signed_in(member_of(None, "Editors", "emile"))
    assert emile.post(workflow_url(organisation), {"action": "approve"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.summary_fr == "Relu."


def test_four_eyes_holds_every_kind_of_content_a_key_figure_too(four_eyes, editor_member):
    from stats.models import KeyFigure
    from tests.admin.forms import figure_form

    _user, eve = editor_member
    response = eve.post(reverse("admin:statistics_keyfigure_add"), figure_form())
    assert response.status_code == 302
    figure = KeyFigure.objects.get()
    assert not figure.is_published
    assert 'name="_submit"' in eve.get(change_url(figure)).content.decode()

"""New content reaches review: a Contributor writes and submits what was never published, an
Approver reads all of it in "Awaiting my review" and publishes it by approving."""

import pytest
from django.core import mail
from django.urls import reverse

from editing.models import Draft, WorkflowEvent
from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.editing.conftest import opened_at
from tests.editing.review import change_url, workflow_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_organisation(contributor):
    """An organisation the contributor added: never published."""
    _user, camille = contributor
    data = organisation_form()
    data.pop("is_published")  # a contributor's form has no publication field
    response = camille.post(reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert not organisation.is_published
    return organisation


def submit(client, obj, message="Nouvelle organisation à publier", **fields):
    data = organisation_form(opened_at=opened_at(client, obj), **fields)
    data.pop("is_published")
    return client.post(change_url(obj), {**data, "_submit": "1", "workflow_message": message})


def test_a_contributors_new_content_offers_submit_for_review(contributor, new_organisation):
    _user, camille = contributor
    page = camille.get(change_url(new_organisation)).content.decode()
    assert 'name="_submit"' in page
    assert "Enregistrer et soumettre à relecture" in page
    assert 'name="workflow_message"' in page and 'name="workflow_go_live_at"' in page
    assert 'name="_publish"' not in page


def test_submitting_new_content_reaches_the_approver_who_sees_all_of_it(
    client, contributor, director, new_organisation
):
    director_user, dominique = director
    _user, camille = contributor
    response = submit(camille, new_organisation, summary_fr="Une agence des Nations unies.")
    assert response.status_code == 302

    draft = Draft.objects.get()
    assert draft.state == Draft.SUBMITTED
    new_organisation.refresh_from_db()
    assert not new_organisation.is_published  # visitors still see nothing
    assert new_organisation.summary_fr == "Une agence des Nations unies."
    assert client.get(new_organisation.get_absolute_url()).status_code == 404
    to_director = [message for message in mail.outbox if message.to == [director_user.email]]
    assert len(to_director) == 1
    assert "Nouvelle organisation à publier" in to_director[0].body

    listing = dominique.get(reverse("awaiting_review")).content.decode()
    assert "Organisation internationale du Travail" in listing
    assert "Une agence des Nations unies." in listing  # the text that goes live, not only the flag
    # Flags read as the admin's lists say them, never as Python writes them.
    assert ">Non<" in listing and ">Oui<" in listing
    assert ">False<" not in listing and ">True<" not in listing
    assert "(1)" in dominique.get(reverse("admin:index")).content.decode()
    form = dominique.get(change_url(new_organisation)).content.decode()
    assert "Pas encore publié, avec des modifications à publier" in form
    assert 'value="approve"' in form


def test_approving_new_content_publishes_it(client, contributor, director, new_organisation):
    _user, camille = contributor
    _user, dominique = director
    submit(camille, new_organisation, summary_fr="Une agence des Nations unies.")
    assert dominique.post(workflow_url(new_organisation), {"action": "approve"}).status_code == 302
    new_organisation.refresh_from_db()
    assert new_organisation.is_published
    assert not Draft.objects.exists()
    public = client.get(new_organisation.get_absolute_url()).content.decode()
    assert "Une agence des Nations unies." in public
    actions = set(WorkflowEvent.objects.values_list("action", flat=True))
    assert {WorkflowEvent.SUBMITTED, WorkflowEvent.APPROVED, WorkflowEvent.PUBLISHED} <= actions
    assert any(message.to == ["camille@example.org"] for message in mail.outbox)


def test_new_content_sent_back_shows_the_comment_and_stays_unpublished(
    client, contributor, director, new_organisation
):
    _user, camille = contributor
    _user, dominique = director
    submit(camille, new_organisation)
    comment = {"action": "send_back", "workflow_comment": "Ajoutez le résumé anglais."}
    assert dominique.post(workflow_url(new_organisation), comment).status_code == 302
    form = camille.get(change_url(new_organisation)).content.decode()
    assert "Ajoutez le résumé anglais." in form
    new_organisation.refresh_from_db()
    assert not new_organisation.is_published

    # Fixed and submitted again, it is approved and goes live with the fix.
    submit(camille, new_organisation, summary_en="A United Nations agency.")
    assert Draft.objects.get().state == Draft.SUBMITTED
    new_organisation.refresh_from_db()
    assert new_organisation.summary_en != "A United Nations agency."  # kept in the draft
    dominique.post(workflow_url(new_organisation), {"action": "approve"})
    new_organisation.refresh_from_db()
    assert new_organisation.is_published
    assert new_organisation.summary_en == "A United Nations agency."


def test_discarding_a_submission_of_new_content_keeps_it_unpublished(contributor, new_organisation):
    _user, camille = contributor
    submit(camille, new_organisation)
    assert camille.post(workflow_url(new_organisation), {"action": "discard"}).status_code == 302
    assert not Draft.objects.exists()
    new_organisation.refresh_from_db()
    assert not new_organisation.is_published
    assert 'name="_submit"' in camille.get(change_url(new_organisation)).content.decode()


def test_a_contributor_cannot_approve_her_own_new_content(contributor, new_organisation):
    _user, camille = contributor
    submit(camille, new_organisation)
    assert camille.post(workflow_url(new_organisation), {"action": "approve"}).status_code == 403
    new_organisation.refresh_from_db()
    assert not new_organisation.is_published

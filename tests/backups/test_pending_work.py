"""A restore from export_content loses no pending work: drafts of live content, waiting for
review, come back with their story and can still be approved."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from editing import drafts
from editing.models import Draft, WorkflowEvent
from organisations.models import Organisation
from tests.backups.conftest import export_then_start_afresh

pytestmark = pytest.mark.django_db


def test_a_draft_waiting_for_review_comes_back_with_its_story_and_can_be_published(
    rich_content, tmp_path
):
    export_then_start_afresh(tmp_path / "content.json")
    assert not Draft.objects.exists()

    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())

    draft = Draft.objects.get()
    un = Organisation.objects.get(slug_fr="onu")
    assert draft.content_object == un
    assert (draft.state, draft.message, draft.author.username) == (
        Draft.SUBMITTED,
        "À relire.",
        "camille",
    )
    steps = WorkflowEvent.objects.filter(object_id=str(un.pk))
    assert {step.action for step in steps} == {WorkflowEvent.SAVED, WorkflowEvent.SUBMITTED}
    assert un.summary_fr == "L’organisation des États."  # still the live version

    approver = get_user_model().objects.create_superuser("dominique")
    draft.go_live_at = None
    drafts.approve(draft, un, approver)
    un.refresh_from_db()
    assert un.summary_fr == "Résumé proposé."


def test_a_draft_whose_author_has_no_account_here_is_restored_without_one(rich_content, tmp_path):
    export_then_start_afresh(tmp_path / "content.json")
    get_user_model().objects.filter(username="camille").delete()

    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())

    draft = Draft.objects.get()
    assert (draft.author, draft.submitted_by, draft.message) == (None, None, "À relire.")

"""An import behaves as saving the same texts in the admin: into published content, by someone
who may not publish it directly, the texts go into a draft submitted for review, and visitors
read the live version until it is approved."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from editing.models import Draft, WorkflowEvent, WorkflowSettings
from tests.conftest import make_organisation
from tests.editing.review import CONTRIBUTORS, change_url, staff_member
from tests.translation_files.conftest import (
    FILL,
    apply_previewed,
    approve_submitted,
    export,
    key,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(django_user_model):
    _user, client = staff_member(django_user_model, CONTRIBUTORS, "camille", "en")
    return client


@pytest.fixture
def editor_member(django_user_model):
    _user, client = staff_member(django_user_model, "Editors", "eve", "en")
    return client


def english_page(client, obj):
    with translation.override("en"):
        return client.get(obj.get_absolute_url()).content.decode()


def imported(client, body, texts, name="team.po"):
    """Export English as `client`, translate `texts` ({field: text}) in the file, upload and
    apply it: (the preview, the page after "Apply")."""
    data = FILL["po"](
        export(client, "en", "po"), {key(body, field): text for field, text in texts.items()}
    )
    preview = upload(client, data, name)
    return preview, apply_previewed(client, preview)


@pytest.mark.parametrize("importer", ["translator", "contributor"])
def test_an_import_into_a_live_organisation_waits_for_review_and_the_public_page_is_unchanged(
    request, client, body, reviewer, editor, importer
):
    importing = request.getfixturevalue(importer)
    before = english_page(client, body)
    preview, page = imported(importing, body, {"name": "Council of Europe"})

    shown = preview.content.decode()
    assert "1 published object will not change for visitors yet" in shown
    assert "(draft, awaiting review)" in shown
    result = page.content.decode()
    assert "1 text imported into English" in result
    assert "submitted for review" in result and "Conseil de l’Europe (CdE)" in result

    body.refresh_from_db()
    assert body.name_en is None
    public = english_page(client, body)
    assert "Council of Europe" not in public and public == before
    draft = Draft.objects.get()
    assert draft.state == Draft.SUBMITTED and draft.content_object == body
    # The Editor reviewing it sees the translation as the difference from the live version…
    review = reviewer.get(reverse("awaiting_review"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Council of Europe" in review and "Name [en]" in review
    # …and was told by email.
    assert any(message.to == [editor.email] for message in mail.outbox)
    # The story: saved and submitted by the person importing, with the file's name.
    steps = WorkflowEvent.objects.filter(object_id=str(body.pk)).order_by("pk")
    assert [step.action for step in steps] == [WorkflowEvent.SAVED, WorkflowEvent.SUBMITTED]
    assert {step.user.username for step in steps} == {draft.author.username}
    assert "team.po" in steps[1].comment

    approve_submitted(reviewer)
    assert "Council of Europe" in english_page(client, body)


def test_an_import_goes_on_top_of_the_draft_the_object_already_has(
    client, body, translator, contributor, reviewer
):
    imported(contributor, body, {"summary": "A regional organisation."})
    imported(translator, body, {"name": "Council of Europe"})
    draft = Draft.objects.get()
    form = reviewer.get(change_url(body), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "A regional organisation." in form and "Council of Europe" in form
    assert draft.author.username == "tom"

    approve_submitted(reviewer)
    body.refresh_from_db()
    assert body.summary_en == "A regional organisation." and body.name_en == "Council of Europe"


def test_an_editors_import_is_public_at_once_when_four_eyes_is_off(
    client, body, editor_member, reviewer
):
    preview, page = imported(editor_member, body, {"name": "Council of Europe"})
    assert "will not change for visitors yet" not in preview.content.decode()
    assert "submitted for review" not in page.content.decode()
    assert not Draft.objects.exists()
    assert "Council of Europe" in english_page(client, body)
    assert Version.objects.get_for_object(body).first().revision.user.username == "eve"


def test_with_four_eyes_on_an_editors_import_waits_for_review_too(
    client, body, editor_member, reviewer
):
    WorkflowSettings.objects.create(pk=1, four_eyes=True)
    preview, _page = imported(editor_member, body, {"name": "Council of Europe"})
    assert "will not change for visitors yet" in preview.content.decode()
    assert Draft.objects.get().state == Draft.SUBMITTED
    assert "Council of Europe" not in english_page(client, body)
    body.refresh_from_db()
    assert body.name_en is None

    approve_submitted(reviewer)  # another Editor approves
    assert "Council of Europe" in english_page(client, body)


def test_an_import_into_content_not_yet_published_is_written_at_once(translator, volunteer):
    unpublished = make_organisation(name_fr="Brouillon", is_published=False)
    preview, _page = imported(translator, unpublished, {"name": "Draft body"})
    assert "will not change for visitors yet" not in preview.content.decode()
    unpublished.refresh_from_db()
    assert unpublished.name_en == "Draft body"
    assert not Draft.objects.exists()
    assert Version.objects.get_for_object(unpublished).first().revision.user == volunteer

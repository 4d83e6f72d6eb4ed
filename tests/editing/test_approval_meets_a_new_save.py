"""An approval that meets a new save of the same draft: the approver read one version, the
author saved another meanwhile. The new one is neither published unseen nor deleted."""

import pytest
from django.utils import translation

from editing import drafts
from editing.draft_merging import DraftConflict
from editing.models import Draft
from tests.conftest import make_organisation
from tests.editing.review import APPROVERS, CONTRIBUTORS, staff_member, submitted_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo():
    return make_organisation(name_fr="Organisation internationale du Travail", slug_fr="oit")


def test_changes_saved_again_while_they_are_approved_stay_awaiting_review(
    client, django_user_model, ilo
):
    author, _camille = staff_member(django_user_model, CONTRIBUTORS, "camille")
    approver, _dominique = staff_member(django_user_model, APPROVERS, "dominique")
    submitted_draft(ilo, author, summary_fr="Première version.")
    read_by_the_approver = Draft.objects.get()
    submitted_draft(ilo, author, summary_fr="Seconde version.")  # saved meanwhile

    with translation.override("en"), pytest.raises(DraftConflict, match="saved again"):
        drafts.approve(read_by_the_approver, ilo, approver)

    draft = Draft.objects.get()
    assert "Seconde version." in draft.payload and draft.state == Draft.SUBMITTED
    ilo.refresh_from_db()
    assert ilo.summary_fr not in ("Première version.", "Seconde version.")
    public = client.get(ilo.get_absolute_url()).content.decode()
    assert "version." not in public
    # Approved as it now is, it goes live.
    drafts.approve(draft, ilo, approver)
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Seconde version."
    assert not Draft.objects.exists()

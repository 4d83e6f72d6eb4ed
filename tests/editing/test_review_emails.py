"""The review workflow's emails reach their recipients in the language they use the admin in,
whichever admin pages they opened; the author learns that their changes are approved."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editing.models import AdminLanguage
from tests.conftest import make_organisation
from tests.editing.review import (
    submitted_draft,
    workflow_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo():
    return make_organisation(name_fr="Organisation internationale du Travail", slug_fr="oit")


def emails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_contributor_who_used_only_the_spanish_index_and_lists_gets_the_approval_in_spanish(
    ilo, contributor, director
):
    author, camille = contributor
    for page in ("admin:index", "admin:organisations_organisation_changelist"):
        camille.get(reverse(page), HTTP_ACCEPT_LANGUAGE="es")
    submitted_draft(ilo, author, summary_fr="Résumé approuvé.")
    _user, dominique = director
    assert dominique.post(workflow_url(ilo), {"action": "approve"}).status_code == 302
    [approval] = emails_to(author)
    assert approval.subject == "Sus cambios están aprobados: Organisation internationale du Travail"


def test_the_author_gets_the_approved_email_and_the_approver_none(ilo, contributor, director):
    author, _camille = contributor
    approver, dominique = director
    approver.email = "director@example.org"
    approver.save()
    submitted_draft(ilo, author, summary_fr="Résumé approuvé.")
    mail.outbox.clear()
    dominique.post(workflow_url(ilo), {"action": "approve"})
    [approval] = emails_to(author)
    assert approval.subject == (
        "Vos modifications sont approuvées : Organisation internationale du Travail"
    )
    assert "dominique" in approval.body
    assert reverse("admin:organisations_organisation_change", args=[ilo.pk]) in approval.body
    assert emails_to(approver) == []


def test_the_admin_language_is_written_once_then_only_when_it_changes(contributor):
    author, camille = contributor
    index = reverse("admin:index")
    camille.get(index, HTTP_ACCEPT_LANGUAGE="es")
    assert AdminLanguage.objects.get(user=author).language == "es"
    with CaptureQueriesContext(connection) as queries:
        camille.get(index, HTTP_ACCEPT_LANGUAGE="es")
    assert not [q for q in queries if "editing_adminlanguage" in q["sql"]]
    camille.get(reverse("admin:organisations_organisation_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    assert AdminLanguage.objects.get(user=author).language == "en"

"""Publishing a draft: by the clock without a visitor, only what the draft changed, refused with a
message (nothing changed) when it no longer fits, and told in the history with its approver."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editing import drafts
from editing.models import Draft, WorkflowEvent
from organisations.models import Organisation
from partners.models import Partnership
from tests.admin.forms import organisation_form
from tests.editing.conftest import opened_at
from tests.editing.review import change_url, workflow_url
from tests.editing.test_conflicts_merged import form_as_shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    return Organisation.objects.get()


def submit(client, obj, go_live_at=None, **fields):
    data = organisation_form(opened_at=opened_at(client, obj), **fields)
    data.pop("is_published")  # a contributor's form has no publication field
    data.update(_submit="1", workflow_message="")
    if go_live_at:
        data["workflow_go_live_at"] = timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M")
    assert client.post(change_url(obj), data).status_code == 302


def submit_as_shown(client, obj, **fields):
    """Submit the form as the page shows it (inline rows included), with `fields` changed."""
    data = form_as_shown(client.get(change_url(obj)))
    data.update({name: [value] for name, value in fields.items()})
    assert client.post(change_url(obj), {**data, "_submit": "1"}).status_code == 302


def page_text(client, obj):
    return client.get(obj.get_absolute_url()).content.decode()


def messages_after(response, client):
    """The text of the page a redirect leads to (its messages included)."""
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


# 1. Scheduled changes go live by the clock, with no visitor needed.


def test_the_command_publishes_an_approved_change_once_its_go_live_time_has_come(
    client, ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    submit(camille, ilo, go_live_at=timezone.now() + timedelta(hours=1), summary_fr="Demain.")
    dominique.post(workflow_url(ilo), {"action": "approve"})
    assert "Demain." not in page_text(client, ilo)  # now in the page cache

    out = StringIO()
    call_command("publish_due_changes", stdout=out)
    assert out.getvalue().strip() == "Published 0 scheduled change(s)."
    assert Draft.objects.get().state == Draft.APPROVED

    Draft.objects.update(go_live_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_due_changes", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Published 1 scheduled change(s)."
    assert not Draft.objects.exists()
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Demain."
    assert "Demain." in page_text(client, ilo)  # the cached page was dropped
    # A second run (or a request at the same moment) publishes nothing twice.
    call_command("publish_due_changes", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Published 0 scheduled change(s)."


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite locks the whole database")
def test_the_clock_locks_the_live_row_before_the_draft_as_a_save_does(ilo, contributor, director):
    # An author saving the same draft takes the live row, then the draft: in the other order,
    # the clock and the author could each wait for the other (a deadlock).
    _user, camille = contributor
    _user, dominique = director
    submit(camille, ilo, go_live_at=timezone.now() + timedelta(hours=1), summary_fr="Demain.")
    dominique.post(workflow_url(ilo), {"action": "approve"})
    Draft.objects.update(go_live_at=timezone.now() - timedelta(seconds=1))
    with CaptureQueriesContext(connection) as queries:
        assert drafts.publish_due() == 1
    locked = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
    assert '"organisations_organisation"' in locked[0]
    assert '"editing_draft"' in locked[1]


def test_a_scheduled_change_that_no_longer_fits_goes_back_to_its_author_with_the_reason(
    ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    soon = timezone.now() + timedelta(hours=1)
    submit(camille, ilo, go_live_at=soon, slug_fr="oit")
    dominique.post(workflow_url(ilo), {"action": "approve"})
    Organisation.objects.create(name_fr="Autre", slug_fr="oit", kind="ngo", is_published=True)

    Draft.objects.update(go_live_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_due_changes", stdout=StringIO())
    ilo.refresh_from_db()
    assert ilo.slug_fr == "organisation-internationale-du-travail"
    draft = Draft.objects.get()
    assert draft.state == Draft.SENT_BACK
    assert "Une autre organisation a déjà ce slug." in draft.comment  # camille's language
    assert "Une autre organisation a déjà ce slug." in camille.get(change_url(ilo)).content.decode()


def test_the_author_of_a_scheduled_change_sent_back_by_the_clock_gets_an_email(
    ilo, contributor, director, mailoutbox, django_capture_on_commit_callbacks
):
    user, camille = contributor
    user.email = "camille@example.org"
    user.save()
    _user, dominique = director
    submit(camille, ilo, go_live_at=timezone.now() + timedelta(hours=1), slug_fr="oit")
    dominique.post(workflow_url(ilo), {"action": "approve"})
    Organisation.objects.create(name_fr="Autre", slug_fr="oit", kind="ngo", is_published=True)
    Draft.objects.update(go_live_at=timezone.now() - timedelta(seconds=1))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_due_changes", stdout=StringIO())
    [email] = mailoutbox
    assert email.to == ["camille@example.org"]
    assert email.subject.startswith("Vos modifications vous sont renvoyées")
    assert "Par : le calendrier de publication" in email.body
    assert "Une autre organisation a déjà ce slug." in email.body


# 3. A slug taken since the draft was made: a message, nothing changed.


def test_approving_a_draft_whose_slug_was_taken_since_says_so_and_changes_nothing(
    client, ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    submit(camille, ilo, slug_fr="oit", summary_fr="Nouveau résumé.")
    Organisation.objects.create(name_fr="Autre", slug_fr="oit", kind="ngo", is_published=True)

    response = dominique.post(workflow_url(ilo), {"action": "approve"})
    page = messages_after(response, dominique)
    assert "Ces modifications ne peuvent pas être publiées telles quelles" in page
    assert "Une autre organisation a déjà ce slug." in page
    ilo.refresh_from_db()
    assert ilo.slug_fr == "organisation-internationale-du-travail"
    assert ilo.summary_fr != "Nouveau résumé."
    assert Draft.objects.get().state == Draft.SUBMITTED
    assert not WorkflowEvent.objects.filter(action=WorkflowEvent.APPROVED).exists()
    assert "Nouveau résumé." not in page_text(client, ilo)


def test_the_form_of_a_draft_whose_slug_was_taken_opens_and_says_what_to_fix(ilo, contributor):
    _user, camille = contributor
    submit(camille, ilo, slug_fr="oit", summary_fr="Nouveau résumé.")
    Organisation.objects.create(name_fr="Autre", slug_fr="oit", kind="ngo", is_published=True)
    response = camille.get(change_url(ilo))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["summary_fr"] == "Nouveau résumé."
    assert "Une autre organisation a déjà ce slug." in response.content.decode()


# 4. Inline rows: only the draft's own changes are applied.


def test_approving_keeps_inline_rows_changed_or_added_since_the_draft_was_made(
    ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    first = Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Partenaire", is_published=True
    )
    submit_as_shown(camille, ilo, summary_fr="Résumé revu.")
    # Meanwhile, an editor publishes the partnership's new role and a new partnership.
    first.role_fr = "Partenaire technique"
    first.save()
    second = Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Membre", is_published=True
    )

    assert dominique.post(workflow_url(ilo), {"action": "approve"}).status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Résumé revu."
    first.refresh_from_db()
    assert first.role_fr == "Partenaire technique"
    assert Partnership.objects.filter(pk=second.pk).exists()


def test_a_row_changed_both_in_the_draft_and_live_is_a_conflict_and_nothing_is_lost(
    ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    row = Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Partenaire", is_published=True
    )
    submit_as_shown(camille, ilo, **{"partnerships-0-role_fr": "Rôle du brouillon"})
    row.role_fr = "Rôle publié"
    row.save()

    page = messages_after(dominique.post(workflow_url(ilo), {"action": "approve"}), dominique)
    assert "a changé depuis" in page
    row.refresh_from_db()
    assert row.role_fr == "Rôle publié"
    assert "Rôle du brouillon" in Draft.objects.get().payload


# 5. The history names the approval, the approver and the fields.


def test_the_history_says_who_approved_which_fields_in_the_viewers_language(
    ilo, contributor, director
):
    _user, camille = contributor
    user, dominique = director
    user.first_name, user.last_name = "Dominique", "Martin"
    user.save()
    submit(camille, ilo, summary_fr="Résumé approuvé.")
    dominique.post(workflow_url(ilo), {"action": "approve"})

    url = reverse("admin:organisations_organisation_history", args=[ilo.pk])
    english = dominique.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Approved by Dominique Martin. Changed Summary [fr]." in english
    spanish = dominique.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Aprobado por Dominique Martin." in spanish


def test_a_row_added_in_the_draft_never_overwrites_a_row_added_elsewhere_since(
    ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    response = camille.get(change_url(ilo))
    data = form_as_shown(response)
    prefix = "partnerships"
    data[f"{prefix}-TOTAL_FORMS"] = ["1"]
    data.update(
        {
            f"{prefix}-0-kind": ["collaboration"],
            f"{prefix}-0-role_fr": ["Partenaire du brouillon"],
            f"{prefix}-0-organisation": [str(ilo.pk)],
        }
    )
    assert camille.post(change_url(ilo), {**data, "_submit": "1"}).status_code == 302
    assert not Partnership.objects.exists()
    # Meanwhile a partnership of another body is published (SQLite may reuse the key the
    # draft's row had while it was drawn).
    other = Organisation.objects.create(name_fr="Autre", slug_fr="autre", kind="ngo")
    elsewhere = Partnership.objects.create(
        organisation=other, kind="collaboration", role_fr="Ailleurs", is_published=True
    )

    assert dominique.post(workflow_url(ilo), {"action": "approve"}).status_code == 302
    elsewhere.refresh_from_db()
    assert (elsewhere.organisation, elsewhere.role_fr) == (other, "Ailleurs")
    assert ilo.partnerships.get().role_fr == "Partenaire du brouillon"


def test_the_reviewer_sees_only_what_the_draft_changes_not_rows_changed_live_since(
    ilo, contributor, director
):
    _user, camille = contributor
    _user, dominique = director
    row = Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Partenaire", is_published=True
    )
    submit_as_shown(camille, ilo, summary_fr="Résumé revu.")
    row.role_fr = "Partenaire technique"
    row.save()

    page = dominique.get(reverse("awaiting_review")).content.decode()
    assert "Résumé revu." in page
    assert "Partenaire technique" not in page  # not shown as undone by the draft

"""Changes to live content wait for approval: drafts, submission, review, publication."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from editing.models import Draft, WorkflowEvent, WorkflowSettings
from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.editing.conftest import opened_at
from tests.editing.review import change_url, workflow_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    return Organisation.objects.get()


def public_page(client, obj):
    return client.get(obj.get_absolute_url()).content.decode()


def save_change(client, obj, **fields):
    data = organisation_form(opened_at=opened_at(client, obj), **fields)
    data.pop("is_published")  # a contributor's form has no publication field
    return client.post(change_url(obj), data)


def submitted(client, obj, message="Nouveau résumé", **fields):
    data = organisation_form(opened_at=opened_at(client, obj), **fields)
    data.pop("is_published")
    return client.post(change_url(obj), {**data, "_submit": "1", "workflow_message": message})


def test_a_contributors_change_to_live_content_waits_and_the_public_page_is_unchanged(
    client, ilo, contributor
):
    _user, camille = contributor
    response = save_change(camille, ilo, summary_fr="Un résumé tout neuf.")
    assert response.status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_fr == "L’agence des Nations unies pour le monde du travail."
    assert "Un résumé tout neuf." not in public_page(client, ilo)
    form = camille.get(change_url(ilo)).content.decode()
    assert "Live, with unpublished changes" in form or "modifications non publiées" in form
    assert "Un résumé tout neuf." in form
    draft = Draft.objects.get()
    assert draft.author.username == "camille"


def test_staff_preview_shows_the_draft_and_visitors_do_not(client, ilo, contributor):
    _user, camille = contributor
    save_change(camille, ilo, summary_fr="Un résumé tout neuf.")
    preview = camille.get(ilo.get_absolute_url() + "?preview=1").content.decode()
    assert "Un résumé tout neuf." in preview
    assert "Un résumé tout neuf." not in public_page(client, ilo)
    ilo.refresh_from_db()
    assert ilo.summary_fr == "L’agence des Nations unies pour le monde du travail."


def test_a_contributor_cannot_publish_or_approve_by_crafting_a_request(ilo, contributor):
    _user, camille = contributor
    data = organisation_form(opened_at=opened_at(camille, ilo), summary_fr="Publié en douce.")
    assert camille.post(change_url(ilo), {**data, "_publish": "1"}).status_code == 403
    submitted(camille, ilo, summary_fr="Publié en douce.")
    assert camille.post(workflow_url(ilo), {"action": "approve"}).status_code == 403
    comment = {"action": "send_back", "workflow_comment": "non"}
    assert camille.post(workflow_url(ilo), comment).status_code == 403
    ilo.refresh_from_db()
    assert ilo.summary_fr != "Publié en douce."
    assert Draft.objects.get().state == Draft.SUBMITTED


def test_the_director_approves_and_the_change_goes_live(client, ilo, contributor, director):
    _user, camille = contributor
    director_user, dominique = director
    submitted(camille, ilo, summary_fr="Résumé approuvé.")
    to_director = [message for message in mail.outbox if message.to == [director_user.email]]
    assert len(to_director) == 1
    assert "Nouveau résumé" in to_director[0].body

    listing = dominique.get(reverse("awaiting_review")).content.decode()
    assert "Résumé approuvé." in listing  # the difference, field by field
    assert "L’agence des Nations unies pour le monde du travail." in listing
    assert "(1)" in dominique.get(reverse("admin:index")).content.decode()

    assert dominique.post(workflow_url(ilo), {"action": "approve"}).status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Résumé approuvé."
    assert "Résumé approuvé." in public_page(client, ilo)
    assert not Draft.objects.exists()
    actions = list(WorkflowEvent.objects.values_list("action", flat=True))
    assert WorkflowEvent.PUBLISHED in actions and WorkflowEvent.SUBMITTED in actions


def test_a_change_sent_back_shows_the_comment_to_its_author(ilo, contributor, director):
    contributor_user, camille = contributor
    contributor_user.email = "camille@example.org"
    contributor_user.save()
    _user, dominique = director
    submitted(camille, ilo, summary_fr="Trop court.")
    mail.outbox.clear()
    comment = {"action": "send_back", "workflow_comment": "Citez la source, svp."}
    assert dominique.post(workflow_url(ilo), comment).status_code == 302
    assert Draft.objects.get().state == Draft.SENT_BACK
    assert "Citez la source, svp." in camille.get(change_url(ilo)).content.decode()
    assert mail.outbox[0].to == ["camille@example.org"]
    ilo.refresh_from_db()
    assert ilo.summary_fr != "Trop court."


def test_the_email_is_in_the_recipients_admin_language(ilo, contributor, director):
    director_user, dominique = director
    dominique.get(change_url(ilo), HTTP_ACCEPT_LANGUAGE="es")  # the director uses Spanish
    _user, camille = contributor
    submitted(camille, ilo, summary_fr="Résumé.")
    to_director = [message for message in mail.outbox if message.to == [director_user.email]]
    assert to_director[0].subject.startswith("Cambios por revisar")


def test_discarding_goes_back_to_the_live_version(ilo, contributor):
    _user, camille = contributor
    save_change(camille, ilo, summary_fr="Brouillon jeté.")
    assert camille.post(workflow_url(ilo), {"action": "discard"}).status_code == 302
    assert not Draft.objects.exists()
    assert "Brouillon jeté." not in camille.get(change_url(ilo)).content.decode()


def test_an_editor_publishes_directly_unless_four_eyes_is_on(ilo, editor_member):
    _user, eve = editor_member
    data = organisation_form(opened_at=opened_at(eve, ilo), summary_fr="Publié par l’éditrice.")
    assert eve.post(change_url(ilo), {**data, "_publish": "1"}).status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Publié par l’éditrice."

    WorkflowSettings.objects.create(pk=1, four_eyes=True)
    data = organisation_form(opened_at=opened_at(eve, ilo), summary_fr="Sans relecture.")
    assert eve.post(change_url(ilo), {**data, "_publish": "1"}).status_code == 403
    submitted(eve, ilo, summary_fr="Sans relecture.")
    # Approving her own submission is refused.
    assert eve.post(workflow_url(ilo), {"action": "approve"}).status_code == 403
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Publié par l’éditrice."


def test_an_approved_change_with_a_go_live_time_waits_for_it(client, ilo, contributor, director):
    from datetime import timedelta

    from django.utils import timezone

    from sitecache.generation import GENERATION_KEY, current_generation

    _user, camille = contributor
    _user, dominique = director
    data = organisation_form(opened_at=opened_at(camille, ilo), summary_fr="Demain.")
    data.pop("is_published")
    soon = timezone.localtime() + timedelta(hours=1)
    data.update(
        _submit="1", workflow_message="", workflow_go_live_at=soon.strftime("%Y-%m-%d %H:%M")
    )
    camille.post(change_url(ilo), data)
    dominique.post(workflow_url(ilo), {"action": "approve"})
    ilo.refresh_from_db()
    assert ilo.summary_fr != "Demain."
    assert Draft.objects.get().state == Draft.APPROVED
    generation = current_generation()
    assert generation.next_change is not None
    assert generation.next_change <= soon

    Draft.objects.update(go_live_at=timezone.now() - timedelta(seconds=1))
    # The clock passes the go-live time kept with the cache's generation.
    cache.set(GENERATION_KEY, (generation.token, timezone.now() - timedelta(seconds=1)), None)
    current_generation()
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Demain."


def test_restoring_an_old_version_makes_a_draft_and_keeps_the_live_version(
    editor_client, ilo, editor_member
):
    from reversion.models import Version

    _user, eve = editor_member
    data = organisation_form(opened_at=opened_at(eve, ilo), summary_fr="Version deux.")
    eve.post(change_url(ilo), {**data, "_publish": "1"})
    first = Version.objects.get_for_object(ilo).order_by("pk").first()
    url = reverse("admin:organisations_organisation_revision", args=[ilo.pk, first.pk])
    form = editor_client.get(url).context["adminform"].form
    data = organisation_form(opened_at=form.initial["opened_at"])
    assert editor_client.post(url, data).status_code == 302
    ilo.refresh_from_db()
    assert ilo.summary_fr == "Version deux."
    assert ilo.is_published
    assert Draft.objects.exists()
    assert WorkflowEvent.objects.filter(action=WorkflowEvent.RESTORED).exists()


def test_the_history_tells_who_did_what_in_the_viewers_language(ilo, contributor, director):
    _user, camille = contributor
    _user, dominique = director
    submitted(camille, ilo, summary_fr="Histoire.")
    dominique.post(workflow_url(ilo), {"action": "send_back", "workflow_comment": "Non."})
    url = reverse("admin:organisations_organisation_history", args=[ilo.pk])
    page = dominique.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "camille" in page and "dominique" in page
    assert "sent the changes back" in page
    assert "Non." in page


def test_the_roles_are_named_in_the_admins_language(contributor, administrator_client):
    # Groups are the superuser's to manage: Editors may not open them.
    url = reverse("admin:auth_group_changelist")
    page = administrator_client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    html = page.content.decode()
    assert "Colaboradores" in html and "Aprobadores" in html


def test_a_new_slug_waits_in_the_draft_and_the_old_address_redirects_once_published(
    client, ilo, editor_member
):
    _user, eve = editor_member
    old_path = ilo.get_absolute_url()
    data = organisation_form(opened_at=opened_at(eve, ilo), slug_fr="oit")
    assert eve.post(change_url(ilo), data).status_code == 302  # saved as a draft
    assert client.get(old_path).status_code == 200
    assert client.get("/fr/organisations/oit/").status_code == 404

    assert eve.post(workflow_url(ilo), {"action": "discard"}).status_code == 302
    data = organisation_form(opened_at=opened_at(eve, ilo), slug_fr="oit")
    assert eve.post(change_url(ilo), {**data, "_publish": "1"}).status_code == 302
    response = client.get(old_path)
    assert response.status_code == 301
    assert response["Location"] == "/fr/organisations/oit/"


def test_two_people_saving_one_draft_are_warned(ilo, contributor, editor_member):
    _user, camille = contributor
    _user, eve = editor_member
    save_change(camille, ilo, summary_fr="Premier brouillon.")
    mine = opened_at(eve, ilo)
    theirs = opened_at(camille, ilo)
    data = organisation_form(opened_at=theirs, summary_fr="Deuxième brouillon.")
    data.pop("is_published")
    assert camille.post(change_url(ilo), data).status_code == 302
    response = eve.post(change_url(ilo), organisation_form(opened_at=mine, summary_fr="Autre."))
    assert response.status_code == 200
    assert "camille a enregistré cette page le" in response.content.decode()
    assert "Deuxième brouillon." in Draft.objects.get().payload


def test_only_reviewers_have_awaiting_my_review_in_the_header(contributor, director):
    _user, camille = contributor
    _user, dominique = director
    assert "awaiting-review" not in camille.get(reverse("admin:index")).content.decode()
    assert camille.get(reverse("awaiting_review")).status_code == 403
    assert "awaiting-review" in dominique.get(reverse("admin:index")).content.decode()


def test_inline_rows_are_part_of_the_draft(client, ilo, contributor, director):
    from partners.models import Partnership
    from tests.editing.test_conflicts_merged import form_as_shown

    partnership = Partnership.objects.create(
        organisation=ilo, kind="collaboration", role_fr="Partenaire", is_published=True
    )
    _user, camille = contributor
    _user, dominique = director
    data = form_as_shown(camille.get(change_url(ilo)))
    data["partnerships-0-role_fr"] = ["Partenaire technique"]
    assert camille.post(change_url(ilo), {**data, "_submit": "1"}).status_code == 302
    partnership.refresh_from_db()
    assert partnership.role_fr == "Partenaire"
    assert "Partenaire technique" in dominique.get(reverse("awaiting_review")).content.decode()

    assert dominique.post(workflow_url(ilo), {"action": "approve"}).status_code == 302
    partnership.refresh_from_db()
    assert partnership.role_fr == "Partenaire technique"

"""A save that fails half-way, after part of it was written, leaves nothing behind: staff get the
error page, and the content, its history, the admin log, the page cache and MEDIA_ROOT are as
they were. Each failure is injected where a full disk or a lost connection could strike."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.db.models.signals import post_save
from django.urls import reverse
from reversion.models import Revision, Version

from editing import admin as editing_admin
from organisations.models import Organisation, SlugRedirect
from partners.models import ConsultativeStatus, Partnership
from stats.admin import KeyFigureAdmin
from stats.models import KeyFigure
from tests.admin.forms import PUBLISH, inline_management, organisation_form, partnership_form
from tests.conftest import image_bytes, make_figure, make_organisation, make_partnership
from tests.reliability.admin_pages import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(editor_client):
    """The editor's browser: a server error comes back as the 500 page, as in production."""
    editor_client.raise_request_exception = False
    return editor_client


def disk_full(*args, **kwargs):
    raise DatabaseError("could not extend file: No space left on device")


def with_status(organisation, **fields):
    status = {"category": "special", "granted_year": "1993", "privileges_fr": "Assister"}
    return partnership_form(
        organisation,
        **inline_management("consultative_status", total=1),
        **{f"consultative_status-0-{name}": value for name, value in status.items()},
        **fields,
    )


def test_a_partnership_whose_status_fails_to_save_is_not_created(staff, media_root, monkeypatch):
    body = make_organisation()
    written_first = []
    save = ConsultativeStatus.save

    def save_then_fail(status, *args, **kwargs):
        written_first.append(Partnership.objects.filter(pk=status.partnership_id).exists())
        save(status, *args, **kwargs)
        disk_full()

    monkeypatch.setattr(ConsultativeStatus, "save", save_then_fail)
    before = snapshot(media_root)
    response = staff.post(reverse("admin:partners_partnership_add"), with_status(body))
    assert response.status_code == 500
    assert written_first == [True]  # the failure struck after the partnership was written
    assert snapshot(media_root) == before
    assert not Partnership.objects.exists()

    monkeypatch.undo()  # the same form, on a good day, saves both
    response = staff.post(reverse("admin:partners_partnership_add"), with_status(body))
    assert response.status_code == 302
    assert ConsultativeStatus.objects.get().partnership.organisation == body


@pytest.fixture
def status_save_crashes():
    """A receiver that fails once a status row is written, as a buggy one would."""

    def crash(sender, instance, **kwargs):
        raise RuntimeError("a receiver failed after the status was written")

    post_save.connect(crash, sender=ConsultativeStatus, dispatch_uid="test-crash")
    yield
    post_save.disconnect(sender=ConsultativeStatus, dispatch_uid="test-crash")


def test_a_partnership_change_whose_status_fails_is_undone(staff, media_root, status_save_crashes):
    partnership = make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS, role_fr="Observateur")
    url = reverse("admin:partners_partnership_change", args=[partnership.pk])
    data = with_status(partnership.organisation, role_fr="Membre consultatif")
    before = snapshot(media_root)
    assert staff.post(url, {**data, **PUBLISH}).status_code == 500
    assert snapshot(media_root) == before
    partnership.refresh_from_db()
    assert partnership.role_fr == "Observateur"
    assert not ConsultativeStatus.objects.exists()


def test_a_new_organisation_whose_history_fails_is_not_created_and_its_logo_is_removed(
    staff, media_root, monkeypatch
):
    monkeypatch.setattr(Revision, "save", disk_full)
    data = organisation_form(logo=SimpleUploadedFile("logo.png", image_bytes()))
    before = snapshot(media_root)
    response = staff.post(reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 500
    assert snapshot(media_root) == before  # files included: the logo written is gone
    assert not Organisation.objects.exists()

    monkeypatch.undo()
    data = organisation_form(logo=SimpleUploadedFile("logo.png", image_bytes()))
    assert staff.post(reverse("admin:organisations_organisation_add"), data).status_code == 302
    assert Organisation.objects.get().logo


def test_an_organisation_whose_history_fails_keeps_its_name_and_its_old_logo(
    staff, media_root, monkeypatch
):
    body = make_organisation(name_fr="OIT", logo=SimpleUploadedFile("old.png", image_bytes()))
    url = reverse("admin:organisations_organisation_change", args=[body.pk])
    monkeypatch.setattr(Revision, "save", disk_full)
    data = organisation_form(name_fr="BIT", logo=SimpleUploadedFile("new.png", image_bytes()))
    before = snapshot(media_root)
    assert staff.post(url, {**data, **PUBLISH}).status_code == 500
    assert snapshot(media_root) == before
    body.refresh_from_db()
    assert (body.name_fr, body.logo.name) == ("OIT", "logos/old.png")
    assert (media_root / "logos" / "old.png").is_file()


def test_a_new_slug_whose_old_address_fails_to_be_kept_is_undone(staff, media_root, monkeypatch):
    # The organisation's own save writes its row, then keeps the old address for redirects.
    body = make_organisation(slug_fr="oit")
    url = reverse("admin:organisations_organisation_change", args=[body.pk])
    monkeypatch.setattr(SlugRedirect, "remember", disk_full)
    before = snapshot(media_root)
    assert staff.post(url, organisation_form(slug_fr="bit", **PUBLISH)).status_code == 500
    assert snapshot(media_root) == before
    body.refresh_from_db()
    assert body.slug_fr == "oit"
    assert not SlugRedirect.objects.exists()


def test_restoring_an_old_version_whose_history_fails_keeps_the_current_one(
    staff, media_root, monkeypatch
):
    # Restoring writes the old version's rows first, then saves the form over them.
    add = reverse("admin:organisations_organisation_add")
    staff.post(add, organisation_form(summary_fr="Première version."))
    body = Organisation.objects.get()
    change = reverse("admin:organisations_organisation_change", args=[body.pk])
    staff.post(change, organisation_form(summary_fr="Seconde version.", **PUBLISH))
    first = Version.objects.get_for_object(body).last()
    url = reverse("admin:organisations_organisation_revision", args=[body.pk, first.pk])
    monkeypatch.setattr(Revision, "save", disk_full)
    data = organisation_form(
        summary_fr="Première version.", logo=SimpleUploadedFile("logo.png", image_bytes())
    )
    before = snapshot(media_root)
    assert staff.post(url, {**data, **PUBLISH}).status_code == 500
    assert snapshot(media_root) == before  # the logo sent along is gone too
    body.refresh_from_db()
    assert body.summary_fr == "Seconde version."

    monkeypatch.undo()
    assert (
        staff.post(url, organisation_form(summary_fr="Première version.", **PUBLISH)).status_code
        == 302
    )
    body.refresh_from_db()
    assert body.summary_fr == "Première version."


def orders():
    return list(KeyFigure.objects.order_by("pk").values_list("order", flat=True))


def drag(client, figures):
    """What the admin's drag-and-drop sends: [[pk, new position], ...]."""
    body = {"updatedItems": [[pk, position] for position, pk in enumerate(figures, 1)]}
    url = reverse("admin:statistics_keyfigure_sortable_update")
    return client.post(url, body, content_type="application/json")


def test_a_reorder_whose_cache_refresh_fails_is_undone(staff, media_root, monkeypatch):
    # Otherwise the new order would be saved while visitors keep the old one from the cache.
    first, second = make_figure(order=1), make_figure(order=2)
    monkeypatch.setattr(editing_admin, "bump_generation", disk_full)
    before = snapshot(media_root)
    assert drag(staff, [second.pk, first.pk]).status_code == 500
    assert snapshot(media_root) == before
    assert orders() == [1, 2]


def test_a_reorder_naming_a_figure_that_is_gone_changes_nothing(staff, media_root):
    first, second = make_figure(order=1), make_figure(order=2)
    before = snapshot(media_root)
    assert drag(staff, [second.pk, 999_999, first.pk]).status_code == 400
    assert snapshot(media_root) == before


def test_moving_figures_to_another_page_whose_cache_refresh_fails_is_undone(
    staff, media_root, monkeypatch
):
    make_figure(order=1)
    second = make_figure(order=2)
    monkeypatch.setattr(KeyFigureAdmin, "list_per_page", 1)  # one figure per page
    monkeypatch.setattr(editing_admin, "bump_generation", disk_full)
    action = {"action": "move_to_first_page", "_selected_action": [second.pk], "index": "0"}
    before = snapshot(media_root)
    url = reverse("admin:statistics_keyfigure_changelist") + "?p=2"
    assert staff.post(url, action).status_code == 500
    assert snapshot(media_root) == before
    assert orders() == [1, 2]

    monkeypatch.setattr(editing_admin, "bump_generation", lambda: None)
    assert staff.post(url, action).status_code == 302
    assert orders() == [2, 1]  # on a good day, the second figure comes first

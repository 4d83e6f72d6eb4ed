"""Restoring an old version never takes a live page offline, or reschedules it, unasked."""

import pytest
from django.urls import reverse
from reversion.models import Version

from partners.models import Partnership
from tests.admin.forms import PUBLISH, partnership_form
from tests.conftest import make_organisation
from tests.editing.test_conflicts_merged import change_url, form_as_shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_partnership(editor_client):
    """First saved as a draft, then given a new role and published."""
    body = make_organisation()
    draft = partnership_form(body, role_en="First role")
    del draft["is_published"]
    assert editor_client.post(reverse("admin:partners_partnership_add"), draft).status_code == 302
    partnership = Partnership.objects.get()
    page = editor_client.get(change_url(partnership))
    published = form_as_shown(page)  # the form as the page shows it
    published["role_en"] = ["Second role"]
    published["is_published"] = ["on"]
    assert editor_client.post(change_url(partnership), published).status_code == 302
    partnership.refresh_from_db()
    assert partnership.is_published
    return partnership


def first_version_url(partnership):
    first = Version.objects.get_for_object(partnership).order_by("pk").first()
    return reverse("admin:partners_partnership_revision", args=[partnership.pk, first.pk])


def test_restoring_the_first_version_of_a_live_partnership_keeps_it_online(
    editor_client, live_partnership
):
    url = first_version_url(live_partnership)
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "stay as they are now" in page.content.decode()
    shown = form_as_shown(page)
    assert shown["role_en"] == ["First role"]
    assert shown["is_published"] == ["on"]

    assert editor_client.post(url, {**shown, **PUBLISH}).status_code == 302
    live_partnership.refresh_from_db()
    assert live_partnership.role_en == "First role"
    assert live_partnership.is_published


def test_the_editor_may_ask_to_restore_the_publication_too(editor_client, live_partnership):
    url = first_version_url(live_partnership)
    page = editor_client.get(f"{url}?restore_publication=1", HTTP_ACCEPT_LANGUAGE="fr")
    assert "sont aussi ceux de cette version" in page.content.decode()
    shown = form_as_shown(page)
    assert "is_published" not in shown

    assert editor_client.post(url, {**shown, **PUBLISH}).status_code == 302
    live_partnership.refresh_from_db()
    assert live_partnership.role_en == "First role"
    assert not live_partnership.is_published

"""Go-live and expiry: the public site follows the clock, with nobody saving again."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import editing.publishing
import sitecache.generation
from tests.admin.forms import figure_form
from tests.conftest import make_figure, make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The site's clock, moved forward by the test."""
    now = [timezone.now()]

    def read():
        return now[0]

    monkeypatch.setattr(editing.publishing.timezone, "now", read)
    monkeypatch.setattr(sitecache.generation.timezone, "now", read)

    class Clock:
        def advance(self, **delta):
            now[0] += timedelta(**delta)

        @property
        def now(self):
            return now[0]

    return Clock()


def test_a_campaign_figure_goes_live_and_expires_by_itself(clock):
    make_figure(
        label_fr="enfants touchés par la campagne",
        publish_at=clock.now + timedelta(hours=1),
        expire_at=clock.now + timedelta(days=7),
    )
    visitor = Client()

    def shown():
        return (
            "enfants touchés par la campagne" in visitor.get("/fr/chiffres-cles/").content.decode()
        )

    assert not shown()
    assert not shown()  # now from the cache, which must not outlive the go-live
    clock.advance(hours=1, seconds=1)
    assert shown()
    assert shown()
    clock.advance(days=7)
    assert not shown()


def test_an_expiry_before_the_go_live_is_refused_on_the_field(editor_client):
    data = figure_form(
        publish_at_0="2026-12-10",
        publish_at_1="09:00",
        expire_at_0="2026-12-01",
        expire_at_1="09:00",
    )
    response = editor_client.post(
        reverse("admin:statistics_keyfigure_add"), data, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["expire_at"] == [
        "L’expiration doit venir après la date et l’heure de mise en ligne."
    ]


def test_a_scheduled_figure_can_be_saved_from_the_admin(editor_client):
    data = figure_form(publish_at_0="2026-12-10", publish_at_1="09:00")
    response = editor_client.post(reverse("admin:statistics_keyfigure_add"), data)
    assert response.status_code == 302


def test_a_scheduled_partnership_and_body_go_live_and_expire_on_the_partners_page(clock):
    # The cache keeps the next scheduled change: a page never outlives it, for the partnership
    # or for its body.
    body = make_organisation(name_fr="Réseau saisonnier", publish_at=clock.now + timedelta(hours=2))
    make_partnership(
        organisation=body,
        role_fr="Partenaire de campagne",
        publish_at=clock.now + timedelta(hours=1),
        expire_at=clock.now + timedelta(days=3),
    )
    visitor = Client()

    def shown(path):
        return "Réseau saisonnier" in visitor.get(path).content.decode()

    assert not shown("/fr/partenaires/")
    clock.advance(hours=1, seconds=1)  # the partnership is live, its body not yet
    assert not shown("/fr/partenaires/")
    clock.advance(hours=1)
    assert shown("/fr/partenaires/")
    assert shown("/en/partners/")
    clock.advance(days=3)
    assert not shown("/fr/partenaires/")

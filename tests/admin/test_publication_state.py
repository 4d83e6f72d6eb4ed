"""Lists and filters tell draft, scheduled (with its date), live and expired apart."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from editing.publishing import PublicationState, publication_state
from organisations.models import Organisation
from tests.conftest import make_figure, make_organisation

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def four_organisations():
    now = timezone.now()
    return {
        "draft": make_organisation(name_fr="Brouillon", is_published=False),
        "scheduled": make_organisation(
            name_fr="Programmée",
            publish_at=datetime(2099, 3, 14, 9, 30, tzinfo=BRUSSELS),
        ),
        "live": make_organisation(name_fr="En ligne", expire_at=now + timedelta(days=1)),
        "expired": make_organisation(name_fr="Expirée", expire_at=now - timedelta(minutes=1)),
    }


def test_each_object_has_the_state_visitors_see(four_organisations):
    states = {name: publication_state(obj) for name, obj in four_organisations.items()}
    assert states == {
        "draft": PublicationState.DRAFT,
        "scheduled": PublicationState.SCHEDULED,
        "live": PublicationState.LIVE,
        "expired": PublicationState.EXPIRED,
    }
    live = set(Organisation.objects.published())
    assert live == {four_organisations["live"]}


def test_the_french_list_says_when_a_scheduled_item_goes_live(editor_client, four_organisations):
    response = editor_client.get(
        reverse("admin:organisations_organisation_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    )
    html = response.content.decode()
    assert "programmé pour le 14/03/2099 09:30" in html
    for label in ("brouillon", "en ligne", "expiré"):
        assert f">{label}</span>" in html


@pytest.mark.parametrize("state", ["draft", "scheduled", "live", "expired"])
def test_the_filter_returns_exactly_the_objects_in_that_state(
    editor_client, four_organisations, state
):
    response = editor_client.get(
        reverse("admin:organisations_organisation_changelist"), {"publication": state}
    )
    assert list(response.context["cl"].result_list) == [four_organisations[state]]


def test_the_spanish_filter_offers_the_four_states(editor_client, four_organisations):
    response = editor_client.get(
        reverse("admin:statistics_keyfigure_changelist"), HTTP_ACCEPT_LANGUAGE="es"
    )
    html = response.content.decode()
    for label in ("borrador", "programado", "en línea", "caducado"):
        assert f">{label}</a>" in html


def test_key_figures_read_as_on_the_public_site(editor_client):
    make_figure(kind="count", qualifier="more_than", value=1_200_000)
    make_figure(kind="ratio", value=7, ratio_total=10)
    response = editor_client.get(
        reverse("admin:statistics_keyfigure_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    )
    html = response.content.decode()
    assert "plus de 1,2 million" in html
    assert "7 sur 10" in html
    assert "1200000,00" not in html

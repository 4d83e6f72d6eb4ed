"""What a change page gives staff beyond the fields: labels on both halves of a date and time,
the site's time zone named, the tab script, and the favicon."""

import pytest
from django.urls import reverse

from tests.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(editor_client):
    organisation = make_organisation()
    url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    return editor_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_both_halves_of_goes_live_on_have_a_name(page):
    for label in (
        "va en ligne le, date",
        "va en ligne le, heure",
        "expire le, date",
        "expire le, heure",
    ):
        assert f'aria-label="{label}"' in page


def test_the_site_time_zone_is_named_beside_the_dates(page):
    assert "Les heures sont celles du fuseau horaire du site, Europe/Brussels" in page


def test_the_tabs_script_and_favicon_are_linked(page):
    assert "/static/editing/accessibility.js" in page
    assert 'data-switch-label="Langue des champs traduits"' in page
    assert '<link rel="icon" href="/static/img/favicon.svg"' in page

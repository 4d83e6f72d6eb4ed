"""Editors order partners and figures by dragging rows; the public pages follow at once."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import make_figure, make_organisation, make_partnership

pytestmark = pytest.mark.django_db


def drag(client, url_name, new_order):
    """What the admin's drag-and-drop sends: [[pk, new position], ...]."""
    body = {"updatedItems": [[obj.pk, position] for position, obj in enumerate(new_order, 1)]}
    return client.post(reverse(url_name), body, content_type="application/json")


def positions(html, *texts):
    return [html.index(text) for text in texts]


def test_dragging_figures_reorders_the_key_figures_page(editor_of_the_team):
    visitor = Client()
    first = make_figure(label_fr="premier chiffre", order=1)
    second = make_figure(label_fr="second chiffre", order=2)
    html = visitor.get("/fr/chiffres-cles/").content.decode()
    assert positions(html, "premier chiffre", "second chiffre") == sorted(
        positions(html, "premier chiffre", "second chiffre")
    )
    response = drag(
        editor_of_the_team, "admin:statistics_keyfigure_sortable_update", [second, first]
    )
    assert response.status_code == 200
    html = visitor.get("/fr/chiffres-cles/").content.decode()  # no stale cached page
    second_at, first_at = positions(html, "second chiffre", "premier chiffre")
    assert second_at < first_at


def test_dragging_partnerships_reorders_the_partners_page(editor_of_the_team):
    visitor = Client()
    unicef = make_partnership(make_organisation(name_fr="UNICEF"), order=1)
    ecpat = make_partnership(make_organisation(name_fr="ECPAT International"), order=2)
    visitor.get("/fr/partenaires/")
    drag(editor_of_the_team, "admin:partners_partnership_sortable_update", [ecpat, unicef])
    html = visitor.get("/fr/partenaires/").content.decode()
    ecpat_at, unicef_at = positions(html, "ECPAT International", "UNICEF")
    assert ecpat_at < unicef_at


def test_the_list_offers_drag_handles_to_editors(editor_of_the_team):
    make_figure()
    html = editor_of_the_team.get(reverse("admin:statistics_keyfigure_changelist")).content.decode()
    assert "admin_sortable2_config" in html
    assert "adminsortable2/js/adminsortable2" in html

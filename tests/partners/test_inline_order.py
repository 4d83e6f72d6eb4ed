"""New rows keep the order staff see: a partnership added on its organisation's page comes last,
and the public sections follow the partnerships' order, under anchors named by their kind."""

import pytest
from django.test import Client
from django.urls import reverse

from partners.models import Partnership
from tests.admin.forms import inline_management, organisation_form
from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_partners():
    status = make_partnership(make_organisation(name_en="UN body"), kind="consultative_status")
    status.order = 1
    status.save()
    member = make_partnership(make_organisation(name_en="Network"), kind="membership")
    member.order = 2
    member.save()
    return status, member


def add_inline_partnership(client, organisation, kind):
    """Save the organisation's page with one new partnership typed in its inline, its order left
    as the form shows it (0)."""
    data = organisation_form(
        name_fr=organisation.name_fr,
        slug_fr=organisation.slug_fr,
        slug_en="new-partner",
        **inline_management("partnerships", total=1),
        **{
            "partnerships-0-kind": kind,
            "partnerships-0-role_fr": "Nouveau partenaire",
            "partnerships-0-order": "0",
            "partnerships-0-is_published": "on",
        },
        _publish="1",  # "Save and publish": the organisation is live
    )
    url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    assert client.post(url, data).status_code == 302
    return Partnership.objects.get(role_fr="Nouveau partenaire")


def test_a_partnership_added_inline_takes_the_next_position(editor_client, two_partners):
    body = make_organisation()
    added = add_inline_partnership(editor_client, body, "collaboration")
    assert added.order == 3


def test_a_section_added_inline_does_not_jump_to_the_top_of_the_partners_page(
    editor_client, two_partners
):
    add_inline_partnership(editor_client, make_organisation(), "agreement")
    html = Client().get("/en/partners/").content.decode()
    anchors = [html.index(f'id="{kind}"') for kind in ("consultative-status", "membership")]
    assert anchors == sorted(anchors)
    assert html.index('id="agreement"') > anchors[-1]


def test_section_anchors_are_the_kind_whatever_the_order(client, two_partners):
    _status, member = two_partners
    member.order = 0  # the memberships now come first
    member.save()
    html = client.get("/en/partners/").content.decode()
    assert '<h2 id="membership">Membership</h2>' in html
    assert '<h2 id="consultative-status">Consultative status</h2>' in html
    assert html.index('id="membership"') < html.index('id="consultative-status"')

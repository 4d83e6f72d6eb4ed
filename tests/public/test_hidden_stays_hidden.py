"""A body visitors may not see is never named, linked or described in JSON-LD: not as the parent
of a published organisation, not as the source of a key figure, nor in the open data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import make_figure, make_organisation

pytestmark = pytest.mark.django_db

HIDDEN_WAYS = {
    "draft": {"is_published": False},
    "scheduled": {"publish_at": timezone.now() + timedelta(days=3)},
    "expired": {"expire_at": timezone.now() - timedelta(days=3)},
}


@pytest.fixture(params=list(HIDDEN_WAYS))
def hidden_body(request):
    return make_organisation(
        name_fr="Corps secret", slug_fr="corps-secret", **HIDDEN_WAYS[request.param]
    )


def test_a_hidden_parent_is_neither_named_nor_linked_nor_in_json_ld(client, hidden_body):
    make_organisation(name_fr="Section visible", slug_fr="section-visible", parent=hidden_body)
    html = client.get("/fr/organisations/section-visible/").content.decode()
    assert "Section visible" in html
    assert "Corps secret" not in html
    assert "corps-secret" not in html
    assert "parentOrganization" not in html


def test_a_published_parent_is_named_linked_and_in_json_ld(client):
    parent = make_organisation(name_fr="Corps public", slug_fr="corps-public")
    make_organisation(name_fr="Section visible", slug_fr="section-visible", parent=parent)
    html = client.get("/fr/organisations/section-visible/").content.decode()
    assert 'href="/fr/organisations/corps-public/">Corps public</a>' in html
    assert '"parentOrganization"' in html


def test_a_figure_from_a_hidden_body_keeps_its_source_without_naming_it(client, hidden_body):
    make_figure(
        source_organisation=hidden_body,
        source_title_fr="Rapport mondial",
        source_url="https://example.org/rapport",
    )
    html = client.get("/fr/chiffres-cles/").content.decode()
    assert "Rapport mondial" in html
    assert "Corps secret" not in html
    assert "corps-secret" not in html


def test_the_open_data_does_not_name_a_hidden_source_body(client, hidden_body):
    make_figure(source_organisation=hidden_body, source_title_fr="Rapport mondial")
    body = client.get("/en/key-figures/data.csv").content.decode()
    assert "Rapport mondial" in body
    assert "Corps secret" not in body

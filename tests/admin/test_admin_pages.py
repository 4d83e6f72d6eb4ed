"""Every admin screen of our models opens for staff, with translation tabs served locally."""

import pytest
from django.urls import reverse

from partners.models import ConsultativeStatus
from tests.conftest import make_figure, make_organisation, make_partnership

pytestmark = pytest.mark.django_db

MODELS = [
    ("organisations", "organisation"),
    ("partners", "partnership"),
    ("partners", "consultativestatus"),
    ("statistics", "keyfigure"),
]


@pytest.fixture
def content():
    ecosoc = make_organisation(name_fr="Conseil économique et social", acronym_fr="ECOSOC")
    partnership = make_partnership(ecosoc, kind="consultative_status")
    status = ConsultativeStatus.objects.create(partnership=partnership, privileges_fr="Siéger")
    figure = make_figure(source_organisation=ecosoc)
    return {
        "organisation": ecosoc,
        "partnership": partnership,
        "consultativestatus": status,
        "keyfigure": figure,
    }


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_the_list_opens_and_shows_the_objects(editor_client, content, app, model):
    response = editor_client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_the_add_page_opens(editor_client, app, model):
    response = editor_client.get(reverse(f"admin:{app}_{model}_add"))
    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_the_change_page_opens_with_translation_tabs_from_our_own_static_files(
    editor_client, content, app, model
):
    obj = content[model]
    response = editor_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/xstatic/jquery-ui/jquery-ui.min.js" in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "googleapis" not in html


def test_organisation_fields_come_in_french_english_and_spanish(editor_client, content):
    url = reverse("admin:organisations_organisation_change", args=[content["organisation"].pk])
    html = editor_client.get(url).content.decode()
    for lang in ("fr", "en", "es"):
        assert f'name="name_{lang}"' in html
        assert f'name="summary_{lang}"' in html


def test_the_organisation_page_lists_its_partnerships_inline(editor_client, content):
    url = reverse("admin:organisations_organisation_change", args=[content["organisation"].pk])
    response = editor_client.get(url)
    assert 'name="partnerships-0-kind"' in response.content.decode()


def test_a_figure_without_source_is_flagged_in_the_list_and_can_be_filtered(editor_client):
    make_figure(label_fr="chiffre sourcé", source_title_fr="Rapport")
    make_figure(label_fr="chiffre orphelin")
    url = reverse("admin:statistics_keyfigure_changelist")
    assert "⚠" in editor_client.get(url).content.decode()
    missing = editor_client.get(url, {"source": "missing"})
    assert [f.label for f in missing.context["cl"].result_list] == ["chiffre orphelin"]


def test_visitors_who_are_not_staff_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin:organisations_organisation_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))

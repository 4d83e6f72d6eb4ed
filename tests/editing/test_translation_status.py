"""Which translations are complete, partial, missing or outdated, in lists and on one page."""

import pytest
from django.urls import reverse

from tests.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies():
    complete = make_organisation(
        name_fr="Conseil de l’Europe",
        name_en="Council of Europe",
        name_es="Consejo de Europa",
        slug_fr="conseil-de-l-europe",
        slug_en="council-of-europe",
        slug_es="consejo-de-europa",
        summary_fr="Organisation régionale.",
        summary_en="Regional organisation.",
        summary_es="Organización regional.",
    )
    partial = make_organisation(
        name_fr="Eurochild", name_en="Eurochild", slug_fr="eurochild", summary_fr="Réseau."
    )
    missing = make_organisation(name_fr="Kids Rights", slug_fr="kids-rights", summary_fr="ONG.")
    return complete, partial, missing


def statuses(client, **params):
    url = reverse("admin:organisations_organisation_changelist")
    response = client.get(url, params)
    return response, {str(o): o for o in response.context["cl"].result_list}


def test_each_list_shows_the_state_of_english_and_spanish(editor_client, bodies):
    response, _ = statuses(editor_client)
    html = response.content.decode()
    assert html.count('class="translation-status translation-status-complete"') >= 2
    assert 'class="translation-status translation-status-partial"' in html
    assert html.count('class="translation-status translation-status-missing"') == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Eurochild has an English name: its English is partial, not missing.
        ("en-missing", {"Kids Rights"}),
        ("en-partial", {"Eurochild"}),
        ("es-missing", {"Eurochild", "Kids Rights"}),
        ("es-partial", set()),
    ],
)
def test_each_filter_returns_exactly_the_state_it_names(editor_client, bodies, value, expected):
    _response, found = statuses(editor_client, translation=value)
    assert set(found) == expected


def test_changing_the_french_makes_the_translations_outdated(editor_client, bodies):
    complete = bodies[0]
    complete.summary_fr = "Organisation régionale de 46 États."
    complete.save()
    _response, found = statuses(editor_client, translation="en-outdated")
    assert set(found) == {"Conseil de l’Europe"}
    complete.summary_en = "Regional organisation of 46 states."
    complete.save()
    _response, found = statuses(editor_client, translation="en-outdated")
    assert set(found) == set()
    _response, found = statuses(editor_client, translation="es-outdated")
    assert set(found) == {"Conseil de l’Europe"}


def test_the_translations_to_do_page_lists_each_language_with_links(editor_client, bodies):
    complete, partial, missing = bodies
    complete.summary_fr = "Texte français revu."
    complete.save()
    response = editor_client.get(reverse("translations_to_do"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    english, spanish = html.split('id="todo-es"')
    for obj in (partial, missing):
        link = reverse("admin:organisations_organisation_change", args=[obj.pk])
        assert f'href="{link}"' in english
        assert f'href="{link}"' in spanish
    complete_link = reverse("admin:organisations_organisation_change", args=[complete.pk])
    assert f'href="{complete_link}"' in english and "outdated" in english
    assert "Translations to do" in html


def test_the_header_of_every_admin_page_links_to_the_translations_to_do(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("translations_to_do")}"' in html

"""The compare page of two versions reads in the viewer's language: yes and no, not Python's
True and False; no "None" for a related object that is absent in both; the title and the
breadcrumbs named as on the history page."""

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(editor):
    """An organisation with no parent, first a draft, then published with a new English name;
    saved by a French speaker (reversion keeps the name as the author read it)."""
    translation.activate("fr")
    with reversion.create_revision():
        ilo = make_organisation(
            name_fr="Organisation internationale du travail",
            name_es="Organización Internacional del Trabajo",
            is_published=False,
        )
    with reversion.create_revision():
        ilo.is_published = True
        ilo.name_en = "International Labour Organization"
        ilo.save()
    translation.deactivate()
    return ilo


def compare_page(editor, ilo, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(editor)
    older, newer = Version.objects.get_for_object(ilo).order_by("pk")
    url = reverse("admin:organisations_organisation_compare", args=[ilo.pk])
    response = client.get(f"{url}?version_id1={older.pk}&version_id2={newer.pk}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("language", "no", "yes"), [("fr", "Non", "Oui"), ("es", "No", "Sí")])
def test_a_published_flag_reads_yes_and_no(editor, two_versions, language, no, yes):
    html = compare_page(editor, two_versions, language)
    assert f"<del>{no}</del>" in html
    assert f"<ins>{yes}</ins>" in html
    assert "False" not in html
    assert "True" not in html


@pytest.mark.parametrize("language", ["fr", "es"])
def test_an_absent_parent_is_not_reported_as_added_none(editor, two_versions, language):
    html = compare_page(editor, two_versions, language)
    assert "None" not in html


def test_the_spanish_page_names_the_object_and_its_application_in_spanish(editor, two_versions):
    html = compare_page(editor, two_versions, "es")
    assert "<title>Comparar: Organización Internacional del Trabajo" in html
    assert ">Organizaciones</a> &rsaquo;" in html
    assert ">Organisations</a>" not in html


def test_two_versions_with_a_partnership_added_compare(editor):
    with reversion.create_revision():
        ilo = make_organisation(name_fr="Organisation internationale du travail")
    with reversion.create_revision():
        make_partnership(ilo, role_fr="Membre observateur")
        ilo.name_en = "International Labour Organization"
        ilo.save()
    # The organisation's partnerships, a reverse relation, are not taken for a foreign key.
    html = compare_page(editor, ilo, "fr")  # asserts the page answers 200
    assert "International Labour Organization" in html

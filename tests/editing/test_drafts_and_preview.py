"""New content is a draft: visitors never see it; staff preview it as visitors will."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.conftest import make_figure, make_organisation, make_partnership
from tests.editing.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """A draft body, its draft partnership and a draft figure about it."""
    body = make_organisation(
        name_fr="Réseau brouillon",
        name_en="Draft network",
        slug_fr="reseau-brouillon",
        slug_en="draft-network",
        summary_fr="Pas encore public.",
        summary_en="Not public yet.",
        is_published=False,
    )
    make_partnership(body, role_fr="Membre brouillon", is_published=False)
    make_figure(label_fr="chiffre brouillon", about_organisation=body, is_published=False)
    return body


def test_new_content_starts_as_a_draft(editor_of_the_team):
    data = organisation_form()
    del data["is_published"]
    editor_of_the_team.post(reverse("admin:organisations_organisation_add"), data)
    assert Organisation.objects.get().is_published is False


@pytest.mark.parametrize(
    "path",
    ["/fr/organisations/reseau-brouillon/", "/en/organisations/draft-network/"],
)
def test_visitors_get_a_404_for_a_draft(client, draft, path):
    assert client.get(path).status_code == 404
    assert client.get(f"{path}?preview=1").status_code == 404


def test_nothing_of_a_draft_leaks_into_lists_search_or_the_sitemap(client, draft):
    for path in (
        "/fr/",
        "/fr/partenaires/",
        "/fr/chiffres-cles/",
        "/fr/recherche/?q=brouillon",
        "/en/search/?q=draft",
        "/sitemap.xml",
    ):
        html = client.get(path).content.decode()
        for text in ("Réseau brouillon", "Draft network", "Membre brouillon", "chiffre brouillon"):
            assert text not in html, path
        assert "reseau-brouillon" not in html, path


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/fr/organisations/reseau-brouillon/", "Réseau brouillon"),
        ("/en/organisations/draft-network/", "Draft network"),
        ("/es/organizaciones/reseau-brouillon/", "Réseau brouillon"),
        ("/fr/partenaires/", "Membre brouillon"),
        ("/en/key-figures/", "chiffre brouillon"),
    ],
)
def test_staff_preview_drafts_in_each_language(communication_officer, draft, path, text):
    staff = signed_in(communication_officer)
    response = staff.get(f"{path}?preview=1")
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html
    assert 'class="preview-banner"' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    # Without ?preview=1 staff see the site as visitors do.
    if "organisations" in path or "organizaciones" in path:
        assert staff.get(path).status_code == 404


def test_the_admin_page_links_to_the_preview_in_each_language(editor_of_the_team, draft):
    url = reverse("admin:organisations_organisation_change", args=[draft.pk])
    html = editor_of_the_team.get(url).content.decode()
    assert 'href="/fr/organisations/reseau-brouillon/?preview=1"' in html
    assert 'href="/en/organisations/draft-network/?preview=1"' in html
    assert 'href="/es/organizaciones/reseau-brouillon/?preview=1"' in html
    assert "Aperçu (Anglais)" in html


def test_a_visitor_asking_for_a_preview_gets_the_public_page(draft):
    make_organisation(name_fr="Publié", slug_fr="publie")
    visitor = Client()
    assert visitor.get("/fr/organisations/publie/?preview=1").status_code == 200
    assert "preview-banner" not in visitor.get("/fr/partenaires/?preview=1").content.decode()


def test_the_demo_content_is_published(client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/fr/organisations/oit/").status_code == 200

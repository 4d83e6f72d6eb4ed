"""Apps depend one way: partners and statistics know organisations, organisations knows neither.
What shows them together (an organisation's public page, its admin page's partnerships) is
composed by the apps that know all of them."""

import ast
from pathlib import Path

from django.contrib import admin
from django.urls import reverse

from organisations.admin import OrganisationAdmin
from organisations.models import Organisation
from tests.conftest import make_figure, make_organisation, make_partnership

ROOT = Path(__file__).resolve().parents[2]
ORGANISATIONS = ROOT / "organisations"
# The packages and template folders of the apps that know organisations.
DEPENDENT_APPS = ("partners", "stats", "statistics")


def imported_modules(path):
    """Every module a Python file imports, by absolute name (relative imports stay inside)."""
    modules = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.append(node.module)
    return modules


def test_the_organisations_code_imports_nothing_from_partners_or_statistics():
    imports = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in ORGANISATIONS.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in DEPENDENT_APPS
    }
    assert imports == set()


def test_the_organisations_templates_include_nothing_of_partners_or_statistics():
    uses = {
        f"{path.relative_to(ROOT)}: {app}/"
        for path in ORGANISATIONS.rglob("*.html")
        for app in DEPENDENT_APPS
        if f'"{app}/' in path.read_text(encoding="utf-8")
    }
    assert uses == set()


def test_the_organisation_admin_is_registered_once_and_partners_adds_its_inline(
    editor_client,
):
    # Not replaced by a subclass that the partners app registers in its place.
    assert type(admin.site._registry[Organisation]) is OrganisationAdmin
    organisation = make_organisation()
    make_partnership(organisation)

    page = editor_client.get(
        reverse("admin:organisations_organisation_change", args=[organisation.pk])
    )

    assert 'name="partnerships-0-kind"' in page.content.decode()


def test_the_organisation_page_keeps_its_address_and_shows_partnerships_and_figures(db, client):
    organisation = make_organisation(name_fr="Conseil", slug_fr="conseil")
    make_partnership(organisation, role_fr="Membre fondateur")
    make_figure(about_organisation=organisation, label_fr="sections nationales")

    page = client.get("/fr/organisations/conseil/")

    assert organisation.get_absolute_url() == "/fr/organisations/conseil/"
    assert page.status_code == 200
    assert "Membre fondateur" in page.content.decode()
    assert "sections nationales" in page.content.decode()

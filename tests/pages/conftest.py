"""Pages to test with, and the NGO's roles holding their pages permissions."""

import pytest

from pages.models import Page
from tests.editing.conftest import (  # noqa: F401 (fixtures)
    communication_officer,
    editor_of_the_team,
    translator,
    volunteer,
)
from tests.factories import restore_roles


@pytest.fixture(autouse=True)
def pages_roles(db):
    """The groups as migrations leave them, pages included (some tests empty the database)."""
    restore_roles()


def make_page(**fields):
    """A published page with French text; `fields` override or add (body_en, slug_es…)."""
    n = Page.objects.count() + 1
    values = {
        "title_fr": f"Page {n}",
        "slug_fr": f"page-{n}",
        "summary_fr": f"Résumé de la page {n}",
        "body_fr": f"<p>Texte de la page {n}.</p>",
        "is_published": True,
    }
    values.update(fields)
    page = Page(**values)
    page.save()
    return page

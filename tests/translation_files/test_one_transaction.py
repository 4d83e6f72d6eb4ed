"""An import is one transaction: when the database refuses one of its changes, none is written
and the history records nothing."""

import pytest
from reversion.models import Version

from editing.models import Draft
from tests.conftest import make_organisation
from tests.translation_files.conftest import FILL, export, key
from translation_files.imports import ImportRefused, apply, plan_import

pytestmark = pytest.mark.django_db


def test_a_change_the_database_refuses_takes_the_whole_import_back(translator, volunteer):
    first = make_organisation(name_fr="Premier", slug_fr="premier")
    second = make_organisation(name_fr="Second", slug_fr="second")
    data = FILL["po"](
        export(translator, "en", "po"),
        {key(first, "name"): "First", key(second, "slug"): "second-one"},
    )
    plan = plan_import(data, volunteer, "f.po")
    assert not plan.problems and len(plan.changes) == 2
    # Between the preview and "Apply", someone gives that English address to another body.
    make_organisation(name_fr="Autre", slug_fr="autre", slug_en="second-one")
    versions = Version.objects.count()

    with pytest.raises(ImportRefused, match="Nothing was imported"):
        apply(plan, volunteer)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.name_en is None and second.slug_en is None
    assert Version.objects.count() == versions
    assert not Draft.objects.exists()  # nor a draft of the published body

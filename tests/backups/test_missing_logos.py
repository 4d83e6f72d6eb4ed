"""The export refers to logos by path: an import says which files MEDIA_ROOT lacks."""

import io

from django.core.management import call_command

from organisations.models import Organisation
from tests.backups.conftest import export_then_start_afresh


def test_the_import_names_the_logos_that_are_not_in_the_media_folder(rich_content, tmp_path):
    export_then_start_afresh(tmp_path / "content.json")
    rich_content.logo.storage.delete("logos/un.png")
    warnings = io.StringIO()

    call_command(
        "import_content", str(tmp_path / "content.json"), stdout=io.StringIO(), stderr=warnings
    )

    assert "logos/un.png" in warnings.getvalue()
    assert Organisation.objects.get(slug_fr="onu").logo.name == "logos/un.png"


def test_the_import_says_nothing_when_every_logo_is_there(rich_content, tmp_path):
    export_then_start_afresh(tmp_path / "content.json")
    warnings = io.StringIO()
    call_command(
        "import_content", str(tmp_path / "content.json"), stdout=io.StringIO(), stderr=warnings
    )
    assert warnings.getvalue() == ""

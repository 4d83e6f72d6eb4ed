"""The same export and import from the command line: `export_translations`,
`import_translations`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from editing.models import WorkflowEvent
from tests.translation_files.conftest import FILL, approve_submitted, key, xml_text

pytestmark = pytest.mark.django_db


def exported(tmp_path, language, file_format):
    path = tmp_path / f"out.{file_format}"
    call_command("export_translations", language, str(path), format=file_format, stderr=StringIO())
    return path


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_a_file_exported_and_imported_by_command(tmp_path, body, volunteer, reviewer, file_format):
    path = exported(tmp_path, "es", file_format)
    name = "Consejo de Europa «CdE»"
    path.write_bytes(
        FILL[file_format](
            path.read_bytes(), {key(body, "name"): name if file_format == "po" else xml_text(name)}
        )
    )
    out = StringIO()
    call_command("import_translations", str(path), user="tom", stdout=out, stderr=StringIO())
    assert "1 texts imported into es" in out.getvalue()
    assert "submitted for review" in out.getvalue()
    body.refresh_from_db()
    assert body.name_es is None  # published: it waits for review
    approve_submitted(reviewer)
    body.refresh_from_db()
    assert body.name_es == name
    submission = WorkflowEvent.objects.get(action=WorkflowEvent.SUBMITTED)
    assert submission.user == volunteer and str(path) in submission.comment
    assert Version.objects.get_for_object(body).exists()


def test_a_dry_run_writes_nothing(tmp_path, body, volunteer):
    path = exported(tmp_path, "en", "po")
    path.write_bytes(FILL["po"](path.read_bytes(), {key(body, "name"): "Council"}))
    out = StringIO()
    call_command("import_translations", str(path), user="tom", dry_run=True, stdout=out)
    assert "“Conseil de l’Europe (CdE)”" in out.getvalue() and "-> 'Council'" in out.getvalue()
    body.refresh_from_db()
    assert body.name_en is None


def test_a_file_with_problems_is_refused_by_command(tmp_path, body, volunteer):
    path = exported(tmp_path, "en", "po")
    path.write_bytes(
        FILL["po"](
            path.read_bytes(), {key(body, "name"): "Council", key(body, "acronym"): "X" * 40}
        )
    )
    with pytest.raises(CommandError, match=r"Nothing was imported|Rien n’a été importé"):
        call_command(
            "import_translations", str(path), user="tom", stdout=StringIO(), stderr=StringIO()
        )
    body.refresh_from_db()
    assert body.name_en is None


def test_the_source_language_cannot_be_exported():
    with pytest.raises(CommandError):
        call_command("export_translations", "fr", stderr=StringIO())

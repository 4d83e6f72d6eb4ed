"""import_content refuses, with a message and nothing changed, whatever it cannot load whole."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.backups.conftest import every_row, export_then_start_afresh


def import_content(path):
    call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def rewrite(path, change):
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_database_that_has_content_is_left_as_it_is(rich_content, tmp_path):
    call_command("export_content", str(tmp_path / "content.json"), stdout=io.StringIO())
    before = every_row()
    with pytest.raises(CommandError, match="already has content"):
        import_content(tmp_path / "content.json")
    assert every_row() == before


def test_a_file_that_is_not_json_is_refused(db, tmp_path):
    (tmp_path / "content.json").write_text('{"format": "dei-site-content", "vers', encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        import_content(tmp_path / "content.json")
    assert not any(every_row().values())


def test_a_json_file_of_something_else_is_refused(db, tmp_path):
    (tmp_path / "content.json").write_text('[{"model": "auth.user"}]', encoding="utf-8")
    with pytest.raises(CommandError, match="not a content export of this site"):
        import_content(tmp_path / "content.json")


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        import_content(tmp_path / "nowhere.json")


def test_a_file_of_another_format_version_is_refused_and_nothing_is_written(rich_content, tmp_path):
    path = tmp_path / "content.json"
    export_then_start_afresh(path)
    rewrite(path, lambda document: document.update(version=3))
    with pytest.raises(CommandError, match="format version 3; this site reads version 1 or 2"):
        import_content(path)
    assert not any(every_row().values())


def rows_of(document, label):
    return [obj for obj in document["objects"] if obj["model"] == label]


def break_last_figure_source(document):
    rows_of(document, "statistics.keyfigure")[-1]["fields"]["source_organisation"] = 999


def break_a_year(document):
    rows_of(document, "partners.partnership")[-1]["fields"]["since_year"] = "long ago"


def add_an_unknown_field(document):
    rows_of(document, "organisations.organisation")[0]["fields"]["colour"] = "blue"


def add_a_model_that_is_not_content(document):
    document["objects"].append({"model": "auth.user", "pk": 1, "fields": {"username": "intruder"}})


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (break_last_figure_source, "statistics.keyfigure 3, source_organisation: .*999"),
        (break_a_year, "partners.partnership 2, since_year: .*must be an integer"),
        (add_an_unknown_field, "unknown fields: colour"),
        (add_a_model_that_is_not_content, "auth.user: not content"),
    ],
)
def test_a_file_damaged_anywhere_writes_not_even_the_rows_before_the_damage(
    rich_content, tmp_path, damage, message
):
    path = tmp_path / "content.json"
    export_then_start_afresh(path)
    rewrite(path, damage)
    with pytest.raises(CommandError, match=message):
        import_content(path)
    assert not any(every_row().values())

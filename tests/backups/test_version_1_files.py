"""Exports written before the move to Django's serialization framework (format version 1: rows
by column name) still load, exactly."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from modeltranslation.fields import TranslationField

from backups.content import content_models
from backups.document import ExactEncoder
from tests.backups.conftest import empty_the_content, every_row


def version_1_export():
    """What export_content wrote until version 2: each stored column by its attribute name
    (`parent_id`), the primary key included, the untranslated mirror columns left out."""
    models = {}
    for model in content_models():
        fields = model._meta.concrete_fields
        mirrored = {f.translated_field.name for f in fields if isinstance(f, TranslationField)}
        kept = [field for field in fields if field.name not in mirrored]
        models[model._meta.label_lower] = [
            {f.attname: f.get_prep_value(f.value_from_object(obj)) for f in kept}
            for obj in model._base_manager.order_by("pk")
        ]
    document = {
        "format": "dei-site-content",
        "version": 1,
        "exported_at": timezone.now(),
        "models": models,
    }
    return json.dumps(document, cls=ExactEncoder)


def test_a_version_1_file_loads_every_column_of_every_row(rich_content, tmp_path):
    before = every_row()
    (tmp_path / "old.json").write_text(version_1_export(), encoding="utf-8")
    empty_the_content()

    call_command("import_content", str(tmp_path / "old.json"), stdout=io.StringIO())

    assert every_row() == before


def test_a_version_1_file_is_checked_like_any_other(rich_content, tmp_path):
    document = json.loads(version_1_export())
    [un] = [row for row in document["models"]["organisations.organisation"] if row["id"] == 1]
    un.update(website="javascript:alert(1)", slug_en="a b/../c?x=<y>")
    (tmp_path / "old.json").write_text(json.dumps(document), encoding="utf-8")
    empty_the_content()

    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(tmp_path / "old.json"), stdout=io.StringIO())

    assert "organisations.organisation 1, slug_en: Enter a valid" in str(refused.value)
    assert "organisations.organisation 1, website: Enter a web address" in str(refused.value)
    assert not any(every_row().values())

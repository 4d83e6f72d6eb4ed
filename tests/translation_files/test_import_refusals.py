"""Files and entries the import refuses, naming them; with a problem, nothing is written unless
the person chooses to skip the entries named."""

import pytest

from organisations.models import Organisation
from tests.conftest import make_organisation
from tests.translation_files.conftest import (
    FILL,
    apply_previewed,
    approve_submitted,
    export,
    key,
    upload,
)

pytestmark = pytest.mark.django_db


def problems(preview):
    return [(p.label, p.message) for p in preview.context["plan"].problems]


def untouched(body):
    body.refresh_from_db()
    return body.name_en is None and body.acronym_en is None and body.summary_en is None


@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_file_in_another_language_is_refused(translator, body, language):
    data = export(translator, "en", "po").replace(b"Language: en", f"Language: {language}".encode())
    data = FILL["po"](data, {key(body, "name"): "Conseil"})
    page = upload(translator, data)
    assert "only English, Spanish translations can be imported" in page.content.decode()
    assert "plan" not in page.context
    assert untouched(body)


def test_an_xliff_file_into_french_is_refused(translator, body):
    data = export(translator, "es", "xliff").replace(
        b'target-language="es"', b'target-language="fr"'
    )
    page = upload(translator, data, "x.xlf")
    assert "can be imported" in page.content.decode()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.po", b'msgid "unclosed\nmsgstr ""\n\xff\xfe'),
        ("broken.xlf", b"<xliff version='1.2'><file target-language='en'><body>"),
        ("notes.txt", b"Just some notes, not a translation file."),
        (
            "entities.xlf",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;">]><xliff version="1.2">&b;</xliff>',
        ),
    ],
)
def test_a_broken_file_is_refused_whole(translator, body, name, data):
    page = upload(translator, data, name)
    assert page.status_code == 200
    assert 'class="errornote"' in page.content.decode()
    assert "plan" not in page.context
    assert untouched(body)


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_an_entry_whose_french_changed_since_the_export_is_reported_not_applied(
    translator, reviewer, body, file_format
):
    data = export(translator, "en", file_format)
    body.summary_fr = "Organisation régionale de 46 États."
    body.save()
    data = FILL[file_format](
        data, {key(body, "summary"): "Regional organisation.", key(body, "name"): "Council"}
    )
    preview = upload(translator, data, f"f.{file_format}")
    [(label, message)] = problems(preview)
    assert "summary" in label and "changed since this file was made" in message
    # Apply without choosing to skip: refused, nothing written.
    page = apply_previewed(translator, preview)
    assert "Nothing was imported" in page.content.decode()
    assert untouched(body)
    # Skipping the entry named: the others are imported.
    apply_previewed(translator, preview, skip=True)
    approve_submitted(reviewer)
    body.refresh_from_db()
    assert body.name_en == "Council" and body.summary_en is None


def test_a_value_too_long_for_its_field_is_refused(translator, body):
    data = export(translator, "en", "po")
    data = FILL["po"](data, {key(body, "acronym"): "C" * 31, key(body, "name"): "Council"})
    preview = upload(translator, data)
    [(label, message)] = problems(preview)
    assert "acronym" in label and "at most 30 characters" in message
    assert "Apply the import" in preview.content.decode()  # only with the skip box ticked
    assert 'name="skip_problems"' in preview.content.decode()
    apply_previewed(translator, preview)
    assert untouched(body)


def test_a_slug_another_organisation_has_in_that_language_is_refused(translator, body):
    make_organisation(name_fr="Autre", slug_fr="autre", slug_en="council-of-europe")
    data = FILL["po"](export(translator, "en", "po"), {key(body, "slug"): "council-of-europe"})
    [(label, message)] = problems(upload(translator, data))
    assert "slug" in label and "Another organisation already has this slug." in message


def test_a_slug_with_a_path_in_it_is_refused(translator, body):
    data = FILL["po"](export(translator, "en", "po"), {key(body, "slug"): "a/b"})
    [(label, _message)] = problems(upload(translator, data))
    assert "slug" in label


def test_markup_in_a_plain_text_field_is_refused(translator, body):
    data = export(translator, "en", "xliff")
    data = FILL["xliff"](data, {key(body, "name"): 'Council <g id="1">of</g> Europe'})
    [(label, message)] = problems(upload(translator, data, "f.xlf"))
    assert "name" in label and "no markup" in message


def test_an_unknown_entry_is_reported(translator, body):
    data = FILL["po"](export(translator, "en", "po"), {key(body, "name"): "Council"})
    data = data.replace(
        key(body, "name").encode(), f"organisations.organisation:{body.pk + 99}:name".encode()
    )
    [(_label, message)] = problems(upload(translator, data))
    assert "deleted" in message
    assert Organisation.objects.filter(name_en="Council").count() == 0

"""Export, translate in the file as a tool would, import, and read the translation on the
site: for each format and each translation language."""

import pytest
from django.urls import reverse
from reversion.models import Version

from editing.models import WorkflowEvent
from editing.translation_status import COMPLETE, stale_fields, translation_state
from tests.conftest import make_organisation
from tests.translation_files.conftest import (
    FILL,
    apply_previewed,
    approve_submitted,
    export,
    key,
    upload,
    xml_text,
)

pytestmark = pytest.mark.django_db

TRANSLATIONS = {
    "en": {
        "name": "Council of Europe",
        "slug": "council-of-europe",
        "acronym": "CoE",
        "summary": 'The "human rights" regional organisation — Ελλάδα, Україна, 日本 partners.',
        "description": 'Founded in 1949.\nSeat in Strasbourg & at the "Palais".',
    },
    "es": {
        "name": "Consejo de Europa",
        "slug": "consejo-de-europa",
        "acronym": "CdE",
        "summary": "Organización regional «de derechos humanos»: 'Ελλάδα', Україна, 日本.",
        "description": "Fundado en 1949.\nSede en Estrasburgo.",
    },
}
ADDRESS = {"en": "/en/organisations/{}/", "es": "/es/organizaciones/{}/"}


@pytest.mark.parametrize("file_format", ["po", "xliff"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_translated_file_comes_back_onto_the_public_pages(
    translator, volunteer, reviewer, editor, client, body, language, file_format
):
    data = export(translator, language, file_format)
    texts = TRANSLATIONS[language]
    as_written = {
        key(body, field): text if file_format == "po" else xml_text(text)
        for field, text in texts.items()
    }
    translated = FILL[file_format](data, as_written)
    preview = upload(translator, translated, f"tool-output.{file_format}")
    assert preview.status_code == 200
    assert not preview.context["plan"].problems
    html = preview.content.decode()
    assert "texts will change" in html
    page = apply_previewed(translator, preview)
    assert "5 texts imported" in page.content.decode()
    approve_submitted(reviewer)  # the organisation is published: its changes wait for review

    body.refresh_from_db()
    for field, text in texts.items():
        assert getattr(body, f"{field}_{language}") == text
    assert translation_state(body, language) == COMPLETE
    public = client.get(ADDRESS[language].format(texts["slug"])).content.decode()
    assert texts["name"] in public
    assert "Ελλάδα" in public and "日本" in public
    submission = WorkflowEvent.objects.get(action=WorkflowEvent.SUBMITTED)
    assert submission.user == volunteer and "tool-output" in submission.comment
    assert Version.objects.get_for_object(body).first().revision.user == editor


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_the_file_carries_the_context_and_the_previous_french(translator, body, file_format):
    body.name_en = "Council"
    body.save()
    body.name_fr = "Conseil de l’Europe (Strasbourg)"
    body.save()
    text = export(translator, "en", file_format).decode()
    assert "Conseil de l’Europe (Strasbourg)" in text  # the French now…
    assert "Conseil de l’Europe" in text.replace("Conseil de l’Europe (Strasbourg)", "")  # …then
    assert "Council" in text  # the current translation
    assert "/en/organisations/conseil-de-l-europe/" in text
    assert "At most 200 characters." in text
    assert "Kind: organisation" in text and "Field: name" in text
    if file_format == "po":
        assert '#| msgid "Conseil de l’Europe"' in text and "#, fuzzy" in text
    else:
        assert 'maxwidth="200" size-unit="char"' in text
        assert 'state="needs-review-translation"' in text


def test_an_entry_left_marked_for_review_is_not_applied(translator, body):
    body.name_en = "Council"
    body.save()
    body.name_fr = "Conseil de l’Europe (Strasbourg)"
    body.save()
    data = export(translator, "en", "po")
    name = key(body, "name")
    translated = FILL["po"](data, {name: "Council of Europe"}, keep_review={name})
    preview = upload(translator, translated)
    assert preview.context["plan"].left_for_review == 1
    assert not preview.context["plan"].changes


def test_a_translation_kept_as_is_in_the_tool_is_confirmed_still_correct(translator, body):
    body.name_en = "Council of Europe"
    body.save()
    body.name_fr = "Le Conseil de l’Europe"
    body.save()
    data = export(translator, "en", "xliff")
    translated = FILL["xliff"](data, {key(body, "name"): "Council of Europe"})
    preview = upload(translator, translated, "out.xlf")
    assert "still correct" in preview.content.decode()
    apply_previewed(translator, preview)  # visitors read the same text: no review needed
    body.refresh_from_db()
    assert body.name_en == "Council of Europe"
    assert stale_fields(body, "en") == []


def test_the_admin_action_exports_the_chosen_items_translated_or_not(editor_client, body):
    other = make_organisation(name_fr="Autre", name_en="Other")
    url = reverse("admin:organisations_organisation_changelist")
    response = editor_client.post(
        url, {"action": "export_for_translation", "_selected_action": [other.pk]}
    )
    assert response.status_code == 302
    page = editor_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "1 chosen item" in page.content.decode()
    model = other._meta.label_lower
    text = export(editor_client, "es", "po", model=model, ids=str(other.pk)).decode()
    assert "Autre" in text and "Conseil" not in text


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_a_french_text_changed_and_changed_back_is_not_exported_as_outdated(
    translator, body, file_format
):
    for language, name in (("en", "Council of Europe"), ("es", "Consejo de Europa")):
        setattr(body, f"name_{language}", name)
    body.save()
    body.name_fr = "Conseil de l’Europe (Strasbourg)"
    body.save()
    assert key(body, "name") in export(translator, "en", file_format).decode()
    body.name_fr = "Conseil de l’Europe"
    body.save()
    assert key(body, "name") not in export(translator, "en", file_format).decode()

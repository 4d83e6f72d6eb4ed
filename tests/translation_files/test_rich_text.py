"""Rich text keeps its markup as numbered placeholders: translators never see raw HTML, and
markup they add or break is refused. Pages' bodies are such fields; here an organisation's
description is flagged as rich text for the test (a model lists them in `rich_text_fields`)."""

import polib
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

HTML_FR = (
    '<p>Lire <a href="/fr/rapport/" class="lien">le rapport</a> &amp; <em>la synthèse</em>.'
    "<br>Fin.</p>"
)
PLACEHOLDERS_FR = (
    '<g id="1">Lire <g id="2">le rapport</g> &amp; <g id="3">la synthèse</g>.<x id="4"/>Fin.</g>'
)
TRANSLATED = (
    '<g id="1">Read <g id="3">the summary</g> &amp; <g id="2">the "report"</g>.<x id="4"/>End.</g>'
)
HTML_EN = (
    '<p>Read <em>the summary</em> &amp; <a href="/fr/rapport/" class="lien">the "report"</a>.'
    "<br>End.</p>"
)


@pytest.fixture
def rich(monkeypatch):
    monkeypatch.setattr(Organisation, "rich_text_fields", ("description",), raising=False)
    return make_organisation(
        name_fr="Réseau",
        name_en="Network",
        slug_fr="reseau",
        slug_en="network",
        summary_fr="Un réseau.",
        summary_en="A network.",
        description_fr=HTML_FR,
    )


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_inline_markup_travels_as_placeholders_and_comes_back(
    translator, reviewer, client, rich, file_format
):
    data = export(translator, "en", file_format)
    text = data.decode()
    assert "href" not in text and "<em>" not in text and "&lt;p" not in text
    if file_format == "po":
        assert PLACEHOLDERS_FR in {entry.msgid for entry in polib.pofile(text)}
    else:  # ElementTree writes an empty element "<x id="4" />"
        assert PLACEHOLDERS_FR.replace('<x id="4"/>', '<x id="4" />') in text
    filled = FILL[file_format](data, {key(rich, "description"): TRANSLATED})
    preview = upload(translator, filled, f"f.{file_format}")
    assert not preview.context["plan"].problems
    apply_previewed(translator, preview)
    approve_submitted(reviewer)
    rich.refresh_from_db()
    assert rich.description_en == HTML_EN
    assert "the summary" in client.get("/en/organisations/network/").content.decode()


@pytest.mark.parametrize(
    ("translated", "said"),
    [
        (
            '<g id="1">Read <g id="2"><script>alert(1)</script>x</g> <g id="3">y</g>'
            '<x id="4"/></g>',
            "“script” is not one of the source text’s placeholders",
        ),
        (
            '<g id="1">Read <g id="2" href="javascript:x">a</g> <g id="3">b</g><x id="4"/></g>',
            "not one of the source text’s placeholders",
        ),
        ('<g id="1">Read <g id="2">a</g> <g id="3">b</g></g>', "Placeholders missing: 4"),
        ('<g id="1">Read <g id="9">a</g> <g id="3">b</g><x id="4"/></g>', "not one of the"),
        ('<g id="1">Read <g id="2">a</g> <g id="2">b</g><x id="4"/></g>', "more than once"),
    ],
)
def test_markup_added_or_broken_in_the_placeholders_is_refused(translator, rich, translated, said):
    data = FILL["xliff"](export(translator, "en", "xliff"), {key(rich, "description"): translated})
    preview = upload(translator, data, "f.xlf")
    [problem] = preview.context["plan"].problems
    assert said in problem.message
    rich.refresh_from_db()
    assert rich.description_en is None


def test_a_raw_tag_typed_into_a_po_file_is_refused(translator, rich):
    injected = (
        '<g id="1">Read <g id="2">a</g> <g id="3">b</g><x id="4"/><img src=x onerror=alert(1)></g>'
    )
    data = FILL["po"](export(translator, "en", "po"), {key(rich, "description"): injected})
    [problem] = upload(translator, data).context["plan"].problems
    assert "placeholders are broken" in problem.message or "not one of" in problem.message


def test_the_current_translation_is_exported_with_the_sources_numbers(translator, rich):
    rich.description_en = '<p>Read <a href="/fr/rapport/" class="lien">it</a>.<br>End.</p>'
    rich.save()
    rich.description_fr = HTML_FR.replace("Fin.", "Fin du texte.")
    rich.save()
    text = export(translator, "en", "po").decode()
    assert 'msgstr "<g id=\\"1\\">Read <g id=\\"2\\">it</g>.<x id=\\"4\\"/>End.</g>"' in text

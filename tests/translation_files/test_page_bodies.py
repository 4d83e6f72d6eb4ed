"""A page's body travels in translators' files as text with placeholders: its headings, emphasis
and references to organisations come back around the translated words, never as raw HTML."""

import polib
import pytest

from tests.conftest import make_organisation
from tests.pages.conftest import make_page
from tests.translation_files.conftest import (
    FILL,
    apply_previewed,
    approve_submitted,
    export,
    key,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_a_page_body_is_translated_around_its_placeholders(
    translator, reviewer, client, file_format
):
    unicef = make_organisation(name_fr="UNICEF", slug_fr="unicef", slug_en="unicef")
    page = make_page(
        title_fr="Nos actions",
        title_en="Our work",
        slug_fr="nos-actions",
        slug_en="our-work",
        summary_fr="Ce que nous faisons.",
        summary_en="What we do.",
        body_fr=f'<p>Avec <a href="#" data-organisation="{unicef.pk}">l’UNICEF</a>, '
        "<strong>chaque jour</strong>.</p>",
    )
    data = export(translator, "en", file_format)
    text = data.decode()
    assert "data-organisation" not in text and "<strong>" not in text
    if file_format == "po":
        msgids = {entry.msgid for entry in polib.pofile(text)}
        assert '<g id="1">Avec <g id="2">l’UNICEF</g>, <g id="3">chaque jour</g>.</g>' in msgids
    translated = '<g id="1">With <g id="2">UNICEF</g>, <g id="3">every day</g>.</g>'
    filled = FILL[file_format](data, {key(page, "body"): translated})
    preview = upload(translator, filled, f"f.{file_format}")
    assert not preview.context["plan"].problems
    apply_previewed(translator, preview)
    approve_submitted(reviewer)
    page.refresh_from_db()
    assert f'data-organisation="{unicef.pk}"' in page.body_en
    html = client.get("/en/pages/our-work/").content.decode()
    assert '<a href="/en/organisations/unicef/">UNICEF</a>' in html
    assert "<strong>every day</strong>" in html

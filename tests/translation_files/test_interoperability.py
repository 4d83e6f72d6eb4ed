"""Our files as the translators' tools read and write them. XLIFF is written with the standard
library, so these tests prove it is XLIFF 1.2: every export validates against OASIS's strict
schema (tests/translation_files/schemas/), and translate-toolkit — the library Weblate and
Pootle read and write files with — finds in both formats the sources, targets, states, notes and
previous French, and saves files our import accepts. translate-toolkit (GPL) is a development
dependency only: the site never imports it."""

from pathlib import Path

import pytest
from lxml import etree
from reversion.models import Version
from translate.storage import po as toolkit_po
from translate.storage import xliff as toolkit_xliff
from translate.storage.placeables import xliff as placeables

from editing.models import WorkflowEvent
from tests.conftest import make_organisation
from tests.pages.conftest import make_page
from tests.translation_files.conftest import (
    XLIFF,
    apply_previewed,
    approve_submitted,
    export,
    key,
    upload,
)

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"

ORGANISATION_FR = {
    "name_fr": "Conseil de l’Europe",
    "slug_fr": "conseil-de-l-europe",
    "acronym_fr": "CdE",
    "summary_fr": "Organisation régionale « des droits de l’homme ».",
    "description_fr": "Fondé en 1949.\nSiège à Strasbourg.",
}
PAGE_BODY_FR = "<p>Avec <strong>nos partenaires</strong>, chaque jour.<br>Fin.</p>"
PAGE_BODY_PLACEHOLDERS = (
    '<g id="1">Avec <g id="2">nos partenaires</g>, chaque jour.<x id="3"/>Fin.</g>'
)

TRANSLATIONS = {
    "en": {
        "name": "Council of Europe",
        "slug": "council-of-europe",
        "acronym": "CoE",
        "summary": 'The "human rights" body: Ελλάδα, Україна, 日本.',
        "description": "Founded in 1949.\nSeat in Strasbourg & Paris.",
        "title": "Our work",
        "page_slug": "our-work",
        "page_summary": "What we do, «every day».",
        "body": '<g id="1">With <g id="2">our partners</g>, every day.<x id="3"/>End.</g>',
    },
    "es": {
        "name": "Consejo de Europa",
        "slug": "consejo-de-europa",
        "acronym": "CdE",
        "summary": "Organismo «de derechos humanos»: 'Ελλάδα', Україна, 日本.",
        "description": "Fundado en 1949.\nSede en Estrasburgo.",
        "title": "Nuestra labor",
        "page_slug": "nuestra-labor",
        "page_summary": 'Lo que hacemos "cada día".',
        "body": '<g id="1">Con <g id="2">nuestros socios</g>, cada día.<x id="3"/>Fin.</g>',
    },
}
ADDRESSES = {
    "en": ("/en/organisations/{}/", "/en/pages/{}/"),
    "es": ("/es/organizaciones/{}/", "/es/paginas/{}/"),
}


@pytest.fixture
def content():
    """An organisation whose English name is outdated, with a multi-line description, and a
    page whose body is rich text: French only."""
    body = make_organisation(**ORGANISATION_FR, name_en="Council")
    body.name_fr = "Le Conseil de l’Europe"
    body.save()
    page = make_page(
        title_fr="Nos actions",
        slug_fr="nos-actions",
        summary_fr="Ce que nous faisons.",
        body_fr=PAGE_BODY_FR,
    )
    return body, page


@pytest.fixture(scope="module")
def xliff_schema():
    """OASIS's XLIFF 1.2 strict schema, its import of the xml: namespace read from the copy
    beside it (the tests run offline)."""
    document = etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"))
    for imported in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        imported.set("schemaLocation", (SCHEMAS / "xml.xsd").resolve().as_uri())
    return etree.XMLSchema(document)


def entries_to_translate(body, page, language):
    """{unit key: translation} for every text of `body` and `page`, as written in files."""
    texts = TRANSLATIONS[language]
    fields = {key(body, name): texts[name] for name in ("name", "slug", "acronym", "summary")}
    fields[key(body, "description")] = texts["description"]
    fields[key(page, "title")] = texts["title"]
    fields[key(page, "slug")] = texts["page_slug"]
    fields[key(page, "summary")] = texts["page_summary"]
    fields[key(page, "body")] = texts["body"]
    return fields


def unit_key(unit, file_format):
    if file_format == "po":
        return unit.getcontext()
    return unit.xmlelement.get("id")


def toolkit_store(data, file_format):
    module = toolkit_po.pofile if file_format == "po" else toolkit_xliff.xlifffile
    return module.parsestring(data)


def translate_with_toolkit(data, file_format, translations, needs_editing=()):
    """`data` translated with translate-toolkit's own API and saved by it, as Weblate does:
    targets set, "fuzzy" / "needs review" cleared, or set again for `needs_editing` keys
    (Weblate's "Needs editing"). XLIFF values holding <g>/<x> placeholders become inline
    elements of the target, as Weblate's "XLIFF with placeables" writes them."""
    store = toolkit_store(data, file_format)
    for unit in store.units:
        text = translations.get(unit_key(unit, file_format))
        if text is None:
            continue
        if file_format == "xliff" and "<" in text:
            target = etree.fromstring(f'<target xmlns="{XLIFF}">{text}</target>')
            unit.set_target_dom(target)
            unit.marktranslated()
        else:
            unit.target = text
        unit.markfuzzy(unit_key(unit, file_format) in needs_editing)
    return bytes(store)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_exported_xliff_is_valid_against_the_oasis_xliff_1_2_strict_schema(
    translator, content, xliff_schema, language
):
    body, page = content
    page.body_en = page.body_es = "<p>Avant <strong>tout</strong>.<br>x</p>"
    page.save()
    page.body_fr = PAGE_BODY_FR.replace("Fin.", "Fin du texte.")
    page.save()
    data = export(translator, language, "xliff")
    document = etree.fromstring(data)
    assert xliff_schema.validate(document), xliff_schema.error_log
    # …and so is a file with every text translated in it.
    filled = translate_with_toolkit(data, "xliff", entries_to_translate(body, page, language))
    assert xliff_schema.validate(etree.fromstring(filled)), xliff_schema.error_log


def test_translate_toolkit_reads_the_xliff_file_as_weblate_shows_it(translator, content):
    body, page = content
    store = toolkit_store(export(translator, "en", "xliff"), "xliff")
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    assert store.gettargetlanguage() == "en" and store.getsourcelanguage() == "fr"

    description = units[key(body, "description")]
    assert description.source == "Fondé en 1949.\nSiège à Strasbourg."  # the line break kept
    assert description.target == "" and not description.isfuzzy()

    name = units[key(body, "name")]
    assert name.source == "Le Conseil de l’Europe" and name.target == "Council"
    assert name.isfuzzy() and name.isreview()  # outdated: needs review
    notes = name.getnotes()
    assert "Field: name" in notes and "Object: Le Conseil de l’Europe" in notes
    assert "/en/organisations/conseil-de-l-europe/" in notes
    assert "Source text when it was last translated: Conseil de l’Europe" in notes
    assert name.xmlelement.get("maxwidth") == "200"

    body.acronym_en = "CoE"
    body.save()
    chosen = export(translator, "en", "xliff", model="organisations.organisation", ids=body.pk)
    [acronym] = [u for u in toolkit_store(chosen, "xliff").units if u.getid().endswith("acronym")]
    assert acronym.target == "CoE" and not acronym.isfuzzy()  # the current French's translation

    [rich] = units[key(page, "body")].rich_source
    outer = rich.sub[0]
    assert isinstance(outer, placeables.G) and outer.id == "1"
    inner = [type(part) for part in outer.sub]
    assert placeables.G in inner and placeables.X in inner
    assert "<strong>" not in units[key(page, "body")].source


def test_translate_toolkit_reads_the_po_file_as_weblate_shows_it(translator, content):
    body, page = content
    store = toolkit_store(export(translator, "es", "po"), "po")
    units = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
    assert store.gettargetlanguage() == "es"

    name = units[key(body, "name")]
    assert name.source == "Le Conseil de l’Europe"
    assert name.target == ""  # no Spanish yet: missing, not outdated
    description = units[key(body, "description")]
    assert description.source == "Fondé en 1949.\nSiège à Strasbourg."
    notes = description.getnotes("developer")  # in the translator's language
    assert "Tipo: organización" in notes and "Campo: descripción" in notes
    assert "/es/organizaciones/conseil-de-l-europe/" in notes
    assert units[key(page, "body")].source == PAGE_BODY_PLACEHOLDERS

    english = toolkit_store(export(translator, "en", "po"), "po")
    [outdated] = [u for u in english.units if u.getcontext() == key(body, "name")]
    assert outdated.isfuzzy() and outdated.target == "Council"
    assert outdated.prev_source == "Conseil de l’Europe"  # Weblate shows the difference


@pytest.mark.parametrize("file_format", ["po", "xliff"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_file_saved_by_translate_toolkit_comes_back_onto_the_public_pages(
    translator, volunteer, reviewer, client, content, language, file_format
):
    body, page = content
    data = export(translator, language, file_format)
    translated = translate_with_toolkit(
        data, file_format, entries_to_translate(body, page, language)
    )
    preview = upload(translator, translated, f"weblate.{file_format}")
    plan = preview.context["plan"]
    assert not plan.problems, plan.problems
    assert len(plan.changes) == 9
    apply_previewed(translator, preview)
    approve_submitted(reviewer)

    texts = TRANSLATIONS[language]
    body.refresh_from_db()
    page.refresh_from_db()
    assert getattr(body, f"description_{language}") == texts["description"]
    assert getattr(body, f"summary_{language}") == texts["summary"]
    organisation_address, page_address = ADDRESSES[language]
    public = client.get(organisation_address.format(texts["slug"])).content.decode()
    assert texts["name"] in public and "日本" in public
    public_page = client.get(page_address.format(texts["page_slug"])).content.decode()
    assert "<strong>" + ("our partners" if language == "en" else "nuestros socios") in public_page
    submissions = WorkflowEvent.objects.filter(action=WorkflowEvent.SUBMITTED)
    assert {event.user for event in submissions} == {volunteer}
    assert Version.objects.get_for_object(page).exists()


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_an_entry_left_needing_editing_in_the_tool_is_not_imported(
    translator, content, file_format
):
    body, _page = content
    name, summary = key(body, "name"), key(body, "summary")
    translated = translate_with_toolkit(
        export(translator, "en", file_format),
        file_format,
        {name: "Council of Europe", summary: "A draft I have not finished"},
        needs_editing={summary},
    )
    plan = upload(translator, translated, f"weblate.{file_format}").context["plan"]
    assert [change.field for change in plan.changes] == ["name"]
    assert plan.left_for_review == 1


@pytest.mark.parametrize(
    ("file_format", "tag"),
    [("po", "es_ES"), ("po", "es-MX"), ("xliff", "es-ES"), ("xliff", "ES")],
)
def test_a_regional_language_a_tool_wrote_is_imported_into_that_language(
    translator, reviewer, content, file_format, tag
):
    """Poedit and OmegaT write the language chosen in their settings, often with a region."""
    body, _page = content
    data = export(translator, "es", file_format)
    if file_format == "po":
        data = data.replace(b'"Language: es\\n"', f'"Language: {tag}\\n"'.encode())
    else:
        data = data.replace(b'target-language="es"', f'target-language="{tag}"'.encode())
    translated = translate_with_toolkit(data, file_format, {key(body, "name"): "Consejo"})
    preview = upload(translator, translated, f"omegat.{file_format}")
    assert preview.context["plan"].language == "es"
    apply_previewed(translator, preview)
    approve_submitted(reviewer)
    body.refresh_from_db()
    assert body.name_es == "Consejo"

"""XLIFF 1.2 files, written with the standard library's ElementTree and read with defusedxml
(no DTD, no entity expansion: an uploaded file cannot make the server fetch or expand anything).

1.2 rather than 2.0: it is the version Poedit, Weblate (through translate-toolkit), OmegaT (its
Okapi filter) and most CAT tools read and write in full; their 2.0 support is partial.

One <trans-unit> per unit, in one <file> whose target-language is the language: `id` its key,
`maxwidth` with size-unit="char" where the field has a maximum length, <source>, <target> with
a `state` ("needs-review-translation" for a translation of an older source text, "translated"
or "new"), then <note>s: the context, and the source text the translation was made from.
Rich text keeps its tags as inline <g>/<x> elements (translation_files/richtext.py).
"""

from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

from multilingual.languages import SOURCE_LANGUAGE

from .files import Entry, FileError, TranslatedFile, context_lines
from .richtext import inline_markup

NS = "urn:oasis:names:tc:xliff:document:1.2"
REVIEW_STATES = {"needs-review-translation", "needs-review-l10n", "needs-review-adaptation"}


def _q(name):
    return f"{{{NS}}}{name}"


def _fill(element, text, rich):
    """Put `text` (as files write it) into `element`: inline placeholders as elements."""
    if not rich:
        element.text = text
        return
    fragment = ET.fromstring(f'<t xmlns="{NS}">{text}</t>')
    element.text = fragment.text
    element.extend(list(fragment))


def write(units, language):
    """The XLIFF 1.2 document of `units`, for translation into `language`, as UTF-8 bytes."""
    ET.register_namespace("", NS)
    root = ET.Element(_q("xliff"), {"version": "1.2"})
    file = ET.SubElement(
        root,
        _q("file"),
        {
            "original": "dei-site-content",
            "source-language": SOURCE_LANGUAGE,
            "target-language": language,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(file, _q("body"))
    root.text = file.text = body.text = file.tail = body.tail = "\n"
    for unit in units:
        attributes = {"id": unit.key, "resname": unit.key}
        if unit.max_length:
            attributes.update({"maxwidth": str(unit.max_length), "size-unit": "char"})
        element = ET.SubElement(body, _q("trans-unit"), attributes)
        # One line per element; never indentation inside <source> and <target>: it would be text.
        element.text = element.tail = "\n"
        _fill(
            ET.SubElement(element, _q("source"), {"xml:lang": SOURCE_LANGUAGE}),
            unit.source,
            unit.rich,
        )
        if unit.previous is not None:
            state = "needs-review-translation"
        else:
            state = "translated" if unit.target else "new"
        target = ET.SubElement(element, _q("target"), {"xml:lang": language, "state": state})
        _fill(target, unit.target, unit.rich)
        for line in context_lines(unit):
            ET.SubElement(element, _q("note"), {"from": "context"}).text = line
        if unit.previous is not None:
            note = ET.SubElement(
                element, _q("note"), {"from": "previous-source", "annotates": "source"}
            )
            note.text = _("Source text when it was last translated: %(text)s") % {
                "text": unit.previous
            }
    for element in root.iter(_q("trans-unit")):
        for child in element:
            child.tail = "\n"
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _local(element):
    return element.tag.rsplit("}", 1)[-1]


def read(data):
    """A TranslatedFile from an XLIFF 1.2 document's bytes (entries' texts as files write
    them, with &, < and > escaped: translation_files/imports.py reads them per field).

    Raises FileError for broken XML, forbidden XML (a DTD, entities), another version, or no
    target language."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError) as error:
        raise FileError(
            _("This is not a well-formed XML file: %(error)s") % {"error": error}
        ) from error
    if _local(root) != "xliff" or root.get("version") != "1.2":
        raise FileError(_("This is not an XLIFF 1.2 file."))
    files = [child for child in root if _local(child) == "file"]
    languages = {(f.get("target-language") or "").strip().lower() for f in files}
    if len(languages) != 1 or "" in languages:
        raise FileError(_("The file must name one target language (target-language)."))
    entries = []
    for unit in root.iter():
        if _local(unit) != "trans-unit":
            continue
        children = {_local(child): child for child in unit}
        source, target = children.get("source"), children.get("target")
        if source is None:
            raise FileError(_("Entry %(id)s has no source text.") % {"id": unit.get("id")})
        entries.append(
            Entry(
                key=unit.get("id") or "",
                source=inline_markup(source),
                target="" if target is None else inline_markup(target),
                needs_review=target is not None and target.get("state") in REVIEW_STATES,
                markup=True,
            )
        )
    if not entries:
        raise FileError(_("The file holds no entries."))
    return TranslatedFile(languages.pop(), entries)

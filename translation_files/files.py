"""Reading and writing translation files: what both formats share, and the choice of one."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

FORMATS = ("po", "xliff")
EXTENSIONS = {"po": "po", "xliff": "xlf"}
CONTENT_TYPES = {"po": "text/x-gettext-translation", "xliff": "application/xliff+xml"}


class FileError(ValueError):
    """A file that cannot be read as a translation file: nothing in it is applied."""


@dataclass
class Entry:
    """One entry read from a translated file: its unit key, the source text it was exported
    with, the translation, and whether the tool still marks it as needing review (PO "fuzzy",
    XLIFF state "needs-review-…"). `markup`: the texts are XML content (XLIFF), with &, < and
    > escaped and inline elements as placeholders."""

    key: str
    source: str
    target: str
    needs_review: bool = False
    markup: bool = False


@dataclass
class TranslatedFile:
    """A file read: its target language, as the file declares it, and its entries."""

    language: str
    entries: list


def context_lines(unit):
    """The unit's context, one line each, for the translator (PO comments, XLIFF notes)."""
    lines = [
        _("Kind: %(kind)s") % {"kind": unit.kind},
        _("Field: %(field)s") % {"field": unit.field_label},
        _("Object: %(name)s") % {"name": unit.object_name},
    ]
    if unit.address:
        lines.append(_("Public address: %(address)s") % {"address": unit.address})
    if unit.max_length:
        lines.append(_("At most %(count)s characters.") % {"count": unit.max_length})
    if unit.rich:
        lines.append(
            _(
                "Formatted text: keep each <g id=…>…</g> and <x id=…/> placeholder, around "
                "the same words."
            )
        )
    return lines


def write(units, language, file_format):
    """The file for `units` in `language`, as bytes (UTF-8)."""
    from . import po, xliff

    writer = {"po": po.write, "xliff": xliff.write}[file_format]
    # The context in the language the translator reads.
    with translation.override(language):
        return writer(units, language)


def read(data, filename=""):
    """A TranslatedFile from the bytes of a PO or XLIFF file (told apart by their content).

    Raises FileError for anything else, or a file either reader refuses."""
    from . import po, xliff

    start = data.lstrip()[:200]
    if start.startswith(b"<"):
        return xliff.read(data)
    if filename.lower().endswith((".xlf", ".xliff")):
        raise FileError(_("This is not an XLIFF file."))
    return po.read(data)

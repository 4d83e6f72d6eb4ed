"""PO files (gettext), read and written with polib, as Poedit, Weblate and OmegaT use them.

One entry per unit: `msgctxt` its key, `msgid` the source text, `msgstr` the translation; the
context in extracted comments (`#.`); an outdated translation is "fuzzy" with the source text it
was made from as the previous `msgid` (`#| msgid`), which Poedit and Weblate show as a diff.
"""

import polib
from django.utils import timezone
from django.utils.translation import gettext as _

from multilingual.languages import SOURCE_LANGUAGE

from .files import Entry, FileError, TranslatedFile, context_lines


def write(units, language):
    """The PO file of `units`, for translation into `language`, as UTF-8 bytes."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "DEI site content",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": language,
        "X-Source-Language": SOURCE_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for unit in units:
        entry = polib.POEntry(
            msgctxt=unit.key,
            msgid=unit.source,
            msgstr=unit.target,
            comment="\n".join(context_lines(unit)),
        )
        if unit.previous is not None:
            entry.flags.append("fuzzy")
            entry.previous_msgid = unit.previous
        catalogue.append(entry)
    return str(catalogue).encode()


def read(data):
    """A TranslatedFile from a PO file's bytes. Raises FileError when polib cannot read it or
    it names no language."""
    try:
        text = data.decode("utf-8")
        catalogue = polib.pofile(text, wrapwidth=0)
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise FileError(
            _("This is not a PO file polib can read: %(error)s") % {"error": error}
        ) from error
    language = (catalogue.metadata.get("Language") or "").strip().replace("_", "-").lower()
    if not language:
        raise FileError(_("The file does not say which language it is in (its Language header)."))
    if not len(catalogue):
        raise FileError(_("The file holds no entries."))
    entries = [
        Entry(
            key=entry.msgctxt or "",
            source=entry.msgid,
            target=entry.msgstr,
            needs_review="fuzzy" in entry.flags,
        )
        for entry in catalogue
        if not entry.obsolete
    ]
    return TranslatedFile(language, entries)

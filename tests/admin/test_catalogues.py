"""Every admin string we show is in French and Spanish: ours, and those of the dependencies
whose catalogues lack them (django-reversion, django-reversion-compare, django-axes), which our
catalogues supply. Django falls back to French where Spanish is missing: that counts as missing.
"""

import re
from pathlib import Path

import axes
import pytest
import reversion
import reversion_compare
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent.parent
OUR_APPS = ("editing", "organisations", "partners", "stats", "multilingual", "pages")

# A one-literal gettext call, in Python or in a Django template tag.
PYTHON = re.compile(r"""\b_\(\s*"([^"\\\n]+)"\s*[,)]""")
TEMPLATE = re.compile(r"""\{%\s*(?:trans|translate)\s+(["'])(.+?)\1""")
BLOCK = re.compile(r"\{%\s*blocktrans(?:late)?\s+trimmed[^%]*%\}(.*?)\{%", re.S)

# Words French writes as English does, and Spanish as English or French does: not missing.
SAME_IN_FRENCH = {
    "Action",
    "Date",
    "Source %(number)s",
    "action",
    "date",
    "page",
    "pages",
    "pages/",
    "Actions",
    "Collaboration",
    "Organisations",
    "Pages",
    "Publication",
    "Source",
    "description",
    "licence",
    "logo",
    "note",
    "organisation",
    "organisations",
    "slug",
    "source",
    "version",
    "versions",
    "publication",
    "Note:",
}
SAME_IN_SPANISH = {"General", "NGO", "No", "slug", "{language}: {state}"}


def strings_in(paths, patterns):
    found = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            for match in pattern.findall(text):
                found.add(match[-1] if isinstance(match, tuple) else match)
    return found


def trimmed(text):
    return re.sub(r"\{\{\s*(\w+)[^}]*\}\}", r"%(\1)s", " ".join(text.split()))


def untranslated(strings):
    """{language: sorted strings} that read in English, or in French on a Spanish page."""
    missing = {}
    for msgid in strings:
        with translation.override("fr"):
            french = translation.gettext(msgid)
        with translation.override("es"):
            spanish = translation.gettext(msgid)
        if french == msgid and msgid not in SAME_IN_FRENCH:
            missing.setdefault("fr", []).append(msgid)
        if spanish in (msgid, french) and msgid not in SAME_IN_SPANISH:
            missing.setdefault("es", []).append(msgid)
    return {language: sorted(ids) for language, ids in missing.items()}


def test_our_admin_templates_and_python_strings_are_translated():
    python = [
        p for app in OUR_APPS for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts
    ]
    templates = list((ROOT / "templates").rglob("*.html"))
    strings = strings_in(python, [PYTHON]) | strings_in(templates, [TEMPLATE])
    strings |= {trimmed(t) for t in strings_in(templates, [BLOCK])}
    assert len(strings) > 150
    assert untranslated(strings) == {}


@pytest.mark.parametrize("package", [reversion, reversion_compare, axes])
def test_the_dependencies_admin_strings_are_translated(package):
    root = Path(package.__file__).parent
    files = [
        p
        for p in root.rglob("*")
        if p.suffix in (".py", ".html") and "tests" not in p.parts and "migrations" not in p.parts
    ]
    python = re.compile(r"""\b_\(\s*["']([^"'\\\n]+)["']\s*[,)]""")
    strings = strings_in(files, [python, TEMPLATE])
    assert strings
    assert untranslated(strings) == {}

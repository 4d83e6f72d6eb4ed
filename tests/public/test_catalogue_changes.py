"""A recompiled catalogue reaches the public pages without a restart, as it reaches the admin
(runserver reloads .mo files in place)."""

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.test import Client
from django.utils.autoreload import file_changed

from tests.conftest import make_partnership

pytestmark = pytest.mark.django_db


def compile_french(folder, translations):
    catalog = Catalog(locale="fr")
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    path = Path(folder) / "fr" / "LC_MESSAGES" / "django.mo"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as mo:
        write_mo(mo, catalog)
    return path


def test_a_recompiled_catalogue_reaches_the_public_pages_without_a_restart(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 0  # the page cache keeps whole pages; here, each is rendered
    make_partnership(since_year=1998)
    visitor = Client()
    page = visitor.get("/fr/partenaires/").content.decode()
    assert "<h1>Nos partenaires</h1>" in page and "Depuis 1998" in page

    # A translator's own catalogue, first in LOCALE_PATHS (a settings change, as in tests)…
    mo = compile_french(tmp_path, {"Our partners": "Partenaires", "Since %(year)s": "Dès %(year)s"})
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    page = visitor.get("/fr/partenaires/").content.decode()
    assert "<h1>Partenaires</h1>" in page and "Dès 1998" in page

    # …then recompiled while the site runs: runserver's reloader says which file changed.
    compile_french(
        tmp_path, {"Our partners": "Nos alliés", "Since %(year)s": "Depuis l’an %(year)s"}
    )
    file_changed.send(sender=None, file_path=mo)
    page = visitor.get("/fr/partenaires/").content.decode()
    assert "<h1>Nos alliés</h1>" in page and "Depuis l’an 1998" in page

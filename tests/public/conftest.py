import pytest
from django.core.management import call_command

PAGES = {
    # page: its path in French, English and Spanish
    "home": ("/fr/", "/en/", "/es/"),
    "partners": ("/fr/partenaires/", "/en/partners/", "/es/socios/"),
    "figures": ("/fr/chiffres-cles/", "/en/key-figures/", "/es/cifras-clave/"),
    "about": ("/fr/a-propos/", "/en/about/", "/es/acerca-de/"),
    "search": ("/fr/recherche/", "/en/search/", "/es/buscar/"),
    "ilo": ("/fr/organisations/oit/", "/en/organisations/ilo/", "/es/organizaciones/oit/"),
}
LANGUAGES = ("fr", "en", "es")


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

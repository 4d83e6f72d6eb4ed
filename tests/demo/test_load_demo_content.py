"""The demo loader brings in everything of the brief, in three languages, and only once."""

import pytest
from django.core.management import call_command

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en", "es")
TRANSLATED = {
    Organisation: ("name", "slug", "summary", "description"),
    Partnership: ("role", "description", "benefits"),
    KeyFigure: ("label", "scope"),
}


@pytest.fixture
def loaded():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_it_loads_dei_its_belgian_section_ecpat_and_every_partner(loaded):
    acronyms = set(Organisation.objects.values_list("acronym_en", flat=True))
    assert {"DCI", "DCI-Belgium", "ECOSOC", "UNICEF", "UNESCO", "ILO", "FRA", "IPJJ"} <= acronyms
    assert {"INCO", "ACPF"} <= acronyms
    names = set(Organisation.objects.values_list("name_en", flat=True))
    assert {"ECPAT International", "Child Rights Connect", "Council of Europe"} <= names
    assert Organisation.objects.get(acronym_fr="DEI-Belgique").parent.acronym_fr == "DEI"


def test_every_relationship_of_the_brief_is_there(loaded):
    kinds = sorted(
        Partnership.objects.filter(organisation__acronym_en="IPJJ").values_list("kind", flat=True)
    )
    assert kinds == ["hosting", "steering_committee"]
    assert Partnership.objects.count() == 14
    ecosoc = ConsultativeStatus.objects.get(partnership__organisation__acronym_en="ECOSOC")
    assert (ecosoc.partnership.since_year, ecosoc.granted_year) == (1993, 1993)
    acpf = Partnership.objects.get(organisation__acronym_en="ACPF")
    assert (acpf.kind, acpf.since_year) == ("agreement", 2012)


def test_every_figure_of_the_brief_is_there_with_its_source_or_marked_missing(loaded):
    assert KeyFigure.objects.count() == 11
    ilo = KeyFigure.objects.get(key="children-sexually-exploited-yearly")
    assert (ilo.value, ilo.year, ilo.source_organisation.acronym_en) == (1200000, 2017, "ILO")
    assert KeyFigure.objects.missing_source().count() == 4
    ratio = KeyFigure.objects.get(kind="ratio")
    assert (ratio.value, ratio.ratio_total) == (7, 10)


def test_no_text_is_left_untranslated(loaded):
    for model, fields in TRANSLATED.items():
        for obj in model.objects.all():
            for field in fields:
                texts = [getattr(obj, f"{field}_{lang}") for lang in LANGUAGES]
                assert all(texts), f"{model.__name__} {obj.pk}: {field} {texts}"


def test_loading_twice_creates_nothing_more(loaded):
    counts = [m.objects.count() for m in (Organisation, Partnership, ConsultativeStatus, KeyFigure)]
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    again = [m.objects.count() for m in (Organisation, Partnership, ConsultativeStatus, KeyFigure)]
    assert again == counts


def test_loading_again_never_overwrites_what_staff_edited(loaded):
    unicef = Organisation.objects.get(acronym_en="UNICEF")
    unicef.summary_fr = "Résumé réécrit par l’équipe."
    unicef.slug_fr = "unicef-nouveau"
    unicef.save()
    figure = KeyFigure.objects.get(key="children-sexually-exploited-yearly")
    figure.is_published = False
    figure.save()

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Organisation.objects.filter(acronym_en="UNICEF").count() == 1
    assert (
        Organisation.objects.get(acronym_en="UNICEF").summary_fr == "Résumé réécrit par l’équipe."
    )
    assert not KeyFigure.objects.get(key="children-sexually-exploited-yearly").is_published

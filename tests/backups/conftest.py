"""Content that uses every feature a copy must keep, and a picture of every column of it."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from backups.content import content_models
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure, OpenDataSettings
from tests.conftest import image_bytes, make_figure, make_organisation, make_partnership
from tests.pages.conftest import make_page

LONG_AGO = datetime(2019, 3, 4, 5, 6, 7, 891011, tzinfo=UTC)
NEXT_YEAR = datetime(datetime.now().year + 1, 1, 15, 8, 30, tzinfo=UTC)
LATER = datetime(datetime.now().year + 2, 6, 1, tzinfo=UTC)


def every_row():
    """Every concrete column of every row of every content model, as the site reads it: a field
    added later is compared without touching the tests."""
    return {
        model._meta.label: [
            {field.attname: field.value_from_object(obj) for field in model._meta.concrete_fields}
            for obj in model._base_manager.order_by("pk")
        ]
        for model in content_models()
    }


def empty_the_content():
    """As in a new database: no content, and the tables' counters back at 1."""
    models = content_models()
    with connection.cursor() as cursor:
        for model in reversed(models):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        # By name, on both engines: SQLite's AUTOINCREMENT counters (sqlite_sequence) keep
        # counting after rows that earlier tests committed were flushed away.
        sequences = [
            sequence
            for model in models
            for sequence in connection.introspection.get_sequences(
                cursor, model._meta.db_table, model._meta.local_fields
            )
        ]
        for sql in connection.ops.sequence_reset_by_name_sql(no_style(), sequences):
            cursor.execute(sql)


def export_then_start_afresh(path):
    call_command("export_content", str(path))
    empty_the_content()


@pytest.fixture
def rich_content(db):
    """Three languages, a parent and a child, drafts, schedules, an order, a logo, an old address,
    a consultative status, figures with their sources, and dates set long ago."""
    # Numbered from 1, as in a new database, so that a key reused after import would collide.
    empty_the_content()
    un = make_organisation(
        name_fr="Organisation des Nations unies",
        name_en="United Nations",
        name_es="Organización de las Naciones Unidas",
        acronym_fr="ONU",
        acronym_en="UN",
        acronym_es="ONU",
        slug_fr="onu",
        slug_en="un-organisation",
        slug_es="onu",
        summary_fr="L’organisation des États.",
        summary_en="The organisation of States.",
        summary_es="La organización de los Estados.",
        description_fr="Premier paragraphe.\n\nSecond paragraphe.",
        description_en="First paragraph.",
        kind="un_principal_organ",
        website="https://www.un.org/",
        logo=SimpleUploadedFile("un.png", image_bytes(), content_type="image/png"),
        founded_year=1945,
        headquarters_city_fr="New York",
        headquarters_city_es="Nueva York",
        headquarters_country="US",
        member_count=193,
    )
    # A changed slug leaves its old address behind (a SlugRedirect).
    un.slug_en = "un"
    un.save()
    unicef = make_organisation(
        name_fr="Fonds des Nations unies pour l’enfance",
        name_en="United Nations Children’s Fund",
        slug_fr="unicef",
        slug_en="unicef",
        kind="un_fund_programme",
        parent=un,
        is_published=False,
        publish_at=NEXT_YEAR,
        expire_at=LATER,
        member_country_count=190,
        members_note_fr="Comités nationaux",
    )

    ecosoc = make_partnership(
        un,
        kind=Partnership.Kind.CONSULTATIVE_STATUS,
        since_year=1993,
        role_fr="Statut consultatif",
        role_en="Consultative status",
        role_es="Estatuto consultivo",
        benefits_fr="Assister aux réunions\nSoumettre des déclarations",
        evidence_url="https://esango.un.org/",
        order=20,
    )
    make_partnership(unicef, since_year=2001, until_year=2010, order=10, is_published=False)
    ConsultativeStatus.objects.create(
        partnership=ecosoc,
        category=ConsultativeStatus.Category.SPECIAL,
        granted_year=1993,
        privileges_fr="Soumettre des déclarations écrites",
        privileges_en="Submit written statements",
        privileges_es="Presentar declaraciones escritas",
    )
    make_figure(
        key="children-exploited",
        qualifier=KeyFigure.Qualifier.MORE_THAN,
        value=Decimal("1200000.50"),
        label_fr="enfants exploités",
        label_en="children exploited",
        label_es="niños explotados",
        scope_fr="Europe",
        note_en="some as young as 6",
        year=2017,
        about_organisation=unicef,
        source_organisation=un,
        source_title_fr="Rapport mondial",
        source_title_en="World report",
        source_url="https://www.un.org/report",
        order=2,
    )
    make_figure(kind=KeyFigure.Kind.RATIO, value=1, ratio_total=5, order=1)
    make_figure(kind=KeyFigure.Kind.DATED_FACT, value=None, year=1989, is_published=False)
    OpenDataSettings.objects.create(
        licence_name_fr="Licence Ouverte 2.0",
        licence_name_en="Open Licence 2.0",
        licence_url="https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    )
    # A page whose text links to a body and shows a figure, in the menu, with an old address;
    # and a draft introduction.
    # Not "children-exploited": test_backup_restore deletes that one, which a page would protect.
    figure = KeyFigure.objects.get(kind=KeyFigure.Kind.RATIO)
    about = make_page(
        title_fr="À propos",
        title_en="About",
        slug_fr="a-propos",
        slug_en="about-us",
        summary_fr="Qui nous sommes.",
        summary_en="Who we are.",
        body_fr=f'<h2>DEI</h2><p><a href="#" data-organisation="{un.pk}">L’ONU</a> et '
        f'<span data-figure="{figure.pk}">x</span>.</p>',
        body_en=f'<p><a href="#" data-organisation="{un.pk}">The UN</a>.</p>',
        placement=Page.Placement.ABOUT,
    )
    about.slug_en = "about"
    about.save()
    NavigationItem.objects.create(page=about, order=1)
    make_page(placement=Page.Placement.HOME, is_published=False, publish_at=NEXT_YEAR)
    for model in content_models():
        model._base_manager.update(created_at=LONG_AGO)
        if any(field.name == "updated_at" for field in model._meta.concrete_fields):
            model._base_manager.update(updated_at=LONG_AGO.replace(year=2021))
    KeyFigure.objects.filter(key="children-exploited").update(translated_at_es=None)
    return un

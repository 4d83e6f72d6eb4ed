"""The bad input the issue names, typed into the admin's real forms (django-webtest): each is
refused with the exact message staff read, in their language, and nothing is saved."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from webtest import Upload as WebtestUpload

from organisations.models import Organisation
from organisations.validators import next_year
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure
from tests.admin.forms import FIGURE_VALUES
from tests.conftest import image_bytes, make_figure, make_organisation, make_partnership
from tests.reliability.admin_errors import (
    LANGUAGES,
    assert_refused,
    assert_refused_with,
    place,
    place_of,
    submit_in,
    with_value,
)
from tests.reliability.admin_pages import MODES, snapshot
from tests.reliability.bad_values import BOMB, SCRIPT, SVG, Upload, padded_png
from tests.webforms import type_into

pytestmark = pytest.mark.django_db

KIND_LOCKED = (
    "This partnership has a consultative status: delete the status first, then change the kind."
)


def datetime_of(day, time):
    return {"_0": day, "_1": time}


SVG_REFUSED_FR = (
    "Les logos SVG sont refusés : un fichier SVG peut contenir des scripts qui s’exécuteraient "
    "dans le navigateur des visiteurs. Exportez le logo en image PNG (avec un fond transparent "
    "s’il en a un) et envoyez-la à la place."
)
NOT_AN_IMAGE = {
    "fr": "Téléversez une image valide. Le fichier que vous avez transféré n’est pas une image ou "
    "bien est corrompu.",
    "en": "Upload a valid image. The file you uploaded was either not an image or a corrupted "
    "image.",
}
NO_SUCH_CHOICE = {
    "fr": "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
    "en": "Select a valid choice. That choice is not one of the available choices.",
}
# fmt: off
EXACT_CASES = {
    # Each case: page, form, staff language, {field: typed value}, and the message on the last
    # field typed ("partnerships-0-kind" is the first row of an inline).
    "too-long": (Organisation, "add", "fr", {"name_fr": "x" * 201},
        "Assurez-vous que cette valeur comporte au plus 200 caractères (actuellement 201)."),
    "too-long-identifier": (KeyFigure, "change", "en", {"key": "k" * 101},
        "Ensure this value has at most 100 characters (it has 101)."),
    "letters-in-a-year": (Organisation, "change", "es", {"founded_year": "mil novecientos"},
        "Introduzca un número entero."),
    "a-bad-date": (Partnership, "add", "en", {"publish_at": datetime_of("2024-02-30", "10:00")},
        "Enter a valid date."),
    "negative": (Organisation, "add", "fr", {"member_count": "-5"},
        "Assurez-vous que cette valeur est supérieure ou égale à 0."),
    "year-1800": (Organisation, "change", "fr", {"founded_year": "1800"},
        "Saisissez une année postérieure ou égale à 1900."),
    "year-far-future": (Partnership, "change", "es", {"since_year": "3000"},
        f"Introduzca un año no posterior a {next_year()}."),
    "expiry-in-year-1": (KeyFigure, "add", "en", {"expire_at": datetime_of("0001-01-01", "00:00")},
        "Ensure this value is greater than or equal to 1900-01-01."),
    "expiry-before-go-live": (Organisation, "change", "es", {
        "publish_at": datetime_of("2025-06-02", "10:00"),
        "expire_at": datetime_of("2025-06-01", "10:00")},
        "La caducidad debe ser posterior a la fecha y hora de publicación."),
    "missing-french-name": (Organisation, "add", "en", {"name_fr": ""},
        "This field is required."),
    "missing-french-label": (KeyFigure, "change", "es", {"label_fr": "   "},
        "Este campo es obligatorio."),
    "script-in-a-slug": (Organisation, "add", "fr", {"slug_fr": SCRIPT},
        "Ce champ ne doit contenir que des lettres, des nombres, des tirets bas (_) et des "
        "traits d’union."),
    "text-named-logo-png": (Organisation, "add", "en",
        {"logo": Upload("logo.png", b"Plain text, named logo.png")}, NOT_AN_IMAGE["en"]),
    "svg-with-a-script": (Organisation, "change", "fr", {"logo": Upload("logo.svg", SVG)},
        SVG_REFUSED_FR),
    "svg-named-logo-png": (Organisation, "add", "fr", {"logo": Upload("logo.png", SVG)},
        SVG_REFUSED_FR),
    "a-gif": (Organisation, "add", "es", {"logo": Upload("logo.gif", image_bytes("GIF"))},
        "Suba una imagen PNG, JPEG o WebP. No se aceptan otros formatos, incluido SVG."),
    "a-logo-over-2-mb": (Organisation, "change", "fr",
        {"logo": Upload("logo.png", padded_png(2.5))},
        "Le logo fait 2,5 Mo ; il doit faire moins de 2 Mo."),
    "a-decompression-bomb": (Organisation, "add", "en", {"logo": Upload("logo.png", BOMB)},
        "The image is too large in pixels: at most 40 megapixels, such as 7,000 × 5,700. "
        "Reduce it in an image editor and upload it again."),
    "javascript-url": (Organisation, "add", "fr", {"website": "javascript:alert(1)"},
        "Saisissez une URL valide."),
    "ftp-url": (KeyFigure, "add", "en", {"source_url": "ftp://example.org/report.pdf"},
        "Enter a web address that starts with http:// or https://."),
    "ftp-url-in-an-inline": (Organisation, "change", "es",
        {"partnerships-0-evidence_url": "ftp://example.org/"},
        "Introduzca una dirección web que empiece por http:// o https://."),
    "bad-choice": (Organisation, "add", "en", {"kind": "evil"},
        "Select a valid choice. evil is not one of the available choices."),
    "bad-choice-in-an-inline": (Partnership, "change", "fr",
        {"consultative_status-0-category": "honorary"},
        "Sélectionnez un choix valide. honorary n’en fait pas partie."),
    "nonexistent-organisation": (Partnership, "add", "fr", {"organisation": "999999"},
        NO_SUCH_CHOICE["fr"]),
    "letters-for-an-organisation": (KeyFigure, "change", "en", {"source_organisation": "abc"},
        NO_SUCH_CHOICE["en"]),
    "end-before-start-in-an-inline": (Organisation, "add", "es",
        {"partnerships-0-since_year": "2012", "partnerships-0-until_year": "2010"},
        "El año de fin no puede ser anterior al año de inicio (2012)."),
    "negative-figure": (KeyFigure, "change", "en", {"value": "-3"},
        "A figure cannot be negative."),
}
# fmt: on


@pytest.mark.parametrize(
    ("model", "mode", "language", "typed", "message"),
    [pytest.param(*case, id=name) for name, case in EXACT_CASES.items()],
)
def test_a_named_bad_input_is_refused_with_its_message(
    pages, media_root, model, mode, language, typed, message
):
    form = pages(model, mode).form()
    for key, value in typed.items():
        with_value(form, key, value)
    before = snapshot(media_root)
    response = submit_in(form, language)
    assert_refused_with(response, {place_of(key): [message]}, language)
    assert snapshot(media_root) == before


SLUG_TAKEN = {
    "fr": "Une autre organisation a déjà ce slug.",
    "en": "Another organisation already has this slug.",
    "es": "Otra organización ya tiene este slug.",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_slug_another_organisation_has_in_that_language_is_refused(
    pages, media_root, language, mode
):
    make_organisation(name_fr="Autre", **{f"slug_{language}": "oit"})
    form = pages(Organisation, mode).form()
    type_into(form, f"slug_{language}", "oit")
    before = snapshot(media_root)
    response = submit_in(form, language)
    assert_refused_with(response, {place("", f"slug_{language}"): [SLUG_TAKEN[language]]}, language)
    assert snapshot(media_root) == before


@pytest.mark.parametrize("mode", MODES)
def test_an_identifier_another_figure_has_is_refused(pages, media_root, mode):
    make_figure(key=FIGURE_VALUES["key"])
    form = pages(KeyFigure, mode).form()
    before = snapshot(media_root)
    response = submit_in(form, "fr")
    message = "Un autre chiffre clé a déjà cet identifiant."
    assert_refused_with(response, {place("", "key"): [message]}, "fr")
    assert snapshot(media_root) == before


def test_a_second_status_for_one_partnership_is_refused(pages, media_root):
    taken = ConsultativeStatus.objects.create(
        partnership=make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS)
    )
    form = pages(ConsultativeStatus, "add").form()
    # A hand-made request: the list offers only partnerships that have no status yet.
    type_into(form, "partnership", str(taken.partnership_id))
    before = snapshot(media_root)
    response = submit_in(form, "es")
    message = "Esta alianza ya tiene un estatus consultivo."
    assert_refused_with(response, {place("", "partnership"): [message]}, "es")
    assert snapshot(media_root) == before


def test_a_status_for_a_partnership_of_another_kind_is_refused(pages, media_root):
    membership = make_partnership(kind=Partnership.Kind.MEMBERSHIP)
    form = pages(ConsultativeStatus, "change").form()
    type_into(form, "partnership", str(membership.pk))
    before = snapshot(media_root)
    response = submit_in(form, "en")
    assert_refused_with(response, {place("", "partnership"): [NO_SUCH_CHOICE["en"]]}, "en")
    assert snapshot(media_root) == before


def test_a_status_added_to_a_partnership_of_another_kind_is_refused_where_it_shows(
    pages, media_root
):
    form = pages(Partnership, "add").form()
    type_into(form, "kind", Partnership.Kind.COLLABORATION)
    before = snapshot(media_root)
    response = submit_in(form, "fr")
    # The status's partnership is the page itself, hidden: its error goes above the status.
    message = "Choisissez un partenariat de type « statut consultatif »."
    assert_refused_with(response, {("consultative_status", 0, "__all__"): [message]}, "fr")
    assert snapshot(media_root) == before


def test_the_kind_of_a_partnership_with_a_status_is_kept(pages, media_root):
    form = pages(Partnership, "change").form()
    type_into(form, "kind", Partnership.Kind.COLLABORATION)
    before = snapshot(media_root)
    response = submit_in(form, "en")
    status_kind = "Choose a partnership of the kind “consultative status”."
    errors = {
        place("", "kind"): [KIND_LOCKED],
        ("consultative_status", 0, "__all__"): [status_kind],
    }
    assert_refused_with(response, errors, "en")
    assert snapshot(media_root) == before


def test_the_kind_of_a_partnership_with_a_status_is_kept_on_its_organisations_page(
    pages, media_root
):
    # The status is not on this page: without the check, the kind would change beneath it.
    page = pages(Organisation, "change")
    ConsultativeStatus.objects.create(partnership=Partnership.objects.get())
    before = snapshot(media_root)
    response = submit_in(page.form(), "en")
    assert_refused_with(response, {place("partnerships", "kind"): [KIND_LOCKED]}, "en")
    assert snapshot(media_root) == before


def test_a_20_mb_logo_is_refused_from_a_file_on_disk_and_leaves_nothing(pages, media_root):
    form = pages(Organisation, "add").form()
    type_into(form, "logo", WebtestUpload("logo.png", padded_png(20)))
    before = snapshot(media_root)
    response = submit_in(form, "fr")
    message = "Le logo fait 20,0 Mo ; il doit faire moins de 2 Mo."
    assert_refused_with(response, {place("", "logo"): [message]}, "fr")
    assert snapshot(media_root) == before
    # Django spools an upload above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, never to
    # memory, and deletes it once the response is sent.
    upload = response.context["request"].FILES["logo"]
    assert isinstance(upload, TemporaryUploadedFile)
    assert not Path(upload.temporary_file_path()).exists()


@pytest.mark.parametrize("stamp", ["not a date", "2024-13-45T99:99"])
def test_a_tampered_edit_stamp_is_refused_where_it_can_be_read(pages, media_root, stamp):
    # The hidden stamp is not typed, but a hand-made POST can carry anything.
    form = pages(Organisation, "change").form()
    type_into(form, "opened_at", stamp)
    before = snapshot(media_root)
    response = submit_in(form, "en")
    assert_refused(response, [place("", "__all__")], "en")
    assert snapshot(media_root) == before

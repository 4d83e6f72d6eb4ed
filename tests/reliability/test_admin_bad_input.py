"""Bad input typed in the admin: every editable field of every content form refuses it with an
error on that very field, in the staff member's language, and nothing is saved half-way: no row,
no version in the history, no admin log line, no file under MEDIA_ROOT. Markup that is valid text
is saved as typed and shown as text on the public site.

The fields come from the admin's own forms, so a field added later is tested without anyone
listing it; a field of a kind these tests do not know stops the collection until they learn it.
Hypothesis draws the bad values, the same ones on every run; the cases after it pin the exact
messages.
"""

import re
import string
import struct
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from django import forms
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from reversion.models import Revision, Version

from editing.registry import is_stored_with_content, stored_with_content
from organisations.models import Organisation
from organisations.validators import FIRST_YEAR, YearMinValidator, next_year
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from sitecache.generation import GENERATION_KEY
from stats.models import KeyFigure, OpenDataSettings
from tests.admin.forms import (
    figure_form,
    inline_management,
    organisation_form,
    partnership_form,
    status_form,
)
from tests.conftest import image_bytes, make_figure, make_organisation, make_partnership
from tests.pages.conftest import make_page
from tests.pages.test_sanitising import page_form

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en", "es")
SCRIPT = "<script>alert(1)</script>"
KIND_LOCKED = (
    "This partnership has a consultative status: delete the status first, then change the kind."
)
# Messages read in English until their French and Spanish reach the catalogues: take each out
# of this set once it is translated.
AWAITING_TRANSLATION = set()

# Hypothesis: the same examples on every run and no example database. One page set-up serves
# every example of a test, as intended: each example must leave the database as it found it.
# No shrinking: each step would be an admin page rendered again, and a failure could take
# minutes to shrink; the failing example is reported as it was drawn.
GENERATED = settings(
    max_examples=2,
    phases=[Phase.explicit, Phase.generate],
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    """Hundreds of tests each sign an editor in: a slow password hash would cost a minute."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# What a save could leave behind -------------------------------------------------------------


def rows_of(model):
    rows = model._base_manager.order_by("pk")
    # The columns as stored: modeltranslation would read `slug` as the active language's slug.
    rows = rows.rewrite(False) if hasattr(rows, "rewrite") else rows
    return rows.values()


def snapshot(media_root):
    """Every row of content, the history, the admin log, the page cache's schedule and the
    uploaded files: equal before and after a refused or failed save."""
    rows = {model._meta.label: list(rows_of(model)) for model in stored_with_content()}
    return {
        **rows,
        "versions": Version.objects.count(),
        "revisions": Revision.objects.count(),
        "admin log": LogEntry.objects.count(),
        # A rolled-back save may draw a new cache token (a round of misses, nothing worse),
        # but must never make the page cache forget a scheduled change.
        "next scheduled change": (cache.get(GENERATION_KEY) or (None, None))[1],
        "files": sorted(
            str(path.relative_to(media_root))
            for path in Path(media_root).rglob("*")
            if path.is_file()
        ),
    }


# The admin pages, and what a browser posts to save each one unchanged ----------------------


def inline_row(prefix, **fields):
    return {f"{prefix}-0-{name}": str(value) for name, value in fields.items()}


PARTNERSHIP_ROW = {"kind": "membership", "role_fr": "Membre", "order": "3", "is_published": "on"}
STATUS_ROW = {"category": "special", "granted_year": "1993", "privileges_fr": "Assister"}


def organisation_page(mode):
    if mode == "add":
        return reverse("admin:organisations_organisation_add"), organisation_form(
            **inline_management("partnerships", total=1),
            **inline_row("partnerships", **PARTNERSHIP_ROW),
        )
    body = make_organisation()
    partnership = make_partnership(body)
    row = {**PARTNERSHIP_ROW, "id": partnership.pk, "organisation": body.pk}
    return reverse("admin:organisations_organisation_change", args=[body.pk]), organisation_form(
        **inline_management("partnerships", total=1, initial=1),
        **inline_row("partnerships", **row),
    )


def partnership_page(mode):
    body = make_organisation()
    if mode == "add":
        return reverse("admin:partners_partnership_add"), partnership_form(
            body,
            **inline_management("consultative_status", total=1),
            **inline_row("consultative_status", **STATUS_ROW),
        )
    partnership = make_partnership(body, kind=Partnership.Kind.CONSULTATIVE_STATUS)
    status = ConsultativeStatus.objects.create(partnership=partnership, category="roster")
    row = {**STATUS_ROW, "id": status.pk, "partnership": partnership.pk}
    return reverse("admin:partners_partnership_change", args=[partnership.pk]), partnership_form(
        body,
        **inline_management("consultative_status", total=1, initial=1),
        **inline_row("consultative_status", **row),
    )


def status_page(mode):
    partnership = make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS)
    if mode == "add":
        return reverse("admin:partners_consultativestatus_add"), status_form(partnership)
    status = ConsultativeStatus.objects.create(partnership=partnership, category="roster")
    url = reverse("admin:partners_consultativestatus_change", args=[status.pk])
    return url, status_form(partnership)


def figure_page(mode):
    if mode == "add":
        return reverse("admin:statistics_keyfigure_add"), figure_form()
    figure = make_figure()
    return reverse("admin:statistics_keyfigure_change", args=[figure.pk]), figure_form()


def open_data_settings_page(mode):
    data = {"licence_name_fr": "CC BY 4.0", "licence_url": OpenDataSettings.DEFAULT_LICENCE_URL}
    if mode == "add":
        return reverse("admin:statistics_opendatasettings_add"), data
    settings_row = OpenDataSettings.objects.create()
    return reverse("admin:statistics_opendatasettings_change", args=[settings_row.pk]), data


def page_page(mode):
    data = page_form()
    if mode == "add":
        return reverse("admin:pages_page_add"), data
    page = make_page()
    return reverse("admin:pages_page_change", args=[page.pk]), data


def menu_item_page(mode):
    page = make_page()
    if mode == "add":
        return reverse("admin:pages_navigationitem_add"), {"page": str(page.pk), "order": "1"}
    item = NavigationItem.objects.create(page=page)
    url = reverse("admin:pages_navigationitem_change", args=[item.pk])
    return url, {"page": str(page.pk), "order": "1"}


PAGES = {
    Organisation: organisation_page,
    Partnership: partnership_page,
    ConsultativeStatus: status_page,
    KeyFigure: figure_page,
    OpenDataSettings: open_data_settings_page,
    Page: page_page,
    NavigationItem: menu_item_page,
}
MODES = ("add", "change")


@pytest.fixture
def pages(db):
    """page(model, mode) -> (url, data), built once per test and shared by its examples."""
    built = {}

    def page(model, mode):
        if (model, mode) not in built:
            built[model, mode] = PAGES[model](mode)
        return built[model, mode]

    return page


# Bad values for each kind of form field ------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes = field(repr=False)

    def file(self):
        return SimpleUploadedFile(self.name, self.content)


def png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


# A PNG that claims 30,000 × 30,000 pixels: refused from its header (a decompression bomb).
BOMB = (
    b"\x89PNG\r\n\x1a\n"
    + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 30_000, 30_000, 8, 2, 0, 0, 0))
    + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
    + png_chunk(b"IEND", b"")
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def padded_png(megabytes):
    """A real PNG followed by padding: an image to Pillow, and as heavy as asked."""
    return image_bytes() + b"\0" * int(megabytes * 1024 * 1024)


BAD_LOGOS = (
    Upload("logo.png", b"This is not an image, whatever its name says."),
    Upload("logo.png", SVG),
    Upload("logo.svg", SVG),
    Upload("logo.svg", image_bytes()),
    Upload("logo.gif", image_bytes("GIF")),
    Upload("logo.png", BOMB),
    Upload("logo.png", padded_png(2.5)),
    Upload("logo.png", b""),
    Upload("l" * 120 + ".png", image_bytes()),
)

VISIBLE = st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
GARBAGE = st.text(alphabet=string.ascii_letters + "<>/&\"' -", min_size=1).filter(str.strip)
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def too_long(max_length):
    filler = st.text(VISIBLE, min_size=max(0, max_length + 1 - len(SCRIPT)), max_size=max_length)
    return filler.map(lambda text: SCRIPT + text)


def with_null_character():
    halves = st.tuples(st.text(VISIBLE, max_size=10), st.text(VISIBLE, max_size=10))
    return halves.map(lambda pair: "\x00".join(pair))


def bad_datetimes():
    """{suffix: value} for a split date and time: publish_at_0 and publish_at_1."""
    day = "2025-06-01"
    return st.one_of(
        st.sampled_from(["2025-02-29", "2024-02-30", "2024-13-01", "31/31/2024", "demain"]).map(
            lambda bad_day: {"_0": bad_day, "_1": "10:00"}
        ),
        st.sampled_from(["25:00", "10:60", "midi"]).map(lambda bad: {"_0": day, "_1": bad}),
        st.sampled_from([{"_0": day, "_1": ""}, {"_0": "", "_1": "10:00"}]),
        # Times the clocks skip and repeat in Brussels.
        st.sampled_from([{"_0": "2025-03-30", "_1": "02:30"}, {"_0": "2025-10-26", "_1": "02:30"}]),
        st.dates(max_value=date(FIRST_YEAR - 1, 12, 31)).map(
            lambda early: {"_0": early.isoformat(), "_1": "00:00"}
        ),
    )


def bad_dates():
    """Days that do not exist, are not days, come before 1900 or after today."""
    return st.one_of(
        st.sampled_from(["2025-02-29", "2024-02-30", "2024-13-01", "31/31/2024", "demain"]),
        st.dates(max_value=date(1899, 12, 31)).map(date.isoformat),
        st.dates(min_value=date.today() + timedelta(days=2)).map(date.isoformat),
    )


def bad_integers(model_field):
    if any(isinstance(v, YearMinValidator) for v in model_field.validators):
        out_of_range = st.integers(max_value=FIRST_YEAR - 1) | st.integers(
            min_value=next_year() + 1
        )
    else:
        # Negative, or more than any database column holds.
        out_of_range = st.integers(max_value=-1) | st.integers(min_value=2**63)
    fractions = st.integers().map(lambda n: f"{n}.5")
    return st.one_of(out_of_range.map(str), GARBAGE, fractions)


def bad_decimals():
    return st.one_of(
        GARBAGE,
        st.integers(max_value=-1).map(str),
        st.integers(min_value=10**12).map(str),  # more than 12 digits before the point
        st.integers(min_value=0).map(lambda n: f"{n}.125"),  # more than 2 after it
    )


def bad_urls():
    return st.one_of(
        st.sampled_from(
            [
                "javascript:alert(1)",
                "ftp://example.org/",
                f"data:text/html,{SCRIPT}",
                "file:///etc/passwd",
                "vbscript:msgbox(1)",
                "mailto:someone@example.org",
            ]
        ),
        st.text(string.ascii_lowercase, min_size=1).map(lambda host: f"https://{host} {host}/"),
    )


def bad_choices(form_field):
    valid = {str(value) for value, _label in form_field.choices}
    return st.one_of(st.just(SCRIPT), st.text(min_size=1).filter(lambda text: text not in valid))


def bad_keys():
    """Ids of no object, or that cannot be ids at all."""
    return st.one_of(
        st.integers(min_value=10**6).map(str),
        st.integers(max_value=0).map(str),
        GARBAGE,
        st.just(SCRIPT),
    )


def bad_values(form_field, model_field):
    """A strategy of values the field must refuse: a string, {suffix: string} or an Upload."""
    options = []
    if form_field.required:
        options.append(st.sampled_from(["", "   "]))
    if isinstance(form_field, forms.ImageField):
        options += [
            st.sampled_from(BAD_LOGOS),
            st.binary(max_size=64).map(lambda b: Upload("logo.png", b)),
        ]
    elif isinstance(form_field, forms.SplitDateTimeField):
        options.append(bad_datetimes())
    elif isinstance(form_field, forms.DateField):
        options.append(bad_dates())
    elif isinstance(form_field, forms.ModelChoiceField):
        options.append(bad_keys())
    elif isinstance(form_field, forms.ChoiceField):
        options.append(bad_choices(form_field))
    elif isinstance(form_field, forms.DecimalField):
        options.append(bad_decimals())
    elif isinstance(form_field, forms.IntegerField):
        options.append(bad_integers(model_field))
    elif isinstance(form_field, forms.CharField):
        options.append(with_null_character())
        if form_field.max_length:
            options.append(too_long(form_field.max_length))
        if isinstance(form_field, forms.SlugField):
            options.append(
                st.text(min_size=1).filter(lambda s: s.strip() and not SLUG.fullmatch(s.strip()))
            )
        if isinstance(form_field, forms.URLField):
            options.append(bad_urls())
    if not options:
        raise LookupError(f"No bad value known for {type(form_field).__name__} {model_field}")
    return st.one_of(options)


# Every editable field of every content admin -------------------------------------------------

# A checkbox is ticked or not: no value of it can be wrong.
ACCEPTS_ANY_VALUE = (forms.BooleanField,)
# The edit-conflict stamp is hidden and never typed; a tampered one is a case of its own below.
HIDDEN_STAMP = "opened_at"


def admin_forms():
    """(model, inline prefix or "", form class) for each content admin's form and inlines, with
    every field someone with all rights sees."""
    request = RequestFactory().get("/")
    request.user = User(username="everything", is_staff=True, is_superuser=True, is_active=True)
    for model, model_admin in admin.site._registry.items():
        if is_stored_with_content(model):
            yield model, "", model_admin.get_form(request)
            for inline in model_admin.get_inline_instances(request):
                formset = inline.get_formset(request)
                yield model, formset.get_default_prefix(), formset.form


def field_cases():
    for model, prefix, form in admin_forms():
        for name, form_field in form.base_fields.items():
            if name == HIDDEN_STAMP or isinstance(form_field, ACCEPTS_ANY_VALUE):
                continue
            model_field = form._meta.model._meta.get_field(name)
            yield pytest.param(
                model,
                prefix,
                name,
                bad_values(form_field, model_field),
                id=f"{model._meta.model_name}-{prefix or 'form'}-{name}",
            )


FIELD_CASES = list(field_cases())


def test_the_cases_cover_every_field_of_every_content_admin():
    models = {case.values[0] for case in FIELD_CASES}
    assert models == {m for m in admin.site._registry if is_stored_with_content(m)}
    assert models <= set(PAGES), "a new admin page needs a builder in PAGES"
    # 99 fields today, each language's column counted; fewer means a form lost fields.
    assert len(FIELD_CASES) >= 99


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("model", list(PAGES))
def test_each_page_saves_while_no_field_is_spoiled(editor_client, pages, model, mode):
    # Otherwise an error on another field, or on none, could hide behind the one tested.
    url, data = pages(model, mode)
    assert editor_client.post(url, data).status_code == 302


# Posting, and what the staff member sees ------------------------------------------------------


def with_value(data, key, value):
    """The form's data with `value` typed in the field posted as `key`."""
    data = dict(data)
    if isinstance(value, Upload):
        data[key] = value.file()
    elif isinstance(value, dict):
        data.update({key + suffix: part for suffix, part in value.items()})
    else:
        data[key] = value
    return data


def post_in(client, url, data, language, via="header"):
    """POST as a browser set to `language`, or as staff who chose it in the admin (a cookie)."""
    if via == "header":
        return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    try:
        return client.post(url, data)
    finally:
        del client.cookies[django_settings.LANGUAGE_COOKIE_NAME]


def every_error(response):
    """{(inline prefix or "", row, field): [ValidationError]}: the page's form and inline rows."""
    found = {
        ("", None, name): errors
        for name, errors in response.context["adminform"].form.errors.as_data().items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if formset.non_form_errors():
            found[formset.prefix, None, "__all__"] = formset.non_form_errors().as_data()
        for row, form in enumerate(formset.forms):
            for name, errors in form.errors.as_data().items():
                found[formset.prefix, row, name] = errors
    return found


def rendered(error, language):
    with translation.override(language):
        return next(iter(error))


def assert_shown_in(html, errors, language):
    """Each message is on the page as `language` words it, and that language really has it: a
    missing translation would show the English, or in Spanish the French. Returns how many
    messages could be checked in all three languages (those not worded before this check)."""
    checked = 0
    for error in errors:
        assert conditional_escape(rendered(error, language)) in html
        if isinstance(error.message, Promise) and rendered(error, "en") not in AWAITING_TRANSLATION:
            wordings = {rendered(error, other) for other in LANGUAGES}
            assert len(wordings) == len(LANGUAGES), wordings
            checked += 1
    return checked


def place(prefix, name):
    """Where an error on `name` belongs: the page's form, or the first row of inline `prefix`."""
    return (prefix, 0 if prefix else None, name)


def assert_refused(response, places, language):
    """The page comes back in `language` with errors on `places` and nowhere else."""
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    errors = every_error(response)
    assert set(errors) == set(places)
    assert SCRIPT not in html  # what was typed comes back as text, never as markup
    return sum(assert_shown_in(html, errors[where], language) for where in places)


def draw_language(data):
    language = data.draw(st.sampled_from(LANGUAGES), label="language")
    return language, data.draw(st.sampled_from(["header", "cookie"]), label="language from")


@pytest.mark.parametrize(("model", "prefix", "name", "values"), FIELD_CASES)
@given(data=st.data())
@GENERATED
def test_a_bad_value_is_refused_on_its_field_in_the_staffs_language_and_nothing_is_saved(
    editor_client, pages, media_root, model, prefix, name, values, data
):
    url, form = pages(model, data.draw(st.sampled_from(MODES), label="form"))
    value = data.draw(values, label="value")
    language, via = draw_language(data)
    key = f"{prefix}-0-{name}" if prefix else name
    before = snapshot(media_root)
    response = post_in(editor_client, url, with_value(form, key, value), language, via)
    assert assert_refused(response, [place(prefix, name)], language) >= 1
    assert snapshot(media_root) == before


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("model", list(PAGES))
@given(data=st.data())
@GENERATED
def test_bad_values_in_every_field_at_once_are_each_refused_on_their_own_field(
    editor_client, pages, media_root, model, mode, data
):
    # The test above spoils one field of a form drawn at random; this one spoils every field of
    # both forms, so that each field is seen refusing on the add form and on the change form.
    url, form = pages(model, mode)
    places = []
    for case in FIELD_CASES:
        case_model, prefix, name, values = case.values
        if case_model is model:
            key = f"{prefix}-0-{name}" if prefix else name
            form = with_value(form, key, data.draw(values, label=key))
            places.append(place(prefix, name))
    language, via = draw_language(data)
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, language, via)
    assert assert_refused(response, places, language) >= len(places)
    assert snapshot(media_root) == before


# The cases the issue names, with the exact message staff read -------------------------------


def assert_refused_with(response, messages, language):
    """Refused with exactly `messages` ({place: [message]}), shown in `language`."""
    assert_refused(response, list(messages), language)
    errors = every_error(response)
    for where, expected in messages.items():
        assert [rendered(error, language) for error in errors[where]] == expected


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


def place_of(key):
    prefix, _row, name = key.rpartition("-0-")
    return place(prefix, name)


@pytest.mark.parametrize(
    ("model", "mode", "language", "typed", "message"),
    [pytest.param(*case, id=name) for name, case in EXACT_CASES.items()],
)
def test_a_named_bad_input_is_refused_with_its_message(
    editor_client, pages, media_root, model, mode, language, typed, message
):
    url, form = pages(model, mode)
    for key, value in typed.items():
        form = with_value(form, key, value)
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, language)
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
    editor_client, pages, media_root, language, mode
):
    url, form = pages(Organisation, mode)
    form[f"slug_{language}"] = "oit"
    make_organisation(name_fr="Autre", **{f"slug_{language}": "oit"})
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, language)
    assert_refused_with(response, {place("", f"slug_{language}"): [SLUG_TAKEN[language]]}, language)
    assert snapshot(media_root) == before


@pytest.mark.parametrize("mode", MODES)
def test_an_identifier_another_figure_has_is_refused(editor_client, pages, media_root, mode):
    url, form = pages(KeyFigure, mode)
    make_figure(key=form["key"])
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "fr")
    message = "Un autre chiffre clé a déjà cet identifiant."
    assert_refused_with(response, {place("", "key"): [message]}, "fr")
    assert snapshot(media_root) == before


def test_a_second_status_for_one_partnership_is_refused(editor_client, pages, media_root):
    url, form = pages(ConsultativeStatus, "add")
    taken = ConsultativeStatus.objects.create(
        partnership=make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS)
    )
    form["partnership"] = str(taken.partnership_id)
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "es")
    message = "Esta alianza ya tiene un estatus consultivo."
    assert_refused_with(response, {place("", "partnership"): [message]}, "es")
    assert snapshot(media_root) == before


def test_a_status_for_a_partnership_of_another_kind_is_refused(editor_client, pages, media_root):
    url, form = pages(ConsultativeStatus, "change")
    form["partnership"] = str(make_partnership(kind=Partnership.Kind.MEMBERSHIP).pk)
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "en")
    assert_refused_with(response, {place("", "partnership"): [NO_SUCH_CHOICE["en"]]}, "en")
    assert snapshot(media_root) == before


def test_a_status_added_to_a_partnership_of_another_kind_is_refused_where_it_shows(
    editor_client, pages, media_root
):
    url, form = pages(Partnership, "add")
    form["kind"] = Partnership.Kind.COLLABORATION
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "fr")
    # The status's partnership is the page itself, hidden: its error goes above the status.
    message = "Choisissez un partenariat de type « statut consultatif »."
    assert_refused_with(response, {("consultative_status", 0, "__all__"): [message]}, "fr")
    assert snapshot(media_root) == before


def test_the_kind_of_a_partnership_with_a_status_is_kept(editor_client, pages, media_root):
    url, form = pages(Partnership, "change")
    form["kind"] = Partnership.Kind.COLLABORATION
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "en")
    status_kind = "Choose a partnership of the kind “consultative status”."
    errors = {
        place("", "kind"): [KIND_LOCKED],
        ("consultative_status", 0, "__all__"): [status_kind],
    }
    assert_refused_with(response, errors, "en")
    assert snapshot(media_root) == before


def test_the_kind_of_a_partnership_with_a_status_is_kept_on_its_organisations_page(
    editor_client, pages, media_root
):
    # The status is not on this page: without the check, the kind would change beneath it.
    url, form = pages(Organisation, "change")
    ConsultativeStatus.objects.create(partnership=Partnership.objects.get())
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "en")
    assert_refused_with(response, {place("partnerships", "kind"): [KIND_LOCKED]}, "en")
    assert snapshot(media_root) == before


def test_a_20_mb_logo_is_refused_from_a_file_on_disk_and_leaves_nothing(
    editor_client, pages, media_root
):
    url, form = pages(Organisation, "add")
    form["logo"] = SimpleUploadedFile("logo.png", padded_png(20))
    before = snapshot(media_root)
    response = post_in(editor_client, url, form, "fr")
    message = "Le logo fait 20,0 Mo ; il doit faire moins de 2 Mo."
    assert_refused_with(response, {place("", "logo"): [message]}, "fr")
    assert snapshot(media_root) == before
    # Django spools an upload above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, never to
    # memory, and deletes it once the response is sent.
    upload = response.wsgi_request.FILES["logo"]
    assert isinstance(upload, TemporaryUploadedFile)
    assert not Path(upload.temporary_file_path()).exists()


@pytest.mark.parametrize("stamp", ["not a date", "2024-13-45T99:99"])
def test_a_tampered_edit_stamp_is_refused_where_it_can_be_read(
    editor_client, pages, media_root, stamp
):
    # The hidden stamp is not typed, but a hand-made POST can carry anything.
    url, form = pages(Organisation, "change")
    before = snapshot(media_root)
    response = post_in(editor_client, url, {**form, "opened_at": stamp}, "en")
    assert_refused(response, [place("", "__all__")], "en")
    assert snapshot(media_root) == before


# Markup is text: saved as typed, shown escaped on every public page --------------------------


def marked(tag):
    return f'<b>{tag}</b><script>alert("{tag}")</script>'


def in_each_language(*fields):
    return {f"{f}_{lang}": marked(f"{f}-{lang}") for f in fields for lang in LANGUAGES}


def tags(*fields):
    return [f"{f}-{{language}}" for f in fields]


ORGANISATION_TEXT = ("name", "summary", "description", "headquarters_city", "members_note")
PARTNERSHIP_TEXT = ("role", "description", "benefits")
FIGURE_TEXT = ("label", "scope", "note", "source_title")
# Each public page, and the texts of the fields it shows, as "field-language".
SHOWN_ON = {
    "organisations:detail": [
        *tags(*ORGANISATION_TEXT, *(f"p-{f}" for f in PARTNERSHIP_TEXT), "privileges"),
        *tags(*FIGURE_TEXT),
    ],
    "partners:list": tags("name", *(f"p-{f}" for f in PARTNERSHIP_TEXT), "privileges"),
    "statistics:list": tags(*FIGURE_TEXT),
    "search:results": tags("name", "label"),
}


@pytest.fixture
def content_with_markup(editor_client):
    """An organisation, its partnership and status, and a figure, saved through the admin with
    markup in every text field, in each language."""
    organisation = organisation_form(
        **in_each_language(*ORGANISATION_TEXT),
        **{f"acronym_{lang}": f"<b>{lang}</b>" for lang in LANGUAGES},
        slug_es="oit-es",
    )
    # Searched for below; markup around a word must not stop it being found.
    organisation.update(
        {f"name_{lang}": "Zorglub " + organisation[f"name_{lang}"] for lang in LANGUAGES}
    )
    post_in(editor_client, reverse("admin:organisations_organisation_add"), organisation, "fr")
    body = Organisation.objects.get()
    partnership = partnership_form(
        body,
        **{f"{f}_{lang}": marked(f"p-{f}-{lang}") for f in PARTNERSHIP_TEXT for lang in LANGUAGES},
        **inline_management("consultative_status", total=1),
        **inline_row("consultative_status", **in_each_language("privileges")),
    )
    post_in(editor_client, reverse("admin:partners_partnership_add"), partnership, "fr")
    figure = figure_form(
        **in_each_language(*FIGURE_TEXT),
        about_organisation=body.pk,
        source_url="https://www.ilo.org/",
    )
    figure.update({f"label_{lang}": "Zorglub " + figure[f"label_{lang}"] for lang in LANGUAGES})
    post_in(editor_client, reverse("admin:statistics_keyfigure_add"), figure, "fr")
    assert ConsultativeStatus.objects.filter(privileges_es=marked("privileges-es")).exists()
    assert KeyFigure.objects.filter(label_en="Zorglub " + marked("label-en")).exists()
    return body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(SHOWN_ON))
def test_markup_saved_in_the_admin_is_shown_as_text_on_the_public_pages(
    content_with_markup, page, language
):
    with translation.override(language):
        if page == "organisations:detail":
            url = content_with_markup.get_absolute_url()
        else:
            url = reverse(page)
    response = Client().get(url, {"q": "Zorglub"} if page == "search:results" else {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<b>" not in html
    assert "<script>alert(" not in html
    for tag in SHOWN_ON[page]:
        # Jinja2 (the public pages) escapes quotes as &#34; and &#39;; Django as &quot; and &#x27;.
        django_escapes = html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
        assert conditional_escape(marked(tag.format(language=language))) in django_escapes, tag
    if page == "organisations:detail":
        # The "also available in" notice names the two other languages, and nothing else.
        notice = html[html.index('class="also-available"') :]
        notice = notice[: notice.index("</aside>")]
        others = [lang for lang in LANGUAGES if lang != language]
        assert re.findall(r'hreflang="(\w+)"', notice) == others
        assert "&lt;" not in notice

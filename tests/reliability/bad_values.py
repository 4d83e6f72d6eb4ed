"""Values a field of the admin must refuse, drawn by Hypothesis for each kind of form field, and
the fields of every content admin that must refuse them (`FIELD_CASES`).

`bad_values(form_field, model_field)` gives a strategy of strings, of {suffix: string} for a
split date and time, or of `Upload`s for a file field. A field of a kind not known here raises
LookupError, so that a new kind of field is never left untested.
"""

import re
import string
import struct
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from hypothesis import strategies as st
from webtest import Upload as WebtestUpload

from editing.registry import is_stored_with_content
from organisations.validators import FIRST_YEAR, YearMinValidator, next_year
from tests.conftest import image_bytes

SCRIPT = "<script>alert(1)</script>"


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes = field(repr=False)

    def for_webtest(self):
        """The file as django-webtest sends it from a form's file field."""
        return WebtestUpload(self.name, self.content)


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

"""Validators that the organisations, partners and statistics apps share."""

import warnings
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

FIRST_YEAR = 1900
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
# A 17 KB PNG can claim 144 megapixels, and decoding it would take gigabytes of memory: the
# size in its header is checked before any pixel is read. 40 megapixels is a 7,000 × 5,700 photo.
LOGO_MAX_PIXELS = 40_000_000


def next_year():
    """The latest year staff may enter: next year, for something already announced."""
    return date.today().year + 1


class YearMaxValidator(MaxValueValidator):
    message = _("Enter a year no later than %(limit_value)s.")


class YearMinValidator(MinValueValidator):
    message = _("Enter a year no earlier than %(limit_value)s.")


year_validators = [YearMinValidator(FIRST_YEAR), YearMaxValidator(next_year)]

# URLField alone also accepts ftp:// links; a public website must be a web page.
# Its own code: a field replaces the message of an "invalid" error with its generic one.
validate_web_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="not_web_address",
)


def too_many_pixels(file):
    """A ValidationError if the image in `file` claims more than LOGO_MAX_PIXELS, else None.

    Only the header is read (Pillow's `Image.open`); an image so large that Pillow itself calls
    it a decompression bomb (`DecompressionBombError`) is refused with the same message.
    """
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        # Between Pillow's warning and error sizes it only warns: this check says more.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        width = height = None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None  # not an image at all: said by the format check
    finally:
        file.seek(position)
    if width is not None and width * height <= LOGO_MAX_PIXELS:
        return None
    return ValidationError(
        _(
            "The image is too large in pixels: at most %(limit)s megapixels, such as "
            "7,000 × 5,700. Reduce it in an image editor and upload it again."
        ),
        code="logo_too_many_pixels",
        params={"limit": number_format(LOGO_MAX_PIXELS // 1_000_000)},
    )


SVG_REFUSED = _(
    "SVG logos are refused: an SVG file can contain scripts that would run in visitors’ "
    "browsers. Export the logo as a PNG image (with a transparent background if it has one) "
    "and upload that instead."
)


def is_svg(upload):
    """True when the uploaded file's first bytes are SVG (XML with an <svg> element), whatever
    its name says."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(2048)
    finally:
        upload.seek(position)
    if isinstance(head, str):
        head = head.encode()
    return b"<svg" in head.lower()


class LogoFormField(forms.ImageField):
    """Django's image field, but an image with too many pixels is refused as such before
    Django's own check opens it (which would call it "not an image")."""

    def to_python(self, data):
        if data and not isinstance(data, str):
            upload = data.file if hasattr(data, "file") else data
            if is_svg(upload):
                raise ValidationError(SVG_REFUSED, code="logo_svg")
            if (error := too_many_pixels(upload)) is not None:
                raise error
        return super().to_python(data)


def validate_logo(file):
    """Accept only real PNG, JPEG or WebP images under 2 MB and LOGO_MAX_PIXELS.

    The file's content is checked, not its name. SVG is refused: it can carry scripts.
    """
    if (error := too_many_pixels(file)) is not None:
        raise error
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)s MB; it must be under 2 MB."),
            code="logo_too_large",
            params={"size": number_format(file.size / 1024 / 1024, 1)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        image_format = None
    finally:
        file.seek(position)
    if image_format not in LOGO_FORMATS:
        raise ValidationError(
            _("Upload a PNG, JPEG or WebP image. Other formats, SVG included, are refused."),
            code="logo_format",
        )

"""Validators that the organisations, partners and statistics apps share."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

FIRST_YEAR = 1900
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


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


def validate_logo(file):
    """Accept only real PNG, JPEG or WebP images under 2 MB.

    The file's content is checked, not its name. SVG is refused: it can carry scripts.
    """
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

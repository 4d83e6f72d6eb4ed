"""Uniqueness per language for a translated field (a slug), for a model's Meta.constraints."""

from django.db import models
from modeltranslation.utils import build_localized_fieldname

from .languages import LANGUAGE_CODES


def unique_per_language(field, prefix, message):
    """[UniqueConstraint] on each language's column of `field` ("slug" → slug_fr, slug_en…),
    named "<prefix>_unique_<field>_<code>", refused with `message` (code "unique").

    Not on `field` itself: modeltranslation fills that column with whichever language was
    active when saving, so two objects could collide there.
    """
    return [
        models.UniqueConstraint(
            fields=[build_localized_fieldname(field, code)],
            name=f"{prefix}_unique_{field}_{code}",
            violation_error_code="unique",
            violation_error_message=message,
        )
        for code in LANGUAGE_CODES
    ]

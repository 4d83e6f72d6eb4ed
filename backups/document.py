"""The export file: JSON naming its format and version, then each content model's rows.

    {"format": "dei-site-content", "version": 1, "exported_at": "2025-06-30T09:12:00.123456+00:00",
     "models": {"organisations.organisation": [{"id": 1, "name_fr": "…", "parent_id": null,
                                                "logo": "logos/ilo.png", …}, …], …}}

A row holds every stored column by its attribute name (`parent_id` for a foreign key), its
primary key included; a logo is its path in MEDIA_ROOT, the file itself is not included.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

FORMAT = "dei-site-content"
# Raise it when a file of the new shape could not be read by the old code, or the reverse.
VERSION = 1


class InvalidDocument(Exception):
    """The file is not an export this site can import; the message says why."""


class ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds: it cuts them to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def dumps(rows_by_model):
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "models": rows_by_model,
    }
    return json.dumps(document, cls=ExactEncoder, ensure_ascii=False, indent=1) + "\n"


def loads(text):
    """The rows of each model in an export, or InvalidDocument."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise InvalidDocument(f"it is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidDocument(f'it is not a content export of this site (no "format": "{FORMAT}").')
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise InvalidDocument(
            f"it is format version {version!r}; this site reads version {VERSION}."
        )
    models = document.get("models")
    if not isinstance(models, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
        for rows in models.values()
    ):
        raise InvalidDocument('its "models" is not an object of lists of rows.')
    return models

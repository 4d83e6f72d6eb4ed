"""The export file: JSON naming its format and version, then every content row in the shape of
Django's serialization framework ("python" serializer: model, pk, fields).

    {"format": "dei-site-content", "version": 2, "exported_at": "2025-06-30T09:12:00.123456+00:00",
     "objects": [{"model": "organisations.organisation", "pk": 1,
                  "fields": {"name_fr": "…", "parent": ["onu"], "logo": "logos/ilo.png", …}},
                 {"model": "partners.consultativestatus", "pk": 1,
                  "fields": {"partnership": 12, …}}, …]}

A row holds every stored field by its name, and its own primary key: the import gives every row
back its key, so that links between rows, old addresses and bookmarks of `#partnership-12` stay
true. A link to a model with a natural key reads as that key (an organisation as its French
slug, `Organisation.natural_key`), a link to any other model as its primary key. Natural keys
only name links: a row's own key stays its primary key, since rows without a natural key
(partnerships, statuses, old addresses) are linked to by it. A logo is its path in MEDIA_ROOT;
the file itself is not included.

Version 1 (until 2026) held {"models": {label: [rows by column name: "parent_id", "id"…]}}; it
is still read, turned into the version 2 shape by `objects_of_version_1`.
"""

import datetime
import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

FORMAT = "dei-site-content"
# Raise it when a file of the new shape could not be read by the old code, or the reverse.
VERSION = 2
READABLE_VERSIONS = (1, 2)
# Longer than any text a row holds (500 characters for a link), short enough to print.
SHOWN_CHARACTERS = 60


class InvalidDocument(Exception):
    """The file is not an export this site can import; the message says why, on one line."""


class ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds: it cuts them to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def shown(value):
    """A value from a file, quoted for a one-line message however long or odd it is."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else f"{text[:SHOWN_CHARACTERS]}…"


def dumps(objects):
    """The file's text for a list of serialized rows (Django's "python" serializer output)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "objects": objects,
    }
    return json.dumps(document, cls=ExactEncoder, ensure_ascii=False, indent=1) + "\n"


def refuse_constant(name):
    raise ValueError(f"{name} is not a number a row can hold")


def loads(text):
    """The serialized rows of an export, as a list of {"model", "pk", "fields"}, or
    InvalidDocument. Only the shape is checked here; values are checked by the import."""
    try:
        document = json.loads(text, parse_constant=refuse_constant)
    except RecursionError as error:
        raise InvalidDocument("it is nested too deeply to be an export.") from error
    except ValueError as error:
        raise InvalidDocument(f"it is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidDocument(f'it is not a content export of this site (no "format": "{FORMAT}").')
    version = document.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = " or ".join(str(number) for number in READABLE_VERSIONS)
        raise InvalidDocument(
            f"it is format version {shown(version)}; this site reads version {readable}."
        )
    if version == 1:
        return objects_of_version_1(document.get("models"))
    objects = document.get("objects")
    if not isinstance(objects, list) or not all(is_row(obj) for obj in objects):
        raise InvalidDocument(
            'its "objects" is not a list of rows, each {"model": "…", "pk": …, "fields": {…}} '
            "with plain values."
        )
    return objects


def is_scalar(value):
    return value is None or isinstance(value, str | int | float | bool)


def is_json_object(value):
    """An object of plain values or such objects, keyed by text: what a JSONField of content
    holds (the source text of each translation, {language: {field: text}})."""
    return isinstance(value, dict) and all(
        isinstance(key, str) and (is_scalar(item) or is_json_object(item))
        for key, item in value.items()
    )


def is_value(value):
    """A plain value, a natural key (a flat list of plain values), or a JSON object."""
    return (
        is_scalar(value)
        or (isinstance(value, list) and all(map(is_scalar, value)))
        or is_json_object(value)
    )


def is_row(obj):
    """A serialized row whose values are plain, natural keys or JSON objects: a nested list is
    never a value a content field holds, and would only reach a field's conversion to be turned
    into text."""
    return (
        isinstance(obj, dict)
        and set(obj) == {"model", "pk", "fields"}
        and isinstance(obj["model"], str)
        and is_scalar(obj["pk"])
        and isinstance(obj["fields"], dict)
        and all(is_value(value) for value in obj["fields"].values())
    )


def objects_of_version_1(models):
    """Version 1's rows, keyed by column ("parent_id", "id"), in version 2's shape."""
    if not isinstance(models, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
        for rows in models.values()
    ):
        raise InvalidDocument('its "models" is not an object of lists of rows.')
    objects = []
    for label, rows in models.items():
        try:
            meta = apps.get_model(label)._meta
        except (LookupError, ValueError):
            # Refused by the import, which names what is not content.
            objects.extend({"model": label, "pk": None, "fields": {}} for _row in rows)
            continue
        names = {field.attname: field.name for field in meta.concrete_fields}
        for row in rows:
            fields = {names.get(column, column): value for column, value in row.items()}
            pk = fields.pop(meta.pk.name, None)
            objects.append({"model": label, "pk": pk, "fields": fields})
    if not all(is_row(obj) for obj in objects):
        raise InvalidDocument("its rows hold values that are not plain text, numbers or null.")
    return objects

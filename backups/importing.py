"""Write an export's rows into an empty database, in one transaction, refusing the whole file if
any row would be refused by the admin.

Rows are read by Django's serialization framework in the file's order, as `loaddata` reads
them, and written raw (the models' own save() and the translation stamps do not run: every date
comes back as exported). A row that names an organisation by its natural key finds it among the
rows written before it; a parent further down the file is filled in once all rows are written
(the framework's forward references). Each row is checked as an admin save checks it
(`full_clean()`: field validators, choices, the models' `clean()`, unique fields and
constraints; validation.py) in two passes:

- before it is written, each field on its own (`clean_fields`) and its uniqueness among the rows
  written before it, so that no value can overflow a column or reach the database in a shape it
  would choke on;
- once every row is written, inside the transaction, the rules that read other rows (a parent
  that exists and is not a loop, a status on a consultative-status partnership).
"""

from contextlib import nullcontext

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    IntegrityError,
    connection,
    models,
    transaction,
)
from django.utils import translation

from sitecache.generation import bump_generation

from .content import content_models, stored_field_names
from .document import SHOWN_CHARACTERS, InvalidDocument, shown
from .validation import described, problems_before_writing, problems_once_written

# Enough problems to fix a file in a few rounds, on one line.
PROBLEMS_SHOWN = 5


class ImportRefused(Exception):
    """The database is not empty: an import never mixes its rows with existing ones."""


def import_rows(objects):
    """Insert every row of `objects` (document.loads's list), or nothing at all.

    Returns {model: number of rows}. Raises ImportRefused when content exists, InvalidDocument
    (one line naming each bad row's model, key and field) when any row would be refused.
    """
    models_by_label = {model._meta.label_lower: model for model in content_models()}
    check_shape(objects, models_by_label)
    with transaction.atomic():
        existing = [
            label for label, model in models_by_label.items() if model._base_manager.exists()
        ]
        if existing:
            raise ImportRefused(
                f"the database already has content ({', '.join(existing)}); "
                "import only into an empty database."
            )
        with in_source_language():
            rows, problems = read_and_write(objects)
            refuse_if_any([problems])
            refuse_if_any(resolve_forward_references(row) for row in rows)
            refuse_if_any(problems_once_written(row.object) for row in rows)
        try:
            # Foreign keys are checked at commit: check them now, to refuse with a message.
            connection.check_constraints(
                table_names=[model._meta.db_table for model in models_by_label.values()]
            )
        except IntegrityError as error:
            raise InvalidDocument(f"its rows do not fit together ({error}).") from error
        reset_sequences(models_by_label.values())
        bump_generation()
    counts = dict.fromkeys(models_by_label.values(), 0)
    for row in rows:
        counts[type(row.object)] += 1
    return counts


def in_source_language():
    """As an editor's save: modeltranslation fills the untranslated `name`, `slug`… columns from
    the active language (see content.stored_field_names), and checks them in it. With no
    language active (a management command: its messages in English), it uses the source
    language already."""
    if translation.get_language() is None:
        return nullcontext()
    return translation.override(settings.LANGUAGE_CODE)


def named(text):
    """A name from a file as it is when it looks like one, else quoted and cut."""
    plain = text.replace(".", "_").isidentifier() and len(text) <= SHOWN_CHARACTERS
    return text if plain else shown(text)


def check_shape(objects, models_by_label):
    """Every row of a content model, with a key of its own and only fields this site has."""
    unknown = sorted({obj["model"] for obj in objects} - set(models_by_label))
    if unknown:
        labels = ", ".join(map(named, unknown))
        raise InvalidDocument(f"it holds {labels}: not content of this site.")
    seen = set()
    for obj in objects:
        label, pk = obj["model"], obj["pk"]
        if pk is None:
            raise InvalidDocument(f"a row of {label} has no key (pk).")
        if (label, str(pk)) in seen:
            raise InvalidDocument(f"{label} {shown(pk)} is in it twice.")
        seen.add((label, str(pk)))
        model = models_by_label[label]
        extra = sorted(set(obj["fields"]) - set(stored_field_names(model)))
        if extra:
            raise InvalidDocument(
                f"{label} {shown(pk)} has unknown fields: {', '.join(map(named, extra))}."
            )
        for name, value in obj["fields"].items():
            # A list is a natural key, for a link only: a text field would store it as text.
            if isinstance(value, list) and not model._meta.get_field(name).is_relation:
                raise InvalidDocument(f"{label} {shown(pk)}, {name}: a list is not a value.")


def read_and_write(objects):
    """Each row deserialized, checked on its own and written, in the file's order.

    Returns the rows and the problems found. A row with problems is not written, and the rows
    after it are still checked, so that one refusal names every bad value it can; reading stops
    at a row the framework cannot convert (its generator ends there).
    """
    rows, problems = [], []
    deserialized = serializers.deserialize(
        "python", objects, ignorenonexistent=False, handle_forward_references=True
    )
    try:
        for row in deserialized:
            rows.append(row)
            found = problems_before_writing(row.object) + unnamed_required_links(row)
            problems += found or write(row)
    except serializers.base.DeserializationError as error:
        obj = objects[len(rows)]
        problems.append(conversion_problem(obj) or f"{obj['model']}: {error}")
    return rows, problems


def unnamed_required_links(row):
    """A link the row cannot be written without, to a row that is not written before it."""
    obj = row.object
    return [
        f"{obj._meta.label_lower} {shown(obj.pk)}, {field.name}: {shown(value)} names no "
        f"{field.related_model._meta.verbose_name} written before it in the file"
        for field, value in row.deferred_fields.items()
        if not field.null
    ]


def resolve_forward_references(row):
    """Links to rows further down the file (a parent), once every row is written."""
    if not row.deferred_fields:
        return []
    try:
        row.save_deferred_fields()
    except (ObjectDoesNotExist, serializers.base.DeserializationError):
        obj = row.object
        return [
            f"{obj._meta.label_lower} {shown(obj.pk)}, {field.name}: {shown(value)} names no "
            f"{field.related_model._meta.verbose_name} of the file"
            for field, value in row.deferred_fields.items()
        ]
    return []


def conversion_problem(obj):
    """Which value of a row the deserializer could not convert, and why, as one line."""
    model = apps.get_model(obj["model"])
    values = {model._meta.pk.name: obj["pk"], **obj["fields"]}
    for name, value in values.items():
        field = model._meta.get_field(name)
        try:
            if field.is_relation:
                serializers.base.deserialize_fk_value(field, value, DEFAULT_DB_ALIAS, True)
            else:
                field.to_python(value)
        except ValidationError as error:
            return f"{obj['model']} {shown(obj['pk'])}, {name}: {' '.join(error.messages)}"
        except Exception:  # whatever the framework wrapped in its DeserializationError
            return f"{obj['model']} {shown(obj['pk'])}, {name}: {shown(value)} is not valid."
    return None


def refuse_if_any(problems_per_row):
    """InvalidDocument listing the problems of every row, if there are any."""
    problems = [problem for row_problems in problems_per_row for problem in row_problems]
    if problems:
        listed = "; ".join(problem.rstrip(".") for problem in problems[:PROBLEMS_SHOWN])
        more = len(problems) - PROBLEMS_SHOWN
        if more > 0:
            listed += f"; and {more} more"
        raise InvalidDocument(" ".join(f"{listed.rstrip('.')}.".split()))


def write(row):
    """The row as it is in the file (a raw save: no stamps, no old addresses remembered), once
    it is unique among the rows written before it: the database would stop at the first
    duplicate with its own message. Returns its problems."""
    obj = row.object
    try:
        obj.validate_unique()
        obj.validate_constraints()
    except ValidationError as error:
        return described(obj, error)
    try:
        # Never an update: a key written twice ("1" and 1) must not replace the first row.
        row.save(force_insert=True)
    except (DatabaseError, OverflowError, ValueError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InvalidDocument(
            f"{obj._meta.label_lower} {shown(obj.pk)} cannot be written ({first_line})."
        ) from error
    return []


def reset_sequences(content):
    """Rows came with their own primary keys: PostgreSQL's counters must move past them, or the
    next object added in the admin would be given a key already taken."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(content)):
            cursor.execute(sql)


def missing_files():
    """Paths that content refers to (logos) but that are not in MEDIA_ROOT."""
    missing = []
    for model in content_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names = model._base_manager.exclude(**{field.attname: ""})
                for name in names.values_list(field.attname, flat=True).order_by(field.attname):
                    if not field.storage.exists(name):
                        missing.append(name)
    return missing

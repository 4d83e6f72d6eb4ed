"""Write an export's rows into an empty database: same primary keys, same dates, one transaction."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction
from django.utils import translation

from sitecache.generation import bump_generation

from .content import content_models, stored_fields
from .document import InvalidDocument


class ImportRefused(Exception):
    """The database is not empty: an import never mixes its rows with existing ones."""


def import_rows(rows_by_model):
    """Insert every row, or nothing at all. Returns the number of rows of each model."""
    models_by_label = {model._meta.label_lower: model for model in content_models()}
    unknown = sorted(set(rows_by_model) - set(models_by_label))
    if unknown:
        raise InvalidDocument(f"it holds {', '.join(unknown)}: not content of this site.")
    counts = {}
    with transaction.atomic():
        existing = [
            label for label, model in models_by_label.items() if model._base_manager.exists()
        ]
        if existing:
            raise ImportRefused(
                f"the database already has content ({', '.join(existing)}); "
                "import only into an empty database."
            )
        try:
            for label, model in models_by_label.items():
                objects = [build(model, row) for row in rows_by_model.get(label, [])]
                insert(model, objects)
                counts[model] = len(objects)
            # Foreign keys are checked at commit: check them now, to refuse with a message.
            connection.check_constraints(
                table_names=[model._meta.db_table for model in models_by_label.values()]
            )
        except IntegrityError as error:
            raise InvalidDocument(f"its rows do not fit together ({error}).") from error
        reset_sequences(models_by_label.values())
        # bulk_create sends no signal: the page cache must be told.
        bump_generation()
    return counts


def build(model, row):
    fields = {field.attname: field for field in stored_fields(model)}
    label, pk = model._meta.label_lower, row.get(model._meta.pk.attname)
    if pk is None:
        raise InvalidDocument(f"a row of {label} has no {model._meta.pk.attname}.")
    unknown = sorted(set(row) - set(fields))
    if unknown:
        raise InvalidDocument(f"{label} {pk} has unknown fields: {', '.join(unknown)}.")
    values = {}
    for name, value in row.items():
        try:
            values[name] = fields[name].to_python(value)
        except ValidationError as error:
            raise InvalidDocument(f"{label} {pk}, {name}: {' '.join(error.messages)}") from error
        except (TypeError, ValueError) as error:
            raise InvalidDocument(f"{label} {pk}, {name}: {value!r} is not valid.") from error
    return model(**values)


def insert(model, objects):
    """bulk_create stamps the import's time on auto_now and auto_now_add dates: put the
    exported ones back (bulk_update leaves them alone)."""
    stamped = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    exported = [
        {field.attname: getattr(obj, field.attname) for field in stamped} for obj in objects
    ]
    # In French, as an editor's save would be: the untranslated `name`, `slug`… columns are
    # filled from the active language (see content.stored_fields).
    with translation.override(settings.LANGUAGE_CODE):
        model._base_manager.bulk_create(objects)
    for obj, dates in zip(objects, exported, strict=True):
        for attname, value in dates.items():
            if value is not None:
                setattr(obj, attname, value)
    if objects and stamped:
        model._base_manager.bulk_update(objects, [field.name for field in stamped])


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

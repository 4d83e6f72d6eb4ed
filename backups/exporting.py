"""Read every row of every content model, as plain values for the export file."""

from contextlib import contextmanager

from django.db import connection, transaction

from .content import content_models, stored_fields


@contextmanager
def one_snapshot():
    """All queries see the database as it was at the first one, so that an edit made during the
    export cannot leave a partnership pointing at an organisation the file does not hold.

    SQLite gives that to any transaction; PostgreSQL's default shows each query the latest
    commits, hence REPEATABLE READ (it must come first, so not inside a caller's transaction).
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def row(obj, fields):
    # get_prep_value gives what the database stores: a logo's path rather than its file object.
    return {field.attname: field.get_prep_value(field.value_from_object(obj)) for field in fields}


def export_rows():
    """{"organisations.organisation": [row, …], …}, each model's rows in primary-key order."""
    rows_by_model = {}
    with one_snapshot():
        for model in content_models():
            fields = stored_fields(model)
            objects = model._base_manager.order_by("pk")
            rows_by_model[model._meta.label_lower] = [row(obj, fields) for obj in objects]
    return rows_by_model

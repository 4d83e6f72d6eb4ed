"""Read every row of every content model, serialized by Django's serialization framework."""

from contextlib import contextmanager

from django.core import serializers
from django.db import connection, transaction

from .content import content_models, stored_field_names


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


def export_objects():
    """[{"model": "organisations.organisation", "pk": 1, "fields": {…}}, …]: Django's "python"
    serializer's rows, each model after those it points to, each model's rows in key order.

    Values stay Python objects (datetimes, decimals) for document.dumps to write exactly.
    """
    objects = []
    with one_snapshot():
        for model in content_models():
            objects += serializers.serialize(
                "python",
                model._base_manager.order_by("pk"),
                fields=stored_field_names(model),
                # A link to an organisation reads as its French slug (Organisation.natural_key);
                # every row keeps its own primary key, which links to other models use.
                use_natural_foreign_keys=True,
            )
    return objects

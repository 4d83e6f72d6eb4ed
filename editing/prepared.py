"""A query of what is live, compiled to SQL once per process and run with each request's time.

Django builds and compiles a queryset anew on every request: for the partners page that took
about 2 ms, ten times what the database needs to answer it (docs/performance.md). The SQL of two
requests differs only by the time that live() compares with, so it is compiled once with a marker
time, and each run puts the current time where the marker was. The rule itself stays the
queryset's: `published()` is what gets compiled.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.utils import timezone

# A time no content is published at: where it lands in the parameters is where "now" goes.
MARKER = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
OTHER_MARKER = MARKER + datetime.timedelta(days=400, seconds=1)


class PreparedLiveRows:
    """Called, gives what `build(now)` (a values() queryset of `model`) gives, as a list of
    dicts, from the database the routers choose for reading `model` (a replica, if any)."""

    def __init__(self, model, build):
        self.model, self.build = model, build
        self.compiled = {}  # per database alias: the SQL, its parameters, where "now" goes

    def __call__(self):
        using = router.db_for_read(self.model)
        connection = connections[using]
        if using not in self.compiled:
            self.compiled[using] = self.compile(connection)
        sql, params, now_positions, names = self.compiled[using]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        params = [now if i in now_positions else value for i, value in enumerate(params)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def compile(self, connection):
        sql, params, compiler, query = self.sql_at(MARKER, connection)
        # values() would convert some columns (dates on SQLite, decimals…); these rows would not.
        if compiler.get_converters([column for column, _sql, _alias in compiler.select]):
            raise ImproperlyConfigured(f"{query.model.__name__}: a column needs converting.")
        marker = connection.ops.adapt_datetimefield_value(MARKER)
        now_positions = {i for i, value in enumerate(params) if value == marker}
        # Compiled at another time, the query must differ only where that time goes: a value
        # derived from it (a date, a delay) would otherwise stay fixed at the marker's.
        other_sql, other_params, _compiler, _query = self.sql_at(OTHER_MARKER, connection)
        same_shape = other_sql == sql and len(other_params) == len(params)
        changed = same_shape and {
            i
            for i, (one, other) in enumerate(zip(params, other_params, strict=True))
            if one != other
        }
        if not now_positions or changed != now_positions:
            raise ImproperlyConfigured(
                f"{query.model.__name__}: the query must compare with its time, as given."
            )
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, tuple(params), now_positions, names

    def sql_at(self, moment, connection):
        query = self.build(moment).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        return sql, params, compiler, query

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
        queryset = self.build(MARKER)
        query = queryset.query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        # values() would convert some columns (dates on SQLite, decimals…); these rows would not.
        if compiler.get_converters([column for column, _sql, _alias in compiler.select]):
            raise ImproperlyConfigured(f"{query.model.__name__}: a column needs converting.")
        marker = connection.ops.adapt_datetimefield_value(MARKER)
        now_positions = {i for i, value in enumerate(params) if value == marker}
        if not now_positions:  # the query would never follow the clock
            raise ImproperlyConfigured(f"{query.model.__name__}: the query ignores its time.")
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, tuple(params), now_positions, names

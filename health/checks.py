from django.db import DatabaseError, connection

# What each engine raises when a query gave up waiting: PostgreSQL's statement_timeout cancelled
# it, or SQLite waited its busy timeout for another writer's lock.
TIMED_OUT_SQLSTATE = "57014"  # query_canceled
SQLITE_LOCKED = "database is locked"


def database_answers():
    """True when the database runs a trivial query; a broken connection is dropped, so that the
    next request opens a fresh one and the site recovers by itself."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        connection.close()
        return False
    return True


def gave_up_waiting(exception):
    """True when a query failed because it ran out of time, not because it is wrong."""
    cause = exception.__cause__
    return getattr(cause, "sqlstate", None) == TIMED_OUT_SQLSTATE or SQLITE_LOCKED in str(cause)

from django.db import DatabaseError, connection


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

"""Reads of anonymous visitors from the read replica; everything else from the primary.

A request is read from the replica only when all of these hold (ReplicaMiddleware):
- it is a GET or HEAD without a session cookie: signed-in staff always read the primary, so
  they see their own edits at once, and so does anyone who just signed in or out;
- it is not for the admin;
- the replica answered its last check (every REPLICA_CHECK_SECONDS) and was no further behind
  the primary than REPLICA_MAX_LAG_SECONDS, and a connection to it opens;
- no content changed within the last REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS: the page
  rendered right after an edit, which the page cache then keeps, is read from the primary, so a
  lagging replica never puts an old page back in the cache.
The choice is made at the request's first query: a page served from the cache asks nothing. A
request whose replica stops under it (an error answer, and the replica no longer answers) is
served again from the primary.
Otherwise, and for every write, the primary ("default"). Sessions, users and sign-in records
are always read from the primary, whoever asks. Used only when DATABASE_REPLICA_URL is set
(config/settings.py adds the "replica" alias and this router).
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
PRIMARY = "default"
# What decides who is signed in or locked out is never read from a copy that may lag.
PRIMARY_ONLY_APPS = {"sessions", "auth", "axes", "admin", "contenttypes", "reversion"}

# The current request's ReplicaChoice, or None: read the primary.
replica_choice = contextvars.ContextVar("replica_choice", default=None)
# When content last changed (time.time(), seconds), in the cache shared by every host.
LAST_CHANGE_KEY = "replica.last_content_change"

# The lag, in seconds, of a replica that has replayed everything it received is 0 (just after a
# restart the receiver reports the start of its segment, behind what was replayed); otherwise
# the age of the last transaction it replayed. None on a server that is not a replica, and
# when the lag cannot be known (nothing received and nothing replayed since it started).
LAG_QUERY = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN NULL
        WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
        ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
    END
"""


class ReplicaRouter:
    """Django database router: reads to "replica" inside a request ReplicaMiddleware allowed,
    all else to "default"; migrations only on "default" (the replica copies them)."""

    def db_for_read(self, model, **hints):
        choice = replica_choice.get()
        if choice is None or model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return REPLICA if choice.use_replica() else PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


class ReplicaHealth:
    """Whether the replica may be read, asked of it at most every `check_seconds` per process.

    `measure` returns the replica's lag in seconds (float), or raises DatabaseError when it
    cannot be reached; None (not a replica) or a lag above `max_lag` means "read the primary".
    """

    def __init__(self, measure, max_lag, check_seconds, clock=time.monotonic):
        self.measure = measure
        self.max_lag = max_lag
        self.check_seconds = check_seconds
        self.clock = clock
        self.checked_at = None
        self.usable = False

    def is_usable(self):
        now = self.clock()
        if self.checked_at is None or now - self.checked_at >= self.check_seconds:
            self.checked_at = now
            was_usable, self.usable = self.usable, self._ask()
            if was_usable != self.usable:
                state = "read again" if self.usable else "not read: reads go to the primary"
                logger.warning("The read replica is %s.", state)
        return self.usable

    def mark_down(self):
        """The replica failed a request's connection: not read until the next check."""
        if self.usable:
            logger.warning("The read replica does not answer: reads go to the primary.")
        self.usable = False
        self.checked_at = self.clock()

    def _ask(self):
        try:
            lag = self.measure()
        except DatabaseError:
            return False
        return lag is not None and lag <= self.max_lag


def measure_replica_lag():
    """The replica's lag in seconds (float), None if it is not in recovery; raises
    DatabaseError when it does not answer."""
    connection = connections[REPLICA]
    try:
        with connection.cursor() as cursor:
            cursor.execute(LAG_QUERY)
            (lag,) = cursor.fetchone()
    except DatabaseError:
        # A broken connection is not reused: the next check opens a fresh one.
        connection.close()
        raise
    return None if lag is None else float(lag)


def replica_answers():
    """True if the replica answers a query now (its lag is not asked of it here)."""
    try:
        measure_replica_lag()
    except DatabaseError:
        return False
    return True


def may_read_replica(request):
    """True for a request only an anonymous visitor's page can be: see the module doc."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.lstrip("/").startswith(settings.ADMIN_URL)
    )


def note_content_change():
    """Record that content changed now (sitecache/invalidation.py calls it on every change,
    and again once the change is committed)."""
    cache.set(LAST_CHANGE_KEY, time.time(), None)


def changed_recently(window):
    """True if content changed less than `window` seconds ago (on any host)."""
    changed_at = cache.get(LAST_CHANGE_KEY)
    return changed_at is not None and time.time() - changed_at < window


class ReplicaChoice:
    """Whether one request reads the replica: decided at its first query, then kept."""

    def __init__(self, health, connect=None):
        self.health = health
        self.connect = connect or (lambda: connections[REPLICA].ensure_connection())
        self.decided = None

    def use_replica(self):
        if self.decided is None:
            self.decided = self._decide()
        return self.decided

    def _decide(self):
        window = settings.REPLICA_MAX_LAG_SECONDS + settings.REPLICA_CHECK_SECONDS
        if not self.health.is_usable() or changed_recently(window):
            return False
        try:
            self.connect()
        except DatabaseError:
            # Stopped since its last check: this visitor is served from the primary.
            self.health.mark_down()
            return False
        return True


class ReplicaMiddleware:
    """Lets the router send this request's reads to the replica when may_read_replica() (the
    rest is decided by ReplicaChoice at the first query). Does nothing without a "replica"
    database."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.health = None
        if REPLICA in settings.DATABASES:
            self.health = ReplicaHealth(
                measure_replica_lag,
                max_lag=settings.REPLICA_MAX_LAG_SECONDS,
                check_seconds=settings.REPLICA_CHECK_SECONDS,
            )

    def __call__(self, request):
        if self.health is None or not may_read_replica(request):
            return self.get_response(request)
        choice = ReplicaChoice(self.health)
        token = replica_choice.set(choice)
        try:
            response = self.get_response(request)
        finally:
            replica_choice.reset(token)
        if response.status_code >= 500 and choice.decided and not replica_answers():
            # The replica stopped while this request was reading it. The request is a GET or
            # HEAD, so asking again changes nothing: the visitor gets the page, from the primary.
            self.health.mark_down()
            response = self.get_response(request)
        return response

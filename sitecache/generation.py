"""The page cache's generation: a token every cached page's key carries, kept in the cache itself.

A content change replaces the token, so every page cached before it is never read again (they
expire by themselves). The record also holds the next scheduled go-live or expiry: once the clock
passes it, the next request replaces the token, so pages never outlive a scheduled change. Kept in
the cache, not the database, a cached page costs no query; the cache is shared by every worker of
the host (the file-based default) or of every host (Redis), so an edit reaches them all at once.
"""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from editing.registry import is_stored_with_content, next_scheduled_moment, publish_due_changes

GENERATION_KEY = "sitecache.generation"
SCHEDULE_FIELDS = ("publish_at", "expire_at")


def is_content_model(model):
    """True if visitors see `model`'s rows: a change to one makes every cached page stale.

    Asked of editing/registry.py: content models and the rows their objects own.
    """
    return is_stored_with_content(model)


class Generation:
    """A cache generation: `token` (a short random string), `next_change` (an aware datetime,
    or None when nothing is scheduled) and `started` (the aware datetime it was drawn at, or None
    for one stored by an older release).

    Every change visitors can see draws a new generation, the clock's scheduled ones included
    (the first request after `next_change` draws it), so no public page changed after `started`:
    it is the pages' `Last-Modified` (sitecache/middleware.py).
    """

    def __init__(self, token, next_change, started=None):
        self.token = token
        self.next_change = next_change
        self.started = started

    @property
    def key_prefix(self):
        """The prefix of every page key of this generation (django.utils.cache's key_prefix)."""
        return f"sitecache.{self.token}"

    def is_past(self, now):
        return self.next_change is not None and self.next_change <= now

    def seconds_left(self, longest):
        """How long a page of this generation may be kept, in whole seconds: `longest`, but
        never past the next scheduled change."""
        if self.next_change is None:
            return longest
        left = (self.next_change - timezone.now()).total_seconds()
        return max(0, min(longest, int(left)))


def next_scheduled_change(after):
    """The soonest moment later than `after` at which what visitors see changes by itself: a
    content go-live or expiry, or an approved change's go-live (editing/registry.py), or None."""
    return next_scheduled_moment(after)


def _store(next_change):
    generation = Generation(secrets.token_hex(8), next_change, timezone.now())
    # No expiry: it lives until the next change replaces it (or the cache evicts it, which only
    # costs a round of misses: a new token is drawn).
    cache.set(GENERATION_KEY, (generation.token, generation.next_change, generation.started), None)
    return generation


def _renew_from_database():
    return _store(next_scheduled_change(timezone.now()))


def current_generation():
    """The Generation pages are read and written under, or None when it cannot be known (the
    database is unreachable and the cache holds no valid one): then nothing is cached.

    A cached hit reads only the cache; the database is asked only when the generation is missing
    or its scheduled change has come.
    """
    stored = cache.get(GENERATION_KEY)
    if stored is not None:
        generation = Generation(*stored)
        if not generation.is_past(timezone.now()):
            return generation
    try:
        # The scheduled change has come (or the cache lost the generation): approved changes
        # due now are published first, then the schedule is read again.
        publish_due_changes()
        return _renew_from_database()
    except DatabaseError:
        return None


def bump_generation():
    """Make every cached page stale, now and again once the caller's transaction commits.

    Now: so this process's next request is fresh even inside a long transaction (and tests,
    which never commit, see it). The scheduled change kept is the earliest of the one already
    known and the one this transaction sees, so a rollback never hides a committed schedule.
    After the commit: pages another worker rendered from the old rows in between are dropped,
    and the schedule is read again from committed rows. A cache that cannot be written raises,
    so that the edit is rolled back rather than left invisible.
    """
    now = timezone.now()
    stored = cache.get(GENERATION_KEY)
    known = Generation(*stored).next_change if stored is not None else None
    seen = next_scheduled_change(now)
    candidates = [moment for moment in (known, seen) if moment is not None and moment > now]
    _store(min(candidates, default=None))
    if connection.in_atomic_block:
        transaction.on_commit(_renew_from_database, robust=True)

"""The page-cache generation: read on each cacheable request, bumped by each content change
and by the clock passing a scheduled go-live or expiry."""

from datetime import UTC, datetime

from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone

from editing.registry import next_scheduled_moment, publish_due_changes

from .models import PageCacheGeneration

ROW = 1
# The fields of editing.models.PublishableContent that change what visitors see by themselves.
SCHEDULE_FIELDS = ("publish_at", "expire_at")
# The last generation this process read: while the database is down, cached pages stay servable.
_last_seen = None


class Generation:
    def __init__(self, number, next_change):
        self.number = number
        self.next_change = next_change

    def seconds_left(self, longest):
        """How long a page of this generation may be kept: never past the next scheduled change."""
        if self.next_change is None:
            return longest
        return max(0, min(longest, int((self.next_change - timezone.now()).total_seconds())))


def next_scheduled_change():
    """The soonest future go-live or expiry of any content or approved change, or None."""
    return next_scheduled_moment(timezone.now())


def read_generation():
    # Plain SQL: this runs for every cached page, where building the ORM query took half the
    # time of the whole request (see docs/performance.md).
    table = connection.ops.quote_name(PageCacheGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, next_change FROM {table} WHERE id = %s", [ROW])
        row = cursor.fetchone()
    if row is None:
        return Generation(0, None)
    number, next_change = row
    if isinstance(next_change, str):  # SQLite hands back text
        next_change = datetime.fromisoformat(next_change)
    if next_change is not None and timezone.is_naive(next_change):
        next_change = timezone.make_aware(next_change, UTC)
    return Generation(number, next_change)


def current_generation():
    """The current Generation, or the last one seen when the database does not answer (None if
    there was none)."""
    global _last_seen
    try:
        generation = read_generation()
        if generation.next_change and generation.next_change <= timezone.now():
            # Scheduled content just went live or expired: every cached page is stale. Approved
            # changes due now are published first (they bump the generation themselves).
            publish_due_changes()
            bump_generation()
            generation = read_generation()
        _last_seen = generation
    except DatabaseError:
        pass
    return _last_seen


def bump_generation():
    """Make every cached page stale. Runs inside the caller's transaction: if the edit is
    rolled back, so is the bump."""
    with transaction.atomic():
        next_change = next_scheduled_change()
        updated = PageCacheGeneration.objects.filter(pk=ROW).update(
            number=F("number") + 1, next_change=next_change
        )
        if not updated:
            PageCacheGeneration.objects.get_or_create(
                pk=ROW, defaults={"number": 1, "next_change": next_change}
            )

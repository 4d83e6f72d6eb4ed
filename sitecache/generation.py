"""The page-cache generation: read on each cacheable request, bumped by each content change."""

from django.db import DatabaseError
from django.db.models import F

from .models import PageCacheGeneration

ROW = 1
# The last number this process read: while the database is down, cached pages stay servable.
_last_seen = None


def current_generation():
    """The current number, or the last one seen when the database does not answer (or None)."""
    global _last_seen
    try:
        number = PageCacheGeneration.objects.filter(pk=ROW).values_list("number", flat=True)
        _last_seen = number.first() or 0
    except DatabaseError:
        return _last_seen
    return _last_seen


def bump_generation():
    """Make every cached page stale. Runs inside the caller's transaction: if the edit is
    rolled back, so is the bump."""
    updated = PageCacheGeneration.objects.filter(pk=ROW).update(number=F("number") + 1)
    if not updated:
        PageCacheGeneration.objects.get_or_create(pk=ROW, defaults={"number": 1})

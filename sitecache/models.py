from django.db import models


class PageCacheGeneration(models.Model):
    """One row: the number every cached page's key carries. A content change adds one to it,
    and so does the clock reaching `next_change`, the next scheduled go-live or expiry.

    It lives in the database, not in the cache, so that every gunicorn worker sees a change at
    once even with the default per-process local-memory cache.
    """

    number = models.PositiveBigIntegerField(default=0)
    next_change = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return str(self.number)

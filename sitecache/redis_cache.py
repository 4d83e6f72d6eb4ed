"""Django's own Redis cache backend, made to shrug off a Redis that does not answer.

Django's RedisCache raises redis.exceptions.ConnectionError (or TimeoutError) on every call when
Redis is down, and the site would answer 500. Here every call that fails that way acts as a
miss: reads find nothing, writes keep nothing, so pages are rendered afresh (uncached). The
outage is logged once per process, and its end once. While Redis stays down, it is asked again
only every RETRY_SECONDS, so a visitor waits for no connection timeout in between.

After an outage, the page cache's generation (sitecache/generation.py) is deleted: an edit saved
while Redis was down could not replace it, and the pages kept from before must not come back.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_SECONDS = 2.0
# A Redis that does not even refuse the connection (host gone) costs a visitor at most this.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def _tolerant(name, default):
    """Wrap RedisCache.<name> so that an unreachable Redis returns `default(*args, **kwargs)`."""
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        if self._down_since is not None and time.monotonic() < self._retry_at:
            return default(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            return default(*args, **kwargs)
        if self._down_since is not None:
            self._came_back()
        return result

    call.__name__ = name
    call.__doc__ = method.__doc__
    return call


class TolerantRedisCache(RedisCache):
    """RedisCache whose calls act as cache misses while Redis is unreachable (see module doc).

    Settings as for Django's RedisCache (LOCATION redis://host:port/db); OPTIONS may override
    the socket timeouts in DEFAULT_TIMEOUTS, in seconds.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._down_since = None
        self._retry_at = 0.0

    def _went_down(self, error):
        self._retry_at = time.monotonic() + RETRY_SECONDS
        if self._down_since is None:
            self._down_since = time.monotonic()
            logger.warning(
                "Redis does not answer (%s): pages are served uncached until it is back.", error
            )

    def _came_back(self):
        seconds = time.monotonic() - self._down_since
        self._down_since = None
        logger.warning("Redis answers again after %.0f s: pages are cached again.", seconds)
        from .generation import GENERATION_KEY

        self.delete(GENERATION_KEY)

    get = _tolerant("get", lambda key, default=None, version=None: default)
    get_many = _tolerant("get_many", lambda *args, **kwargs: {})
    has_key = _tolerant("has_key", lambda *args, **kwargs: False)
    add = _tolerant("add", lambda *args, **kwargs: False)
    set = _tolerant("set", lambda *args, **kwargs: None)
    set_many = _tolerant("set_many", lambda *args, **kwargs: [])
    touch = _tolerant("touch", lambda *args, **kwargs: False)
    delete = _tolerant("delete", lambda *args, **kwargs: False)
    delete_many = _tolerant("delete_many", lambda *args, **kwargs: None)
    incr = _tolerant("incr", lambda *args, **kwargs: None)
    clear = _tolerant("clear", lambda *args, **kwargs: None)

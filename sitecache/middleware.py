"""Anonymous visitors' pages from the cache, with no database query, keyed by Django's own rules.

The keys come from `django.utils.cache`: the absolute URL (scheme, host, port, path and query
string), the active language, and the request headers the response names in `Vary`, all under
the current generation's prefix (sitecache/generation.py). So a page is only ever served for the
very request it was made for: a request for another host or port, another query string, another
negotiated language or `Vary` header finds its own entry, or none.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key

from editing.preview import is_preview

from .generation import current_generation

# What may be kept: pages and redirects. A 404 is not kept: any made-up address would fill the
# cache; it is cheap to answer again.
KEPT_STATUSES = {200, 301, 302}


def is_signed_in(request):
    """True for a request with a real signed-in session. A request without a session cookie
    costs no query; a made-up cookie costs the session look-up and is then a visitor like any."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def may_use_cache(request, view_func):
    return (
        settings.PAGE_CACHE_SECONDS
        and request.method in ("GET", "HEAD")
        and getattr(view_func, "cached_for_visitors", False)
        and not is_preview(request)
        and not is_signed_in(request)
    )


def can_keep(request, response):
    """True when the response is the same for every visitor sending this request."""
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code in KEPT_STATUSES
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        # `Vary: *` says the response depends on something no key can hold.
        and not has_vary_header(response, "*")
        # A page that used a CSRF token is tied to the visitor who got it.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class PublicPageCacheMiddleware:
    """Serves the views marked `cached_for_visitors` from the cache, and fills it.

    Placed after LocaleMiddleware (the key holds the language it activated) and the
    authentication middleware (a signed-in request is never served from the cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        generation = getattr(request, "page_cache_generation", None)
        if generation is not None and can_keep(request, response):
            seconds = generation.seconds_left(settings.PAGE_CACHE_SECONDS)
            if seconds:
                key = learn_cache_key(request, response, seconds, generation.key_prefix, cache)
                cache.set(key, response, seconds)
            response["X-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_use_cache(request, view_func):
            return None
        generation = current_generation()
        if generation is None:
            return None
        # A HEAD request is answered from the GET's page, as Django's cache middleware does.
        key = get_cache_key(request, generation.key_prefix, "GET", cache)
        cached = cache.get(key) if key else None
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        request.page_cache_generation = generation
        return None

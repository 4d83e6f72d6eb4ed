"""Anonymous visitors' pages from the cache, with no database query, keyed by Django's own rules.

The keys come from `django.utils.cache`: the absolute URL (scheme, host, port, path and query
string), the active language, and the request headers the response names in `Vary`, all under
the current generation's prefix (sitecache/generation.py). So a page is only ever served for the
very request it was made for: a request for another host or port, another query string, another
negotiated language or `Vary` header finds its own entry, or none.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_cache_key,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from editing.preview import is_preview

from .generation import current_generation

# Templates, code and compiled catalogues change only with a restart: no page this process
# renders changed before it started, whatever the content's generation says.
PROCESS_STARTED = timezone.now()

# What may be kept: pages and redirects. A 404 is not kept: any made-up address would fill the
# cache; it is cheap to answer again.
KEPT_STATUSES = {200, 301, 302}


def is_signed_in(request):
    """True for a request with a real signed-in session. A request without a session cookie
    costs no query; a made-up cookie costs the session look-up and is then a visitor like any."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def is_public_page(request, view_func):
    """True for a request any visitor could have sent for a page marked cached_for_visitors."""
    return (
        request.method in ("GET", "HEAD")
        and getattr(view_func, "cached_for_visitors", False)
        and not is_preview(request)
        and not is_signed_in(request)
    )


def may_use_cache(request, view_func):
    return settings.PAGE_CACHE_SECONDS and is_public_page(request, view_func)


def can_keep(request, response):
    """True when the response to this GET is the same for every visitor sending it."""
    return request.method == "GET" and is_shareable(request, response)


def is_shareable(request, response):
    """True when the response is the same for every visitor sending this request."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in KEPT_STATUSES
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
        set_http_caching(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_public_page(request, view_func):
            return None
        request.is_public_page = True
        if not settings.PAGE_CACHE_SECONDS:
            return None
        generation = current_generation()
        request.public_page_generation = generation
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


def set_http_caching(request, response):
    """Tell browsers, proxies and CDNs what they may keep, unless the view already did.

    A public page any visitor would get alike: `public, max-age=0, s-maxage=PROXY_CACHE_SECONDS`
    (never past the next scheduled change): shared caches keep it that long, browsers ask again
    each time and get a 304 for an unchanged ETag (ConditionalGetMiddleware). `Vary: Cookie`,
    added after the page cache took its copy so that visitors' cookies do not split its keys,
    tells them a signed-in request gets another answer. `Last-Modified` is when the content's
    generation was drawn (or this process started, if later). Anything else (staff, previews, forms,
    errors): `private, no-store`.
    """
    if response.has_header("Cache-Control"):
        return
    seconds = settings.PROXY_CACHE_SECONDS
    generation = getattr(request, "public_page_generation", None)
    if generation is not None:
        seconds = generation.seconds_left(seconds)
    if getattr(request, "is_public_page", False) and is_shareable(request, response) and seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        patch_vary_headers(response, ["Cookie"])
        if (
            generation is not None
            and generation.started
            and not response.has_header("Last-Modified")
        ):
            last_change = max(generation.started, PROCESS_STARTED)
            response["Last-Modified"] = http_date(last_change.timestamp())
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)

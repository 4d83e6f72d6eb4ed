"""Anonymous visitors' pages from the cache: one query (the generation) instead of a render."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .generation import current_generation


def page_key(generation, request):
    # The path carries the language (/fr/..., /en/...), so each language has its own entry.
    path = hashlib.sha256(request.path.encode()).hexdigest()
    return f"page:{generation}:{path}"


def is_anonymous_visit(request):
    # No session cookie: not logged in, so the page is the same for every such visitor.
    return request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES


def can_keep(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        # A page that used a CSRF token is tied to the visitor who got it.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and can_keep(request, response):
            seconds = request.page_cache_generation.seconds_left(settings.PAGE_CACHE_SECONDS)
            if seconds:
                cache.set(key, response, seconds)
            response["X-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (
            settings.PAGE_CACHE_SECONDS
            and getattr(view_func, "cached_for_visitors", False)
            and is_anonymous_visit(request)
        ):
            return None
        generation = current_generation()
        if generation is None:
            return None
        key = page_key(generation.number, request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        request.page_cache_key = key
        request.page_cache_generation = generation
        return None

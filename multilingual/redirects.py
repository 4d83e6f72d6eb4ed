"""Old, short and mistyped addresses answer a redirect to their page, whatever the browser's
language, instead of a 404: permanent when the address names its language, temporary (like
LocaleMiddleware's) when the visitor's language chose it.

Tried in order, on a 404 only (so a real page is never shadowed):

1. the path resolved in the language its words are written in (`/partenaires/` from an English
   browser, `/fr/partners/`, `/es/organisations/unicef/`), then in lower case (`/FR/partenaires/`,
   `/fr/Partenaires/`, `/fr/organisations/UNICEF/`), and given in the language of its prefix, or
   the visitor's when it has none;
2. the redirects staff keep in the admin (django.contrib.redirects: old path → page), whose page
   is given in that same language.

Before any view, the old site's WordPress-style `?lang=xx` parameter (`/?lang=en`,
`/partenaires/?lang=es`) sends to the page in that language.

A redirect that depends on the visitor's language says so in `Vary`; nothing here is read from a
header the page cache's key leaves out, as these answers are never cached.
"""

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, override

from .languages import LANGUAGE_CODES

LANG_PARAMETER = "lang"


def _resolve_in(language, rest):
    """The URL match of `rest` (a path without its language prefix) among `language`'s pages."""
    with override(language):
        try:
            return resolve(f"/{language}/{rest}")
        except Resolver404:
            return None


def _reverse_in(match, language):
    """The address of the matched page in `language`."""
    with override(language):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


def split_language(path):
    """("fr", "partenaires/") for "/FR/partenaires/"; (None, "partenaires/") without a prefix."""
    first, _slash, rest = path.lstrip("/").partition("/")
    if first.lower() in LANGUAGE_CODES:
        return first.lower(), rest
    return None, path.lstrip("/")


def page_address(path, language, other_than=None):
    """The address of the page `path` names, in `language`, or None if it names none.

    `path` may have a prefix or not, words of any language, upper case, or no final slash.
    An address equal to `other_than` (the one that just answered 404) is passed over.
    """
    _prefix, rest = split_language(path)
    candidates = [rest, rest.lower()]
    if not rest.endswith("/") and rest:
        candidates += [f"{rest}/", f"{rest.lower()}/"]
    languages = [language, *(code for code in LANGUAGE_CODES if code != language)]
    for candidate in dict.fromkeys(candidates):
        for words_language in languages:
            match = _resolve_in(words_language, candidate)
            if match is not None and match.view_name:
                address = _reverse_in(match, language)
                if address != other_than:
                    return address
    return None


def _with_raw_query(url, request):
    """`url` with the request's query string exactly as sent (never parsed, so never refused)."""
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def _with_query(url, query):
    """`url` with the QueryDict `query` (kept as the visitor typed it) if it is not empty."""
    return f"{url}?{query.urlencode()}" if query else url


class AddressRedirectMiddleware:
    """Permanent redirects for `?lang=`, misspelt and prefix-less addresses, and staff redirects.

    Sits after LocaleMiddleware, so that the visitor's language is known.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        wanted = self.wanted_language(request)
        if wanted in LANGUAGE_CODES and request.method in ("GET", "HEAD"):
            target = page_address(request.path, wanted)
            if target is not None:
                query = request.GET.copy()
                del query[LANG_PARAMETER]
                return HttpResponsePermanentRedirect(_with_query(target, query))
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return self.redirect_for(request) or response
        return response

    @staticmethod
    def wanted_language(request):
        """The `?lang=` value, lower case, or "". The query is parsed only when it names `lang`,
        so that a page which reads no parameter still ignores a thousand of them."""
        if f"{LANG_PARAMETER}=" not in request.META.get("QUERY_STRING", ""):
            return ""
        try:
            return request.GET.get(LANG_PARAMETER, "").lower()
        except TooManyFieldsSent:
            return ""

    def redirect_for(self, request):
        """The redirect answering this 404, or None."""
        prefix, _rest = split_language(request.path)
        language = prefix or get_language()
        target = page_address(request.path, language, other_than=request.path)
        if target is None:
            target = staff_redirect(request.path, language)
        if target is None or target == request.path:
            return None
        if prefix is not None:
            return HttpResponsePermanentRedirect(_with_raw_query(target, request))
        # The language came from the browser (as LocaleMiddleware's own redirects): temporary, and
        # shared caches must keep one answer per language.
        response = HttpResponseRedirect(_with_raw_query(target, request))
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def staff_redirect(path, language):
    """The page staff redirected `path` to (django.contrib.redirects), in `language`, or None.

    The new page is given in `language` when it is one of the site's pages; any other target (an
    absolute URL, a file) is kept as written.
    """
    from django.contrib.redirects.models import Redirect

    if "\x00" in path:
        return None  # no stored path holds one, and PostgreSQL refuses it in a query
    old_paths = list(dict.fromkeys([path, path.lower()]))
    redirect = (
        Redirect.objects.filter(site_id=settings.SITE_ID, old_path__in=old_paths)
        .exclude(new_path="")
        .first()
    )
    if redirect is None:
        return None
    if redirect.new_path.startswith("/"):
        return page_address(redirect.new_path, language) or redirect.new_path
    return redirect.new_path

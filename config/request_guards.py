"""Two guards in front of every view: the size of a request's body, and the methods a public
address answers. Each answers with the site's own page, in the visitor's language."""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation

# The public site: these URL namespaces and names only show things, they never take a form.
PUBLIC_NAMESPACES = {"pages", "partners", "organisations", "statistics", "search"}
PUBLIC_URL_NAMES = {"sitemap", "robots_txt"}
SAFE_METHODS = ("GET", "HEAD")


def declared_length(request):
    """The body's length as the client declares it (0 when absent or unreadable). Django reads
    no more than this from the socket, so it bounds what can reach memory or disk."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def page(request, template, status):
    """The site's page `template`, in the language of the request's path or browser (this may
    run before LocaleMiddleware has chosen one)."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        return render(request, template, status=status)


class RequestSizeLimitMiddleware:
    """Refuses a body over the limit with 413, before anything reads it.

    Nobody signed in may send more than ANONYMOUS_REQUEST_MAX_BYTES (a sign-in form is under
    1 KB); signed-in staff, who upload logos, up to REQUEST_MAX_BYTES. Django would otherwise
    spool a large upload to a temporary file before any view could refuse it. Comes after
    AuthenticationMiddleware, which reads the session but never the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        limit = settings.ANONYMOUS_REQUEST_MAX_BYTES
        if length > limit and (
            length > settings.REQUEST_MAX_BYTES or not request.user.is_authenticated
        ):
            response = page(request, "413.html", status=413)
            # The rest of the body is not read: the connection cannot be reused.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


def is_public(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return bool(PUBLIC_NAMESPACES.intersection(match.namespaces)) or (
        match.url_name in PUBLIC_URL_NAMES
    )


def method_not_allowed(request):
    """The 405 page for a method other than GET or HEAD, with its Allow header."""
    response = page(request, "405.html", status=405)
    response["Allow"] = ", ".join(SAFE_METHODS)
    return response


class SafeMethodsOnlyMiddleware:
    """Public pages, the sitemap and robots.txt answer GET and HEAD, and 405 to anything else
    (TRACE, OPTIONS, PUT, DELETE, POST…), whatever their view does. Comes after
    LocaleMiddleware (translated paths resolve in the path's language) and answers before
    CsrfViewMiddleware would refuse a PUT with a misleading 403. /healthz does the same in
    health/middleware.py."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and is_public(request):
            return method_not_allowed(request)
        return self.get_response(request)

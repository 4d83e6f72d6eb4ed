"""`/` sends a visitor back to the language they chose: the one of the last page they read.

Django's LocaleMiddleware already sends `/` to the language in its cookie
(settings.LANGUAGE_COOKIE_NAME); this sets that cookie when a visitor reads a page in a language
other than the remembered one, whether they came by the switcher or by a link in that language.
"""

from django.conf import settings

from .redirects import split_language


class RememberLanguageMiddleware:
    """Sets Django's language cookie on a page read in a language the cookie does not hold.

    Sits before the page cache in MIDDLEWARE, so the cookie goes on the answer to this visitor
    and is never stored in a cached page handed to others.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language, _rest = split_language(request.path)
        if (
            language is not None
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

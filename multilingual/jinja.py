"""The public templates' language helpers (config/jinja_environment.py registers them)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, override
from jinja2 import pass_context

from editing.translation_status import readable_in

from .availability import LANGUAGE_CODES
from .markup import lang_attribute


def rendering_language(context):
    """The language of the page being rendered (multilingual.context_processors)."""
    return context.get("LANGUAGE_CODE") or get_language()


@pass_context
def lang_if_fallback(context, obj, field):
    """` lang="fr"` on an element whose text is the French fallback, for screen readers."""
    return lang_attribute(obj, field, rendering_language(context))


@pass_context
def shown_in_french(context, obj):
    """True when part of the object's text is the French fallback in the visitor's language."""
    language = rendering_language(context)
    return not readable_in(obj, language)


# Each language's name in that language: Français, English, Español.
LOCAL_NAMES = {code: get_language_info(code)["name_local"] for code in LANGUAGE_CODES}


def language_name(code):
    """A language's name in that language: Français, English, Español."""
    return LOCAL_NAMES[code]


def home_alternates():
    """The switcher of a page with no language versions of its own (an error page): each
    language's home page."""
    current = get_language()
    alternates = []
    for code in LANGUAGE_CODES:
        with override(code):
            url = reverse("pages:home")
        alternates.append({"code": code, "url": url, "is_current": code == current})
    return alternates


FILTERS = {
    "lang_if_fallback": lang_if_fallback,
    "shown_in_french": shown_in_french,
    "language_name": language_name,
}


def language_cookie():
    """Django's language cookie as the switcher's script writes it (static/multilingual/
    remember-language.js): {"name", "path", "age" in seconds, "domain" or None}, from settings."""
    return {
        "name": settings.LANGUAGE_COOKIE_NAME,
        "path": settings.LANGUAGE_COOKIE_PATH,
        "age": settings.LANGUAGE_COOKIE_AGE,
        "domain": settings.LANGUAGE_COOKIE_DOMAIN,
    }


GLOBALS = {"home_alternates": home_alternates, "language_cookie": language_cookie}

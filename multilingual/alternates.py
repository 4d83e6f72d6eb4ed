"""The links between the language versions of a page: switcher, hreflang and canonical URL."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, override

from .availability import LANGUAGE_CODES, SOURCE_LANGUAGE

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def language_context(request, languages=None, obj=None):
    """Template context for a page that exists in `languages` (all of them by default).

    The URL in each language comes from the object itself when there is one, so that it carries
    that language's slug: reversing the current URL in another language would keep this
    language's slug, and queries do not fall back, so it would land on a 404.
    """
    languages = list(languages or LANGUAGE_CODES)
    current = get_language()

    def url_in(lang):
        if obj is not None:
            with override(lang):
                return obj.get_absolute_url()
        return translate_url(request.path, lang)

    urls = {lang: url_in(lang) for lang in {*languages, current}}
    alternates = [
        {
            "code": lang,
            "name": LANGUAGE_NAMES[lang],
            "url": urls[lang],
            "absolute_url": request.build_absolute_uri(urls[lang]),
            "is_current": lang == current,
        }
        for lang in languages
    ]
    return {
        "page_languages": languages,
        "alternates": alternates,
        "other_languages": [a for a in alternates if not a["is_current"]],
        "canonical_url": request.build_absolute_uri(urls[current]),
        "x_default_url": request.build_absolute_uri(urls[SOURCE_LANGUAGE]),
        "content_in_visitor_language": current in languages,
    }

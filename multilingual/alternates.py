"""The links between the language versions of a page: switcher, hreflang and canonical URL."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, gettext_lazy, override

from config.site_url import absolute_url

from .availability import LANGUAGE_CODES, SOURCE_LANGUAGE

LANGUAGE_NAMES = dict(settings.LANGUAGES)


# Translators: after a language's name in the switcher, when the page has no version in it and
# the link goes to the closest page that has one (shown in that language).
CLOSEST_NOTES = {
    "pages:home": gettext_lazy("not translated: home page"),
    "organisations:list": gettext_lazy("not translated: list of organisations"),
}


def _switcher(request, alternates, closest):
    """The switcher's links: every language, each to this page where it exists, else to the
    closest page that does (`closest`, a URL name), with a note saying so in that language.

    The visitor's query string is kept on this page's other languages (a search stays a search).
    """
    # As sent, not parsed: a page that reads no parameter must not refuse a thousand of them.
    query = request.META.get("QUERY_STRING", "")
    links = []
    existing = {alternate["code"]: alternate for alternate in alternates}
    current = get_language()
    for code in LANGUAGE_CODES:
        if code in existing or code == current:
            alternate = existing.get(code) or {"code": code, "url": request.path}
            url = alternate["url"]
            links.append(
                {
                    **alternate,
                    "url": f"{url}?{query}" if query and code != current else url,
                    "is_current": code == current,
                }
            )
        else:
            with override(code):
                links.append(
                    {
                        "code": code,
                        "url": reverse(closest),
                        "is_current": False,
                        "note": str(CLOSEST_NOTES.get(closest, "")),
                    }
                )
    return links


def language_context(request, languages=None, obj=None, closest="pages:home"):
    """Template context for a page that exists in `languages` (all of them by default).

    Absolute addresses come from settings.SITE_URL (config/site_url.py), never from the request.
    hreflang names only the languages the page exists in; the switcher offers every language,
    sending those it does not exist in to `closest` (a URL name: a list, or home).

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

    urls = {lang: url_in(lang) for lang in {*languages, current, SOURCE_LANGUAGE}}
    # A page shown in French for want of a translation is not a page of its own: its canonical
    # is the French one, as its hreflang and the sitemap say.
    canonical = current if current in languages else SOURCE_LANGUAGE
    alternates = [
        {
            "code": lang,
            "name": LANGUAGE_NAMES[lang],
            "url": urls[lang],
            "absolute_url": absolute_url(urls[lang]),
            "is_current": lang == current,
        }
        for lang in languages
    ]
    return {
        "page_languages": languages,
        "alternates": alternates,
        "switcher": _switcher(request, alternates, closest),
        "other_languages": [a for a in alternates if not a["is_current"]],
        "canonical_url": absolute_url(urls[canonical]),
        "x_default_url": absolute_url(urls[SOURCE_LANGUAGE]),
        "content_in_visitor_language": current in languages,
    }

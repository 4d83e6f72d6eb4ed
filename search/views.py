from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext as _

from multilingual.alternates import language_context
from multilingual.languages import LANGUAGE_CODES, LANGUAGE_NAMES

from .engine import MAX_QUERY_LENGTH
from .engine import search as find


def results_elsewhere(query, language):
    """The first other language with results for `query`: {code, name, count, url}, or None.

    A visitor who finds nothing in their language is told where the words are written.
    """
    for code in LANGUAGE_CODES:
        if code == language:
            continue
        count = len(find(query, code))
        if count:
            with override(code):
                url = f"{reverse('search:results')}?{urlencode({'q': query})}"
            return {"code": code, "name": LANGUAGE_NAMES[code], "count": count, "url": url}
    return None


def search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "max_length": MAX_QUERY_LENGTH, **language_context(request)}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _("Your search is too long: use at most %(max)s characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        status = 400
    elif "\x00" in query:
        context["error"] = _("Your search contains a character that cannot be searched.")
        status = 400
    elif query:
        results = context["results"] = find(query, get_language())
        count = len(results)
        context["summary"] = ngettext(
            "%(counter)s result for “%(query)s”.",
            "%(counter)s results for “%(query)s”.",
            count,
        ) % {"counter": count, "query": query}
        if not results:
            context["elsewhere"] = results_elsewhere(query, get_language())
    return render(request, "search/results.html", context, status=status)

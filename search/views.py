from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext as _

from multilingual.alternates import language_context
from multilingual.languages import LANGUAGE_CODES, LANGUAGE_NAMES

from .engine import MAX_QUERY_LENGTH, find, results

# Results shown a page at a time: search is never cached, and a word found in every body
# (1,000 organisations) must not read and print them all.
RESULTS_PER_PAGE = 20


def results_elsewhere(query, language, request=None):
    """The first other language with results for `query`: {code, name, count, url}, or None.

    A visitor who finds nothing in their language is told where the words are written.
    """
    for code in LANGUAGE_CODES:
        if code == language:
            continue
        count = len(find(query, code, request))
        if count:
            with override(code):
                url = f"{reverse('search:results')}?{urlencode({'q': query})}"
            return {"code": code, "name": LANGUAGE_NAMES[code], "count": count, "url": url}
    return None


def page_url(query, number):
    """The address of page `number` of the results for `query`, in the active language."""
    return f"{reverse('search:results')}?{urlencode({'q': query, 'page': number})}"


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
        matches = find(query, get_language(), request)
        count = len(matches)
        page = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context["results"] = results(query, page.object_list, get_language(), request)
        if page.has_other_pages():
            context["page"] = page
            if page.has_previous():
                context["previous_url"] = page_url(query, page.previous_page_number())
            if page.has_next():
                context["next_url"] = page_url(query, page.next_page_number())
        context["summary"] = ngettext(
            "%(counter)s result for “%(query)s”.",
            "%(counter)s results for “%(query)s”.",
            count,
        ) % {"counter": count, "query": query}
        if not matches:
            context["elsewhere"] = results_elsewhere(query, get_language(), request)
    return render(request, "search/results.html", context, status=status)

from django.shortcuts import render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from multilingual.alternates import language_context

from .engine import MAX_QUERY_LENGTH
from .engine import search as find


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
    return render(request, "search/results.html", context, status=status)

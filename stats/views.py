from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .models import KeyFigure


@cached_for_visitors
def figure_list(request):
    figures = KeyFigure.objects.visible_to(request).select_related("source_organisation")
    return render(
        request,
        "statistics/figure_list.html",
        {"figures": list(figures), **language_context(request)},
    )

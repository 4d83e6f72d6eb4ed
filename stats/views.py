from django.shortcuts import render

from multilingual.alternates import language_context

from .models import KeyFigure


def figure_list(request):
    figures = KeyFigure.objects.published().select_related("source_organisation")
    return render(
        request,
        "statistics/figure_list.html",
        {"figures": list(figures), **language_context(request)},
    )

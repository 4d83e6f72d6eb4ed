from django.shortcuts import render
from django.urls import reverse

from config.site_url import absolute_url
from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .datafiles import data_response
from .dataset import figure_dataset
from .licence import licence_for
from .models import KeyFigure


@cached_for_visitors
def figure_list(request):
    figures = KeyFigure.objects.visible_to(request).select_related("source_organisation")
    return render(
        request,
        "statistics/figure_list.html",
        {
            "figures": list(figures),
            "licence": licence_for(request),
            **language_context(request),
        },
    )


@cached_for_visitors
def figure_data(request, file_format):
    """The published key figures as CSV or JSON, in the URL's language (stats/dataset.py).

    Never drafts, even in preview: a file is copied and kept, a page is not.
    """
    page_url = absolute_url(reverse("statistics:list"))
    return data_response(figure_dataset(page_url), file_format)

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from editing.publishing import live
from multilingual.alternates import language_context
from organisations.models import Organisation
from sitecache.decorators import cached_for_visitors
from stats.models import KeyFigure

HOME_FIGURES = 4
# The figures the about page quotes, by identifier: numbers are never typed into its text.
ABOUT_FIGURES = ("dci-national-sections", "ecpat-member-organisations")


@cached_for_visitors
def home(request):
    # A figure whose source is missing is never a home-page highlight.
    figures = KeyFigure.objects.published().with_source().select_related("source_organisation")
    partners = Organisation.objects.published().filter(live("partnerships")).distinct()
    return render(
        request,
        "pages/home.html",
        {
            "figures": list(figures[:HOME_FIGURES]),
            "partners": list(partners),
            **language_context(request),
        },
    )


@cached_for_visitors
def about(request):
    figures = KeyFigure.objects.published().filter(key__in=ABOUT_FIGURES)
    by_key = {figure.key.replace("-", "_"): figure for figure in figures}
    return render(request, "pages/about.html", {"figures": by_key, **language_context(request)})


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # The admin is not named: its address (ADMIN_URL) is better kept out of public files.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

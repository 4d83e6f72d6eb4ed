from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from config.site_url import absolute_url
from editing.old_slugs import find_by_slug
from editing.preview import is_preview, with_preview
from editing.publishing import live
from multilingual.alternates import language_context
from multilingual.availability import available_languages
from multilingual.collation import sorted_by_shown_name
from organisations.models import Organisation
from organisations.views import find_organisation
from sitecache.decorators import cached_for_visitors
from stats.models import KeyFigure

from .models import Page
from .rendering import placed_page, render_body

HOME_FIGURES = 4


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
            # By the name as the visitor reads it (multilingual/collation.py), not by a column
            # that is empty where a name is not translated.
            "partners": sorted_by_shown_name(partners, name=lambda body: body.name),
            **language_context(request),
        },
    )


@cached_for_visitors
def about(request):
    """The page staff placed as "About"."""
    page = placed_page(Page.Placement.ABOUT, request)
    if page is None:
        raise Http404
    return show_page(request, page)


@cached_for_visitors
def page_detail(request, slug):
    """A page at its own address: by its slug in the visitor's language, else in any language
    (then redirected to the right one)."""
    page = find_page(slug, request)
    if page.placement or page.slug != slug:
        url = page.get_absolute_url()
        return redirect(with_preview(url) if is_preview(request) else url, permanent=True)
    return show_page(request, page)


def find_page(slug, request):
    """The page visible to `request` with this slug in the visitor's language, else in any,
    else the page that had it before (its old address)."""
    return find_by_slug(Page.objects.visible_to(request), slug)


def show_page(request, page):
    return render(
        request,
        "pages/page.html",
        {
            "page": page,
            "body": render_body(page, request),
            **language_context(request, available_languages(page), obj=page),
        },
    )


@cached_for_visitors
def organisation_list(request):
    """Every published organisation, by its name as shown in the visitor's language (one query)."""
    organisations = Organisation.objects.visible_to(request)
    return render(
        request,
        "pages/organisation_list.html",
        {
            "organisations": sorted_by_shown_name(organisations, name=lambda body: body.name),
            **language_context(request),
        },
    )


def page_languages(organisation, partnerships):
    """An organisation's page exists in a language when the body and each relationship do."""
    statuses = [p.consultative_status for p in partnerships if hasattr(p, "consultative_status")]
    return available_languages(organisation, *partnerships, *statuses)


@cached_for_visitors
def organisation_detail(request, slug):
    """One organisation's page: the body, its relationships with DEI, its sections and the
    figures about it. Here rather than in organisations/, which knows neither partnerships nor
    figures (apps depend one way)."""
    organisation = find_organisation(slug, request)
    if organisation.slug != slug:
        url = organisation.get_absolute_url()
        return redirect(with_preview(url) if is_preview(request) else url, permanent=True)

    partnerships = list(
        organisation.partnerships.visible_to(request).select_related("consultative_status")
    )
    figures = list(organisation.figures.visible_to(request).select_related("source_organisation"))
    sections = sorted_by_shown_name(
        organisation.children.visible_to(request), name=lambda body: body.name
    )
    languages = page_languages(organisation, partnerships)
    return render(
        request,
        "pages/organisation_detail.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "figures": figures,
            "sections": sections,
            **language_context(request, languages, obj=organisation, closest="organisations:list"),
        },
    )


@require_safe
def robots_txt(request):
    sitemap_url = absolute_url(reverse("sitemap"))
    # The admin is not named: its address (ADMIN_URL) is better kept out of public files.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

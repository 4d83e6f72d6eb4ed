from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from multilingual.alternates import language_context
from multilingual.availability import available_languages
from sitecache.decorators import cached_for_visitors

from .models import Organisation


def find_organisation(slug):
    """The published body with this slug in the visitor's language, else in any language."""
    published = Organisation.objects.published().select_related("parent")
    organisation = published.filter(**{f"slug_{get_language()}": slug}).first()
    if organisation is None:
        # Queries do not fall back: a body without a slug in this language is found by its
        # slug in another one, and a link in the wrong language is sent to the right URL.
        any_language = Q(slug_fr=slug) | Q(slug_en=slug) | Q(slug_es=slug)
        organisation = published.filter(any_language).first()
    if organisation is None:
        raise Http404
    return organisation


def page_languages(organisation, partnerships):
    """An organisation's page exists in a language when the body and each relationship do."""
    statuses = [p.consultative_status for p in partnerships if hasattr(p, "consultative_status")]
    return available_languages(organisation, *partnerships, *statuses)


@cached_for_visitors
def organisation_detail(request, slug):
    organisation = find_organisation(slug)
    if organisation.slug != slug:
        return redirect(organisation, permanent=True)

    # Reverse relations of the partners and statistics apps: read, never imported here.
    partnerships = list(
        organisation.partnerships.filter(is_published=True).select_related("consultative_status")
    )
    figures = list(
        organisation.figures.filter(is_published=True).select_related("source_organisation")
    )
    sections = list(organisation.children.filter(is_published=True))
    languages = page_languages(organisation, partnerships)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "figures": figures,
            "sections": sections,
            **language_context(request, languages, obj=organisation),
        },
    )

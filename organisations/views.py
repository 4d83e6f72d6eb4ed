from functools import reduce
from operator import or_

from django.db.models import Case, Q, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from editing.preview import is_preview, with_preview
from multilingual.alternates import language_context
from multilingual.availability import available_languages
from sitecache.decorators import cached_for_visitors

from .models import SLUG_COLUMNS, Organisation, SlugRedirect


def find_organisation(slug, request):
    """The body with this slug in the visitor's language, else in any language, else the body
    that had it before (its old address). Live bodies only, except for staff previewing."""
    visible = Organisation.objects.visible_to(request).select_related("parent")
    organisation = visible.filter(**{f"slug_{get_language()}": slug}).first()
    if organisation is None:
        # Queries do not fall back: a body without a slug in this language is found by its
        # slug in another one, and a link in the wrong language is sent to the right URL.
        any_language = reduce(or_, (Q(**{column: slug}) for column in SLUG_COLUMNS))
        organisation = visible.filter(any_language).first()
    if organisation is None:
        old = SlugRedirect.objects.filter(slug=slug, organisation__in=visible)
        # The old address in the visitor's language first, then in any language.
        old = old.order_by(Case(When(language=get_language(), then=0), default=1)).first()
        organisation = old.organisation if old else None
    if organisation is None:
        raise Http404
    return organisation


def page_languages(organisation, partnerships):
    """An organisation's page exists in a language when the body and each relationship do."""
    statuses = [p.consultative_status for p in partnerships if hasattr(p, "consultative_status")]
    return available_languages(organisation, *partnerships, *statuses)


@cached_for_visitors
def organisation_detail(request, slug):
    organisation = find_organisation(slug, request)
    if organisation.slug != slug:
        url = organisation.get_absolute_url()
        return redirect(with_preview(url) if is_preview(request) else url, permanent=True)

    # Reverse relations of the partners and statistics apps: read, never imported here.
    partnerships = list(
        organisation.partnerships.visible_to(request).select_related("consultative_status")
    )
    figures = list(organisation.figures.visible_to(request).select_related("source_organisation"))
    sections = list(organisation.children.visible_to(request))
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

"""Finding an organisation from its page's address. The page itself shows partnerships and
figures too, so it is composed where all three apps are known: pages/views.py."""

from functools import reduce
from operator import or_

from django.db.models import Case, Q, When
from django.http import Http404
from django.utils.translation import get_language

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

"""Finding an organisation from its page's address. The page itself shows partnerships and
figures too, so it is composed where all three apps are known: pages/views.py."""

from editing.old_slugs import find_by_slug

from .models import Organisation


def find_organisation(slug, request):
    """The body with this slug in the visitor's language, else in any language, else the body
    that had it before (its old address). Live bodies only, except for staff previewing."""
    return find_by_slug(Organisation.objects.visible_to(request).select_related("parent"), slug)

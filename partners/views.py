from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .models import Partnership


def group_by_kind(partnerships):
    """[(kind label, [partnership, …]), …], groups in the order of their first member."""
    groups = {}
    for partnership in partnerships:
        groups.setdefault(partnership.kind, []).append(partnership)
    return [(Partnership.Kind(kind).label, members) for kind, members in groups.items()]


def group_by_organisation(partnerships):
    """[(organisation, [kind label, …]), …]: one line per body in the summary."""
    bodies = {}
    for partnership in partnerships:
        entry = bodies.setdefault(partnership.organisation_id, (partnership.organisation, []))
        entry[1].append(partnership.get_kind_display())
    return list(bodies.values())


@cached_for_visitors
def partner_list(request):
    partnerships = list(
        Partnership.objects.visible_to(request).select_related(
            "organisation", "consultative_status"
        )
    )
    statuses = [p for p in partnerships if hasattr(p, "consultative_status")]
    memberships = group_by_organisation(
        p for p in partnerships if p.kind in Partnership.MEMBERSHIP_KINDS
    )
    return render(
        request,
        "partners/partner_list.html",
        {
            "groups": group_by_kind(partnerships),
            "statuses": statuses,
            "memberships": memberships,
            **language_context(request),
        },
    )

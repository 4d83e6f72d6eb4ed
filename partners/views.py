from dataclasses import dataclass

from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .models import Partnership


@dataclass
class Section:
    """The partnerships of one kind, in the partners page's order."""

    kind: str
    title: str
    partnerships: list

    @property
    def anchor(self):
        """A stable fragment name, the kind itself: #consultative-status."""
        return self.kind.replace("_", "-")


def sections_by_kind(partnerships):
    """One Section per kind, in the order of each kind's first partnership."""
    sections = {}
    for partnership in partnerships:
        if partnership.kind not in sections:
            sections[partnership.kind] = Section(
                partnership.kind, partnership.get_kind_display(), []
            )
        sections[partnership.kind].partnerships.append(partnership)
    return list(sections.values())


def memberships_by_body(partnerships):
    """[(organisation, its membership kinds in lower case, joined)], one per body DCI is a
    member of, in the order of its first membership."""
    kinds = {}
    for partnership in partnerships:
        if partnership.kind in Partnership.MEMBERSHIP_KINDS:
            entry = kinds.setdefault(partnership.organisation_id, (partnership.organisation, []))
            entry[1].append(partnership.get_kind_display())
    return [(body, ", ".join(names).lower()) for body, names in kinds.values()]


@cached_for_visitors
def partner_list(request):
    # One query: the partnerships, their bodies and their statuses.
    partnerships = list(
        Partnership.objects.visible_to(request).select_related(
            "organisation", "consultative_status"
        )
    )
    return render(
        request,
        "partners/partner_list.html",
        {
            "statuses": [p for p in partnerships if hasattr(p, "consultative_status")],
            "memberships": memberships_by_body(partnerships),
            "sections": sections_by_kind(partnerships),
            **language_context(request),
        },
    )

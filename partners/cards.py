"""What a partnership's card on the partners page shows, worked out once in Python.

The template engine then only prints strings: resolving each name, fallback flag and URL in the
template cost most of the page's time (docs/performance.md).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import get_language, gettext

from multilingual.availability import SOURCE_LANGUAGE, falls_back
from multilingual.markup import lang_attribute

from .models import Partnership, split_points

# The columns the cards and summary read (modeltranslation adds every language's column of each
# translated field): loading only these halves the time spent building model instances.
CARD_FIELDS = (
    *("kind", "since_year", "until_year", "role", "description", "benefits", "evidence_url"),
    *("organisation__name", "organisation__acronym", "organisation__slug", "organisation__logo"),
    *("consultative_status__category", "consultative_status__privileges"),
)


def shown_text(obj, field_name, language):
    """What modeltranslation's attribute reads (this language's text, else the French), taken
    from the columns directly: its fallback machinery took half of building a card."""
    # Translation columns are NULL where nothing was typed; the attribute reads "" then.
    own = getattr(obj, f"{field_name}_{language}")
    return own or getattr(obj, f"{field_name}_{SOURCE_LANGUAGE}") or ""


class OrganisationUrls:
    """Each body's page address: one reverse() per page, not one per body (slugs need no
    quoting, so putting one in the reversed pattern gives what reverse() would)."""

    PLACEHOLDER = "slug-placeholder"

    def __init__(self):
        self.pattern = reverse("organisations:detail", kwargs={"slug": self.PLACEHOLDER})

    def __call__(self, organisation, language):
        return self.pattern.replace(self.PLACEHOLDER, shown_text(organisation, "slug", language))


@dataclass(slots=True)
class Card:
    pk: int
    name: str
    name_lang: str
    acronym: str
    url: str
    logo_url: str
    logo_alt: str
    period: str
    role: str
    role_lang: str
    in_french: bool
    description: str
    description_lang: str
    benefits: list = field(default_factory=list)
    benefits_lang: str = ""
    privileges: list = field(default_factory=list)
    privileges_lang: str = ""
    evidence_url: str = ""


def period(partnership):
    parts = []
    if partnership.since_year:
        parts.append(gettext("Since %(year)s") % {"year": partnership.since_year})
    if partnership.until_year:
        parts.append(gettext("until %(year)s") % {"year": partnership.until_year})
    return " — ".join(parts)


def card(partnership, url_of, language):
    organisation = partnership.organisation
    status = getattr(partnership, "consultative_status", None)
    name = shown_text(organisation, "name", language)
    return Card(
        pk=partnership.pk,
        name=name,
        name_lang=lang_attribute(organisation, "name", language),
        acronym=shown_text(organisation, "acronym", language),
        url=url_of(organisation, language),
        logo_url=organisation.logo.url if organisation.logo else "",
        logo_alt=gettext("Logo of %(name)s") % {"name": name},
        period=period(partnership),
        role=shown_text(partnership, "role", language),
        role_lang=lang_attribute(partnership, "role", language),
        in_french=any(
            falls_back(partnership, name, language) for name in Partnership.translation_core_fields
        ),
        description=shown_text(partnership, "description", language),
        description_lang=lang_attribute(partnership, "description", language),
        benefits=split_points(shown_text(partnership, "benefits", language)),
        benefits_lang=lang_attribute(partnership, "benefits", language),
        privileges=split_points(shown_text(status, "privileges", language)) if status else [],
        privileges_lang=lang_attribute(status, "privileges", language) if status else "",
        evidence_url=partnership.evidence_url,
    )


@dataclass(slots=True)
class SummaryLine:
    """One line of the page's summary: a body, its link, and what DCI holds with it."""

    name: str
    url: str
    detail: str


def status_line(partnership, url_of, language):
    status = partnership.consultative_status
    details = []
    if partnership.since_year:
        details.append(" — " + gettext("since %(year)s") % {"year": partnership.since_year})
    if status.category:
        details.append(f" ({status.get_category_display().lower()})")
    organisation = partnership.organisation
    return SummaryLine(str(organisation), url_of(organisation, language), "".join(details))


def membership_lines(partnerships, url_of, language):
    """One line per body DCI is a member of, naming each kind of membership."""
    kinds = {}
    for partnership in partnerships:
        entry = kinds.setdefault(partnership.organisation_id, (partnership.organisation, []))
        entry[1].append(partnership.get_kind_display())
    return [
        SummaryLine(str(organisation), url_of(organisation, language), ", ".join(names).lower())
        for organisation, names in kinds.values()
    ]


def partners_page(partnerships):
    """The partners page's content: the summary lines, then the cards grouped by kind in the
    order of each kind's first partnership."""
    url_of, language = OrganisationUrls(), get_language()
    groups = {}
    for partnership in partnerships:
        groups.setdefault(partnership.kind, []).append(card(partnership, url_of, language))
    memberships = [p for p in partnerships if p.kind in Partnership.MEMBERSHIP_KINDS]
    return {
        "statuses": [
            status_line(p, url_of, language)
            for p in partnerships
            if hasattr(p, "consultative_status")
        ],
        "memberships": membership_lines(memberships, url_of, language),
        "groups": [(Partnership.Kind(kind).label, cards) for kind, cards in groups.items()],
    }

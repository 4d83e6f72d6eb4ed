"""What the partners page shows, worked out once in Python from one query's plain rows.

The template only prints strings. The query returns columns (`values()`), not model instances:
building instances through modeltranslation, and resolving names, fallbacks and URLs in the
template, took most of the page's time (docs/performance.md).
"""

from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import get_language, gettext, override

from editing.prepared import PreparedLiveRows
from editing.preview import is_preview
from multilingual.addresses import named_url
from multilingual.availability import LANGUAGE_CODES, SOURCE_LANGUAGE, falls_back
from multilingual.markup import lang_attribute
from organisations.models import Organisation

from .models import ConsultativeStatus, Partnership, split_points


def in_each_language(*names):
    return [f"{name}_{language}" for name in names for language in LANGUAGE_CODES]


# The columns the cards and summary read: each translated field in every language.
PARTNERSHIP_COLUMNS = ("pk", "kind", "since_year", "until_year", "evidence_url")
PARTNERSHIP_COLUMNS += (*in_each_language("role", "description", "benefits"),)
ORGANISATION_COLUMNS = ("pk", "logo", *in_each_language("name", "acronym", "slug"))
STATUS_COLUMNS = ("pk", "category", *in_each_language("privileges"))
LOGO_STORAGE = Organisation._meta.get_field("logo").storage


def card_rows(partnerships):
    """One row of columns per partnership of `partnerships`, with its body and its status."""
    return partnerships.values(
        *PARTNERSHIP_COLUMNS,
        *(f"organisation__{column}" for column in ORGANISATION_COLUMNS),
        *(f"consultative_status__{column}" for column in STATUS_COLUMNS),
    )


# No lookup names a translated field, so modeltranslation need not rewrite them.
LIVE_CARD_ROWS = PreparedLiveRows(
    lambda now: card_rows(Partnership.objects.rewrite(False).published(now))
)


def visible_card_rows(request):
    """The rows of what the visitor may see: live partnerships, or every one for staff
    previewing."""
    if is_preview(request):
        return list(card_rows(Partnership.objects.rewrite(False).all()))
    return LIVE_CARD_ROWS()


class Columns:
    """One object's columns in a row (`organisation__name_fr`…) read as its attributes
    (`name_fr`), so that the rules of multilingual/availability.py apply to it unchanged."""

    __slots__ = ("prefix", "row")

    def __init__(self, row, prefix=""):
        self.row, self.prefix = row, prefix

    def __getattr__(self, name):
        try:
            return self.row[self.prefix + name]
        except KeyError:
            raise AttributeError(name) from None


def shown_text(obj, field_name, language):
    """What modeltranslation's attribute reads (this language's text, else the French)."""
    # Translation columns are NULL where nothing was typed; the attribute reads "" then.
    own = getattr(obj, f"{field_name}_{language}")
    return own or getattr(obj, f"{field_name}_{SOURCE_LANGUAGE}") or ""


def full_name(organisation, language):
    """As the body's str(): "Name (ACRONYM)", or the name alone."""
    name, acronym = (shown_text(organisation, f, language) for f in ("name", "acronym"))
    return f"{name} ({acronym})" if acronym else name


class OrganisationUrls:
    """Each body's page address: one reverse() per page, not one per body (slugs need no
    quoting, so putting one in the reversed pattern gives what reverse() would)."""

    PLACEHOLDER = "slug-placeholder"

    def __init__(self):
        self.pattern = named_url("organisations:detail", slug=self.PLACEHOLDER)

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


@dataclass(frozen=True, slots=True)
class Wording:
    """The page's phrases and labels in one language, translated once, not once per card."""

    since: str
    until: str
    since_lower: str
    logo_of: str
    kinds: dict
    categories: dict


@cache  # one per language
def wording_in(language):
    with override(language):
        return Wording(
            since=gettext("Since %(year)s"),
            until=gettext("until %(year)s"),
            since_lower=gettext("since %(year)s"),
            logo_of=gettext("Logo of %(name)s"),
            kinds={value: str(label) for value, label in Partnership.Kind.choices},
            categories={value: str(label) for value, label in ConsultativeStatus.Category.choices},
        )


def period(partnership, wording):
    parts = []
    if partnership.since_year:
        parts.append(wording.since % {"year": partnership.since_year})
    if partnership.until_year:
        parts.append(wording.until % {"year": partnership.until_year})
    return " — ".join(parts)


def card(row, url_of, language, wording):
    partnership = Columns(row)
    organisation = Columns(row, "organisation__")
    has_status = row["consultative_status__pk"] is not None
    status = Columns(row, "consultative_status__")
    name = shown_text(organisation, "name", language)
    logo = organisation.logo
    return Card(
        pk=partnership.pk,
        name=name,
        name_lang=lang_attribute(organisation, "name", language),
        acronym=shown_text(organisation, "acronym", language),
        url=url_of(organisation, language),
        logo_url=LOGO_STORAGE.url(logo) if logo else "",
        logo_alt=wording.logo_of % {"name": name},
        period=period(partnership, wording),
        role=shown_text(partnership, "role", language),
        role_lang=lang_attribute(partnership, "role", language),
        in_french=any(
            falls_back(partnership, name, language) for name in Partnership.translation_core_fields
        ),
        description=shown_text(partnership, "description", language),
        description_lang=lang_attribute(partnership, "description", language),
        benefits=split_points(shown_text(partnership, "benefits", language)),
        benefits_lang=lang_attribute(partnership, "benefits", language),
        privileges=split_points(shown_text(status, "privileges", language)) if has_status else [],
        privileges_lang=lang_attribute(status, "privileges", language) if has_status else "",
        evidence_url=partnership.evidence_url,
    )


@dataclass(slots=True)
class SummaryLine:
    """One line of the page's summary: a body, its link, and what DCI holds with it."""

    name: str
    url: str
    detail: str


def status_line(row, url_of, language, wording):
    details = []
    if row["since_year"]:
        details.append(" — " + wording.since_lower % {"year": row["since_year"]})
    if row["consultative_status__category"]:
        details.append(f" ({wording.categories[row['consultative_status__category']].lower()})")
    organisation = Columns(row, "organisation__")
    return SummaryLine(
        full_name(organisation, language), url_of(organisation, language), "".join(details)
    )


def membership_lines(rows, url_of, language, kinds):
    """One line per body DCI is a member of, naming each kind of membership."""
    by_body = {}
    for row in rows:
        entry = by_body.setdefault(row["organisation__pk"], (Columns(row, "organisation__"), []))
        entry[1].append(kinds[row["kind"]])
    return [
        SummaryLine(
            full_name(organisation, language),
            url_of(organisation, language),
            ", ".join(names).lower(),
        )
        for organisation, names in by_body.values()
    ]


def partners_page(rows):
    """The partners page's content from `card_rows()`: the summary lines, then the cards grouped
    by kind in the order of each kind's first partnership."""
    url_of, language = OrganisationUrls(), get_language()
    wording = wording_in(language)
    kinds = wording.kinds
    groups = {}
    for row in rows:
        groups.setdefault(row["kind"], []).append(card(row, url_of, language, wording))
    memberships = [row for row in rows if row["kind"] in Partnership.MEMBERSHIP_KINDS]
    return {
        "statuses": [
            status_line(row, url_of, language, wording)
            for row in rows
            if row["consultative_status__pk"] is not None
        ],
        "memberships": membership_lines(memberships, url_of, language, kinds),
        "groups": [(kinds[kind], cards) for kind, cards in groups.items()],
    }

"""What the partners page shows, worked out once in Python from one query's plain rows.

The template only prints strings. The query returns columns (`values()`), not model instances:
building instances through modeltranslation, and resolving names, fallbacks and URLs in the
template, took most of the page's time (docs/performance.md).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext, override

from editing.prepared import PreparedLiveRows
from editing.preview import is_preview
from multilingual.addresses import address_setup, named_url
from multilingual.availability import LANGUAGE_CODES, SOURCE_LANGUAGE, is_fallback
from multilingual.markup import IN_SOURCE_LANGUAGE
from multilingual.per_language import kept_per_language
from organisations.models import Organisation

from .models import ConsultativeStatus, Partnership, split_points

# The translated texts a card reads, as named in a row.
TEXTS = (
    *("role", "description", "benefits"),
    *("organisation__name", "organisation__acronym", "organisation__slug"),
    "consultative_status__privileges",
)
PARTNERSHIP_COLUMNS = ("pk", "kind", "since_year", "until_year", "evidence_url")
ORGANISATION_COLUMNS = ("organisation__pk", "organisation__logo")
STATUS_COLUMNS = ("consultative_status__pk", "consultative_status__category")
LOGO_STORAGE = Organisation._meta.get_field("logo").storage


def card_rows(partnerships):
    """One row of columns per partnership of `partnerships`, with its body and its status:
    each translated text in every language (`role_fr`, `role_en`…)."""
    texts = [f"{name}_{language}" for name in TEXTS for language in LANGUAGE_CODES]
    return partnerships.values(*PARTNERSHIP_COLUMNS, *ORGANISATION_COLUMNS, *STATUS_COLUMNS, *texts)


# No lookup names a translated field, so modeltranslation need not rewrite them.
LIVE_CARD_ROWS = PreparedLiveRows(
    Partnership, lambda now: card_rows(Partnership.objects.rewrite(False).published(now))
)


def visible_card_rows(request):
    """The rows of what the visitor may see: live partnerships, or every one for staff
    previewing."""
    if is_preview(request):
        return list(card_rows(Partnership.objects.rewrite(False).all()))
    return LIVE_CARD_ROWS()


class RowTexts:
    """A row's texts as a visitor of one language reads them: that language's column, else the
    French one, which is then marked ` lang="fr"` for screen readers (the rule of
    multilingual/availability.py, what modeltranslation's attributes would give)."""

    def __init__(self, language):
        self.translated = language != SOURCE_LANGUAGE
        self.columns = {name: (f"{name}_{language}", f"{name}_{SOURCE_LANGUAGE}") for name in TEXTS}

    def text(self, row, name):
        own, source = self.columns[name]
        # Translation columns are NULL where nothing was typed; the attribute reads "" then.
        return row[own] or row[source] or ""

    def in_french(self, row, name):
        own, source = self.columns[name]
        return self.translated and is_fallback(row[own], row[source])

    def lang(self, row, name):
        return IN_SOURCE_LANGUAGE if self.in_french(row, name) else ""


@dataclass(frozen=True, slots=True)
class PageLanguage:
    """What the page needs of one language, worked out once per language, not once per card."""

    texts: RowTexts
    url_pattern: str
    since: str
    until: str
    since_lower: str
    logo_of: str
    kinds: dict
    categories: dict

    # Slugs need no quoting: putting one in the reversed pattern gives what reverse() would.
    SLUG = "slug-placeholder"

    def url_of(self, row):
        return self.url_pattern.replace(self.SLUG, self.texts.text(row, "organisation__slug"))

    def full_name(self, row):
        """As the body's str(): "Name (ACRONYM)", or the name alone."""
        name = self.texts.text(row, "organisation__name")
        acronym = self.texts.text(row, "organisation__acronym")
        return f"{name} ({acronym})" if acronym else name


@kept_per_language
def page_language_for(setup):
    """The page's language part for an `address_setup()` (the language comes first)."""
    with override(setup[0]):
        return PageLanguage(
            texts=RowTexts(setup[0]),
            url_pattern=named_url("organisations:detail", slug=PageLanguage.SLUG),
            since=gettext("Since %(year)s"),
            until=gettext("until %(year)s"),
            since_lower=gettext("since %(year)s"),
            logo_of=gettext("Logo of %(name)s"),
            kinds={value: str(label) for value, label in Partnership.Kind.choices},
            categories={value: str(label) for value, label in ConsultativeStatus.Category.choices},
        )


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


def period(row, page):
    parts = []
    if row["since_year"]:
        parts.append(page.since % {"year": row["since_year"]})
    if row["until_year"]:
        parts.append(page.until % {"year": row["until_year"]})
    return " — ".join(parts)


def card(row, page):
    texts = page.texts
    name = texts.text(row, "organisation__name")
    logo = row["organisation__logo"]
    has_status = row["consultative_status__pk"] is not None
    return Card(
        pk=row["pk"],
        name=name,
        name_lang=texts.lang(row, "organisation__name"),
        acronym=texts.text(row, "organisation__acronym"),
        url=page.url_of(row),
        logo_url=LOGO_STORAGE.url(logo) if logo else "",
        logo_alt=page.logo_of % {"name": name},
        period=period(row, page),
        role=texts.text(row, "role"),
        role_lang=texts.lang(row, "role"),
        in_french=any(texts.in_french(row, name) for name in Partnership.translation_core_fields),
        description=texts.text(row, "description"),
        description_lang=texts.lang(row, "description"),
        benefits=split_points(texts.text(row, "benefits")),
        benefits_lang=texts.lang(row, "benefits"),
        privileges=(
            split_points(texts.text(row, "consultative_status__privileges")) if has_status else []
        ),
        privileges_lang=texts.lang(row, "consultative_status__privileges") if has_status else "",
        evidence_url=row["evidence_url"],
    )


@dataclass(slots=True)
class SummaryLine:
    """One line of the page's summary: a body, its link, and what DCI holds with it."""

    name: str
    url: str
    detail: str


def status_line(row, page):
    details = []
    if row["since_year"]:
        details.append(" — " + page.since_lower % {"year": row["since_year"]})
    if row["consultative_status__category"]:
        details.append(f" ({page.categories[row['consultative_status__category']].lower()})")
    return SummaryLine(page.full_name(row), page.url_of(row), "".join(details))


def membership_lines(rows, page):
    """One line per body DCI is a member of, naming each kind of membership."""
    by_body = {}
    for row in rows:
        entry = by_body.setdefault(row["organisation__pk"], (row, []))
        entry[1].append(page.kinds[row["kind"]])
    return [
        SummaryLine(page.full_name(row), page.url_of(row), ", ".join(names).lower())
        for row, names in by_body.values()
    ]


def partners_page(rows):
    """The partners page's content from `card_rows()`: the summary lines, then the cards grouped
    by kind in the order of each kind's first partnership."""
    page = page_language_for(address_setup())
    groups = {}
    for row in rows:
        groups.setdefault(row["kind"], []).append(card(row, page))
    memberships = [row for row in rows if row["kind"] in Partnership.MEMBERSHIP_KINDS]
    return {
        "statuses": [
            status_line(row, page) for row in rows if row["consultative_status__pk"] is not None
        ],
        "memberships": membership_lines(memberships, page),
        "groups": [(page.kinds[kind], cards) for kind, cards in groups.items()],
    }

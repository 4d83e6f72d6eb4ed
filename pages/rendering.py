"""A page's text as visitors see it: its references resolved in at most three queries, however
many links and figures it holds (one for pages, one for organisations, one for figures)."""

from django.urls import reverse
from django.utils.translation import get_language

from editing.old_slugs import SLUG_COLUMNS
from multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from organisations.models import Organisation
from stats.formatting import figure_display
from stats.models import KeyFigure

from . import richtext
from .models import Page


def _translated(*fields, prefix=""):
    return [f"{prefix}{field}_{code}" for field in fields for code in LANGUAGE_CODES]


# What a figure in a text shows: its value and label, and its source as a note
# (pages/jinja2/pages/includes/body.html); a figure's other columns are read for nothing.
FIGURE_FIELDS = [
    "kind",
    "qualifier",
    "value",
    "ratio_total",
    "year",
    "source_url",
    "source_organisation",
    *_translated("label", "source_title"),
    *_translated("name", "acronym", prefix="source_organisation__"),
]


def figure_text(figure):
    """“more than 1.2 million children …”: the current value, formatted for the language, and
    what it counts."""
    value = figure_display(figure)
    return f"{value} {figure.label}" if value else figure.label


def render_body(page, request):
    """richtext.Rendered for `page`'s text in the active language (falling back to French).

    Links point to what `request` may see (drafts too for staff previewing); anything else
    prints as plain text, and a hidden figure drops out."""
    html = page.body or ""
    found = richtext.references(html)
    targets = {}
    # Addresses from slug columns read as plain values: a model instance per link, with its
    # long text, would cost more than the rest of the page (bench/, "page, 1,000 words").
    if found["page"]:
        pages = Page.objects.visible_to(request).filter(pk__in=found["page"])
        for pk, placement, *slugs in pages.values_list("pk", "placement", *SLUG_COLUMNS):
            targets["page", pk] = Page.address(placement, in_language(slugs))
    if found["organisation"]:
        organisations = Organisation.objects.visible_to(request)
        organisations = organisations.filter(pk__in=found["organisation"])
        for pk, *slugs in organisations.values_list("pk", *SLUG_COLUMNS):
            # As Organisation.get_absolute_url: the slug in the language, else the French one.
            targets["organisation", pk] = reverse(
                "organisations:detail", kwargs={"slug": in_language(slugs)}
            )
    if found["figure"]:
        figures = KeyFigure.objects.visible_to(request).filter(pk__in=found["figure"])
        figures = figures.select_related("source_organisation").only(*FIGURE_FIELDS)
        for figure in figures:
            targets["figure", figure.pk] = figure
    return richtext.render(html, targets, figure_text)


def in_language(slugs):
    """The slug in the active language, else in the source language (slugs in the order of
    SLUG_COLUMNS), as modeltranslation's fallback reads it."""
    by_language = dict(zip(LANGUAGE_CODES, slugs, strict=True))
    return by_language.get(get_language()) or by_language[SOURCE_LANGUAGE]


def placed_page(placement, request):
    """The page staff chose for `placement` (Page.Placement), if visible to `request`."""
    return Page.objects.visible_to(request).filter(placement=placement).first()

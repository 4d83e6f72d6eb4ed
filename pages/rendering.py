"""A page's text as visitors see it: its references resolved in at most three queries, however
many links and figures it holds (one for pages, one for organisations, one for figures), and
then kept, drawn, in Django's cache until content changes (`body_block`)."""

from django.template import engines
from django.urls import reverse
from django.utils.translation import get_language
from markupsafe import Markup

from editing.old_slugs import SLUG_COLUMNS
from editing.preview import is_preview
from editing.translation_status import published_field
from multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from organisations.models import Organisation
from sitecache.fragments import per_generation
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
    # Whether the source body is live (a hidden one is never named: `public_source_organisation`)
    # and which translations are published (editing/unpublished.py hides the others).
    *(f"source_organisation__{field}" for field in ("is_published", "publish_at", "expire_at")),
    *(published_field(code) for code in TRANSLATION_LANGUAGES),
    *(f"source_organisation__{published_field(code)}" for code in TRANSLATION_LANGUAGES),
]


# What a link's address is made of: the slug in each language, and whether each translation is
# published (read as plain values: see render_body).
ADDRESS_COLUMNS = [*SLUG_COLUMNS, *(published_field(code) for code in TRANSLATION_LANGUAGES)]


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
        for pk, placement, *columns in pages.values_list("pk", "placement", *ADDRESS_COLUMNS):
            targets["page", pk] = Page.address(placement, in_language(columns, request))
    if found["organisation"]:
        organisations = Organisation.objects.visible_to(request)
        organisations = organisations.filter(pk__in=found["organisation"])
        for pk, *columns in organisations.values_list("pk", *ADDRESS_COLUMNS):
            # As Organisation.get_absolute_url: the slug in the language, else the French one.
            targets["organisation", pk] = reverse(
                "organisations:detail", kwargs={"slug": in_language(columns, request)}
            )
    if found["figure"]:
        figures = KeyFigure.objects.visible_to(request).filter(pk__in=found["figure"])
        figures = figures.select_related("source_organisation").only(*FIGURE_FIELDS)
        for figure in figures:
            targets["figure", figure.pk] = figure
    return richtext.render(html, targets, figure_text)


BODY_TEMPLATE = "pages/includes/body.html"


def body_block(page, request):
    """`page`'s text and its figures' notes, as HTML (BODY_TEMPLATE), for `request`.

    Resolving the references and drawing the template is most of a page's work (bench/, "page,
    1,000 words"), and the result changes only with content: so it is kept for the content
    generation (sitecache/fragments.py), per page and language. Any content save draws a new
    generation, so a target's new slug, a figure's new value or a hidden target shows at once;
    the clock's scheduled changes do too. Staff previewing always get it drawn afresh.
    """
    html = per_generation(f"pages.body.{page.pk}", lambda: str(draw_body(page, request)), request)
    return Markup(html)


def draw_body(page, request):
    """BODY_TEMPLATE drawn for `page` now (no cache)."""
    template = engines["jinja2"].env.get_template(BODY_TEMPLATE)
    return Markup(template.render({"page": page, "body": render_body(page, request)}))


def in_language(columns, request):
    """The slug visitors reach the target by in the active language: its own, or the source
    language's when it has none or its translation is not published (editing/unpublished.py
    empties it then, and the translated address would only redirect). Staff previewing see
    unpublished translations. `columns`: values of ADDRESS_COLUMNS, in that order."""
    slugs = dict(zip(LANGUAGE_CODES, columns, strict=False))
    published = dict(zip(TRANSLATION_LANGUAGES, columns[len(LANGUAGE_CODES) :], strict=True))
    language = get_language()
    if published.get(language) is False and not is_preview(request):
        return slugs[SOURCE_LANGUAGE]
    return slugs.get(language) or slugs[SOURCE_LANGUAGE]


def placed_page(placement, request):
    """The page staff chose for `placement` (Page.Placement), if visible to `request`."""
    return Page.objects.visible_to(request).filter(placement=placement).first()

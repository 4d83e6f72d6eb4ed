"""A page's text as visitors see it: its references resolved in at most three queries, however
many links and figures it holds (one for pages, one for organisations, one for figures)."""

from organisations.models import Organisation
from stats.formatting import figure_display
from stats.models import KeyFigure

from . import richtext
from .models import Page


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
    if found["page"]:
        for target in Page.objects.visible_to(request).filter(pk__in=found["page"]):
            targets["page", target.pk] = target.get_absolute_url()
    if found["organisation"]:
        organisations = Organisation.objects.visible_to(request).filter(
            pk__in=found["organisation"]
        )
        for organisation in organisations:
            targets["organisation", organisation.pk] = organisation.get_absolute_url()
    if found["figure"]:
        figures = KeyFigure.objects.visible_to(request).filter(pk__in=found["figure"])
        for figure in figures.select_related("source_organisation"):
            targets["figure", figure.pk] = figure
    return richtext.render(html, targets, figure_text)


def placed_page(placement, request):
    """The page staff chose for `placement` (Page.Placement), if visible to `request`."""
    return Page.objects.visible_to(request).filter(placement=placement).first()

"""The public templates' page helpers (config/jinja_environment.py registers them).

- `{{ page_introduction("partners") }}`: the introduction staff placed on a structured page
  (Page.Placement), its references resolved, or "" when there is none visible.
- `navigation_pages()`: the header menu's pages, in the order staff chose, live ones only.
"""

from django.db import DatabaseError
from jinja2 import pass_context
from markupsafe import Markup

from editing.old_slugs import SLUG_COLUMNS
from multilingual.languages import LANGUAGE_CODES

from .models import NavigationItem, Page
from .rendering import placed_page, render_body

PAGE_TITLES = [f"title_{code}" for code in LANGUAGE_CODES]


@pass_context
def page_introduction(context, placement):
    request = context.get("request")
    page = placed_page(placement, request)
    if page is None:
        return ""
    template = context.environment.get_template("pages/includes/body.html")
    return Markup(template.render({**context, "page": page, "body": render_body(page, request)}))


@pass_context
def navigation_pages(context):
    """[(page, url)] in staff's order: one query, whatever the number of pages."""
    request = context.get("request")
    # A page's title and address only: its text is long, and read for nothing here.
    fields = [f"page__{name}" for name in ("placement", *PAGE_TITLES, *SLUG_COLUMNS)]
    items = NavigationItem.objects.select_related("page").only("order", *fields)
    try:
        return [
            (item.page, item.page.get_absolute_url())
            for item in items.filter(page__in=Page.objects.visible_to(request))
        ]
    except DatabaseError:
        # The 503 page, shown when the database does not answer or a query was cancelled (the
        # request's transaction then refuses every query), keeps its header: no menu.
        return []


FILTERS = {}
GLOBALS = {"page_introduction": page_introduction, "navigation_pages": navigation_pages}

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
from sitecache.fragments import per_generation

from .models import NavigationItem, Page
from .rendering import body_block, placed_page

PAGE_TITLES = [f"title_{code}" for code in LANGUAGE_CODES]


@pass_context
def page_introduction(context, placement):
    """The introduction placed on `placement`, drawn: kept for the content generation
    (sitecache/fragments.py), so a search page, never cached whole, draws it once."""
    request = context.get("request")

    def draw():
        page = placed_page(placement, request)
        return "" if page is None else str(body_block(page, request))

    return Markup(per_generation(f"pages.introduction.{placement}", draw, request))


@pass_context
def navigation_pages(context):
    """[(page, url)] in staff's order: one query, whatever the number of pages, kept for the
    content generation (sitecache/fragments.py): every public page shows the menu."""
    request = context.get("request")
    try:
        return per_generation("pages.menu", lambda: read_menu(request), request)
    except DatabaseError:
        # The 503 page, shown when the database does not answer or a query was cancelled (the
        # request's transaction then refuses every query), keeps its header: no menu (and
        # nothing kept, so the next page has it again).
        return []


def read_menu(request):
    """[(page, url)] of the header menu for `request`, read now: one query."""
    # A page's title and address only: its text is long, and read for nothing here.
    fields = [f"page__{name}" for name in ("placement", *PAGE_TITLES, *SLUG_COLUMNS)]
    items = NavigationItem.objects.select_related("page").only("order", *fields)
    return [
        (item.page, item.page.get_absolute_url())
        for item in items.filter(page__in=Page.objects.visible_to(request))
    ]


FILTERS = {}
GLOBALS = {"page_introduction": page_introduction, "navigation_pages": navigation_pages}

"""The content admin's add and change pages as an editor's browser fills them (django-webtest),
and everything a save could leave behind.

`Page.form()` reads the page's real form again and types in a complete, valid entry, one
inline row included: the tests then spoil one field or several, and submit it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.urls import reverse
from reversion.models import Revision, Version

from editing.registry import stored_with_content
from organisations.models import Organisation
from pages import models as pages
from partners.models import ConsultativeStatus, Partnership
from sitecache.generation import GENERATION_KEY
from stats.models import KeyFigure, OpenDataSettings
from tests.admin.forms import FIGURE_VALUES, ORGANISATION_VALUES, PARTNERSHIP_VALUES, STATUS_VALUES
from tests.conftest import make_figure, make_organisation, make_partnership
from tests.pages.conftest import make_page
from tests.pages.test_sanitising import page_form
from tests.webforms import add_inline_row, fill, fresh, main_form

MODES = ("add", "change")

# What is typed into the first row of an inline.
PARTNERSHIP_ROW = {"kind": "membership", "role_fr": "Membre", "order": "3", "is_published": True}
STATUS_ROW = {"category": "special", "granted_year": "1993", "privileges_fr": "Assister"}


@dataclass
class Page:
    """An admin page as the browser got it, and how to fill its form so that it saves."""

    url: str
    response: object
    fill_in: Callable

    def form(self):
        """The page's form as first shown, filled in with a complete entry."""
        form = fresh(main_form(self.response))
        self.fill_in(form)
        return form


def in_row(prefix, index, values):
    """{name in the form: value} for row `index` of inline `prefix`."""
    return {f"{prefix}-{index}-{name}": value for name, value in values.items()}


def with_a_new_row(prefix, values):
    """A filler that adds a row to inline `prefix`, as "Add another" does, and types `values`."""

    def add_row(form):
        fill(form, in_row(prefix, add_inline_row(form, prefix), values))

    return add_row


def organisation_page(mode):
    if mode == "add":
        new_row = with_a_new_row("partnerships", PARTNERSHIP_ROW)
        return reverse("admin:organisations_organisation_add"), lambda form: new_row(
            fill(form, ORGANISATION_VALUES)
        )
    body = make_organisation()
    make_partnership(body)
    return reverse("admin:organisations_organisation_change", args=[body.pk]), lambda form: fill(
        form, {**ORGANISATION_VALUES, **in_row("partnerships", 0, PARTNERSHIP_ROW)}
    )


def partnership_page(mode):
    body = make_organisation()
    values = {"organisation": str(body.pk), **PARTNERSHIP_VALUES}
    if mode == "add":
        new_row = with_a_new_row("consultative_status", STATUS_ROW)
        return reverse("admin:partners_partnership_add"), lambda form: new_row(fill(form, values))
    partnership = make_partnership(body, kind=Partnership.Kind.CONSULTATIVE_STATUS)
    ConsultativeStatus.objects.create(partnership=partnership, category="roster")
    return reverse("admin:partners_partnership_change", args=[partnership.pk]), lambda form: fill(
        form, {**values, **in_row("consultative_status", 0, STATUS_ROW)}
    )


def status_page(mode):
    partnership = make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS)
    values = {"partnership": str(partnership.pk), **STATUS_VALUES}
    if mode == "add":
        return reverse("admin:partners_consultativestatus_add"), lambda form: fill(form, values)
    status = ConsultativeStatus.objects.create(partnership=partnership, category="roster")
    url = reverse("admin:partners_consultativestatus_change", args=[status.pk])
    return url, lambda form: fill(form, values)


def figure_page(mode):
    if mode == "add":
        return reverse("admin:statistics_keyfigure_add"), lambda form: fill(form, FIGURE_VALUES)
    figure = make_figure()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    return url, lambda form: fill(form, FIGURE_VALUES)


def open_data_settings_page(mode):
    values = {"licence_name_fr": "CC BY 4.0", "licence_url": OpenDataSettings.DEFAULT_LICENCE_URL}
    if mode == "add":
        return reverse("admin:statistics_opendatasettings_add"), lambda form: fill(form, values)
    settings_row = OpenDataSettings.objects.create()
    url = reverse("admin:statistics_opendatasettings_change", args=[settings_row.pk])
    return url, lambda form: fill(form, values)


# A page as tests/pages/test_sanitising.py posts it, its "published" box ticked.
PAGE_VALUES = {**page_form(), "is_published": True}


def page_page(mode):
    if mode == "add":
        return reverse("admin:pages_page_add"), lambda form: fill(form, PAGE_VALUES)
    page = make_page()
    return reverse("admin:pages_page_change", args=[page.pk]), lambda form: fill(form, PAGE_VALUES)


def menu_item_page(mode):
    page = make_page()
    values = {"page": str(page.pk), "order": "1"}
    if mode == "add":
        return reverse("admin:pages_navigationitem_add"), lambda form: fill(form, values)
    item = pages.NavigationItem.objects.create(page=page)
    url = reverse("admin:pages_navigationitem_change", args=[item.pk])
    return url, lambda form: fill(form, values)


PAGES = {
    Organisation: organisation_page,
    Partnership: partnership_page,
    ConsultativeStatus: status_page,
    KeyFigure: figure_page,
    OpenDataSettings: open_data_settings_page,
    pages.Page: page_page,
    pages.NavigationItem: menu_item_page,
}


def open_page(app, model, mode):
    """The `mode` ("add" or "change") page of `model`, opened in the django-webtest `app`."""
    url, fill_in = PAGES[model](mode)
    return Page(url, app.get(url), fill_in)


# What a save could leave behind -------------------------------------------------------------


def rows_of(model):
    rows = model._base_manager.order_by("pk")
    # The columns as stored: modeltranslation would read `slug` as the active language's slug.
    rows = rows.rewrite(False) if hasattr(rows, "rewrite") else rows
    return rows.values()


def snapshot(media_root):
    """Every row of content, the history, the admin log, the page cache's schedule and the
    uploaded files: equal before and after a refused or failed save."""
    rows = {model._meta.label: list(rows_of(model)) for model in stored_with_content()}
    return {
        **rows,
        "versions": Version.objects.count(),
        "revisions": Revision.objects.count(),
        "admin log": LogEntry.objects.count(),
        # A rolled-back save may draw a new cache token (a round of misses, nothing worse),
        # but must never make the page cache forget a scheduled change.
        "next scheduled change": (cache.get(GENERATION_KEY) or (None, None))[1],
        "files": sorted(
            str(path.relative_to(media_root))
            for path in Path(media_root).rglob("*")
            if path.is_file()
        ),
    }

"""Every admin address, tried by a visitor who is not signed in and by a translator, with every
method and with the forms an editor's browser sends: neither gets further than their role.

The addresses are read from the URLconf (admin_routes.py), so a screen added later is tried
too. Visitors are sent to the sign-in page. Translators read content and change its English and
Spanish text (editing/roles.py); anything else refuses them. After each request the database is
compared with a snapshot taken just before it (admin_snapshots.py): a visitor changes nothing, a
translator only English and Spanish text. The forms are the pages' real ones, read and filled by
django-webtest (admin_attempts.py); each is also sent by a superuser, in a transaction rolled back
afterwards, to show that it is one the admin accepts: a refusal then means something.
"""

from urllib.parse import urlsplit

import pytest
from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin
from django.db import transaction
from django.urls import reverse

from organisations.models import Organisation
from tests.reliability.admin_attempts import attempts, send
from tests.reliability.admin_routes import (
    PUBLIC,
    ROUTES,
    WRITES,
    is_content,
    translator_may_open,
)
from tests.reliability.admin_snapshots import (
    beyond_a_translators_role,
    differences,
    snapshot,
    translation_columns,
)
from tests.webforms import browser

pytestmark = pytest.mark.django_db

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


def tried_by_a_superuser(superuser, method, url, attempt):
    """Whether the superuser's request changes the database; undone afterwards."""
    with transaction.atomic():
        before = snapshot()
        response = send(superuser, method, url, attempt)
        changed = differences(before, snapshot())
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{method} {url} ({attempt.label}): {response.status_code}"
    return bool(changed)


def goes_to_sign_in(response):
    login = reverse("admin:login")
    return response.status_code == 302 and urlsplit(response.headers["Location"]).path == login


def problems_with(route, world):
    """What goes wrong on one admin screen, for a visitor and for a translator, as sentences."""
    superuser = browser(world.administrator)
    url = world.address(route)
    opened = superuser.get(url, expect_errors=True).status_code
    if opened == 404 and route.kind != "catch_all":
        return [f"{url} does not exist: the test fills its parameters wrongly"]
    if opened == 403:
        return []  # closed to everyone, superusers too (a second open-data settings row)
    tries = attempts(route, url, world, superuser)
    if is_content(route.model) and route.kind in WRITES:
        # Every attempt, not just until one works: none may give a server error.
        changes = [tried_by_a_superuser(superuser, "POST", url, attempt) for attempt in tries]
        if not any(changes):
            return [f"no form sent to {url} changes anything, even for a superuser: nothing tried"]

    # The admin reads no body but a POST's: one attempt is enough for PUT, PATCH and DELETE.
    requests = [("GET", None), *(("POST", attempt) for attempt in tries)]
    requests += [(method, tries[0]) for method in UNSAFE if method != "POST"]
    problems = []
    translator_saved = False
    visitor, translator_client = browser(), browser(world.translator)
    state = snapshot()
    for method, attempt in requests:
        label = f"{method} {url}" + (f" ({attempt.label})" if attempt else "")

        response = send(visitor, method, url, attempt)
        before, state = state, snapshot()
        changed = differences(before, state)
        status = response.status_code
        if changed:
            problems.append(f"visitor: {label} changed {changed}")
        if route.kind in PUBLIC:
            if status >= 500:
                problems.append(f"visitor: {label} answered {status}")
        elif not (goes_to_sign_in(response) or status in (403, 405)):
            problems.append(f"visitor: {label} answered {status}, not the sign-in page")

        if route.kind == "logout":
            translator_client = browser(world.translator)
        response = send(translator_client, method, url, attempt)
        before, state = state, snapshot()
        changed = differences(before, state)
        status = response.status_code
        translator_saved |= bool(changed)
        beyond = beyond_a_translators_role(changed, state)
        if beyond:
            problems.append(f"translator: {label} changed {beyond}")
        if status >= 500:
            problems.append(f"translator: {label} answered {status}")
        elif not translator_may_open(route, world.translator) and status not in (403, 405):
            problems.append(f"translator: {label} answered {status}, not 403")
    # Content with text to translate (a menu item has none: translators only read it).
    translatable = is_content(route.model) and translation_columns(route.model)
    if translatable and route.kind == "change" and not translator_saved:
        problems.append(f"translator: {url} saved none of their English and Spanish")
    return problems


# One test per model, and one for the site-wide screens: the content is built once for all
# the screens of a model, which are tried one after the other.
SCREENS = {}
for _route in ROUTES:
    SCREENS.setdefault(_route.model._meta.label_lower if _route.model else "site", []).append(
        _route
    )


@pytest.mark.parametrize("routes", SCREENS.values(), ids=SCREENS.keys())
def test_visitors_and_translators_get_no_further_than_their_role(world, routes):
    problems = [problem for route in routes for problem in problems_with(route, world)]
    assert not problems, "\n".join(problems)


def test_every_admin_screen_is_tried():
    enumerated = {(route.model, route.kind) for route in ROUTES}
    for model, model_admin in admin.site._registry.items():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        for pattern in model_admin.get_urls():
            kind = pattern.name.removeprefix(prefix) if pattern.name else "object"
            assert (model, kind) in enumerated
    site_wide = {route.kind for route in ROUTES if route.model is None}
    assert {"index", "app_list", "login", "logout", "jsi18n", "translations_to_do"} <= site_wide
    sortable = [m for m, a in admin.site._registry.items() if isinstance(a, SortableAdminMixin)]
    assert {(m, "sortable_update") for m in sortable} <= enumerated
    assert {"revision", "recover", "recoverlist", "compare"} <= {
        kind for model, kind in enumerated if model is Organisation
    }
    # 9 models with 6 to 11 screens each, and the site's own.
    assert len(ROUTES) >= 80

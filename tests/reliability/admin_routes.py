"""Every admin address, read from the URLconf, and what a translator's role opens among them.

A screen added later is found here without anyone listing it (tests/reliability/
test_admin_permissions.py tries each one).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.urls import URLResolver, get_resolver

from editing.registry import is_stored_with_content


@dataclass(frozen=True)
class Route:
    """One admin URL pattern: the patterns leading to it, its model if any, what it does."""

    patterns: tuple
    model: type | None
    kind: str  # "change", "delete", "sortable_update"... or the site's "index", "login"...
    fixed: tuple = ()  # parameters with one value for this route, e.g. (("app_label", "auth"),)

    @property
    def id(self):
        label = f"{self.model._meta.label_lower}:{self.kind}" if self.model else self.kind
        return label + "".join(f"[{value}]" for _name, value in self.fixed)

    @property
    def view(self):
        return self.patterns[-1].callback


def admin_routes():
    by_prefix = {f"{m._meta.app_label}/{m._meta.model_name}/": m for m in admin.site._registry}

    def walk(entries, chain, model):
        for entry in entries:
            if isinstance(entry, URLResolver):
                inner = by_prefix.get(str(entry.pattern), model)
                yield from walk(entry.url_patterns, (*chain, entry), inner)
            else:
                yield (*chain, entry), model

    for chain, model in walk(get_resolver().url_patterns, (), None):
        if not str(chain[0].pattern).startswith(settings.ADMIN_URL):
            continue
        name = chain[-1].name
        if model is None:
            kind = name or "catch_all"
        else:
            # The unnamed "<object_id>/" pattern redirects to the change page.
            prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
            kind = name.removeprefix(prefix) if name else "object"
        if kind == "app_list":
            # One address per application, as the pattern lists them.
            for app_label in sorted({m._meta.app_label for m in admin.site._registry}):
                yield Route(chain, model, kind, (("app_label", app_label),))
        else:
            yield Route(chain, model, kind)


ROUTES = list(admin_routes())

# Open to anyone: the sign-in page, and signing out, which only ends one's own session.
PUBLIC = {"login", "logout"}
# What a translator's role opens: moving around the admin, changing their own password, their
# work list, and reading and translating content; any other screen must refuse them.
TRANSLATOR_SITE_WIDE = {
    "index",
    "app_list",
    "jsi18n",
    "autocomplete",
    "view_on_site",
    "password_change",
    "password_change_done",
    "translations_to_do",
    "translation_export",
    "translation_import",
    "catch_all",
    *PUBLIC,
}
# "references": the lists a page's editor chooses links and figures from, in any language.
TRANSLATOR_CONTENT = {"changelist", "change", "history", "compare", "still_correct", "references"}
# Django's old address of a change page, "<id>/": a bare redirect to it, where the role decides.
REDIRECTS = {"object"}
# Screens that change content when an editor sends their form.
WRITES = {"add", "change", "delete", "changelist", "revision", "recover", "sortable_update"}


def translator_may_open(route, user):
    if route.model is None:
        return route.kind in TRANSLATOR_SITE_WIDE
    if route.kind in REDIRECTS:
        return True
    opts = route.model._meta
    return route.kind in TRANSLATOR_CONTENT and user.has_perm(
        f"{opts.app_label}.view_{opts.model_name}"
    )


def is_content(model):
    return model is not None and is_stored_with_content(model)

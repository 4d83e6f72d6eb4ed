"""Every admin address, tried by a visitor who is not signed in and by a translator, with every
method and with the forms an editor's browser sends: neither gets further than their role.

The addresses are read from the URLconf, so a screen added later is tried too. Visitors are sent
to the sign-in page. Translators read content and change its English and Spanish text
(editing/roles.py); anything else refuses them. After each request the database is compared
with a snapshot taken just before it: a visitor changes nothing, a translator only English and
Spanish text. Each form is also sent by a superuser, in a transaction rolled back afterwards, to
show that it is one the admin accepts: a refusal then means something.
"""

import inspect
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
import reversion
from adminsortable2.admin import SortableAdminMixin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils.regex_helper import normalize
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from editing.drafts import every_draft_shown
from editing.models import WorkflowSettings
from editing.old_slugs import OldSlug
from editing.registry import is_stored_with_content, stored_with_content
from editing.roles import TRANSLATORS
from editing.translation_status import stamp_field
from multilingual.languages import TRANSLATION_LANGUAGES
from organisations.models import Organisation
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure, OpenDataSettings
from tests.conftest import make_figure, make_organisation, make_partnership
from tests.editing.conftest import member_of
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")

# --- Every admin address, from the URLconf --------------------------------------------------


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


# --- The objects the addresses point to -----------------------------------------------------


def with_two_versions(obj, field_name, earlier):
    """Save `obj` twice in its history: first with `earlier` in `field_name`, then as it is."""
    now = getattr(obj, field_name)
    setattr(obj, field_name, earlier)
    with reversion.create_revision():
        obj.save()
    setattr(obj, field_name, now)
    with reversion.create_revision():
        obj.save()
    return obj


def deleted_with_history(obj):
    with reversion.create_revision():
        obj.save()
    obj.delete()


@dataclass
class World:
    """The users, and for each model the object its screens are tried on."""

    editor: User
    translator: User
    main: dict

    def target(self, model):
        """The object a route of `model` is tried on: the one with a history, if any."""
        model = model or Organisation
        return self.main.get(model) or model._base_manager.order_by("pk").first()

    def value(self, route, name):
        if name in ("object_id", "id") and route.kind == "delete":
            # The newest row, which nothing depends on: deleting it is not refused.
            return (route.model or Organisation)._base_manager.order_by("-pk").first().pk
        if name in ("object_id", "id"):
            return self.target(route.model).pk
        if name == "version_id" and route.kind == "recover":
            return Version.objects.get_deleted(route.model).first().pk
        if name == "version_id":
            return Version.objects.get_for_object(self.target(route.model)).last().pk
        if name == "content_type_id":
            return ContentType.objects.get_for_model(Organisation).pk
        if name == "url":
            return "no-such-screen/"
        if name == "language":
            return TRANSLATION_LANGUAGES[0]
        if name in dict(route.fixed):
            return dict(route.fixed)[name]
        raise LookupError(f"{route.id}: say in World.value() what to put in <{name}>")

    def address(self, route):
        """The route's URL with real primary keys, and the query its screen needs."""
        positional = [
            name
            for name in inspect.signature(route.view).parameters
            if name not in ("request", "extra_context")
        ]
        parts = []
        for entry in route.patterns:
            pattern = entry.pattern
            if hasattr(pattern, "_route"):
                text = re.sub(
                    r"<(?:\w+:)?(\w+)>",
                    lambda match: str(self.value(route, match[1])),
                    pattern._route,
                )
            else:
                # Unnamed groups come as _0, _1...: the view's arguments say what they are.
                template, groups = normalize(pattern._regex)[0]
                text = template % {
                    group: self.value(
                        route, positional[int(group[1:])] if group.startswith("_") else group
                    )
                    for group in groups
                }
            parts.append(text)
        return "/" + "".join(parts) + self.query(route)

    def query(self, route):
        if route.kind == "compare":
            versions = Version.objects.get_for_object(self.target(route.model))
            return f"?version_id1={versions.last().pk}&version_id2={versions.first().pk}"
        if route.kind == "autocomplete":
            return "?app_label=partners&model_name=partnership&field_name=organisation&term=o"
        if route.kind == "changelist":
            # A page in the middle (one row per page): every "move to page" action is offered.
            return f"?p={route.model._base_manager.count() // 2 + 1}"
        return ""


@pytest.fixture
def world(django_user_model, monkeypatch, settings):
    """Content in three languages with a history, deleted objects to recover, the users, and
    lists one row per page, so that adminsortable2 offers its "move to page" actions."""
    for model_admin in admin.site._registry.values():
        monkeypatch.setattr(model_admin, "list_per_page", 1)
    # A password hashed in a blink: each of the many tests below makes its users anew.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    translator_user = member_of(django_user_model, TRANSLATORS, "tom")

    un = make_organisation(name_fr="Organisation des Nations unies", slug_fr="onu")
    ilo = make_organisation(
        name_fr="Organisation internationale du Travail",
        name_en="International Labour Organization",
        slug_fr="oit",
        slug_en="ilo",
        summary_fr="L’agence de l’ONU pour le travail.",
        summary_en="The UN agency for the world of work.",
        parent=un,
    )
    partnerships = [
        make_partnership(
            ilo if n == 0 else make_organisation(),
            kind=Partnership.Kind.CONSULTATIVE_STATUS if n < 2 else Partnership.Kind.COLLABORATION,
            order=n,
            role_en=f"Role {n}",
        )
        for n in range(6)
    ]
    status = ConsultativeStatus.objects.create(
        partnership=partnerships[0],
        category="special",
        granted_year=1993,
        privileges_fr="Siéger",
        privileges_en="Attend",
    )
    figures = [
        make_figure(order=n, label_en=f"figure {n}", source_organisation=ilo) for n in range(6)
    ]
    for obj, name in ((un, "name_fr"), (ilo, "name_fr"), (partnerships[0], "role_fr")):
        with_two_versions(obj, name, "Ancien texte")
    with_two_versions(status, "privileges_fr", "Ancien texte")
    with_two_versions(figures[0], "label_fr", "ancien chiffre")
    licence = with_two_versions(
        OpenDataSettings(licence_name_fr="CC BY 4.0"), "licence_name_fr", "CC BY-SA 4.0"
    )
    # Slugs and keys of their own: the builders number by count, which deleting lowers.
    deleted_with_history(make_organisation(name_fr="Organisation dissoute", slug_fr="dissoute"))
    deleted_with_history(make_partnership(un, role_fr="Ancien partenariat"))
    deleted_with_history(
        ConsultativeStatus(
            partnership=partnerships[1], category="general", privileges_fr="Ancien statut"
        )
    )
    deleted_with_history(make_figure(key="chiffre-retire", label_fr="chiffre retiré"))
    deleted_with_history(OpenDataSettings(pk=2, licence_name_fr="Ancienne licence"))
    pages = [make_page(title_en=f"Page {n}", slug_fr=f"page-{n}") for n in range(3)]
    with_two_versions(pages[0], "title_fr", "Ancien titre")
    deleted_with_history(make_page(slug_fr="page-retiree", title_fr="Page retirée"))
    items = [NavigationItem.objects.create(page=page, order=n) for n, page in enumerate(pages)]
    # The newest of each: rows nothing depends on, so that deleting them is not refused.
    make_page(slug_fr="page-sans-lien")
    make_organisation(name_fr="Organisation sans lien", slug_fr="sans-lien")
    make_partnership(partnerships[1].organisation, order=6, role_fr="Dernier partenariat")

    someone = {"username": "someone", "ip_address": "192.0.2.1"}
    AccessAttempt.objects.create(**someone, failures_since_start=1, get_data="", post_data="")
    AccessLog.objects.create(**someone)
    AccessFailureLog.objects.create(**someone)
    # Staff's redirects from the old site (django.contrib.redirects): the second is the newest.
    old_address = Redirect.objects.create(site_id=1, old_path="/ancien.html", new_path="/fr/")
    Redirect.objects.create(site_id=1, old_path="/plus-ancien.html", new_path="/fr/")
    return World(
        editor=editor,
        translator=translator_user,
        main={
            Organisation: ilo,
            Partnership: partnerships[0],
            ConsultativeStatus: status,
            KeyFigure: figures[0],
            OpenDataSettings: licence,
            Page: pages[0],
            NavigationItem: items[0],
            User: editor,
            Group: Group.objects.get(name=TRANSLATORS),
            WorkflowSettings: WorkflowSettings.objects.create(pk=1),
            Redirect: old_address,
        },
    )


# --- The forms an editor's browser sends ----------------------------------------------------


class FormReader(HTMLParser):
    """The fields of each POST form of a page: name, value, type, as a browser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.open_textarea = None
        self.open_select = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(
                {"method": attrs.get("method", "get").lower(), "action": attrs.get("action", "")}
            )
            self.forms[-1]["fields"] = []
            return
        if tag == "option" and self.open_select is not None:
            self.open_select["options"].append(attrs.get("value", ""))
            if "selected" in attrs:
                self.open_select["value"] = attrs.get("value", "")
        if not self.forms or "name" not in attrs:
            return
        fields = self.forms[-1]["fields"]
        if tag == "input":
            fields.append(
                {
                    "name": attrs["name"],
                    "value": attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""),
                    "type": attrs.get("type", "text"),
                    "checked": "checked" in attrs,
                    "maxlength": int(attrs.get("maxlength") or 0),
                }
            )
        elif tag == "textarea":
            self.open_textarea = {"name": attrs["name"], "value": "", "type": "textarea"}
            fields.append(self.open_textarea)
        elif tag == "select":
            self.open_select = {"name": attrs["name"], "value": None, "type": "select"}
            self.open_select["options"] = []
            fields.append(self.open_select)

    def handle_data(self, data):
        if self.open_textarea is not None:
            self.open_textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            # Browsers drop the line break that follows <textarea>.
            self.open_textarea["value"] = self.open_textarea["value"].removeprefix("\n")
            self.open_textarea = None
        elif tag == "select" and self.open_select is not None:
            chosen = self.open_select
            if chosen["value"] is None:
                chosen["value"] = chosen["options"][0] if chosen["options"] else ""
            self.open_select = None


def main_form(response):
    """The fields of the page's main POST form (not the header's language chooser)."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    reader = FormReader()
    reader.feed(response.content.decode())
    forms = [
        form["fields"]
        for form in reader.forms
        if form["method"] == "post" and not form["action"].endswith("/i18n/setlang/")
    ]
    return max(forms, key=len, default=[])


def as_sent(fields):
    """What the browser sends for the form as it is; the edit-conflict stamp left out, so a
    form read earlier is still accepted."""
    data = {}
    for f in fields:
        if "__prefix__" in f["name"] or f["name"].endswith("opened_at"):
            continue
        if f["type"] in ("checkbox", "radio") and not f["checked"]:
            continue
        if f["type"] in ("submit", "file"):
            continue
        data.setdefault(f["name"], []).append(f["value"])
    return data


SLUG = re.compile(r"[-a-z0-9_]+")
# A decimal typed the way the admin's language writes it ("22,50"): a text input, localized.
LOCALIZED_NUMBER = re.compile(r"(-?\d+)(,\d+)?")


def rewritten(value, f):
    if f["type"] == "password":
        return "Zx9-a-long-unguessable-password"
    if f["type"] == "number" and value.lstrip("-").isdigit():
        return str(int(value) + 1)
    if f["type"] == "text" and (number := LOCALIZED_NUMBER.fullmatch(value)):
        return f"{int(number[1]) + 1}{number[2] or ''}"
    if f["type"] not in ("text", "textarea") or not value:
        return value
    value = f"{value}-x" if SLUG.fullmatch(value) else f"{value} (réécrit)"
    return value[: f.get("maxlength") or None]


def everything_rewritten(fields):
    """Every text changed (French and settings included), every checkbox but "delete" flipped,
    every number moved on: what a translator could hand-craft to go beyond English and Spanish."""
    flipped = []
    for f in fields:
        f = dict(f)
        if f["type"] == "checkbox" and not f["name"].endswith("-DELETE"):
            f["checked"] = not f["checked"]
        else:
            f["value"] = rewritten(f["value"], f)
        flipped.append(f)
    return as_sent(flipped)


def inlines_deleted(fields):
    data = as_sent(fields)
    for f in fields:
        if f["name"].endswith("-DELETE") and "__prefix__" not in f["name"]:
            data[f["name"]] = ["on"]
    return data


def inline_added(fields):
    """The form with one more row in each inline, from the inline's empty template: its first
    choice in each list, a French text (which is required) in each text field."""
    data = everything_rewritten(fields)
    for total in [name for name in data if name.endswith("-TOTAL_FORMS")]:
        prefix = total.removesuffix("-TOTAL_FORMS")
        index = int(data[total][0])
        for f in fields:
            if f["name"].startswith(f"{prefix}-__prefix__-"):
                name = f["name"].replace("__prefix__", str(index))
                if f["type"] == "select":
                    value = next((o for o in f["options"] if o), "")
                elif f["type"] in ("text", "textarea") and name.endswith("_fr"):
                    value = "Ajouté"
                else:
                    value = f["value"]
                if f["type"] != "checkbox":
                    data[name] = [value]
        data[total] = [str(index + 1)]
    return data


def add_form(add_fields, change_fields):
    """The add page's form, filled like the change page's with every text rewritten (unique
    slugs and identifiers stay unique), its inline rows left empty."""
    filled = everything_rewritten([f for f in change_fields if not f["name"].endswith("FORMS")])
    data = {}
    for f in add_fields:
        if f["name"] in filled:
            data[f["name"]] = filled[f["name"]]
        elif f["type"] == "password":
            data[f["name"]] = [rewritten("", f)]
    for name, values in as_sent(add_fields).items():
        data.setdefault(name, values)
    return data


@dataclass
class Attempt:
    label: str
    data: object
    content_type: str = "multipart"


def attempts(route, url, world, editor):
    """The requests an editor's browser would send to this screen, one per way of using it."""
    if route.kind == "sortable_update":
        rows = list(route.model._base_manager.order_by("order").values_list("pk", "order"))
        pks, orders = zip(*rows, strict=True)
        reordered = [list(row) for row in zip(pks, reversed(orders), strict=True)]
        body = json.dumps({"updatedItems": reordered})
        return [Attempt("a new order", body, "application/json")]
    fields = main_form(editor.get(url))
    if route.kind == "changelist":
        return action_attempts(route.model, fields)
    if route.kind == "add" and route.model in world.main:
        change = next(r for r in ROUTES if (r.model, r.kind) == (route.model, "change"))
        data = add_form(fields, main_form(editor.get(world.address(change))))
        return [Attempt("a complete form", data | newest_related(route.model, data))]
    if not fields:
        return [Attempt("a confirmation", {"post": "yes"})]
    tried = [Attempt("the form as offered", as_sent(fields) | {"post": ["yes"]})]
    if route.kind in ("change", "revision", "recover") or route.model is None:
        tried.append(Attempt("every field rewritten", everything_rewritten(fields)))
    if any(f["name"].endswith("-DELETE") for f in fields):
        tried.append(Attempt("inline rows deleted", inlines_deleted(fields)))
    if any("__prefix__" in f["name"] for f in fields):
        tried.append(Attempt("an inline row added", inline_added(fields)))
    return tried


def newest_related(model, data):
    """For each relation in the form, the newest row it may point to: a one-to-one relation
    copied from an existing row points to a row that is taken."""
    chosen = {}
    for name in data:
        try:
            relation = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if relation.many_to_one or relation.one_to_one:
            rows = relation.related_model._base_manager.complex_filter(
                relation.get_limit_choices_to()
            )
            chosen[name] = [str(rows.order_by("-pk").values_list("pk", flat=True).first())]
    return chosen


def action_attempts(model, fields):
    """Each bulk action the list offers, on every row and on the newest row alone (one that
    nothing depends on, see world(): deleting it is not refused)."""
    offered = [o for f in fields if f["name"] == "action" for o in f["options"] if o]
    every_pk = [str(pk) for pk in model._base_manager.values_list("pk", flat=True)]
    newest = str(model._base_manager.order_by("-pk").values_list("pk", flat=True).first())
    # "post" confirms a deletion; "page" and "step" say where adminsortable2 moves rows.
    common = {"index": "0", "post": "yes", "page": "1", "step": "1"}
    tried = []
    for action in offered:
        every = {"action": action, "_selected_action": every_pk, "select_across": "1"}
        tried.append(Attempt(f"{action} on every row", every | common))
        one = {"action": action, "_selected_action": [newest], "select_across": "0"}
        tried.append(Attempt(f"{action} on the newest row", one | common))
    return tried or [Attempt("no action", common)]


def send(client, method, url, attempt=None):
    if attempt is None:
        return client.generic(method, url)
    if method == "POST" and attempt.content_type == "multipart":
        return client.post(url, attempt.data)
    if attempt.content_type == "multipart":
        body = urlencode(attempt.data, doseq=True)
        return client.generic(method, url, body, "application/x-www-form-urlencoded")
    return client.generic(method, url, attempt.data, attempt.content_type)


# --- The database before and after ----------------------------------------------------------

SNAPSHOT_MODELS = [
    *stored_with_content(),
    User,
    Group,
    User.groups.through,
    User.user_permissions.through,
    Group.permissions.through,
    AccessAttempt,
    Redirect,
]
# Written on every sign-in, by force_login too.
IGNORED = {"last_login"}


def snapshot():
    # Content as it is proposed: a change to live content is kept as a draft, which counts.
    with every_draft_shown():
        return {
            model: {
                row["pk"]: row
                for row in model._base_manager.values(
                    "pk", *(f.attname for f in model._meta.fields)
                )
            }
            for model in SNAPSHOT_MODELS
        }


def differences(before, after):
    """[(model, pk, what)]: what is "added", "removed" or the set of changed field names."""
    found = []
    for model in SNAPSHOT_MODELS:
        old, new = before[model], after[model]
        found += [(model, pk, "added") for pk in new.keys() - old.keys()]
        found += [(model, pk, "removed") for pk in old.keys() - new.keys()]
        for pk in old.keys() & new.keys():
            changed = {k for k in old[pk] if old[pk][k] != new[pk][k]} - IGNORED
            if changed:
                found.append((model, pk, changed))
    return found


def translation_columns(model):
    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return set()
    return {
        build_localized_fieldname(name, lang) for name in fields for lang in TRANSLATION_LANGUAGES
    }


# When a text is saved: the row's modification time, that language's "last translated" and
# the source text it translates.
TRANSLATION_BOOKKEEPING = {
    "updated_at",
    "translation_sources",
    *map(stamp_field, TRANSLATION_LANGUAGES),
}


def beyond_a_translators_role(found, after):
    """The differences a translator's request may not make: anything but saving English and
    Spanish text of existing content (and the old English or Spanish address a changed slug
    leaves)."""
    beyond = []
    for model, pk, what in found:
        if issubclass(model, OldSlug):
            row = after[model].get(pk)
            if row is None or row["language"] in TRANSLATION_LANGUAGES:
                continue
        texts = translation_columns(model)
        if texts and isinstance(what, set) and what <= texts | TRANSLATION_BOOKKEEPING:
            continue
        beyond.append((model._meta.label, pk, what))
    return beyond


# --- The tests ------------------------------------------------------------------------------


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def tried_by_an_editor(editor, method, url, attempt):
    """Whether the editor's request changes the database; undone afterwards."""
    with transaction.atomic():
        before = snapshot()
        response = send(editor, method, url, attempt)
        changed = differences(before, snapshot())
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{method} {url} ({attempt.label}): {response.status_code}"
    return bool(changed)


def goes_to_sign_in(response):
    login = reverse("admin:login")
    return response.status_code == 302 and urlsplit(response["Location"]).path == login


def problems_with(route, world):
    """What goes wrong on one admin screen, for a visitor and for a translator, as sentences."""
    editor = signed_in(world.editor)
    url = world.address(route)
    opened = editor.get(url).status_code
    if opened == 404 and route.kind != "catch_all":
        return [f"{url} does not exist: the test fills its parameters wrongly"]
    if opened == 403:
        return []  # closed to everyone, editors too (a second open-data settings row)
    tries = attempts(route, url, world, editor)
    if is_content(route.model) and route.kind in WRITES:
        # Every attempt, not just until one works: none may give an editor a server error.
        changes = [tried_by_an_editor(editor, "POST", url, attempt) for attempt in tries]
        if not any(changes):
            return [f"no form sent to {url} changes anything, even for an editor: nothing tried"]

    # The admin reads no body but a POST's: one attempt is enough for PUT, PATCH and DELETE.
    requests = [("GET", None), *(("POST", attempt) for attempt in tries)]
    requests += [(method, tries[0]) for method in UNSAFE if method != "POST"]
    problems = []
    translator_saved = False
    visitor, translator_client = Client(), signed_in(world.translator)
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
            translator_client = signed_in(world.translator)
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

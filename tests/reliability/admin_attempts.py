"""The requests an editor's browser sends to an admin screen, from the page's real form.

django-webtest reads the form; these helpers change it as a hand-made request could (every
text rewritten, every checkbox flipped, inline rows deleted or added) and give what the browser
would send, so that anyone (a visitor, a translator) can send the same thing.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import FieldDoesNotExist
from webtest.forms import Checkbox, File, MultipleSelect, Select

from tests.reliability.admin_routes import ROUTES
from tests.webforms import add_inline_row, fresh, main_form


@dataclass
class Attempt:
    """One request: `data` is {name: value or [values]}, or a body of `content_type`."""

    label: str
    data: object
    content_type: str = "multipart/form-data"


def kind_of(field):
    """The field's type as its HTML says it: "text", "number", "checkbox", "select"..."""
    if isinstance(field, Checkbox):
        return "checkbox"
    if isinstance(field, Select | MultipleSelect):
        return "select"
    if field.tag == "textarea":
        return "textarea"
    return field.attrs.get("type", "text").lower()


def sent(form, leave_out=()):
    """{name: [values]}: what the browser sends for `form` as it is; the row templates
    (`__prefix__`) and the edit-conflict stamp left out, so a form read earlier is still
    accepted, and no file chosen."""
    data = {}
    for name, value in form.submit_fields():
        if "__prefix__" in name or name.endswith("opened_at") or name in leave_out:
            continue
        if isinstance(value, File):
            continue
        data.setdefault(name, []).append(value)
    return data


SLUG = re.compile(r"[-a-z0-9_]+")
# A decimal typed the way the admin's language writes it ("22,50"): a text input, localized.
LOCALIZED_NUMBER = re.compile(r"(-?\d+)(,\d+)?")


def rewritten(value, field):
    kind = kind_of(field)
    if kind == "password":
        return "Zx9-a-long-unguessable-password"
    if kind == "number" and value.lstrip("-").isdigit():
        return str(int(value) + 1)
    if kind == "text" and (number := LOCALIZED_NUMBER.fullmatch(value)):
        return f"{int(number[1]) + 1}{number[2] or ''}"
    if kind not in ("text", "textarea") or not value:
        return value
    value = f"{value}-x" if SLUG.fullmatch(value) else f"{value} (réécrit)"
    return value[: int(field.attrs.get("maxlength") or 0) or None]


def rewrite_everything(form, keep=()):
    """Every text changed (French and settings included), every checkbox but "delete" flipped,
    every number moved on, except in fields named in `keep`: what a translator could hand-craft
    to go beyond English and Spanish."""
    for name, field in form.field_order:
        if not name or name in keep or isinstance(field, File):
            continue
        if isinstance(field, Checkbox):
            if not name.endswith("-DELETE"):
                field.checked = not field.checked
        elif not isinstance(field, Select | MultipleSelect):
            field.force_value(rewritten(field.value, field))
    return form


def everything_rewritten(form):
    return sent(rewrite_everything(fresh(form)))


def inlines_deleted(form):
    form = fresh(form)
    for name, field in form.field_order:
        if name and name.endswith("-DELETE") and "__prefix__" not in name:
            field.checked = True
    return sent(form)


def inline_added(form):
    """The form with one more row in each inline, from the inline's row template: its first
    choice in each list, a French text (which is required) in each text field, the rest of the
    form rewritten."""
    form = fresh(form)
    prefixes = [name.removesuffix("-TOTAL_FORMS") for name in form.fields if name]
    prefixes = [prefix for prefix in prefixes if f"{prefix}-TOTAL_FORMS" in form.fields]
    added = set()
    for prefix in prefixes:
        before = set(form.fields)
        add_inline_row(form, prefix)
        added |= set(form.fields) - before
    rewrite_everything(form, keep=added)
    for name in added:
        field = form[name]
        if isinstance(field, Checkbox):
            field.checked = False
        elif isinstance(field, Select):
            field.force_value(next((value for value, _on, _text in field.options if value), ""))
        elif kind_of(field) in ("text", "textarea") and name.endswith("_fr"):
            field.force_value("Ajouté")
    return sent(form)


def add_form(add, change):
    """The add page's form, filled like the change page's with every text rewritten (unique
    slugs and identifiers stay unique), its inline rows left empty."""
    filled = everything_rewritten(change)
    data = sent(fresh(add))
    for name, fields in add.fields.items():
        if not name or name.endswith("FORMS"):
            continue
        if name in filled:
            data[name] = filled[name]
        elif kind_of(fields[0]) == "password":
            data[name] = [rewritten("", fields[0])]
    return data


def attempts(route, url, world, editor):
    """The requests an editor's browser would send to this screen, one per way of using it."""
    if route.kind == "sortable_update":
        rows = list(route.model._base_manager.order_by("order").values_list("pk", "order"))
        pks, orders = zip(*rows, strict=True)
        reordered = [list(row) for row in zip(pks, reversed(orders), strict=True)]
        body = json.dumps({"updatedItems": reordered})
        return [Attempt("a new order", body, "application/json")]
    form = main_form(editor.get(url, expect_errors=True))
    if route.kind == "changelist":
        return action_attempts(route.model, form)
    if route.kind == "add" and route.model in world.main:
        change = next(r for r in ROUTES if (r.model, r.kind) == (route.model, "change"))
        change_form = main_form(editor.get(world.address(change)))
        data = add_form(form, change_form)
        return [Attempt("a complete form", data | newest_related(route.model, data))]
    if form is None:
        return [Attempt("a confirmation", {"post": "yes"})]
    tried = [Attempt("the form as offered", sent(fresh(form)) | {"post": ["yes"]})]
    if route.kind in ("change", "revision", "recover") or route.model is None:
        tried.append(Attempt("every field rewritten", everything_rewritten(form)))
    names = [name for name in form.fields if name]
    if any(name.endswith("-DELETE") for name in names):
        tried.append(Attempt("inline rows deleted", inlines_deleted(form)))
    if any("__prefix__" in name for name in names):
        tried.append(Attempt("an inline row added", inline_added(form)))
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


def action_attempts(model, form):
    """Each bulk action the list offers, on every row and on the newest row alone (one that
    nothing depends on, see the `world` fixture: deleting it is not refused)."""
    actions = form.fields.get("action", []) if form is not None else []
    offered = [value for field in actions for value, _on, _text in field.options if value]
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


def pairs(data):
    """[(name, value)] from {name: value or [values]}, as a form sends them."""
    return [
        (name, value)
        for name, values in data.items()
        for value in (values if isinstance(values, list) else [values])
    ]


def send(app, method, url, attempt=None):
    """Send `attempt` with `method` from the django-webtest `app`; any status is an answer."""
    if attempt is None:
        return app.request(url, method=method, expect_errors=True)
    if attempt.content_type == "application/json":
        body = attempt.data.encode()
    elif method == "POST":
        return app.post(
            url, pairs(attempt.data), content_type=attempt.content_type, expect_errors=True
        )
    else:
        # The admin reads no body but a POST's; other methods send the form urlencoded.
        body = urlencode(pairs(attempt.data)).encode()
        attempt = Attempt(attempt.label, body, "application/x-www-form-urlencoded")
    return app.request(
        url, method=method, body=body, content_type=attempt.content_type, expect_errors=True
    )

"""Live against proposed: the field-by-field, per-language difference a reviewer reads."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .compare_admin import yes_no
from .conflicts import BOOKKEEPING
from .translation_status import translated_fields


def _shown(field, obj):
    value = field.value_from_object(obj)
    if field.is_relation and value is not None:
        value = getattr(obj, field.name)
    if isinstance(value, bool):
        return yes_no(value)  # "Oui", not Python's "True"
    if value in (None, ""):
        return _("(empty)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _comparable(value):
    """What a reader would call the same: no text and an empty text, a browser's line breaks
    (CRLF) and the stored ones."""
    if value is None:
        return ""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def field_changes(live, proposed):
    """[(label, live text, proposed text)]: each field the draft changes. Translated fields are
    compared per language column, labelled with their language ("Summary [en]")."""
    skipped = BOOKKEEPING | set(translated_fields(type(live)))
    rows = []
    for field in live._meta.concrete_fields:
        if field.name in skipped or field.primary_key or not field.editable:
            continue
        if _comparable(field.value_from_object(live)) != _comparable(
            field.value_from_object(proposed)
        ):
            label = capfirst(str(field.verbose_name))
            rows.append((label, _shown(field, live), _shown(field, proposed)))
    return rows


def row_changes(live_rows, proposed_rows):
    """[(kind, name, [field changes])]: rows the draft adds, removes or changes (inline rows)."""
    live = {(type(r), str(r.pk)): r for r in live_rows}
    proposed = {(type(r), str(r.pk)): r for r in proposed_rows}
    changes = []
    for key, row in proposed.items():
        kind = capfirst(str(row._meta.verbose_name))
        if key not in live:
            changes.append((kind, str(row), _("added"), []))
        else:
            fields = field_changes(live[key], row)
            if fields:
                changes.append((kind, str(row), _("changed"), fields))
    for key, row in live.items():
        if key not in proposed:
            changes.append((capfirst(str(row._meta.verbose_name)), str(row), _("removed"), []))
    return changes


def difference(draft, obj):
    """{"fields": field_changes, "rows": row_changes} between the live `obj` and what publishing
    `draft` would make of it: only what the draft changed, over the live rows as they are now
    (editing/draft_merging.py), so a row published on its own since is not shown as undone.

    Content visitors do not see yet (never published, or unpublished) is compared with an
    empty object: approving publishes all of it, so the reviewer reads all of it."""
    from .drafts import _tree, is_live, merge

    live = _tree(type(obj)._base_manager.get(pk=obj.pk))
    if not is_live(obj):
        live = [type(obj)()]
    merged = merge(draft, obj)  # over its own copy of the live rows
    # The merge changes its live rows in place; rows it adds are new.
    outcome = [row for row in merged.live_rows if row not in merged.to_delete]
    added = [row for row, _m2m in merged.to_save if (type(row), str(row.pk)) not in merged.keys]
    return {
        "fields": field_changes(live[0], outcome[0]),
        "rows": row_changes(live[1:], [*outcome[1:], *added]),
    }

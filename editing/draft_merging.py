"""Applying a draft over the live rows: only what the draft changed, checked before it is written.

A draft keeps two snapshots of the object and the rows it follows (an organisation and its
partnerships), serialized alike (editing/drafts.py `serialize`): `payload`, the proposed
version, and `base`, the live rows as they were when the draft was saved. What the draft changes
is the difference between the two; the live rows as they are now may have changed since (a
partnership published on its own, a row added, an organisation reordered in its list). So each
field is merged three ways, as version control merges text:

- a field the draft did not change keeps its live value;
- a field the draft changed takes the draft's value, unless the live value changed too, to
  something else: a conflict;
- a row the draft added is added (under a new key if its key was taken since), a row it
  removed is removed (a conflict if it changed since), a row added since is kept, and a row
  removed since stays removed (a conflict if the draft changed it).

Publishing refuses any conflict, and any row the database would refuse (a slug another object
took since), with `DraftConflict`: nothing is written. Showing a draft (the form, the preview)
never refuses: the draft's values win, and a value the database would refuse keeps its live
value, so that the form opens and says what to fix.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField

from .change_messages import model_key
from .conflicts import BOOKKEEPING

# Fields each save computes (stamps, what a translation was made from): the draft's value is
# taken when it has one of its own, and never makes a conflict.
DERIVED = BOOKKEEPING | {"source_changed_at", "translation_sources"}


class DraftConflict(Exception):
    """The draft cannot be published over the live rows as they are now.

    `problems` is a list of sentences in the active language, each naming the row and field.
    """

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


def _named(row):
    return _("%(model)s “%(object)s”") % {"model": capfirst(row._meta.verbose_name), "object": row}


def _fields(row):
    """The stored fields a merge compares: not the key, not modeltranslation's mirror columns
    (`summary` repeats `summary_fr` or another language, whichever was active at the save)."""
    mirrored = {
        field.translated_field.name
        for field in row._meta.concrete_fields
        if isinstance(field, TranslationField)
    }
    return [
        field
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in mirrored
    ]


def _value(row, field):
    value = getattr(row, field.attname)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if value is None and field.empty_strings_allowed:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n")  # a browser's line breaks and the stored ones
    return value


def _changed_fields(before, after):
    """Names of the fields, stamps left out, whose value differs between two versions of a row."""
    return [
        field.name
        for field in _fields(after)
        if field.name not in DERIVED and _value(before, field) != _value(after, field)
    ]


class Merge:
    """The rows to write and to delete to publish (or show) a draft, what it changes, and the
    conflicts found.

    `proposed`, `base`: {(model, pk text): row} of the draft's two snapshots; `live`: the same
    for the rows as stored now, main object first.
    """

    def __init__(self, proposed, base, live):
        self.to_save = []  # [(row, m2m values or None)]
        self.to_delete = []
        self.conflicts = []
        self.changes = []  # Django's change message, naming each model and field
        self.live_values = {}  # {id(live row): {attname: its value before the merge}}
        self.renumbered = {}  # {(model, key in the draft): added row given a new key}
        self.live_rows = list(live.values())  # main object first
        self.keys = set(live)
        self._plan(proposed, base, live)

    def _plan(self, proposed, base, live):
        for index, (key, (row, m2m)) in enumerate(proposed.items()):
            before, now = base.get(key), live.get(key)
            if before is None:
                self._add(row, m2m, now)
            elif now is None:
                if _changed_fields(before, row):
                    self.conflicts.append(
                        _("%(row)s was removed since these changes were made.")
                        % {"row": _named(row)}
                    )
            else:
                self._change(row, before, now, m2m, main=index == 0)
        for key, now in live.items():
            if key in proposed or key not in base:
                continue  # kept by the draft, or added since: stays
            if _changed_fields(base[key], now):
                self.conflicts.append(
                    _("%(row)s was changed since these changes, which remove it, were made.")
                    % {"row": _named(now)}
                )
            self.to_delete.append(now)
            self.changes.append({"deleted": self._part(now)})

    def _part(self, row, field_names=None):
        part = {"model": model_key(type(row)), "name": str(row._meta.verbose_name)}
        part["object"] = str(row)
        if field_names is not None:
            part["field_names"] = field_names
        return part

    def _add(self, row, m2m, now):
        # The draft's new row got its key inside a savepoint that was rolled back: SQLite may
        # have given that key to another row since (PostgreSQL's sequences never go back).
        if now is not None or type(row)._base_manager.filter(pk=row.pk).exists():
            self.renumbered[(type(row), str(row.pk))] = row
            row.pk = None
        self.to_save.append((row, m2m))
        self.changes.append({"added": self._part(row)})

    def _change(self, row, before, now, m2m, main):
        """Each field the draft changed goes onto the live row, unless changed there too."""
        changed = []
        for field in _fields(row):
            proposed, base, live = (_value(r, field) for r in (row, before, now))
            if proposed in (base, live):
                continue
            if live != base and field.name not in DERIVED:
                self.conflicts.append(
                    _("%(field)s of %(row)s was changed since these changes were made.")
                    % {"field": capfirst(field.verbose_name), "row": _named(now)}
                )
            self.live_values.setdefault(id(now), {})[field.attname] = getattr(now, field.attname)
            setattr(now, field.attname, getattr(row, field.attname))
            if field.name not in DERIVED:
                changed.append(field.name)
        if changed or m2m:
            self.to_save.append((now, m2m))
        if changed:
            if main:
                # The object itself: Django words its own fields without naming it.
                self.changes.append(
                    {"changed": {"model": model_key(type(now)), "field_names": changed}}
                )
            else:
                self.changes.append({"changed": self._part(now, changed)})


def refusals(row):
    """What the database would refuse in `row` now ({field name or NON_FIELD_ERRORS: [text]}):
    a unique value (a slug) another row took since, in the active language."""
    exclude = {
        field.translated_field.name
        for field in row._meta.concrete_fields
        if isinstance(field, TranslationField)
    }
    errors = {}
    for check in (row.validate_unique, row.validate_constraints):
        try:
            check(exclude=exclude)
        except ValidationError as error:
            for name, texts in error.message_dict.items():
                errors.setdefault(name, []).extend(texts)
    return errors


def _renumber_links(merge):
    """Added rows whose key was taken get a new one first; links to them follow."""
    first = [(row, m2m) for row, m2m in merge.to_save if row.pk is None]
    rest = [(row, m2m) for row, m2m in merge.to_save if row.pk is not None]
    yield from first
    for row, m2m in rest:
        for field in row._meta.concrete_fields:
            if field.many_to_one or field.one_to_one:
                target = merge.renumbered.get(
                    (field.related_model, str(getattr(row, field.attname)))
                )
                if target is not None:
                    setattr(row, field.attname, target.pk)
        yield row, m2m


def write(merge, strict):
    """Write `merge`'s rows. `strict` (publishing): each row checked first, and any refusal
    raises DraftConflict; the caller's transaction is then rolled back. Otherwise (showing) a
    refused value keeps its live value, and the problems are returned."""
    problems = list(merge.conflicts)
    if strict and problems:
        raise DraftConflict(problems)
    for row, m2m in _renumber_links(merge):
        errors = refusals(row)
        if errors:
            for name, texts in errors.items():
                field = None if name == NON_FIELD_ERRORS else row._meta.get_field(name)
                label = capfirst(field.verbose_name) if field else ""
                for text in texts:
                    values = {"row": _named(row), "field": label, "problem": text}
                    if label:
                        problems.append(_("%(row)s, field %(field)s: %(problem)s") % values)
                    else:
                        problems.append(_("In %(row)s: %(problem)s") % values)
            if strict:
                raise DraftConflict(problems)
            if NON_FIELD_ERRORS in errors:
                continue
            if id(row) not in merge.live_values:
                continue  # a row the draft adds
            live_values = merge.live_values[id(row)]
            for name in errors:
                attname = row._meta.get_field(name).attname
                setattr(row, attname, live_values.get(attname, getattr(row, attname)))
        try:
            if strict:
                row.save()
            else:
                models.Model.save_base(row, raw=True)
        except IntegrityError as error:
            if strict:
                raise DraftConflict(
                    [
                        *problems,
                        _("%(row)s no longer fits the live content (%(error)s).")
                        % {"row": _named(row), "error": str(error).splitlines()[0]},
                    ]
                ) from error
            raise
        if strict:
            for name, values in (m2m or {}).items():
                getattr(row, name).set(values)
    for row in merge.to_delete:
        row.delete()
    return problems

"""Importing a translated file: read it, check every entry as the admin would, show what will
change, then apply it in one transaction, recorded in the history by the person importing.

`plan_import` changes nothing: it returns the changes and the problems, each named. `apply`
writes the changes only when there is no problem, or when the person chose to skip the entries
with a problem (they are listed). Entries whose source text changed since the export are
problems: the translation was made from another text. Entries a tool still marks as needing
review, and empty ones, are left as they are.

An import behaves as saving the same values in the admin: into an object that is live, by
someone who may not publish it directly (a Translator, a Contributor, anyone when four eyes is
on), the values go into the object's draft, submitted for review (editing/drafts.py); the
public site is unchanged until the draft is approved.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from editing import drafts
from editing.notifications import notify
from editing.roles import may
from editing.translation_status import record_sources, stale_fields
from multilingual.languages import LANGUAGE_NAMES, TRANSLATION_LANGUAGES

from . import files, richtext
from .units import make_unit, parse_key, text_of


class ImportRefused(ValueError):
    """The whole file is refused (unreadable, wrong language, or problems not skipped)."""


@dataclass
class Change:
    """One field of one object to write: `before` and `after` as stored (HTML for rich text);
    `confirm` when the translation stays and is only marked as checked against the new source
    text; `for_review` when a changed text goes into the object's draft, to wait for review (the
    object is live and the importing person may not publish it directly)."""

    obj: object
    field: str
    label: str
    before: str
    after: str
    confirm: bool = False
    for_review: bool = False


@dataclass
class Problem:
    """An entry that cannot be applied, and why."""

    key: str
    label: str
    message: str


@dataclass
class Plan:
    language: str
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    left_for_review: int = 0

    @property
    def language_name(self):
        return LANGUAGE_NAMES[self.language]

    @property
    def for_review(self):
        """The objects whose changes go into a draft awaiting review, in the file's order."""
        objects = {}
        for change in self.changes:
            if change.for_review:
                objects.setdefault(id(change.obj), change.obj)
        return list(objects.values())


def describe(obj, field_name):
    """ "organisation “Council of Europe”, name": how an entry is named to people."""
    field_label = obj._meta.get_field(field_name).verbose_name
    return f"{obj._meta.verbose_name} “{obj}”, {field_label}"


def read_file(data, filename=""):
    """The TranslatedFile in `data`, refused (ImportRefused) when unreadable or not in a
    language translators may import (the source language is never imported)."""
    try:
        translated = files.read(data, filename)
    except files.FileError as error:
        raise ImportRefused(str(error)) from error
    if translated.language not in TRANSLATION_LANGUAGES:
        raise ImportRefused(
            _("This file is in “%(language)s”: only %(allowed)s translations can be imported.")
            % {
                "language": translated.language,
                "allowed": ", ".join(str(LANGUAGE_NAMES[code]) for code in TRANSLATION_LANGUAGES),
            }
        )
    return translated


def plan_import(data, user, filename=""):
    """The Plan for the file in `data`, imported by `user`. Nothing is written."""
    translated = read_file(data, filename)
    language = translated.language
    plan = Plan(language)
    objects, seen, reviewed = {}, set(), {}
    for entry in translated.entries:
        found = parse_key(entry.key)
        if found is None:
            plan.problems.append(Problem(entry.key, entry.key, _("No such text on the site.")))
            continue
        model, pk, field_name = found
        if not may(user, "change", model):
            plan.problems.append(
                Problem(entry.key, entry.key, _("You may not change this kind of content."))
            )
            continue
        obj = objects.get((model, pk))
        if obj is None:
            obj = model._default_manager.filter(pk=pk).first()
            if obj is None:
                plan.problems.append(Problem(entry.key, entry.key, _("This object was deleted.")))
                continue
            objects[(model, pk)] = obj
            reviewed[id(obj)] = needs_review(obj, user)
        label = describe(obj, field_name)
        if entry.key in seen:
            plan.problems.append(Problem(entry.key, label, _("The file has this entry twice.")))
            continue
        seen.add(entry.key)
        if not entry.target.strip():
            continue
        if entry.needs_review:
            plan.left_for_review += 1
            continue
        unit = make_unit(obj, field_name, language)
        source = _as_written(entry, entry.source, unit.rich)
        if source != unit.source:
            plan.problems.append(
                Problem(
                    entry.key,
                    label,
                    _(
                        "The source text changed since this file was made; translate it again "
                        "from a new export. Now: “%(now)s”."
                    )
                    % {"now": unit.source},
                )
            )
            continue
        target = _as_written(entry, entry.target, unit.rich)
        if target is None:
            plan.problems.append(
                Problem(entry.key, label, _("This text takes no markup or placeholders."))
            )
            continue
        try:
            after = richtext.from_placeholders(target, unit.tags) if unit.rich else target
        except richtext.PlaceholderError as error:
            plan.problems.append(Problem(entry.key, label, str(error)))
            continue
        before = text_of(obj, field_name, language)
        outdated = field_name in {name for name, _then, _now in stale_fields(obj, language)}
        if after != before:
            review = reviewed[id(obj)]
            plan.changes.append(Change(obj, field_name, label, before, after, for_review=review))
        elif outdated:
            # Visitors read the same text: recorded at once, as the admin's "Still correct".
            plan.changes.append(Change(obj, field_name, label, before, after, confirm=True))
    _validate(plan)
    return plan


def needs_review(obj, user):
    """True when `user`'s import into `obj` must wait for review, as a change saved in the
    admin would (editing/drafts.py): `obj` is live and `user` may not publish it directly."""
    return drafts.is_live(obj) and not drafts.can_publish_directly(user, obj)


def _as_written(entry, text, rich):
    """`text` of `entry` in the form units use: placeholder text for rich text; for plain text,
    the text itself (None when an XLIFF entry holds inline elements there)."""
    if rich or not entry.markup:
        return text
    if "<" in text:
        return None
    return richtext.unescape_text(text)


def _validate(plan):
    """Check each changed object as the admin's save would (lengths, slugs unique per
    language, the model's own rules); an error becomes a problem of its entries."""
    by_object = defaultdict(list)
    for change in plan.changes:
        by_object[id(change.obj)].append(change)
    valid = []
    for changes in by_object.values():
        obj = changes[0].obj
        columns, stored = {}, {}
        for change in changes:
            column = build_localized_fieldname(change.field, plan.language)
            stored[column] = getattr(obj, column)
            setattr(obj, column, change.after)
            columns[column] = change
        others = [f.name for f in obj._meta.fields if f.name not in columns]
        try:
            obj.full_clean(exclude=others)
        except ValidationError as error:
            messages = error.message_dict
            for column, change in columns.items():
                said = messages.get(column) or messages.get("__all__")
                if said:
                    plan.problems.append(Problem("", change.label, " ".join(said)))
                else:
                    valid.append(change)
        else:
            valid.extend(changes)
        # The object stays as stored (its name, what a draft is made over); `apply` writes.
        for column, value in stored.items():
            setattr(obj, column, value)
    plan.changes = valid


def apply(plan, user, comment="", skip_problems=False):
    """Write `plan`'s changes in one transaction. Changes to objects that wait for review go
    into each object's draft (on top of the draft it has), submitted for review with `comment`:
    the live rows are unchanged. The others are written, one version per object in one revision
    authored by `user`. Refused (ImportRefused) if the plan has problems and `skip_problems` is
    false, or if the database refuses a change (then nothing is written). Returns the number of
    changes."""
    if plan.problems and not skip_problems:
        raise ImportRefused(_("Nothing was imported: the file has entries with problems."))
    comment = comment or _("Imported from a translation file.")
    direct, drafted = defaultdict(list), defaultdict(list)
    for change in plan.changes:
        (drafted if change.for_review else direct)[id(change.obj)].append(change)
    submitted = []
    try:
        with transaction.atomic():
            if direct:
                with reversion.create_revision():
                    for changes in direct.values():
                        obj = changes[0].obj
                        _write(type(obj)._base_manager.get(pk=obj.pk), changes, plan.language)
                    reversion.set_user(user)
                    reversion.set_comment(comment)
            # Outside the revision: a draft is no version of the live object.
            for changes in drafted.values():
                submitted.append(_into_draft(changes, plan.language, user, comment))
    except IntegrityError as error:
        raise ImportRefused(
            _("Nothing was imported: the database refused a change (%(error)s).") % {"error": error}
        ) from error
    for draft, obj in submitted:
        notify("submitted", draft, obj, user)
    return len(plan.changes)


def _write(obj, changes, language):
    """Set and save the imported values of `changes` on `obj`."""
    for change in changes:
        setattr(obj, build_localized_fieldname(change.field, language), change.after)
    confirmed = [change.field for change in changes if change.confirm]
    if confirmed:
        record_sources(obj, language, confirmed)
    obj.save()


def _into_draft(changes, language, user, comment):
    """Save `changes` into their object's draft as the admin saves a change to live content
    (editing/review_admin.py): written over the draft shown in a savepoint, serialized, rolled
    back, stored and submitted by `user`. Returns (draft, live object)."""
    live = changes[0].obj
    model = type(live)
    # As in the admin: a second save of the same draft waits for this one to be stored.
    model._base_manager.select_for_update().filter(pk=live.pk).exists()
    with drafts.shown(drafts.draft_of(live), live), transaction.atomic():
        # (This inner block rolls back a refused save, so that the draft's savepoint can be.)
        shown = model._base_manager.get(pk=live.pk)
        _write(shown, changes, language)
        payload = drafts.serialize(shown)
    draft = drafts.store(live, payload, user)
    drafts.submit(draft, live, user, comment)
    return draft, live

"""Changes to live content wait for approval: drafts kept apart from the live rows.

A content object is *live* once published (content without a publication flag always is). A
change to a live object is saved as a `Draft` (editing/models.py): the admin saves it as usual,
inside a savepoint, this module serializes the object and the rows it follows in its history
(django-reversion's `follow`, e.g. an organisation's partnerships), and the savepoint is rolled
back, so the live rows and the page cache never see it. Opening the form or the preview does the
same the other way round: the draft is applied inside a savepoint that is rolled back after the
page is drawn. Publishing applies it for good, in a django-reversion revision.

Who may do what (checked here, for every request, so a hand-made POST is refused too):
- saving and submitting: whoever may change the object;
- publishing one's own draft directly: those with `publish_<model>`, unless four eyes is on;
- approving (publishes, at once or at the draft's go-live time) and sending back: those with
  `publish_<model>`; with four eyes on, not the draft's author nor its submitter.
"""

import json
from contextlib import contextmanager
from datetime import datetime, time

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _follow_relations_recursive, is_registered

from .models import Draft, PublishableContent, WorkflowEvent, WorkflowSettings
from .registry import is_content
from .roles import may


def is_live(obj):
    """True when visitors may read the stored row: a draft is needed to change it."""
    if obj is None or obj.pk is None or not is_content(obj):
        return False
    if isinstance(obj, PublishableContent):
        stored = type(obj)._base_manager.filter(pk=obj.pk).values_list("is_published", flat=True)
        return bool(stored.first())
    return True


def draft_of(obj):
    """The object's Draft, or None."""
    if obj is None or obj.pk is None:
        return None
    return (
        Draft.objects.select_related("author", "submitted_by")
        .filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
        .first()
    )


def _tree(obj):
    """The object and the rows its history follows, main object first."""
    rows = _follow_relations_recursive(obj) if is_registered(type(obj)) else {obj}
    return [obj, *(row for row in rows if row != obj)]


class _Exact(DjangoJSONEncoder):
    """Times to the microsecond (Django's JSON keeps milliseconds): applying a draft must
    not move a stamp it did not change."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def serialize(obj):
    """The JSON text of `obj` and its followed rows, read from the database as saved now:
    [{"model": "app.model", "pk": …, "fields": {…}}], as Django's serializers write it."""
    fresh = type(obj)._base_manager.get(pk=obj.pk)
    return json.dumps(serializers.serialize("python", _tree(fresh)), cls=_Exact, ensure_ascii=False)


def deserialize(payload):
    """The DeserializedObjects of a draft's `payload`."""
    return serializers.deserialize("python", json.loads(payload), ignorenonexistent=True)


def apply(draft, obj, raw=True):
    """Write the draft's values over the live rows: the object, its followed rows (rows the
    draft removed are deleted). Signals run as for any save, so the page cache follows.

    `raw` (to show the draft): the rows are written as saved, stamps included, so a form opened
    on the draft carries the draft's own "last saved" for the edit-conflict check. Publishing
    saves them for real (`raw=False`): each model's save() runs, e.g. old slugs are remembered.
    """
    kept = set()
    for deserialized in deserialize(draft.payload):
        row = deserialized.object
        if raw:
            deserialized.save()
        else:
            row.save()
        if not raw:
            for field, values in (deserialized.m2m_data or {}).items():
                getattr(row, field).set(values)
        kept.add((type(row), str(row.pk)))
    live = type(obj)._base_manager.get(pk=obj.pk)
    for row in _tree(live)[1:]:
        if (type(row), str(row.pk)) not in kept:
            row.delete()


@contextmanager
def shown(draft, obj):
    """Inside: the database shows the draft in place of the live rows; rolled back after."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            if draft is not None:
                apply(draft, obj)
            yield
        finally:
            transaction.savepoint_rollback(savepoint)


@contextmanager
def every_draft_shown():
    """Inside: every draft is applied (a staff preview of the site as it will be); rolled back
    after, whatever happens."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            for draft in Draft.objects.all():
                obj = draft.content_object
                if obj is not None:
                    apply(draft, obj)
            yield
        finally:
            transaction.savepoint_rollback(savepoint)


def log(obj, action, user, comment=""):
    """Add a step to the object's story (its history page lists them)."""
    WorkflowEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        action=action,
        user=user if user and user.is_authenticated else None,
        comment=comment,
    )


def store(obj, payload, user, action=WorkflowEvent.SAVED):
    """Keep `payload` as the object's draft, back in writing (a sent-back draft included)."""
    content_type = ContentType.objects.get_for_model(obj)
    draft, _created = Draft.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={"payload": payload, "author": user, "state": Draft.EDITING},
    )
    log(obj, action, user)
    return draft


# What each user may do with a draft: the form's buttons and the POSTs ask the same functions.


def can_publish_directly(user, obj):
    return may(user, "publish", type(obj)) and not WorkflowSettings.four_eyes_on()


def can_review(user, obj, draft):
    """True when `user` may approve or send back `draft`."""
    if draft is None or not may(user, "publish", type(obj)):
        return False
    own = user.pk in (draft.author_id, draft.submitted_by_id)
    return not (own and WorkflowSettings.four_eyes_on())


def can_write(user, obj):
    return may(user, "change", type(obj))


def _publish_now(draft, obj, user, action, comment=""):
    with transaction.atomic(), reversion.create_revision():
        apply(draft, obj, raw=False)
        reversion.set_user(user)
        reversion.set_comment(comment or str(WorkflowEvent.ACTIONS[action]))
        for row in _tree(type(obj)._base_manager.get(pk=obj.pk)):
            if is_registered(type(row)):
                reversion.add_to_revision(row)
        draft.delete()
        log(obj, action, user)


def publish(draft, obj, user, comment=""):
    """An Editor publishes the draft at once (no review asked); `comment` words the change in
    the history (the admin's "Changed …" message)."""
    if not can_publish_directly(user, obj):
        raise PermissionDenied
    _publish_now(draft, obj, user, WorkflowEvent.PUBLISHED, comment)


def discard(draft, obj, user):
    """Back to the live version: the draft is deleted."""
    if not (can_write(user, obj) or can_review(user, obj, draft)):
        raise PermissionDenied
    draft.delete()
    log(obj, WorkflowEvent.DISCARDED, user)


def submit(draft, obj, user, message, go_live_at=None):
    """Ask for review, with a message to the reviewers."""
    if not can_write(user, obj):
        raise PermissionDenied
    draft.state = Draft.SUBMITTED
    draft.submitted_by = user
    draft.message = message
    draft.comment = ""
    draft.go_live_at = go_live_at
    draft.save()
    log(obj, WorkflowEvent.SUBMITTED, user, message)


def approve(draft, obj, user):
    """Approve: published now, or kept until its go-live time (`publish_due`)."""
    if not can_review(user, obj, draft):
        raise PermissionDenied
    if draft.go_live_at and draft.go_live_at > timezone.now():
        draft.state = Draft.APPROVED
        draft.save()
        log(obj, WorkflowEvent.SCHEDULED, user)
        from sitecache.generation import bump_generation

        bump_generation()  # the cache learns the go-live time
        return
    log(obj, WorkflowEvent.APPROVED, user)
    _publish_now(draft, obj, user, WorkflowEvent.PUBLISHED)


def send_back(draft, obj, user, comment):
    """Return the draft to its author with a comment shown on their form."""
    if not can_review(user, obj, draft):
        raise PermissionDenied
    draft.state = Draft.SENT_BACK
    draft.comment = comment
    draft.save()
    log(obj, WorkflowEvent.SENT_BACK, user, comment)


def next_go_live(now):
    """The soonest go-live time of an approved draft after `now`, or None."""
    return (
        Draft.objects.filter(state=Draft.APPROVED, go_live_at__gt=now)
        .order_by("go_live_at")
        .values_list("go_live_at", flat=True)
        .first()
    )


def publish_due(now=None):
    """Publish the approved drafts whose go-live time has come; returns how many."""
    now = now or timezone.now()
    due = Draft.objects.filter(state=Draft.APPROVED, go_live_at__lte=now).select_related("author")
    count = 0
    for draft in due:
        obj = draft.content_object
        if obj is None:
            draft.delete()
            continue
        _publish_now(draft, obj, None, WorkflowEvent.PUBLISHED)  # by the clock
        count += 1
    return count


REVIEW_ACTIONS = {
    "publish": _("Publish"),
    "discard": _("Discard changes"),
    "submit": _("Submit for review"),
    "approve": _("Approve"),
    "send_back": _("Send back"),
}

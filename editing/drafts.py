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
  `publish_<model>`; with four eyes on, nobody who wrote into the draft nor its submitter.

Content never published yet reaches review the same way: submitting it stores a draft of it
published (`serialize_published`), which approving applies; until then its form saves it as
it does any draft object (the public site does not show it), and once submitted its draft is
edited as a live object's is.
"""

import json
from contextlib import contextmanager
from datetime import datetime, time

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _follow_relations_recursive, is_registered

from .change_messages import approval_message
from .draft_merging import DraftConflict, Merge, write
from .models import Draft, PublishableContent, WorkflowEvent, WorkflowSettings
from .notifications import notify
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


def serialize_published(obj):
    """`serialize`, with the object published: what approving a submission of content never
    published yet makes of it. Written inside a savepoint that is rolled back: the stored row,
    and the page cache (an update sends no signal), stay as they are."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            type(obj)._base_manager.filter(pk=obj.pk).update(is_published=True)
            return serialize(obj)
        finally:
            transaction.savepoint_rollback(savepoint)


def deserialize(payload):
    """The DeserializedObjects of a draft's `payload`."""
    return serializers.deserialize("python", json.loads(payload), ignorenonexistent=True)


def _snapshot(payload):
    """{(model, pk text): (row, m2m values)} of a serialized tree, in its order."""
    return {
        (type(d.object), str(d.object.pk)): (d.object, d.m2m_data) for d in deserialize(payload)
    }


def merge(draft, obj):
    """What publishing `draft` would write over `obj`'s live rows (editing/draft_merging.py),
    with the live rows as stored now."""
    live = {(type(row), str(row.pk)): row for row in _tree(type(obj)._base_manager.get(pk=obj.pk))}
    proposed = _snapshot(draft.payload)
    # A draft saved before the live rows were kept with it: compared with the live rows now.
    base = {key: row for key, (row, _m2m) in _snapshot(draft.base).items()} if draft.base else live
    return Merge(proposed, base, live)


def apply(draft, obj, raw=True):
    """Write the draft's changes over the live rows: only what the draft changed, merged with
    what changed live since (editing/draft_merging.py). Signals run as for any save, so the page
    cache follows. Returns the problems found (sentences in the active language).

    `raw` (to show the draft): the rows are written as saved, stamps included, so a form opened
    on the draft carries the draft's own "last saved" for the edit-conflict check; nothing is
    refused. Publishing saves them for real (`raw=False`): each model's save() runs, e.g. old
    slugs are remembered, and a conflict raises DraftConflict.
    """
    return write(merge(draft, obj), strict=not raw)


@contextmanager
def shown(draft, obj):
    """Inside: the database shows the draft in place of the live rows; rolled back after.
    Yields what would stop the draft from being published as it is (a list of sentences)."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            problems = apply(draft, obj) if draft is not None else []
            yield problems
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
    """Keep `payload` as the object's draft, back in writing (a sent-back draft included),
    with the live rows as they are now: what the draft changes is the difference. `user` joins
    the draft's writers (none of whom may approve it under four eyes)."""
    content_type = ContentType.objects.get_for_model(obj)
    earlier = Draft.objects.filter(content_type=content_type, object_id=str(obj.pk))
    writers = earlier.values_list("writers", flat=True).first() or {}
    if user is not None and user.is_authenticated:
        writers = {**writers, user.get_username(): True}
    draft, _created = Draft.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={
            "payload": payload,
            "base": serialize(obj),
            "author": user,
            "writers": writers,
            "state": Draft.EDITING,
        },
    )
    log(obj, action, user)
    return draft


# What each user may do with a draft: the form's buttons and the POSTs ask the same functions.


def can_publish_directly(user, obj):
    return may(user, "publish", type(obj)) and not WorkflowSettings.four_eyes_on()


def can_review(user, obj, draft):
    """True when `user` may approve or send back `draft`: with four eyes on, not if they wrote
    into it (whoever saved it last or first) or submitted it."""
    if draft is None or not may(user, "publish", type(obj)):
        return False
    own = user.pk in {draft.author_id, draft.submitted_by_id} or (
        user.get_username() in draft.writers
    )
    return not (own and WorkflowSettings.four_eyes_on())


def can_write(user, obj):
    return may(user, "change", type(obj))


def can_submit_unpublished(user, obj):
    """True when `user` may submit `obj`, content never published (or unpublished since), for
    review: whoever may change it, if it has a publication flag; the form offers it to those
    who may not publish it directly."""
    return isinstance(obj, PublishableContent) and can_write(user, obj)


def _publish_now(draft, obj, user, approver=None, approved_now=False):
    """Apply the draft for good, in a revision whose structured message names what changed
    (and who approved it), read in each viewer's language (editing/change_messages.py).
    `user` publishes (None: the clock); `approved_now`: the approval is this step's too.
    DraftConflict, with nothing written, when it no longer fits the live rows."""
    with transaction.atomic(), reversion.create_revision():
        _still_as_read(draft, obj)
        if approved_now:
            log(obj, WorkflowEvent.APPROVED, approver)
        merged = merge(draft, obj)
        write(merged, strict=True)
        reversion.set_user(approver or user)
        reversion.set_comment(approval_message(merged.changes, approver))
        for row in _tree(type(obj)._base_manager.get(pk=obj.pk)):
            if is_registered(type(row)):
                reversion.add_to_revision(row)
        draft.delete()
        log(obj, WorkflowEvent.PUBLISHED, user)


def _still_as_read(draft, obj):
    """Lock the live row, then the draft (the order a save takes them, editing/review_admin.py),
    and refuse (DraftConflict) when the draft was saved again, or removed, since `draft` was
    read: those changes were not the ones reviewed, and deleting the draft would lose them."""
    type(obj)._base_manager.select_for_update().filter(pk=obj.pk).exists()
    stored = Draft.objects.select_for_update().filter(pk=draft.pk).values_list("payload")
    if [(draft.payload,)] != list(stored):
        raise DraftConflict(
            [str(_("These changes were saved again since they were opened: read them again."))]
        )


def publish(draft, obj, user):
    """An Editor publishes the draft at once (no review asked); the history names the fields it
    changes. DraftConflict, with nothing changed, when it no longer fits the live rows."""
    if not can_publish_directly(user, obj):
        raise PermissionDenied
    _publish_now(draft, obj, user)


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
    draft.writers = {**draft.writers, user.get_username(): True}
    draft.message = message
    draft.comment = ""
    draft.go_live_at = go_live_at
    draft.save()
    log(obj, WorkflowEvent.SUBMITTED, user, message)


def approve(draft, obj, user):
    """Approve: published now, or kept until its go-live time (`publish_due`). DraftConflict,
    with nothing changed, when the draft no longer fits the live rows."""
    if not can_review(user, obj, draft):
        raise PermissionDenied
    if draft.go_live_at and draft.go_live_at > timezone.now():
        draft.state = Draft.APPROVED
        draft.approved_by = user
        draft.save()
        log(obj, WorkflowEvent.SCHEDULED, user)
        from sitecache.generation import bump_generation

        bump_generation()  # the cache learns the go-live time
        return
    _publish_now(draft, obj, user, approver=user, approved_now=True)


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
    """Publish the approved drafts whose go-live time has come; returns how many.

    Each in its own transaction, the live row locked, then the draft (the order a save takes
    them, editing/review_admin.py, so that the clock and an author saving the same draft never
    wait on each other), the draft read again under its lock, so that two runs at once (the
    `publish_due_changes` command and a request) publish it once. A draft that no longer fits
    the live rows (a slug taken since) is sent back to its author with the reason, in their
    admin language, instead of stopping the others.
    """
    now = now or timezone.now()
    due = Draft.objects.filter(state=Draft.APPROVED, go_live_at__lte=now)
    count = 0
    for pk in due.order_by("go_live_at", "pk").values_list("pk", flat=True):
        with transaction.atomic():
            draft = due.filter(pk=pk).first()
            obj = draft and draft.content_object
            if obj is None:
                due.filter(pk=pk).delete()  # its object is gone, or another run published it
                continue
            type(obj)._base_manager.select_for_update().filter(pk=obj.pk).exists()
            draft = due.select_for_update().filter(pk=pk).first()
            if draft is None:
                continue  # published meanwhile by another run
            try:
                _publish_now(draft, obj, None, approver=draft.approved_by)  # by the clock
            except DraftConflict as conflict:
                _send_back_by_the_clock(draft, obj, conflict)
                continue
        count += 1
    return count


def _send_back_by_the_clock(draft, obj, conflict):
    from .preferences import language_of

    author = draft.submitted_by or draft.author
    with translation.override(language_of(author) if author else settings.LANGUAGE_CODE):
        introduction = str(_("These changes could not be published at their go-live time:"))
        comment = " ".join([introduction, *conflict.problems])
    draft.state = Draft.SENT_BACK
    draft.comment = comment
    draft.save()
    log(obj, WorkflowEvent.SENT_BACK, None, comment)
    # The author learns it as from a reviewer: by email, once the transaction is kept.
    transaction.on_commit(lambda: notify("sent_back", draft, obj, None))


REVIEW_ACTIONS = {
    "publish": _("Publish"),
    "discard": _("Discard changes"),
    "submit": _("Submit for review"),
    "approve": _("Approve"),
    "send_back": _("Send back"),
}

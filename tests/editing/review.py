"""Actors and helpers of the review workflow's tests."""

from django.urls import reverse

from editing import drafts
from tests.editing.conftest import member_of, signed_in

CONTRIBUTORS = "Contributors"
APPROVERS = "Approvers"


def staff_member(django_user_model, group_name, username, language="fr"):
    """A signed-in client for a new member of `group_name` (groups made again if emptied)."""
    user = member_of(django_user_model, group_name, username)
    return user, signed_in(user, language)


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def workflow_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[obj.pk])


def submitted_draft(obj, author, message="Nouveau résumé", **fields):
    """`author`'s draft of `obj` changing `fields`, submitted for review, stored as the admin's
    form stores it (editing/review_admin.py), without `author` opening any admin page."""
    with drafts.shown(drafts.draft_of(obj), obj):
        shown = type(obj)._base_manager.get(pk=obj.pk)
        for name, value in fields.items():
            setattr(shown, name, value)
        shown.save()
        payload = drafts.serialize(shown)
    draft = drafts.store(obj, payload, author)
    drafts.submit(draft, obj, author, message)
    return draft

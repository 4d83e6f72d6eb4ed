"""Actors and helpers of the review workflow's tests."""

from django.urls import reverse

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

"""Actors and helpers of the review workflow's tests."""

from importlib import import_module

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.editing.conftest import member_of, signed_in

CONTRIBUTORS = "Contributors"
APPROVERS = "Approvers"


def staff_member(django_user_model, group_name, username, language="fr"):
    """A signed-in client for a new member of `group_name` (groups made again if emptied)."""
    member_of(django_user_model, "Editors", "_groups_check").delete()
    import_module("editing.migrations.0003_contributors_and_approvers").grant_roles(
        Group, Permission
    )
    import_module("pages.migrations.0006_pages_for_contributors_and_approvers").grant_roles(
        Group, Permission
    )
    user = member_of(django_user_model, group_name, username)
    return user, signed_in(user, language)


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def workflow_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[obj.pk])

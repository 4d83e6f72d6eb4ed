"""Staff with a role, as the NGO gives them: members of the Editors or Translators group."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from editing.roles import EDITORS, TRANSLATORS

# The data migrations that make the roles' groups, in the order they run.
ROLE_MIGRATIONS = (
    "editing.migrations.0001_roles",
    "stats.migrations.0007_open_data_roles",
    "pages.migrations.0002_roles_for_pages",
    "editing.migrations.0003_contributors_and_approvers",
    "stats.migrations.0011_open_data_for_editors_and_approvers",
    "pages.migrations.0006_pages_for_contributors_and_approvers",
)


def restore_roles():
    """The groups as the migrations leave them: the browser tests empty the database, groups
    made by migration included."""
    for name in ROLE_MIGRATIONS:
        import_module(name).grant_roles(Group, Permission)


def member_of(django_user_model, group_name, username):
    if not Group.objects.filter(name=group_name).exists():
        restore_roles()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def communication_officer(django_user_model):
    return member_of(django_user_model, EDITORS, "claire")


@pytest.fixture
def volunteer(django_user_model):
    return member_of(django_user_model, TRANSLATORS, "tom")


def signed_in(user, language="fr"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.fixture
def editor_of_the_team(communication_officer):
    return signed_in(communication_officer)


@pytest.fixture
def translator(volunteer):
    return signed_in(volunteer, "en")


def opened_at(client, obj):
    """The edit-conflict stamp a browser sends back with the form it opened."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return client.get(url).context["adminform"].form.initial["opened_at"]

"""Staff with a role, as the NGO gives them: members of the Editors or Translators group."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from editing.roles import EDITORS, TRANSLATORS


def member_of(django_user_model, group_name, username):
    if not Group.objects.filter(name=group_name).exists():
        # The browser tests empty the database, groups made by migration included.
        import_module("editing.migrations.0001_roles").grant_roles(Group, Permission)
        import_module("stats.migrations.0007_open_data_roles").grant_roles(Group, Permission)
        import_module("stats.migrations.0011_open_data_for_editors_and_approvers").grant_roles(
            Group, Permission
        )
        import_module("pages.migrations.0002_roles_for_pages").grant_roles(Group, Permission)
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

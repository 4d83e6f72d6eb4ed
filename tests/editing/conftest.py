"""Staff with a role, as the NGO gives them: members of the Editors or Translators group."""

import pytest
from django.test import Client
from django.urls import reverse

from editing.roles import APPROVERS, CONTRIBUTORS, EDITORS, TRANSLATORS
from tests.factories import EditorFactory, StaffFactory, TranslatorFactory, role_group

ROLE_FACTORIES = {EDITORS: EditorFactory, TRANSLATORS: TranslatorFactory}


def member_of(django_user_model, group_name, username):
    """Staff named `username` (password "pw") in the group of a role; see tests/factories.py."""
    if group_name in ROLE_FACTORIES:
        return ROLE_FACTORIES[group_name](username=username, password="pw")
    user = StaffFactory(username=username, password="pw")
    user.groups.add(role_group(group_name))
    return user


@pytest.fixture
def communication_officer(django_user_model):
    return member_of(django_user_model, EDITORS, "claire")


@pytest.fixture
def volunteer(django_user_model):
    return member_of(django_user_model, TRANSLATORS, "tom")


def with_email(user, address):
    """`user`, given an email address (the workflow's notifications go to it)."""
    user.email = address
    user.save()
    return user


@pytest.fixture
def contributor(django_user_model):
    """(Camille, a Contributor, and her signed-in client, in French)."""
    user = with_email(member_of(django_user_model, CONTRIBUTORS, "camille"), "camille@example.org")
    return user, signed_in(user)


@pytest.fixture
def director(django_user_model):
    """(Dominique, the director: an Approver, who does not edit, and her signed-in client)."""
    user = with_email(member_of(django_user_model, APPROVERS, "dominique"), "director@example.org")
    return user, signed_in(user)


@pytest.fixture
def editor_member(django_user_model):
    """(Eve, a member of the Editors, and her signed-in client, in French)."""
    user = member_of(django_user_model, EDITORS, "eve")
    return user, signed_in(user)


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

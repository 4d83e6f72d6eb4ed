"""Putting an account in Editors or Translators is all it takes for it to sign in."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editing.roles import EDITORS, TRANSLATORS
from tests.editing.conftest import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(django_user_model):
    # member_of makes the groups if the database lacks them; its user is not ours.
    member_of(django_user_model, EDITORS, "someone")
    return Group.objects


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS])
def test_joining_a_role_from_the_user_side_gives_staff_status(
    client, groups, django_user_model, role
):
    user = django_user_model.objects.create_user("ana", "ana@example.org", "pw-ana")
    user.groups.add(groups.get(name=role))
    response = client.post(
        reverse("admin:login"), {"username": "ana", "password": "pw-ana", "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_joining_from_the_group_side_gives_staff_status(groups, django_user_model):
    user = django_user_model.objects.create_user("ben", "ben@example.org", "pw")
    groups.get(name=TRANSLATORS).user_set.add(user)
    user.refresh_from_db()
    assert user.is_staff


def test_another_group_gives_nothing(groups, django_user_model):
    other = Group.objects.create(name="Newsletter")
    user = django_user_model.objects.create_user("cy", "cy@example.org", "pw")
    user.groups.add(other)
    user.refresh_from_db()
    assert not user.is_staff

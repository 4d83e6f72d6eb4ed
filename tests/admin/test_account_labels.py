"""Role groups and our permissions read in the admin's language on the user and group pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editing.roles import EDITORS
from tests.editing.conftest import member_of

pytestmark = pytest.mark.django_db

# Users and groups are the superuser's to manage: Editors may not open them.


@pytest.fixture
def editors(django_user_model):
    member_of(django_user_model, EDITORS, "claire")
    return Group.objects.get(name=EDITORS)


def test_the_group_list_names_the_roles_in_french(administrator_client, editors):
    html = administrator_client.get(
        reverse("admin:auth_group_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Rédacteurs" in html
    assert "Traducteurs" in html


def test_a_group_page_lists_our_permissions_in_spanish(administrator_client, editors):
    html = administrator_client.get(
        reverse("admin:auth_group_change", args=[editors.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Can publish, schedule and order" not in html
    assert "Can edit the French text" not in html
    assert "Puede publicar, programar y ordenar: organizaciones" in html


def test_a_user_page_offers_the_roles_in_spanish(administrator_client, editors, django_user_model):
    user = django_user_model.objects.get(username="claire")
    html = administrator_client.get(
        reverse("admin:auth_user_change", args=[user.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert ">Editores</option>" in html

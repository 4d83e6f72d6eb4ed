"""Role groups and our permissions read in the admin's language on the user and group pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editing.roles import APPROVERS, CONTRIBUTORS, EDITORS
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


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Peut ajouter : organisations", "Peut consulter : partenariats"]),
        ("es", ["Puede eliminar: organizaciones", "Puede modificar: páginas"]),
    ],
)
def test_django_s_own_permissions_read_in_the_admin_s_language(
    administrator_client, editors, language, expected
):
    html = administrator_client.get(
        reverse("admin:auth_group_change", args=[editors.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    for name in expected:
        assert name in html
    for english in ("Can add", "Can change", "Can delete", "Can view"):
        assert english not in html


def test_the_source_language_is_named_in_the_admin_s_language(administrator_client, editors):
    html = administrator_client.get(
        reverse("admin:auth_group_change", args=[editors.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Peut modifier le texte source (Français) et les réglages : organisations" in html
    assert "(French)" not in html


def test_a_model_s_own_permission_keeps_its_own_name(administrator_client, editors):
    html = administrator_client.get(
        reverse("admin:auth_group_change", args=[editors.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Puede ordenar el menú de la cabecera" in html


def test_a_user_page_offers_the_review_roles_in_french(administrator_client, django_user_model):
    member_of(django_user_model, CONTRIBUTORS, "paul")
    member_of(django_user_model, APPROVERS, "ana")
    user = django_user_model.objects.get(username="paul")
    html = administrator_client.get(
        reverse("admin:auth_user_change", args=[user.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert ">Contributeurs</option>" in html
    assert ">Approbateurs</option>" in html


def test_a_user_page_labels_both_halves_of_its_dates(administrator_client, editor):
    html = administrator_client.get(
        reverse("admin:auth_user_change", args=[editor.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert 'aria-label="último inicio de sesión, fecha" id="id_last_login_0"' in html
    assert 'aria-label="último inicio de sesión, hora" id="id_last_login_1"' in html
    assert "Europe/Brussels" in html

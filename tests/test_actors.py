"""The shared actors are who their names say: the tests that use them prove what each role can
do, so a fixture with more rights than its role would hide a missing permission."""

import pytest
from axes.models import AccessLog
from django.urls import reverse

from editing.roles import EDITORS, TRANSLATORS
from tests.factories import EditorFactory
from tests.webforms import browser, main_form

pytestmark = pytest.mark.django_db


def test_the_editor_is_staff_in_the_editors_group_and_no_superuser(editor):
    assert editor.is_staff
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]


def test_the_translator_is_staff_in_the_translators_group_and_no_superuser(translator):
    assert translator.is_staff
    assert not translator.is_superuser
    assert list(translator.groups.values_list("name", flat=True)) == [TRANSLATORS]


def test_only_the_administrator_opens_the_users_screen(editor_client, administrator_client):
    users = reverse("admin:auth_user_changelist")
    assert editor_client.get(users).status_code == 403
    assert administrator_client.get(users).status_code == 200


def test_staff_sign_in_through_the_real_sign_in_form_and_the_lockout_log_sees_it(django_app):
    # django-axes reads the request in authenticate(): webtest's form goes through it, CSRF
    # token and Secure cookies included.
    EditorFactory(username="claire", password="pw-claire")
    visitor = browser(language="fr")
    form = main_form(visitor.get(reverse("admin:login")))
    form["username"] = "claire"
    form["password"] = "pw-claire"
    response = form.submit()
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("admin:index")
    assert visitor.get(reverse("admin:index")).status_code == 200
    assert AccessLog.objects.filter(username="claire").exists()

"""Someone who may only view (an Approver) reads a change page with the object's fields only:
not the fields that exist to save the form, shown by Django as English names and "None"."""

import pytest
from django.urls import reverse

from tests.conftest import make_figure
from tests.editing.review import APPROVERS, staff_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "es"])
def test_an_approver_sees_no_form_only_field_on_a_key_figure(django_user_model, language):
    figure = make_figure()
    _user, client = staff_member(django_user_model, APPROVERS, "dominique", language)
    response = client.get(reverse("admin:statistics_keyfigure_change", args=[figure.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Opened at" not in html
    assert "Confirm pages" not in html
    assert '<div class="readonly">None</div>' not in html
    assert str(figure) in html  # the figure's own fields are still shown


def test_an_editor_still_gets_the_conflict_check(editor_client):
    figure = make_figure()
    html = editor_client.get(
        reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    ).content.decode()
    assert 'name="opened_at"' in html

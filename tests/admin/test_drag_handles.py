"""Only those who may reorder see drag handles: translators get none to try."""

import pytest
from django.urls import reverse

from editing.roles import EDITORS, TRANSLATORS
from tests.conftest import make_figure, make_partnership
from tests.editing.conftest import member_of, signed_in

pytestmark = pytest.mark.django_db

LISTS = ["admin:statistics_keyfigure_changelist", "admin:partners_partnership_changelist"]


@pytest.fixture
def rows():
    make_figure()
    make_figure()
    make_partnership()
    make_partnership()


@pytest.mark.parametrize("url_name", LISTS)
def test_a_translator_sees_no_drag_handle(django_user_model, rows, url_name):
    client = signed_in(member_of(django_user_model, TRANSLATORS, "tom"))
    html = client.get(reverse(url_name)).content.decode()
    assert 'class="drag' not in html


@pytest.mark.parametrize("url_name", LISTS)
def test_an_editor_drags_rows(django_user_model, rows, url_name):
    client = signed_in(member_of(django_user_model, EDITORS, "claire"))
    html = client.get(reverse(url_name)).content.decode()
    assert 'class="drag handle"' in html

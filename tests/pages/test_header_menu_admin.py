"""The header menu's admin refuses a page that cannot exist with a form error, never a 500."""

import pytest
from django.urls import reverse

from pages.models import NavigationItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["abc", "99999999999999999999999", "-1"])
def test_a_menu_item_for_a_page_that_cannot_exist_is_refused_on_its_field(editor_of_the_team, page):
    response = editor_of_the_team.post(
        reverse("admin:pages_navigationitem_add"), {"page": page, "order": "1"}
    )
    assert response.status_code == 200
    assert "page" in response.context["adminform"].form.errors
    assert not NavigationItem.objects.exists()

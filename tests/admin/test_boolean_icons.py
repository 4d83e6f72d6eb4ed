"""Yes/no icons carry text in the viewer's language, never Python's "True"."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Users and groups are the superuser's to manage: Editors may not open them.


@pytest.mark.parametrize(("language", "yes"), [("fr", "Oui"), ("es", "Sí"), ("en", "Yes")])
def test_the_staff_column_of_the_user_list_says_yes_in_the_viewers_language(
    administrator_client, language, yes
):
    html = administrator_client.get(
        reverse("admin:auth_user_changelist"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert f'icon-yes.svg" alt="{yes}"' in html
    assert 'alt="True"' not in html

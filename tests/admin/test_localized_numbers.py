"""A number is typed as the admin's language writes it: "22,5" in French and Spanish is 22.5."""

from decimal import Decimal

import pytest
from django.urls import reverse

from stats.models import KeyFigure
from tests.conftest import make_figure
from tests.editing.test_conflicts_merged import form_as_shown

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_comma_is_the_decimal_mark_in_french_and_spanish(editor_client, language):
    figure = make_figure(kind=KeyFigure.Kind.PERCENTAGE, value=10)
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    data = form_as_shown(editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    data["value"] = ["22,5"]
    data["_publish"] = ["1"]  # "Save and publish": the figure is live
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal("22.5")


def test_the_form_shows_the_value_with_a_comma_in_french(editor_client):
    figure = make_figure(kind=KeyFigure.Kind.PERCENTAGE, value=Decimal("22.5"))
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    html = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'name="value" value="22,5' in html

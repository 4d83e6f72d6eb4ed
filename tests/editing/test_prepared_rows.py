"""The partners page's SQL is compiled once per process (editing/prepared.py): its rows must be
exactly what the queryset would give, request after request."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from editing.prepared import PreparedLiveRows
from partners.cards import LIVE_CARD_ROWS, card_rows
from partners.models import ConsultativeStatus, Partnership
from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


def test_the_prepared_rows_are_the_rows_of_the_published_queryset():
    now = timezone.now()
    hidden_body = make_organisation(is_published=False)
    statused = make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS, role_en="Observer")
    ConsultativeStatus.objects.create(partnership=statused, privileges_fr="Siéger")
    make_partnership(description_es="Colaboración")
    make_partnership(is_published=False)
    make_partnership(publish_at=now + timedelta(days=1))
    make_partnership(expire_at=now - timedelta(days=1))
    make_partnership(organisation=hidden_body)

    expected = list(card_rows(Partnership.objects.published()))
    assert len(expected) == 2
    for _ in range(3):  # compiled on the first call, reused after
        assert LIVE_CARD_ROWS() == expected


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda now: card_rows(Partnership.objects.all()), id="ignores its time"),
        pytest.param(
            lambda now: card_rows(
                Partnership.objects.filter(publish_at__lte=now, expire_at__gt=now + timedelta(1))
            ),
            id="derives a second time from it",
        ),
    ],
)
def test_a_query_that_would_not_follow_the_clock_is_refused(build):
    with pytest.raises(ImproperlyConfigured, match="must compare with its time"):
        PreparedLiveRows(Partnership, build)()

"""Which database a request reads (config/replica.py); the real replica runs in make scale-test."""

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import RequestFactory

from config.replica import ReplicaHealth, ReplicaRouter, may_read_replica, reads_from_replica
from organisations.models import Organisation

factory = RequestFactory()


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("GET", "/en/partners/", {}, True),
        ("HEAD", "/fr/", {"csrftoken": "x"}, True),
        ("GET", "/en/partners/", {"sessionid": "staff"}, False),  # staff read their own writes
        ("POST", "/en/search/", {}, False),
        ("GET", "/admin/login/", {}, False),
    ],
)
def test_only_anonymous_visitors_reads_may_go_to_the_replica(method, path, cookies, expected):
    request = factory.generic(method, path)
    request.COOKIES.update(cookies)
    assert may_read_replica(request) is expected


def test_the_router_sends_allowed_reads_to_the_replica_and_every_write_to_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(Organisation) == "default"
    token = reads_from_replica.set(True)
    try:
        assert router.db_for_read(Organisation) == "replica"
        # Who is signed in is never read from a copy that may lag.
        assert router.db_for_read(Session) == "default"
        assert router.db_for_write(Organisation) == "default"
    finally:
        reads_from_replica.reset(token)
    assert router.allow_migrate("replica", "organisations") is False


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_a_lagging_or_stopped_replica_is_not_read_until_it_catches_up():
    lags = iter([0.0, 12.0, OperationalError("stopped"), 1.0])

    def measure():
        lag = next(lags)
        if isinstance(lag, Exception):
            raise lag
        return lag

    clock = Clock()
    health = ReplicaHealth(measure, max_lag=5, check_seconds=2, clock=clock)
    assert health.is_usable() is True
    clock.now = 1
    assert health.is_usable() is True  # not asked again within check_seconds
    clock.now = 2
    assert health.is_usable() is False  # 12 s behind
    clock.now = 4
    assert health.is_usable() is False  # stopped
    clock.now = 6
    assert health.is_usable() is True


def test_a_server_that_is_not_a_replica_is_never_read_as_one():
    health = ReplicaHealth(lambda: None, max_lag=5, check_seconds=2)
    assert health.is_usable() is False

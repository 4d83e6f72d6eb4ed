"""Which database a request reads (config/replica.py); the real replica runs in make scale-test."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import RequestFactory

from config.replica import (
    ReplicaChoice,
    ReplicaHealth,
    ReplicaRouter,
    may_read_replica,
    note_content_change,
    replica_choice,
)
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


class Healthy:
    def __init__(self):
        self.down = False

    def is_usable(self):
        return not self.down

    def mark_down(self):
        self.down = True


def route_reads(choice, model=Organisation):
    token = replica_choice.set(choice)
    try:
        return ReplicaRouter().db_for_read(model)
    finally:
        replica_choice.reset(token)


def test_the_router_sends_allowed_reads_to_the_replica_and_every_write_to_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(Organisation) == "default"
    assert route_reads(ReplicaChoice(Healthy(), connect=lambda: None)) == "replica"
    # Who is signed in is never read from a copy that may lag.
    assert route_reads(ReplicaChoice(Healthy(), connect=lambda: None), Session) == "default"
    assert router.db_for_write(Organisation) == "default"
    assert router.allow_migrate("replica", "organisations") is False


def test_a_replica_that_refuses_the_connection_is_left_for_the_primary_at_once():
    def refused():
        raise OperationalError("connection refused")

    health = Healthy()
    assert route_reads(ReplicaChoice(health, connect=refused)) == "default"
    assert health.down is True


def test_pages_are_read_from_the_primary_for_a_while_after_an_edit(settings, monkeypatch):
    settings.REPLICA_MAX_LAG_SECONDS, settings.REPLICA_CHECK_SECONDS = 5, 2
    note_content_change()
    assert route_reads(ReplicaChoice(Healthy(), connect=lambda: None)) == "default"
    later = time.time() + 8
    monkeypatch.setattr("config.replica.time.time", lambda: later)
    assert route_reads(ReplicaChoice(Healthy(), connect=lambda: None)) == "replica"


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


def test_a_replica_that_stops_during_a_request_gives_the_visitor_the_page_from_the_primary(
    monkeypatch,
):
    from django.http import HttpResponse

    from config import replica

    monkeypatch.setattr(
        replica, "ReplicaChoice", lambda health: ReplicaChoice(health, lambda: None)
    )
    monkeypatch.setattr(replica, "replica_answers", lambda: False)
    served_from = []

    def view(request):
        choice = replica_choice.get()
        if choice is not None and choice.use_replica():
            served_from.append("replica")
            return HttpResponse("server error", status=500)  # the connection broke mid-page
        served_from.append("primary")
        return HttpResponse("the page")

    middleware = replica.ReplicaMiddleware(view)
    middleware.health = Healthy()
    response = middleware(factory.get("/en/partners/"))
    assert (response.status_code, response.content) == (200, b"the page")
    assert served_from == ["replica", "primary"]
    assert middleware.health.down  # the next visitors go to the primary straight away


def test_a_server_error_with_the_replica_answering_is_not_asked_twice(monkeypatch):
    from django.http import HttpResponse

    from config import replica

    monkeypatch.setattr(
        replica, "ReplicaChoice", lambda health: ReplicaChoice(health, lambda: None)
    )
    monkeypatch.setattr(replica, "replica_answers", lambda: True)
    calls = []

    def view(request):
        replica_choice.get().use_replica()
        calls.append(request.path)
        return HttpResponse("a bug", status=500)

    middleware = replica.ReplicaMiddleware(view)
    middleware.health = Healthy()
    assert middleware(factory.get("/en/partners/")).status_code == 500
    assert calls == ["/en/partners/"]

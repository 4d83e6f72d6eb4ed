"""Redis as the cache, and Redis gone: the site answers uncached, says so once in the log."""

import logging
import socket

import pytest

from sitecache import redis_cache
from tests.conftest import make_organisation, make_partnership

pytestmark = pytest.mark.django_db


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "sitecache.redis_cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


def test_visitors_get_their_pages_while_redis_is_down(client, redis_down, caplog, monkeypatch):
    make_partnership(make_organisation(name_en="European network"))
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0)  # every call tries Redis again
    with caplog.at_level(logging.WARNING, logger="sitecache.redis_cache"):
        for _ in range(3):
            response = client.get("/en/partners/")
            assert response.status_code == 200
            assert "European network" in response.content.decode()
    warnings = [record for record in caplog.records if "Redis does not answer" in record.message]
    assert len(warnings) == 1


def test_an_edit_is_saved_while_redis_is_down(redis_down):
    organisation = make_organisation(name_en="European network")
    organisation.name_en = "European network of NGOs"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.name_en == "European network of NGOs"

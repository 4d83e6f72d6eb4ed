"""The data files over HTTP: validators and 304s, from the page cache, refreshed by every edit."""

from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from stats.models import KeyFigure, OpenDataSettings
from tests.conftest import make_figure, make_partnership

DOWNLOADS = [
    "/fr/chiffres-cles/donnees.csv",
    "/en/key-figures/data.json",
    "/es/socios/datos.csv",
    "/en/partners/data.json",
]


@pytest.fixture
def content(db):
    make_figure(key="sections", label_fr="sections nationales", value=30)
    make_partnership(role_fr="Membre")


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_download_carries_an_etag_and_its_last_change(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    last_modified = parsedate_to_datetime(response["Last-Modified"])
    assert abs(last_modified - timezone.now()) < timedelta(minutes=1)
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_client_that_has_the_file_gets_304_from_the_cache(
    client, content, path, django_assert_max_num_queries
):
    first = client.get(path)
    assert first["X-Cache"] == "miss"
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    # From the cache now (at most the cache's own check, no rows read): still 304.
    with django_assert_max_num_queries(1):
        cached = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert cached.status_code == 304


def test_if_modified_since_gets_304_until_the_data_changes(client, content):
    path = "/fr/chiffres-cles/donnees.csv"
    # Dates in HTTP count whole seconds: the first content is an hour old.
    an_hour_ago = timezone.now() - timedelta(hours=1)
    KeyFigure.objects.update(updated_at=an_hour_ago)
    OpenDataSettings.objects.update(updated_at=an_hour_ago)
    last_modified = client.get(path)["Last-Modified"]
    assert last_modified == http_date(an_hour_ago.timestamp())
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    figure = make_figure(key="later", label_fr="nouveau")
    later = http_date((figure.updated_at + timedelta(seconds=2)).timestamp())
    response = client.get(path, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert "nouveau" in response.content.decode("utf-8-sig")
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=later).status_code == 304


def test_an_edit_makes_the_cached_file_stale_and_changes_its_etag(client, content):
    path = "/en/key-figures/data.json"
    etag = client.get(path)["ETag"]
    assert client.get(path)["X-Cache"] == "hit"
    figure = make_figure(key="new", label_fr="nouveau chiffre")
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "nouveau chiffre" in response.content.decode()
    # Unpublishing removes the row; the ETag tells clients, whatever Last-Modified says.
    figure.is_published = False
    figure.save()
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_figure_going_live_by_the_clock_reaches_the_cached_file(client, content, monkeypatch):
    path = "/fr/chiffres-cles/donnees.csv"
    now = timezone.now()
    make_figure(key="scheduled", label_fr="programmé", publish_at=now + timedelta(hours=1))
    assert "programmé" not in client.get(path).content.decode("utf-8-sig")
    assert client.get(path)["X-Cache"] == "hit"
    # The site's clock (django.utils.timezone.now, which every module reads) an hour later.
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=1, seconds=1))
    response = client.get(path)
    assert "programmé" in response.content.decode("utf-8-sig")

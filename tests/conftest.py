"""Shared actors and objects: an editor (staff superuser), and small builders for content."""

import io
import os

import pytest
from django.core.cache import cache
from django.utils import translation
from PIL import Image

from organisations.models import Organisation
from partners.models import Partnership
from stats.models import KeyFigure

# The smoke test talks to a running gunicorn: `make smoke` starts one and sets SMOKE_BASE_URL.
collect_ignore = [] if os.environ.get("SMOKE_BASE_URL") else ["smoke"]
# So does the scale test (`make scale-test` sets SCALE_PROXY_URL).
if not os.environ.get("SCALE_PROXY_URL"):
    collect_ignore.append("scale")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite tests use a file, not memory: the browser tests' live server answers from several
    threads, and an in-memory database is one connection shared between them."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / "test.sqlite3"
        )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of a test go to a folder of its own, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Hashed names need `collectstatic`, which only builds do (the smoke test checks them)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test's database starts afresh, and so must the page cache that mirrors it: in local
    memory, never the developer's cache folder (the smoke test runs the shared file cache)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def in_english():
    """Model-level messages in English; the admin tests check the French and Spanish ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def make_organisation(**fields):
    n = Organisation.objects.count() + 1
    values = {
        "name_fr": f"Organisation {n}",
        "slug_fr": f"organisation-{n}",
        "kind": Organisation.Kind.NGO,
        "summary_fr": f"Résumé {n}",
        "is_published": True,
    }
    values.update(fields)
    return Organisation.objects.create(**values)


def make_partnership(organisation=None, **fields):
    values = {
        "organisation": organisation or make_organisation(),
        "kind": Partnership.Kind.COLLABORATION,
        "role_fr": "Partenaire",
        "is_published": True,
    }
    values.update(fields)
    return Partnership.objects.create(**values)


def make_figure(**fields):
    n = KeyFigure.objects.count() + 1
    values = {
        "key": f"figure-{n}",
        "kind": KeyFigure.Kind.COUNT,
        "value": 100,
        "label_fr": f"chiffre {n}",
        "is_published": True,
    }
    values.update(fields)
    return KeyFigure.objects.create(**values)


def image_bytes(image_format="PNG", size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f5fa8").save(buffer, format=image_format)
    return buffer.getvalue()

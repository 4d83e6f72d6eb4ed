"""Shared actors by role (an editor, a translator, an administrator) and builders for content."""

import io
import os

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from PIL import Image

from tests.factories import (
    AdministratorFactory,
    EditorFactory,
    KeyFigureFactory,
    OrganisationFactory,
    PartnershipFactory,
    TranslatorFactory,
)
from tests.webforms import browser

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
def quick_passwords(settings):
    """Passwords hashed in a blink: most tests make their staff anew, and Django's default hasher
    takes a good part of a second per password by design."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


# --- The staff, by role (editing/roles.py) ----------------------------------------------------


@pytest.fixture
def editor(db):
    """Staff in the Editors group, as the NGO's communication team is: no superuser."""
    return EditorFactory(username="editor", password="pw-editor")


@pytest.fixture
def translator(db):
    """Staff in the Translators group: English and Spanish text of existing content only.

    tests/editing/conftest.py gives the name to a signed-in client, for its older tests."""
    return TranslatorFactory(username="translator", password="pw-translator")


@pytest.fixture
def administrator(db):
    """A superuser, for what no role may do: users, groups, the sign-in log."""
    return AdministratorFactory(username="administrator", password="pw-administrator")


@pytest.fixture
def editor_client(client, editor):
    """Django's test client, signed in as the editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def translator_client(translator):
    """A browser set to English, signed in as the translator."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(translator)
    return client


@pytest.fixture
def editor_browser(django_app, editor):
    """The editor's browser (django-webtest, tests/webforms.py): fills and sends the pages' real
    forms, CSRF token checked as in production. It sends no Accept-Language of its own: pass
    `headers={"Accept-Language": …}` to `form.submit`, or set the language cookie."""
    return browser(editor, language=None)


@pytest.fixture
def administrator_client(administrator):
    """A browser of its own, signed in as the superuser."""
    client = Client()
    client.force_login(administrator)
    return client


# --- Content: thin wrappers over tests/factories.py, which new tests may call directly ---------


def make_organisation(**fields):
    """A published organisation with French text; `fields` override any value."""
    return OrganisationFactory(**fields)


def make_partnership(organisation=None, **fields):
    """A published collaboration with `organisation`, or with a new one."""
    if organisation is not None:
        fields["organisation"] = organisation
    return PartnershipFactory(**fields)


def make_figure(**fields):
    """A published key figure (a count of 100) with a French label."""
    return KeyFigureFactory(**fields)


def image_bytes(image_format="PNG", size=(4, 4)):
    """The bytes of a small blue image in `image_format` (a Pillow format name)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f5fa8").save(buffer, format=image_format)
    return buffer.getvalue()

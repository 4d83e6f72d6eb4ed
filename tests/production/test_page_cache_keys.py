"""The page cache never serves a page made for another request: its key holds every request
header the page depends on (the negotiated language, and what the response names in `Vary`).
Its default store is shared by every process of the host."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from sitecache.decorators import cached_for_visitors

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]
ROOT = Path(__file__).resolve().parents[2]


@cached_for_visitors
def negotiated(request):
    # Like the redirect at "/": the language comes from the cookie or Accept-Language.
    return HttpResponse(f"language={get_language()}")


@cached_for_visitors
def by_device(request):
    response = HttpResponse(f"device={request.headers.get('X-Device', 'none')}")
    patch_vary_headers(response, ["X-Device"])
    return response


urlpatterns = [path("negotiated/", negotiated), path("device/", by_device)]


def test_a_page_in_the_negotiated_language_is_kept_per_language():
    assert Client().get("/negotiated/", HTTP_ACCEPT_LANGUAGE="en").content == b"language=en"
    assert Client().get("/negotiated/", HTTP_ACCEPT_LANGUAGE="en")["X-Cache"] == "hit"
    spanish = Client().get("/negotiated/", HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.content == b"language=es"
    chosen = Client()
    chosen.cookies["django_language"] = "fr"
    assert chosen.get("/negotiated/", HTTP_ACCEPT_LANGUAGE="en").content == b"language=fr"


def test_a_page_that_names_a_header_in_vary_is_kept_per_value_of_that_header():
    assert Client().get("/device/", HTTP_X_DEVICE="phone").content == b"device=phone"
    assert Client().get("/device/", HTTP_X_DEVICE="phone")["X-Cache"] == "hit"
    assert Client().get("/device/", HTTP_X_DEVICE="desk").content == b"device=desk"
    assert Client().get("/device/").content == b"device=none"


def run_django(code, cache_dir):
    """Run `code` in a new Python process with the site's settings and no CACHE_URL."""
    environment = {
        **os.environ,
        "ENV_FILE": "/dev/null",
        "DEBUG": "true",
        "SECRET_KEY": "test",
        "CACHE_URL": "",
        "CACHE_DIR": str(cache_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    script = f"import django; django.setup(); from django.core.cache import cache; {code}"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_by_default_every_process_of_the_host_shares_one_cache(tmp_path):
    # Two gunicorn workers are two processes: an edit must reach both at once.
    run_django("cache.set('shared', 'written by one worker', 60)", tmp_path)
    assert run_django("print(cache.get('shared'))", tmp_path) == "written by one worker"

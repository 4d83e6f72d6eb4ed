"""One address per page for search engines: the French fallback's canonical is the French page,
and every absolute address comes from settings.SITE_URL, never from the request's Host header."""

import json
import re
import subprocess
import sys

import pytest

from tests.public.test_languages import english_only, hreflang_links  # noqa: F401

ORIGIN = "https://www.dei.example"
# An allowed host that is not the configured origin: what a forged or proxied request sends.
OTHER_HOST = "localhost"


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = ORIGIN
    return ORIGIN


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def test_a_page_shown_in_french_for_want_of_a_translation_is_canonical_in_french(
    client,
    english_only,  # noqa: F811
):
    html = client.get("/es/organizaciones/reseau-europeen/").content.decode()
    assert canonical(html) == "http://testserver/fr/organisations/reseau-europeen/"
    assert set(hreflang_links(html)) == {"fr", "en", "x-default"}


def test_a_translated_page_stays_its_own_canonical(client, english_only):  # noqa: F811
    html = client.get("/en/organisations/european-network/").content.decode()
    assert canonical(html) == "http://testserver/en/organisations/european-network/"


def test_canonical_and_hreflang_use_the_configured_origin_not_the_host(
    client,
    site_url,
    english_only,  # noqa: F811
):
    html = client.get("/en/organisations/european-network/", HTTP_HOST=OTHER_HOST)
    html = html.content.decode()
    assert canonical(html) == f"{ORIGIN}/en/organisations/european-network/"
    assert hreflang_links(html)["x-default"] == f"{ORIGIN}/fr/organisations/reseau-europeen/"
    assert OTHER_HOST not in html


def test_the_sitemap_uses_the_configured_origin_not_the_host(client, site_url, english_only):  # noqa: F811
    sitemap = client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST).content.decode()
    assert f"<loc>{ORIGIN}/en/organisations/european-network/</loc>" in sitemap
    assert OTHER_HOST not in sitemap


def test_robots_txt_uses_the_configured_origin_not_the_host(client, site_url, db):
    body = client.get("/robots.txt", HTTP_HOST=OTHER_HOST).content.decode()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in body


def test_json_ld_uses_the_configured_origin_not_the_host(client, site_url, english_only):  # noqa: F811
    english_only.website = ""
    english_only.save()
    html = client.get("/fr/organisations/reseau-europeen/", HTTP_HOST=OTHER_HOST).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script.group(1))
    assert data["url"] == f"{ORIGIN}/fr/organisations/reseau-europeen/"


def test_production_refuses_to_start_without_a_site_url(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "k", "ENV_FILE": "/nonexistent/.env"}
    code = "import config.wsgi"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd="."
    )
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr


def test_the_deploy_check_refuses_a_missing_site_url_but_makemigrations_runs():
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "k", "ENV_FILE": "/nonexistent/.env"}
    manage = [sys.executable, "manage.py"]
    check = subprocess.run(
        [*manage, "check", "--deploy"], env=env, capture_output=True, text=True, cwd="."
    )
    assert check.returncode != 0
    assert "config.E001" in check.stderr
    assert "SITE_URL is not set" in check.stderr
    migrations = subprocess.run(
        [*manage, "makemigrations", "--check", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        cwd=".",
    )
    assert migrations.returncode == 0, migrations.stderr

"""Absolute addresses from the one configured origin, settings.SITE_URL.

Canonical links, hreflang, x-default, the sitemap, robots.txt and JSON-LD are cached and read by
crawlers: built from the request's Host header, one forged request would hand its host to every
later visitor. They are built here instead, from the origin the site is configured with.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING = (
    "SITE_URL is not set. Set the SITE_URL environment variable to the public origin of the "
    "site (scheme and host, e.g. https://www.example.org), or set DEBUG=true for local "
    "development."
)


def require_site_url():
    """Raise ImproperlyConfigured (MISSING) when SITE_URL is empty, i.e. DEBUG off and unset:
    config/wsgi.py and asgi.py call it, so a production server never starts without it."""
    if not settings.SITE_URL:
        raise ImproperlyConfigured(MISSING)


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Deployment check config.E001: `check --deploy` refuses a production set-up without
    SITE_URL (development commands such as `makemigrations` still run)."""
    if settings.SITE_URL:
        return []
    return [checks.Error(MISSING, id="config.E001")]


def absolute_url(path):
    """`path` ("/fr/partenaires/") as a full address on SITE_URL ("https://example.org/fr/…").

    A path that is already absolute (an uploaded file on another host, a website) is returned
    unchanged.
    """
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = f"/{path}"
    return f"{settings.SITE_URL}{path}"


def site_scheme_and_domain():
    """("https", "www.example.org"): SITE_URL split the way Django's sitemaps want it."""
    scheme, domain = settings.SITE_URL.split("://", 1)
    return scheme, domain

"""Absolute addresses from the one configured origin, settings.SITE_URL.

Canonical links, hreflang, x-default, the sitemap, robots.txt and JSON-LD are cached and read by
crawlers: built from the request's Host header, one forged request would hand its host to every
later visitor. They are built here instead, from the origin the site is configured with.
"""

from django.conf import settings


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

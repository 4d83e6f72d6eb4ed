"""No public page links to a 404: every internal link of the demo site, followed from each
language's home page, answers (after redirects) with a page."""

import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.conf import settings

from tests.public.conftest import LANGUAGES

LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
MAX_PAGES = 400


def internal(href):
    """The path and query of an internal link, or None for external, mail or fragment links."""
    href = urldefrag(href.replace("&amp;", "&"))[0]
    parsed = urlparse(href)
    if parsed.scheme and f"{parsed.scheme}://{parsed.netloc}" != settings.SITE_URL:
        return None
    if not parsed.path.startswith("/") or parsed.path.startswith(f"/{settings.ADMIN_URL}"):
        return None
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


@pytest.mark.django_db
def test_every_link_of_the_demo_site_reaches_a_page_in_every_language(client, demo):
    queue = [f"/{language}/" for language in LANGUAGES]
    seen, broken = set(queue), []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop()
        response = client.get(path, follow=True)
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        if "text/html" not in response["Content-Type"]:
            continue
        for href in LINK.findall(response.content.decode()):
            target = internal(href)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    assert broken == []
    assert len(seen) > 30  # the crawl really went through the site

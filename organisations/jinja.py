"""The public templates' organisation helpers (config/jinja_environment.py registers them)."""

import json

from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import mark_safe

from config.site_url import absolute_url

# As json_script does: no "</script>" or markup can be closed from inside the data.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organisation_json_ld(request, organisation):
    """schema.org Organization data for search engines: name, acronym, URL, logo."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": organisation.website or absolute_url(organisation.get_absolute_url()),
    }
    if organisation.acronym:
        data["alternateName"] = organisation.acronym
    if organisation.logo:
        data["logo"] = absolute_url(organisation.logo.url)
    if organisation.public_parent:
        parent = organisation.public_parent
        data["parentOrganization"] = {"@type": "Organization", "name": parent.name}
    payload = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    # Safe: the escapes above leave no "<", ">" or "&" in the payload.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def paragraphs(text):
    """Text typed with blank lines as <p> paragraphs (and <br> for single breaks), escaped."""
    return linebreaks_filter(text, autoescape=True)


FILTERS = {"linebreaks": paragraphs}
GLOBALS = {"organisation_json_ld": organisation_json_ld}

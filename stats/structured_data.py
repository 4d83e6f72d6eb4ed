"""schema.org `Dataset` JSON-LD for the key figures page, so that search engines and dataset
catalogues (Google Dataset Search) find the downloads, their formats and their licence.

https://schema.org/Dataset; https://developers.google.com/search/docs/appearance/structured-data/dataset
"""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from .datafiles import newest

# As django.utils.html.json_script escapes: no "</script>" can close the element early.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def dataset_description(figures, licence, page_url, csv_url, json_url):
    """The Dataset as a dict: name, description, licence, publisher and the two distributions."""
    modified = newest(licence.updated_at, *(figure.updated_at for figure in figures))
    publisher = {"@type": "Organization", "name": gettext("Defence for Children International")}
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": gettext("Key figures of Defence for Children International"),
        "description": gettext(
            "The figures behind children’s rights and the fight against their sexual "
            "exploitation, each with its scope, year and source."
        ),
        "url": page_url,
        "inLanguage": get_language(),
        "license": licence.licence_url,
        "isAccessibleForFree": True,
        "creator": publisher,
        "publisher": publisher,
        **({"dateModified": modified.isoformat()} if modified else {}),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": csv_url},
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": json_url},
        ],
    }


def dataset_json_ld(figures, licence, page_url, csv_url, json_url):
    """The `<script type="application/ld+json">` element, safe to put in the page's head."""
    data = dataset_description(figures, licence, page_url, csv_url, json_url)
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')

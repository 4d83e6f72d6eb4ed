"""Search across organisations, partnerships and figures, in the visitor's language.

PostgreSQL: full-text search with the language's own configuration (stemming, stop words).
SQLite: a case- and accent-insensitive match of every word, done in Python.
Either way a result carries the matching text, cut around the first word found.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from multilingual.availability import SOURCE_LANGUAGE
from organisations.models import Organisation
from partners.models import Partnership
from stats.models import KeyFigure

MAX_QUERY_LENGTH = 100
SNIPPET_CONTEXT = 80
POSTGRES_CONFIGS = {"fr": "french", "en": "english", "es": "spanish"}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str


@dataclass
class Source:
    """One kind of content: what is searched, in which translated fields, titled how."""

    kind: str
    queryset: object
    fields: tuple
    title: object = str


SOURCES = [
    Source(
        _("Organisation"),
        lambda: Organisation.objects.published(),
        ("name", "acronym", "summary", "description"),
    ),
    Source(
        _("Partnership"),
        lambda: Partnership.objects.published().select_related("organisation"),
        ("role", "description", "benefits"),
        title=lambda partnership: str(partnership.organisation),
    ),
    Source(
        _("Key figure"),
        lambda: KeyFigure.objects.published(),
        ("label", "scope", "note", "source_title"),
    ),
]


def fold(text):
    """Lowercase without accents: "Genève" and "geneve" match."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search(query, language):
    words = query.split()
    results = []
    for source in SOURCES:
        if connection.vendor == "postgresql":
            matches = list(_postgres_matches(source.queryset(), source.fields, query, language))
        else:
            matches = [o for o in source.queryset() if _python_matches(o, source.fields, words)]
        results += [
            Result(
                kind=source.kind,
                title=source.title(obj),
                url=obj.get_absolute_url(),
                snippet=_snippet(obj, source.fields, words),
            )
            for obj in matches
        ]
    return results


def _postgres_matches(queryset, fields, query, language):
    config = POSTGRES_CONFIGS[language]
    # The visitor reads French where a field is not translated, so French text counts too.
    vector = SearchVector(*(f"{f}_{language}" for f in fields), config=config)
    if language != SOURCE_LANGUAGE:
        vector += SearchVector(*(f"{f}_{SOURCE_LANGUAGE}" for f in fields), config="french")
    search_query = SearchQuery(query, config=config, search_type="plain")
    if language != SOURCE_LANGUAGE:
        search_query |= SearchQuery(query, config="french", search_type="plain")
    return queryset.annotate(document=vector).filter(document=search_query)


def _python_matches(obj, fields, words):
    text = fold(" ".join(getattr(obj, field) or "" for field in fields))
    return all(fold(word) in text for word in words)


def _snippet(obj, fields, words):
    """The text around the first word found, that word marked; everything else escaped."""
    for field in fields:
        text = getattr(obj, field) or ""
        folded = fold(text)
        for word in words:
            start = folded.find(fold(word))
            if start >= 0:
                end = start + len(word)
                before = text[max(0, start - SNIPPET_CONTEXT) : start]
                after = text[end : end + SNIPPET_CONTEXT]
                return format_html(
                    "{}{}<mark>{}</mark>{}{}",
                    "…" if start > SNIPPET_CONTEXT else "",
                    before,
                    text[start:end],
                    after,
                    "…" if end + SNIPPET_CONTEXT < len(text) else "",
                )
    return escape(getattr(obj, fields[-1]) or getattr(obj, fields[0]) or "")

"""Search across every content type that names its `search_fields`, in the visitor's language.

PostgreSQL: full-text search with the language's own configuration (stemming, stop words).
SQLite: a case- and accent-insensitive match of every word, done in Python.
Either way a result carries the matching text, cut around the first word found.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.utils.html import escape, format_html
from django.utils.text import capfirst
from modeltranslation.utils import build_localized_fieldname

from editing.registry import searchable_models
from multilingual.languages import SOURCE_LANGUAGE, english_name

MAX_QUERY_LENGTH = 100
SNIPPET_CONTEXT = 80
# PostgreSQL's text search configurations are named after the language in English; any other
# language is searched without stemming.
POSTGRES_LANGUAGES = {
    "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish",
    "french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian",
    "lithuanian", "nepali", "norwegian", "portuguese", "romanian", "russian", "serbian",
    "spanish", "swedish", "tamil", "turkish", "yiddish",
}  # fmt: skip


def postgres_config(language):
    """The PostgreSQL text search configuration for a language code: "french" for "fr"."""
    name = english_name(language).lower()
    return name if name in POSTGRES_LANGUAGES else "simple"


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str


@dataclass
class Source:
    """One kind of content: what is searched, in which translated fields, titled how.

    Made from a content model's declarations: `search_fields` (translated fields searched,
    the first ones first for the snippet), and optionally `search_select_related` and a
    `search_title()` method (`str(obj)` otherwise).
    """

    model: type

    @property
    def kind(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def fields(self):
        return tuple(self.model.search_fields)

    def queryset(self):
        related = getattr(self.model, "search_select_related", ())
        return self.model._default_manager.published().select_related(*related)

    def title(self, obj):
        return obj.search_title() if hasattr(obj, "search_title") else str(obj)


def sources():
    """A Source per searchable content model, in the registry's order."""
    return [Source(model) for model in searchable_models()]


def fold(text):
    """Lowercase without accents: "Genève" and "geneve" match."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search(query, language):
    words = query.split()
    results = []
    for source in sources():
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
    config, source_config = postgres_config(language), postgres_config(SOURCE_LANGUAGE)
    # The visitor reads the source text where a field is not translated: it counts too.
    columns = [build_localized_fieldname(f, language) for f in fields]
    vector = SearchVector(*columns, config=config)
    if language != SOURCE_LANGUAGE:
        source_columns = [build_localized_fieldname(f, SOURCE_LANGUAGE) for f in fields]
        vector += SearchVector(*source_columns, config=source_config)
    search_query = SearchQuery(query, config=config, search_type="plain")
    if language != SOURCE_LANGUAGE:
        search_query |= SearchQuery(query, config=source_config, search_type="plain")
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

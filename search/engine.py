"""Search across every content type that names its `search_fields`, in the visitor's language.

Which words match is one rule for every engine (search/matching.py). PostgreSQL narrows the
rows first with full-text search (unaccent, word prefixes); SQLite reads the published rows.
A result carries the matching text, cut around the first word found, that word marked.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import F, Func
from django.utils.html import escape, format_html
from django.utils.text import capfirst
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from editing.registry import searchable_models
from multilingual.languages import SOURCE_LANGUAGE, english_name

from .matching import find_word, fold, has_word, query_words, word_patterns

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

    @property
    def title_fields(self):
        """The fields a result's title shows (name and acronym): a whole word there ranks first."""
        return () if hasattr(self.model, "search_title") else self.fields[:2]

    def title(self, obj):
        return obj.search_title() if hasattr(obj, "search_title") else str(obj)


def sources():
    """A Source per searchable content model, in the registry's order."""
    return [Source(model) for model in searchable_models()]


def search(query, language):
    """The published content matching every word of `query` in `language`, best first.

    Words match as words or word prefixes, accents, case and apostrophes folded
    (search/matching.py). Ranked: a word that is a whole name or acronym first, then by how
    early the fields matching each word come (name and acronym before description).
    """
    words = query_words(query)
    if not words:
        return []
    with override(language):  # the texts read are those of `language`, French where missing
        return _search(words, language)


def _search(words, language):
    patterns = word_patterns(words)
    scored = []
    for source in sources():
        queryset = source.queryset()
        if connection.vendor == "postgresql":
            queryset = _postgres_candidates(queryset, source.fields, words, language)
        for obj in queryset:
            rank = _rank(obj, source, patterns)
            if rank is not None:
                result = Result(
                    kind=source.kind,
                    title=source.title(obj),
                    url=obj.get_absolute_url(),
                    snippet=_snippet(obj, source.fields, words),
                )
                scored.append((rank, len(scored), result))
    scored.sort(key=lambda item: item[:2])
    return [result for _rank_, _order, result in scored]


def _postgres_candidates(queryset, fields, words, language):
    """Rows whose fields (in `language`, and French where the visitor reads it) hold a word
    starting with each query word: full-text search, accent-insensitive with unaccent (its
    extension is created by search/migrations), the exact rule then applied in Python."""
    columns = [build_localized_fieldname(f, language) for f in fields]
    if language != SOURCE_LANGUAGE:
        columns += [build_localized_fieldname(f, SOURCE_LANGUAGE) for f in fields]
    unaccented = [Func(F(column), function="unaccent") for column in columns]
    vector = SearchVector(*unaccented, config="simple")
    tsquery = " & ".join(f"{word}:*" for word in words)
    search_query = SearchQuery(tsquery, config="simple", search_type="raw")
    return queryset.annotate(document=vector).filter(document=search_query)


def _rank(obj, source, patterns):
    """The sort key of a match, lower first; None when a word is found in no field."""
    texts = [fold(getattr(obj, field)) for field in source.fields]
    positions = []
    for pattern in patterns:
        found = next((i for i, text in enumerate(texts) if has_word(text, pattern)), None)
        if found is None:
            return None
        positions.append(found)
    titles = texts[: len(source.title_fields)]
    whole_name = any(has_word(text, p, exact=True) for text in titles for p in patterns)
    return (0 if whole_name else 1, sum(positions))


def _snippet(obj, fields, words):
    """The text around the first word found, that whole word marked; everything else escaped."""
    for field in fields:
        text = getattr(obj, field) or ""
        for word in words:
            span = find_word(text, word)
            if span is not None:
                start, end = span
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

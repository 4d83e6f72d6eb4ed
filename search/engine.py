"""Search across every content type that names its `search_fields`, in the visitor's language.

Which words match is one rule for every engine (search/matching.py). The database's full-text
index finds the objects holding each word (search/index.py: SQLite FTS5, PostgreSQL GIN over
unaccent); the rule and the ranking then run on those objects' indexed words only, and only the
results shown are read from their tables, each with the matching text cut around the first word
found, that word marked.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.text import capfirst
from django.utils.translation import override
from markupsafe import Markup, escape

from editing.registry import searchable_models
from sitecache.fragments import many_per_generation, per_generation

from .index import field_text, live_keys, matching_documents
from .matching import find_word, query_words, word_patterns

MAX_QUERY_LENGTH = 100
SNIPPET_CONTEXT = 80


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str


@dataclass(frozen=True)
class Shown:
    """What a result shows of one object in one language, whatever the query: its `title`, its
    address (`url`) and `texts`, the text of each of its search fields as visitors read it, in
    the order of `search_fields`. Kept for a content generation (sitecache/fragments.py)."""

    title: str
    url: str
    texts: tuple


@dataclass(frozen=True)
class Source:
    """One kind of content: what is searched, in which translated fields, titled how.

    Made from a content model's declarations: `search_fields` (translated fields searched,
    the first ones first for the snippet; a field named in `rich_text_fields` is read as the
    text of its HTML), and optionally `search_title_fields` (the fields its title shows: a
    whole word there ranks first; the first two search fields by default),
    `search_select_related` and a `search_title()` method (`str(obj)` otherwise).
    """

    model: type

    @property
    def kind(self):
        return capfirst(self.model._meta.verbose_name)

    # Asked for each match found: worked out once per Source (a search makes its Sources anew).
    @cached_property
    def fields(self):
        return tuple(self.model.search_fields)

    def queryset(self):
        related = getattr(self.model, "search_select_related", ())
        return self.model._default_manager.published().select_related(*related)

    @cached_property
    def title_fields(self):
        """The fields a result's title shows (name and acronym): a whole word there ranks first."""
        declared = getattr(self.model, "search_title_fields", None)
        if declared is not None:
            return tuple(declared)
        return () if hasattr(self.model, "search_title") else self.fields[:2]

    @cached_property
    def title_positions(self):
        return [self.fields.index(field) for field in self.title_fields]

    def title(self, obj):
        return obj.search_title() if hasattr(obj, "search_title") else str(obj)


def sources():
    """A Source per searchable content model, in the registry's order."""
    return [Source(model) for model in searchable_models()]


@dataclass(frozen=True)
class Match:
    """One object found: its kind of content and primary key."""

    source: Source
    pk: int


def search(query, language, request=None):
    """The published content matching every word of `query` in `language`, best first: a
    Result (kind, title, url, snippet) each. `find()` and `results()` for a page of them."""
    return results(query, find(query, language, request), language, request)


def find(query, language, request=None):
    """The published content matching every word of `query` in `language`, best first, as
    Matches: cheap to count; `results()` reads the ones shown. One query, whatever the content
    (which objects visitors may see is kept for the content generation of `request`).

    Words match as words or word prefixes, accents, case and apostrophes folded
    (search/matching.py). Ranked: a word that is a whole name or acronym first, then by how
    early the fields matching each word come (name and acronym before description), then by
    kind of content (the registry's order) and by title, as the index folded it.
    """
    words = query_words(query)
    if not words:
        return []
    patterns = word_patterns(words)
    whole_words = [re.compile(rf"{pattern.pattern}(?!\w)") for pattern in patterns]
    kinds = {source.model: (order, source) for order, source in enumerate(sources())}
    live = per_generation("search.live", lambda: live_keys(list(kinds)), request)
    scored = []
    for model, pk, document in matching_documents(list(kinds), words, language, live):
        order, source = kinds[model]
        rank = _rank(document, source.title_positions, patterns, whole_words)
        if rank is not None:
            title = _title_words(document, source.title_positions)
            scored.append(((*rank, order, title, pk), Match(source, pk)))
    scored.sort(key=lambda item: item[0])
    return [match for _key, match in scored]


def _title_words(document, title_positions):
    """The folded words of a match's title fields (its first field when none is named): the
    order of matches ranked alike, close to the language's alphabetical order."""
    lines = document.split("\n")
    positions = title_positions or [0]
    return " ".join(lines[i] for i in positions if i < len(lines))


def results(query, matches, language, request=None):
    """A Result for each of `matches` (found for `query`), in their order. What each shows
    whatever the query (`Shown`) is kept for the content generation of `request`; the objects
    not kept are read with one query per kind of content. A match unpublished or deleted since
    it was found is left out."""
    words = query_words(query)
    names = {_name(match.source.model, match.pk): match for match in matches}
    with override(language):  # the texts read are those of `language`, French where missing
        shown = many_per_generation(
            names, lambda missing: _draw([names[n] for n in missing]), request
        )
        # Each kind's name (lazy and translated) made text once, not once per result.
        kinds = {source: source.kind for source in {match.source for match in matches}}
    found = []
    for name, match in names.items():
        if shown.get(name) is not None:
            found.append(
                Result(
                    kind=kinds[match.source],
                    title=shown[name].title,
                    url=shown[name].url,
                    snippet=_snippet(shown[name].texts, words),
                )
            )
    return found


def _name(model, pk):
    """The name of what a result shows of object `pk` of `model`, kept per generation."""
    return f"search.{model._meta.label_lower}.{pk}"


def _draw(matches):
    """{name: Shown, or None for an object no longer published} of `matches`, in the active
    language: one query per kind of content."""
    pks = {}
    for match in matches:
        pks.setdefault(match.source, []).append(match.pk)
    drawn = {}
    for source, ids in pks.items():
        objects = source.queryset().in_bulk(ids)
        for pk in ids:
            obj = objects.get(pk)
            drawn[_name(source.model, pk)] = obj and Shown(
                title=source.title(obj),
                url=obj.get_absolute_url(),
                texts=tuple(field_text(obj, field) for field in source.fields),
            )
    return drawn


def _rank(document, title_positions, patterns, whole_words):
    """The sort key of a match, lower first; None when a word is found in no field.

    `document`: the folded words of each of the source's fields, one field a line
    (search/index.py); `patterns` match each query word at the start of a word, `whole_words`
    as a whole word. The rule of search/matching.py's `has_word`, one search per word.
    """
    positions = []
    for pattern in patterns:
        found = pattern.search(document)
        if found is None:
            return None
        positions.append(document.count("\n", 0, found.start()))  # the field's position
    whole_name = False
    if title_positions:
        lines = document.split("\n", max(title_positions) + 1)
        titles = "\n".join(lines[i] for i in title_positions if i < len(lines))
        whole_name = any(pattern.search(titles) for pattern in whole_words)
    return (0 if whole_name else 1, sum(positions))


def _snippet(texts, words):
    """The text around the first word found, that whole word marked; everything else escaped.
    `texts`: the text of each search field, searched in that order."""
    for text in texts:
        for word in words:
            span = find_word(text, word)
            if span is not None:
                start, end = span
                before = text[max(0, start - SNIPPET_CONTEXT) : start]
                after = text[end : end + SNIPPET_CONTEXT]
                return Markup(
                    f"{'…' if start > SNIPPET_CONTEXT else ''}{escape(before)}"
                    f"<mark>{escape(text[start:end])}</mark>{escape(after)}"
                    f"{'…' if end + SNIPPET_CONTEXT < len(text) else ''}"
                )
    return escape(texts[-1] or texts[0])

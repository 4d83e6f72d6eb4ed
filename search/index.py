"""Keeping the search index (search/models.py) in step with content, and reading it.

Kept in step by the content models' own saves and deletions (search/apps.py connects the
signals for every model of the registry's `searchable_models()`), so a change published in the
admin is found at once, a draft never is (drafts live in editing.Draft, not in the rows).
Writes that bypass `save()` (`bulk_create`, `update`) are followed by `rebuild()`:
`import_content`'s rows are saved one by one, `bench/content.py` calls it, and
`manage.py rebuild_search_index` does it by hand. After `migrate`, an empty index over
existing content is filled (search/signals.py).

Reading: `matching_documents()` asks the database engine's full-text index for the rows
holding a word that starts with each query word, and keeps those of the objects visitors may
see (`live_keys()`, each model's `published()`): SQLite's FTS5 (tokenizer `unicode61
remove_diacritics 2`), PostgreSQL's `to_tsvector('simple', search_unaccent(document))`,
stored in a generated column with a GIN index. Both read the same folded words, so both find
the same rows.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils.translation import override

from editing.registry import searchable_models
from editing.translation_status import translation_published
from multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

from .matching import WORD, fold
from .models import SearchEntry
from .text import html_text

FTS_TABLE = "search_searchentry_fts"


def field_text(obj, field):
    """What a visitor reads in `field` of `obj` in the active language: the text of a rich-text
    field (a model's `rich_text_fields`), the value of any other."""
    value = getattr(obj, field) or ""
    if field in getattr(type(obj), "rich_text_fields", ()):
        return html_text(value)
    return str(value)


def document(obj, fields):
    """The folded words of each field of `obj` in the active language, one field a line, each
    word once (in the order it first comes): matching and ranking ask only which field holds
    a word, so a long text costs its vocabulary, not its length."""
    return "\n".join(
        " ".join(dict.fromkeys(WORD.findall(fold(field_text(obj, field))))) for field in fields
    )


def entries_for(obj, content_type=None):
    """Unsaved SearchEntry rows of `obj`, one per language."""
    content_type = content_type or ContentType.objects.get_for_model(obj, for_concrete_model=True)
    fields = type(obj).search_fields
    entries = []
    for language in LANGUAGE_CODES:
        # What visitors read in `language`: modeltranslation gives the French where a field is
        # empty, and the whole French while the translation is unpublished (editing/
        # unpublished.py): its words must not find an object whose page shows none of them.
        shown = language if translation_published(obj, language) else SOURCE_LANGUAGE
        with override(shown):
            text = document(obj, fields)
        entries.append(
            SearchEntry(
                content_type=content_type, object_id=obj.pk, language=language, document=text
            )
        )
    return entries


def update_object(obj):
    """Write `obj`'s rows of the index anew, in every language."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    with transaction.atomic():
        remove_object(type(obj), obj.pk)
        SearchEntry.objects.bulk_create(entries_for(obj, content_type))


def remove_object(model, pk):
    """Forget the index rows of the object `pk` of `model`."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    SearchEntry.objects.filter(content_type=content_type, object_id=pk).delete()


def rebuild(models=None, batch_size=500):
    """Rebuild the index of `models` (every searchable model by default) from their rows."""
    with transaction.atomic():
        for model in models or searchable_models():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
            SearchEntry.objects.filter(content_type=content_type).delete()
            entries = []
            for obj in model._base_manager.iterator(chunk_size=batch_size):
                entries.extend(entries_for(obj, content_type))
                if len(entries) >= batch_size:
                    SearchEntry.objects.bulk_create(entries)
                    entries = []
            SearchEntry.objects.bulk_create(entries)
    if connection.vendor == "postgresql":
        # Fresh statistics, as after any bulk load: without them the planner may filter every
        # row's text search vector instead of asking the GIN index.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")


def _full_text_filter(words):
    """A condition on SearchEntry: its document holds a word starting with each of `words`
    (folded query words, letters, digits and "_" only). Columns unqualified: the condition
    is also used in a subquery, where Django renames the table."""
    if connection.vendor == "sqlite":
        query = " AND ".join(f'"{word}"*' for word in words)
        sql = f"id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        return RawSQL(sql, [query], output_field=models.BooleanField())
    if connection.vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in words)
        # search_vector: to_tsvector('simple', search_unaccent(document)), stored by
        # PostgreSQL with a GIN index (search/migrations/0002).
        sql = "search_vector @@ to_tsquery('simple'::regconfig, %s)"
        return RawSQL(sql, [query], output_field=models.BooleanField())
    raise NotImplementedError(f"Search has no full-text index on {connection.vendor}.")


def matching_documents(content_models, words, language, live):
    """[(model, pk, document)] of the objects of `content_models` visitors may see (`live`,
    from `live_keys()`) whose text in `language` holds a word starting with each of `words`;
    `document` is the folded words of each search field, one field a line. In no particular
    order: the caller ranks them. One query, whatever the number of models and of matches.
    """
    # Django keeps content types in memory: one query, once per process.
    content_types = ContentType.objects.get_for_models(*content_models)
    kinds = {content_types[model].pk: model for model in content_models}
    rows = _rows(matching_entries(words, language).values_list(*MATCH_COLUMNS))
    return [
        (kinds[content_type], pk, document)
        for content_type, pk, document in rows
        if content_type in kinds and pk in live.get(content_type, ())
    ]


MATCH_COLUMNS = ("content_type_id", "object_id", "document")


def matching_entries(words, language):
    """The SearchEntry queryset behind `matching_documents`: the full-text index's entries in
    `language` holding a word starting with each of `words`, published or not (the index holds
    words, not rights: `live_keys()` says which objects visitors may see)."""
    return SearchEntry.objects.filter(_full_text_filter(words), language=language)


def live_keys(content_models):
    """{content type id: frozenset of primary keys}: the objects of each of `content_models`
    that visitors may see now, by the model's `published()` (editing/publishing.py's rule).

    One query (a UNION ALL of each model's). The search keeps the answer for a content
    generation (sitecache/fragments.py): any change visitors can see, the clock's scheduled
    go-live and expiry included, draws a new generation, so it is never staler than the pages.
    """
    content_types = ContentType.objects.get_for_models(*content_models)
    kinds = [
        model._default_manager.published()
        .order_by()
        .annotate(search_kind=models.Value(content_types[model].pk, models.IntegerField()))
        .values_list("search_kind", "pk")
        for model in content_models
    ]
    keys = {content_types[model].pk: set() for model in content_models}
    if kinds:
        for kind, pk in kinds[0].union(*kinds[1:], all=True):
            keys[kind].add(pk)
    return {kind: frozenset(pks) for kind, pks in keys.items()}


def _rows(queryset):
    """The rows of a values_list() queryset, as tuples straight from the database cursor."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()

"""Lists in the order a reader of the page expects: by the name as shown, with collation rules.

The name as shown is the translation in the visitor's language when it is filled and published,
else the French (what modeltranslation falls back to, and what editing/unpublished.py shows), so
an untranslated name sorts where its French name would, neither first nor last. Accents and case
only break ties: in French "Conseil de l’Europe" < "Conseil économique…" < "Conseil
international…", in Spanish "Consejo de Europa" < "Consejo Económico…" < "Consejo
Internacional…".

The database sorts, so a list is one query whatever its length and can be paginated:
`order_by_shown_name(queryset)` orders by `COLLATE "<language>-x-icu"` (Django's `Collate`), the
collation name made from the language code of `settings.LANGUAGES`:

- PostgreSQL uses its ICU collations of that name (`fr-x-icu`, `en-x-icu`, `es-x-icu`, created
  by initdb when the server is built with ICU, as Debian's is; `tests/public/
  test_lists_follow_the_name_shown.py` checks they exist);
- SQLite has no collation of its own beyond bytes, so `register_sqlite_collations` gives each
  connection one of the same names, comparing the Unicode Collation Algorithm's keys from pyuca
  (the DUCET table, no language tailoring).

Where a language's CLDR collation tailors the Unicode order, `TAILORINGS` gives pyuca the same
rule: Spanish sorts "ñ" as a letter of its own after "n" ("Nuevo" < "Ñandú"), as ICU does.
`tests/public/test_lists_follow_the_name_shown.py` runs one table of names on both engines.
"""

import unicodedata
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Coalesce, Collate, NullIf
from django.utils.translation import get_language, to_locale
from modeltranslation.utils import build_localized_fieldname
from pyuca import Collator

from .languages import LANGUAGE_CODES, SOURCE_LANGUAGE

# ICU collations in PostgreSQL are named by BCP 47 tag with this suffix (pg_collation).
ICU_SUFFIX = "-x-icu"

# CLDR's tailorings of the Unicode order, for pyuca (SQLite), by language: each letter is
# rewritten before its key is made. "&N<ñ<<<Ñ" (Spanish): ñ sorts after every n-word, as "n"
# followed by a code point heavier than any letter, before "o". Languages not named here (French,
# English) use the Unicode order untailored, as CLDR does.
TAILORINGS = {
    "es": {"ñ": "n\U0010ffff", "Ñ": "N\U0010ffff"},
}


@lru_cache(maxsize=1)
def _collator():
    # Loading the table takes a fraction of a second: once per process.
    return Collator()


# Keys remembered: a list's names (a few thousand at most, short) are compared again and again
# by SQLite; a key takes about three weights per character, so longer texts are not kept, and
# the number kept is bounded (an unbounded key cache held gigabytes under generated input).
KEPT_KEYS = 4096
KEPT_TEXT_LENGTH = 255


def collation_key(text, language=None):
    """The sort key of `text` (a str; None counts as "") in `language`'s order (the Unicode
    order, tailored for `language` when TAILORINGS names it): a tuple of UCA weights."""
    text = str(text or "")
    if len(text) <= KEPT_TEXT_LENGTH:
        return _kept_key(text, language)
    return _key(text, language)


@lru_cache(maxsize=KEPT_KEYS)
def _kept_key(text, language):
    return _key(text, language)


def _key(text, language):
    tailoring = TAILORINGS.get(language)
    if tailoring:
        text = unicodedata.normalize("NFC", text)
        for letter, replacement in tailoring.items():
            text = text.replace(letter, replacement)
    return _collator().sort_key(text)


def sorted_by_shown_name(objects, name=str, language=None):
    """`objects` as a new list, ordered by `name(obj)` (its text as shown, str() by default) in
    `language`'s order (default: the active one): for lists already in memory; a queryset is
    better ordered by `order_by_shown_name`."""
    language = language or _current_language()
    return sorted(objects, key=lambda obj: collation_key(name(obj), language))


def collation_name(language):
    """The collation for `language` (a code of settings.LANGUAGES): "fr-x-icu", "pt-BR-x-icu"."""
    return to_locale(language).replace("_", "-") + ICU_SUFFIX


def _current_language():
    language = get_language() or SOURCE_LANGUAGE
    return language if language in LANGUAGE_CODES else SOURCE_LANGUAGE


def shown_text(model, field, language=None, published_only=True):
    """An SQL expression for `field` of `model` as a visitor reads it in `language` (default:
    the active one): the translation when filled and, for content with per-language
    publishing, published (unless `published_only` is False: the admin shows unpublished
    translations); else the source language's text."""
    language = language or _current_language()
    source = F(build_localized_fieldname(field, SOURCE_LANGUAGE))
    if language == SOURCE_LANGUAGE:
        return source
    translated = NullIf(F(build_localized_fieldname(field, language)), Value(""))
    # Imported here: editing's models import this app's modules.
    from editing.translation_status import published_field

    published = published_field(language)
    if published_only and any(f.name == published for f in model._meta.fields):
        translated = Case(
            When(**{published: True}, then=translated),
            default=Value(None),
            output_field=CharField(),
        )
    return Coalesce(translated, source, output_field=CharField())


def by_shown_name(model, field="name", language=None, published_only=True):
    """An ascending ORDER BY term: `field` as shown in `language`, in that language's collation
    (`published_only` as for `shown_text`). `field` may be a tuple of fields, for a list that
    shows the first one not empty (("acronym", "name"): “UNICEF”, else the full name)."""
    language = language or _current_language()
    fields = (field,) if isinstance(field, str) else tuple(field)
    texts = [shown_text(model, name, language, published_only) for name in fields]
    shown = texts[-1]
    if len(texts) > 1:
        first = (NullIf(text, Value("")) for text in texts[:-1])
        shown = Coalesce(*first, shown, output_field=CharField())
    return Collate(shown, collation_name(language)).asc()


def order_by_shown_name(queryset, field="name", language=None):
    """`queryset` ordered by `field` (a field or a tuple, as for `by_shown_name`) as shown in
    `language` (default: the active one), the primary key breaking ties so that pages of a
    paginated list never overlap."""
    return queryset.order_by(by_shown_name(queryset.model, field, language), "pk")


def _comparison(language):
    """SQLite collation callback for `language`: -1, 0 or 1 as `left` sorts before, with or
    after `right`."""

    def compare(left, right):
        a, b = collation_key(left, language), collation_key(right, language)
        return (a > b) - (a < b)

    return compare


def register_sqlite_collations(sender, connection, **kwargs):
    """connection_created: give an SQLite connection the collations `collation_name` names."""
    if connection.vendor != "sqlite":
        return
    for language, _name in settings.LANGUAGES:
        connection.connection.create_collation(collation_name(language), _comparison(language))


class OrderedByShownName:
    """ModelAdmin mixin: the list (and its autocomplete) ordered by `shown_name_field` as the
    admin shows it in its language, the French where untranslated, in that language's
    collation, instead of a column that is empty where a name is not translated."""

    shown_name_field = "name"

    def get_ordering(self, request):
        return [by_shown_name(self.model, self.shown_name_field, published_only=False), "pk"]

    def get_changelist(self, request, **kwargs):
        """A change list whose name column, when clicked, sorts the same way."""
        changelist = super().get_changelist(request, **kwargs)
        model, field = self.model, self.shown_name_field

        class ShownNameChangeList(changelist):
            def get_ordering_field(self, field_name):
                # Django would sort by the column of the admin's language, raw: empty where
                # untranslated, and "É" after "Z".
                if field_name == field:
                    return by_shown_name(model, field, published_only=False)
                return super().get_ordering_field(field_name)

        return ShownNameChangeList

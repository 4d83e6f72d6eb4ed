"""Lists in the order a reader of the page expects: by the name as shown, with collation rules.

The name as shown is the translation in the visitor's language, else the French (the attribute
modeltranslation falls back to), so an untranslated name sorts where its French name would,
neither first nor last. The order is the Unicode Collation Algorithm's (pyuca, the DUCET
table): accents and case only break ties, the apostrophe is ignorable, so in French “Conseil de
l’Europe” < “Conseil économique…” < “Conseil international…”, and in Spanish “Consejo de Europa”
< “Consejo Económico…” < “Consejo Internacional…”. Sorting here, not in SQL, gives the same
order on SQLite and PostgreSQL, whose collations depend on how the server was built.
"""

from functools import lru_cache

from pyuca import Collator


@lru_cache(maxsize=1)
def _collator():
    # Loading the table takes a fraction of a second: once per process.
    return Collator()


def collation_key(text):
    """The sort key of `text` (a str; None counts as ""): a tuple of UCA weights."""
    return _collator().sort_key(str(text or ""))


def sorted_by_shown_name(objects, name=str):
    """`objects` as a new list, ordered by `name(obj)` (its text as shown, str() by default)."""
    return sorted(objects, key=lambda obj: collation_key(name(obj)))

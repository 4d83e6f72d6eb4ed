"""The one translation rule: in each language, can visitors read an object, and what remains to
translate. Every place that answers either question asks this module: the admin's badges and
filters, "Translations to do", and (through multilingual/availability.py) the language switcher,
"also available in", hreflang and the sitemap.

Built from one field list per model and `settings.LANGUAGES`:
- the fields staff translate: the model's modeltranslation registration;
- the fields a page is made of: the model's `translation_core_fields`, a subset of those.

A field is *needed* in a language when its source-language text is not empty.

- *Readable* in a language (the switcher's answer): every needed core field is filled there.
- The state of a translation, which is one of:
  MISSING  – something is needed and nothing needed is filled;
  PARTIAL  – some needed fields are filled, not all;
  OUTDATED – all are filled, but the source text of one of them differs from the source text it
             was translated from (or last confirmed "still correct" against);
  COMPLETE – nothing needed is left (the source language itself is always complete).

What a translation was made from is kept per object, language and field in the object's
`translation_sources` column ({language: {field: source text}}), written by editing/tracking.py
when a translation is saved and by `confirm_still_correct`. Outdated is therefore about content,
not dates: a source text changed and changed back is not outdated. A field with no recorded
source (translated before this was kept) counts as up to date.

An organisation with an English name, summary and description but no English acronym is
readable in English and its English is partial: the admin shows both answers.
"""

from functools import reduce
from operator import and_, or_

from django.db import models
from django.db.models import F, Q, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, IsNull
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import SOURCE_LANGUAGE

COMPLETE = "complete"
PARTIAL = "partial"
MISSING = "missing"
OUTDATED = "outdated"
LABELS = {
    COMPLETE: _("complete"),
    PARTIAL: _("partial"),
    MISSING: _("missing"),
    OUTDATED: _("outdated"),
}
# The states a translator has work on, in the order "Translations to do" and the filters use.
WORK = (MISSING, PARTIAL, OUTDATED)


def translated_fields(model):
    """The model's fields staff translate, as registered with modeltranslation (a tuple of
    names, e.g. ("name", "summary")); empty for a model with no registration."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def core_fields(model):
    """The fields a page is made of (`translation_core_fields`), all translated ones if the
    model names none."""
    return tuple(getattr(model, "translation_core_fields", None) or translated_fields(model))


def stamp_field(language):
    """The column noting when `language` was last saved (editing/models.py makes them)."""
    return "source_changed_at" if language == SOURCE_LANGUAGE else f"translated_at_{language}"


def published_field(language):
    """The column saying whether visitors may read the `language` translation yet."""
    return f"published_{language}"


def _text(obj, field, language):
    return getattr(obj, build_localized_fieldname(field, language))


def translated_from(obj, language, field):
    """The source text `field` was translated into `language` from (or last confirmed against),
    or None when none was recorded."""
    return (getattr(obj, "translation_sources", None) or {}).get(language, {}).get(field)


def stale_fields(obj, language):
    """The fields whose source text differs from the one their `language` translation was made
    from: [(field, source then, source now)], in the model's field order. Only fields with
    source text and a translation count."""
    stale = []
    for field in translated_fields(type(obj)):
        now = _text(obj, field, SOURCE_LANGUAGE) or ""
        then = translated_from(obj, language, field)
        if now and _text(obj, field, language) and then is not None and then != now:
            stale.append((field, then, now))
    return stale


def record_sources(obj, language, fields):
    """Note that `fields` of `obj` in `language` now translate the current source text (the
    caller saves `obj`)."""
    sources = dict(getattr(obj, "translation_sources", None) or {})
    for_language = dict(sources.get(language, {}))
    for field in fields:
        for_language[field] = _text(obj, field, SOURCE_LANGUAGE) or ""
    sources[language] = for_language
    obj.translation_sources = sources


def confirm_still_correct(obj, language):
    """Record that every translated field of `obj` in `language` was checked against the
    current source text and is still correct; returns the fields that were outdated. The
    caller saves `obj`."""
    stale = [field for field, _then, _now in stale_fields(obj, language)]
    filled = [f for f in translated_fields(type(obj)) if _text(obj, f, language)]
    record_sources(obj, language, filled)
    return stale


def falls_back(obj, field, language):
    """True when a visitor reading `language` sees the source text of `field`: it is needed
    and empty in `language`."""
    if language == SOURCE_LANGUAGE:
        return False
    return bool(_text(obj, field, SOURCE_LANGUAGE)) and not _text(obj, field, language)


def translation_published(obj, language):
    """False while `obj`'s `language` translation is held back from visitors (its published
    flag unticked); True for the source language and for content without the flag."""
    return language == SOURCE_LANGUAGE or bool(getattr(obj, published_field(language), True))


def readable_in(obj, language):
    """True when visitors can read `obj` in `language`: the translation is published and no
    core field falls back."""
    if not translation_published(obj, language):
        return False
    return not any(falls_back(obj, field, language) for field in core_fields(type(obj)))


def translation_state(obj, language):
    """COMPLETE, PARTIAL, MISSING or OUTDATED: what remains to translate in `language`."""
    if language == SOURCE_LANGUAGE:
        return COMPLETE
    fields = translated_fields(type(obj))
    needed = [field for field in fields if _text(obj, field, SOURCE_LANGUAGE)]
    filled = [field for field in needed if _text(obj, field, language)]
    if needed and not filled:
        return MISSING
    if len(filled) < len(needed):
        return PARTIAL
    if needed and stale_fields(obj, language):
        return OUTDATED
    return COMPLETE


def work_needed(obj, language):
    """MISSING, PARTIAL or OUTDATED when a translator has work on `obj`, else None."""
    state = translation_state(obj, language)
    return None if state == COMPLETE else state


# The same rule in SQL, so that a filter returns exactly the objects whose state it names.
# An empty text is stored as "" or NULL (modeltranslation leaves translations NULL).


def _empty(field, language):
    column = build_localized_fieldname(field, language)
    return Q(**{column: ""}) | Q(**{f"{column}__isnull": True})


def _filled(field, language):
    column = build_localized_fieldname(field, language)
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def _any(conditions):
    return reduce(or_, conditions, Q(pk__in=[]))


def _all(conditions):
    return reduce(and_, conditions, Q())


def _source_then(field, language):
    return KT(f"translation_sources__{language}__{field}")


def _source_now(field):
    return Coalesce(F(build_localized_fieldname(field, SOURCE_LANGUAGE)), Value(""))


def _stale(field, language):
    """The SQL of `stale_fields`, for one field."""
    then = _source_then(field, language)
    return (
        _filled(field, SOURCE_LANGUAGE)
        & _filled(field, language)
        & Q(IsNull(then, False))
        & ~Q(Exact(then, _source_now(field)))
    )


def _fresh(field, language):
    """Not `_stale`, written out: NOT over a comparison with NULL is NULL, which no filter
    keeps."""
    then = _source_then(field, language)
    return (
        _empty(field, SOURCE_LANGUAGE)
        | _empty(field, language)
        | Q(IsNull(then, True))
        | Q(Exact(then, _source_now(field)))
    )


def readable_q(model, language):
    """A Q for the objects `readable_in` `language`."""
    if language == SOURCE_LANGUAGE:
        return Q()
    published = Q(**{published_field(language): True}) if _has(model, language) else Q()
    return published & _all(
        _empty(field, SOURCE_LANGUAGE) | _filled(field, language) for field in core_fields(model)
    )


def _has(model, language):
    return any(f.name == published_field(language) for f in model._meta.fields)


def state_q(model, language, state):
    """A Q for the objects whose `translation_state` in `language` is `state`."""
    fields = translated_fields(model)
    if language == SOURCE_LANGUAGE:
        return Q() if state == COMPLETE else Q(pk__in=[])
    needed = [_filled(field, SOURCE_LANGUAGE) for field in fields]
    needed_and_filled = _any(
        _filled(field, SOURCE_LANGUAGE) & _filled(field, language) for field in fields
    )
    needed_and_empty = _any(
        _filled(field, SOURCE_LANGUAGE) & _empty(field, language) for field in fields
    )
    all_filled = _all(_empty(field, SOURCE_LANGUAGE) | _filled(field, language) for field in fields)
    stale = _any(_stale(field, language) for field in fields)
    fresh = _all(_fresh(field, language) for field in fields)
    if state == MISSING:
        return _any(needed) & _all(
            _empty(field, SOURCE_LANGUAGE) | _empty(field, language) for field in fields
        )
    if state == PARTIAL:
        return needed_and_filled & needed_and_empty
    if state == OUTDATED:
        return all_filled & stale
    if state == COMPLETE:
        return all_filled & fresh
    raise ValueError(f"Unknown translation state: {state!r}")


def to_translate_q(model, language):
    """A Q for the objects missing, partial or outdated in `language`."""
    return _any(state_q(model, language, state) for state in WORK)


class TranslationQuerySet(models.QuerySet):
    """The rule as queryset methods; `language` is a code of `settings.LANGUAGES`."""

    def readable_in(self, language):
        return self.filter(readable_q(self.model, language))

    def in_state(self, language, state):
        return self.filter(state_q(self.model, language, state))

    def missing_in(self, language):
        return self.in_state(language, MISSING)

    def partial_in(self, language):
        return self.in_state(language, PARTIAL)

    def outdated_in(self, language):
        return self.in_state(language, OUTDATED)

    def to_translate_in(self, language):
        """Missing, partial or outdated in `language`: what "Translations to do" lists."""
        return self.filter(to_translate_q(self.model, language))

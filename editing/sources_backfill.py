"""What existing translations were made from, for the migrations that add `translation_sources`.

Before that column, a translation was outdated when the source text was saved after it. Each
migration calls `backfill` so that every translation keeps the answer it had, now in content
terms: an up-to-date translation was made from today's source text; an outdated one from the
source text of the last version in the history (django-reversion) saved before the translation.
If the history has no such version, the source it was made from is unknown: it is recorded as
empty, so the translation stays outdated and "What changed" shows no earlier text.
"""

import json

from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES


def _source_in_history(apps, model, obj, moment):
    """The fields of the last version of `obj` saved at or before `moment`, or None."""
    try:
        version_model = apps.get_model("reversion", "Version")
        content_type_model = apps.get_model("contenttypes", "ContentType")
    except LookupError:
        return None
    content_type = content_type_model.objects.filter(
        app_label=model._meta.app_label, model=model._meta.model_name
    ).first()
    if content_type is None:
        return None
    version = (
        version_model.objects.filter(
            content_type=content_type,
            object_id=str(obj.pk),
            revision__date_created__lte=moment,
        )
        .order_by("-revision__date_created", "-pk")
        .first()
    )
    if version is None or version.format != "json":
        return None
    try:
        return json.loads(version.serialized_data)[0]["fields"]
    except (ValueError, LookupError, TypeError):
        return None


def backfill(apps, model_label, fields):
    """Fill `translation_sources` of every object of `model_label` for its translated `fields`
    (the model's modeltranslation fields when the migration was written)."""
    model = apps.get_model(model_label)
    for obj in model._base_manager.all():
        sources = {}
        for language in TRANSLATION_LANGUAGES:
            translated_at = getattr(obj, f"translated_at_{language}", None)
            outdated = bool(
                translated_at and obj.source_changed_at and translated_at < obj.source_changed_at
            )
            history = _source_in_history(apps, model, obj, translated_at) if outdated else None
            for_language = {}
            for field in fields:
                source = build_localized_fieldname(field, SOURCE_LANGUAGE)
                now = getattr(obj, source) or ""
                if not now or not getattr(obj, build_localized_fieldname(field, language)):
                    continue
                if not outdated:
                    for_language[field] = now
                elif history is not None and source in history:
                    for_language[field] = history[source] or ""
                else:
                    for_language[field] = ""
            if for_language:
                sources[language] = for_language
        model._base_manager.filter(pk=obj.pk).update(translation_sources=sources)

"""On every save, note whether the French text or a translation changed, and when."""

from django.db.models.signals import pre_save
from django.utils import timezone

from .models import TranslationTracked
from .translation_status import SOURCE, TRANSLATIONS, translated_fields

STAMPS = {SOURCE: "source_changed_at", **{lang: f"translated_at_{lang}" for lang in TRANSLATIONS}}


def columns(model, language):
    return [f"{field}_{language}" for field in translated_fields(model)]


def stamp_changed_languages(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, TranslationTracked):
        return
    previous = None
    if instance.pk:
        every_column = [c for lang in STAMPS for c in columns(sender, lang)]
        previous = sender._base_manager.filter(pk=instance.pk).values(*every_column).first()
    now = timezone.now()
    for language, stamp in STAMPS.items():
        texts = {column: getattr(instance, column) or "" for column in columns(sender, language)}
        if previous is None:
            changed = any(texts.values())
        else:
            changed = any((previous[column] or "") != text for column, text in texts.items())
        if changed:
            setattr(instance, stamp, now)


def connect_signals():
    pre_save.connect(stamp_changed_languages, dispatch_uid="editing-stamp-changed-languages")

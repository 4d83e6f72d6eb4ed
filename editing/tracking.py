"""On every save of content, note whether the source text or a translation changed, and when."""

from django.db.models.signals import pre_save
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import LANGUAGE_CODES

from .registry import is_content
from .translation_status import stamp_field, translated_fields


def columns(model, language):
    """The model's translated columns in `language` (["name_en", "summary_en"…])."""
    return [build_localized_fieldname(field, language) for field in translated_fields(model)]


def stamp_changed_languages(sender, instance, raw=False, **kwargs):
    if raw or not is_content(sender):
        return
    previous = None
    if instance.pk:
        every_column = [c for lang in LANGUAGE_CODES for c in columns(sender, lang)]
        previous = sender._base_manager.filter(pk=instance.pk).values(*every_column).first()
    now = timezone.now()
    for language in LANGUAGE_CODES:
        texts = {column: getattr(instance, column) or "" for column in columns(sender, language)}
        if previous is None:
            changed = any(texts.values())
        else:
            changed = any((previous[column] or "") != text for column, text in texts.items())
        if changed:
            setattr(instance, stamp_field(language), now)


def connect_signals():
    pre_save.connect(stamp_changed_languages, dispatch_uid="editing-stamp-changed-languages")

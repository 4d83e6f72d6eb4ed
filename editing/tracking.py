"""On every save of content, note whether the source text or a translation changed, and when;
and, for each translated field saved, the source text it now translates (what makes it
outdated later: editing/translation_status.py)."""

from django.db.models.signals import pre_save
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

from .registry import is_content
from .translation_status import record_sources, stamp_field, translated_fields


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
        fields = translated_fields(sender)
        texts = {
            field: getattr(instance, build_localized_fieldname(field, language)) or ""
            for field in fields
        }
        if previous is None:
            changed = [field for field, text in texts.items() if text]
        else:
            changed = [
                field
                for field, text in texts.items()
                if (previous[build_localized_fieldname(field, language)] or "") != text
            ]
        if changed:
            setattr(instance, stamp_field(language), now)
            if language != SOURCE_LANGUAGE:
                record_sources(instance, language, changed)


def connect_signals():
    pre_save.connect(stamp_changed_languages, dispatch_uid="editing-stamp-changed-languages")

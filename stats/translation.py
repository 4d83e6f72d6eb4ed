from modeltranslation.translator import TranslationOptions, register

from multilingual.languages import SOURCE_LANGUAGE

from .models import KeyFigure, OpenDataSettings


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "scope", "note", "source_title")
    required_languages = (SOURCE_LANGUAGE,)


@register(OpenDataSettings)
class OpenDataSettingsTranslationOptions(TranslationOptions):
    fields = ("licence_name",)
    required_languages = (SOURCE_LANGUAGE,)

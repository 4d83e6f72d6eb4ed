from modeltranslation.translator import TranslationOptions, register

from .models import KeyFigure, OpenDataSettings


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "scope", "note", "source_title")
    required_languages = ("fr",)


@register(OpenDataSettings)
class OpenDataSettingsTranslationOptions(TranslationOptions):
    fields = ("licence_name",)
    required_languages = ("fr",)

from modeltranslation.translator import TranslationOptions, register

from multilingual.languages import SOURCE_LANGUAGE

from .models import KeyFigure


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "scope", "note", "source_title")
    required_languages = (SOURCE_LANGUAGE,)

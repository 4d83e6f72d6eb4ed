from modeltranslation.translator import TranslationOptions, register

from multilingual.languages import SOURCE_LANGUAGE

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = (SOURCE_LANGUAGE,)
    # An untranslated slug is stored as NULL, so that "unique" allows many of them.
    empty_values = {"slug": None}

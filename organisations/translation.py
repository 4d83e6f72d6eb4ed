from modeltranslation.translator import TranslationOptions, register

from multilingual.languages import SOURCE_LANGUAGE

from .models import Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "acronym",
        "slug",
        "summary",
        "description",
        "headquarters_city",
        "members_note",
        "logo_alt",
    )
    # The source language is required wherever the field itself is; translations are optional.
    required_languages = (SOURCE_LANGUAGE,)
    # An untranslated slug is stored as NULL, so that "unique" allows many of them.
    empty_values = {"slug": None}

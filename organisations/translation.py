from modeltranslation.translator import TranslationOptions, register

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
    )
    # French is required wherever the field itself is; English and Spanish are optional.
    required_languages = ("fr",)
    # An untranslated slug is stored as NULL, so that "unique" allows many of them.
    empty_values = {"slug": None}

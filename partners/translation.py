from modeltranslation.translator import TranslationOptions, register

from multilingual.languages import SOURCE_LANGUAGE

from .models import ConsultativeStatus, Partnership


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("role", "description", "benefits")
    required_languages = (SOURCE_LANGUAGE,)


@register(ConsultativeStatus)
class ConsultativeStatusTranslationOptions(TranslationOptions):
    fields = ("privileges",)
    required_languages = (SOURCE_LANGUAGE,)

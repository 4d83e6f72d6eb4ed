from modeltranslation.translator import TranslationOptions, register

from .models import ConsultativeStatus, Partnership


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("role", "description", "benefits")
    required_languages = ("fr",)


@register(ConsultativeStatus)
class ConsultativeStatusTranslationOptions(TranslationOptions):
    fields = ("privileges",)
    required_languages = ("fr",)

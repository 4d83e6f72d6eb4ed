from modeltranslation.translator import TranslationOptions, register

from .models import Notice


@register(Notice)
class NoticeTranslationOptions(TranslationOptions):
    fields = ("title",)

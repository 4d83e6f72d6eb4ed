from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from editing.admin import EditorialAdmin

from .models import Notice


@admin.register(Notice)
class NoticeAdmin(EditorialAdmin, TranslationAdmin):
    fields = ("title", "is_published")

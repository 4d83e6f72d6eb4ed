from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationFilesConfig(AppConfig):
    """Translators' own tools: content exported as PO or XLIFF, and the translated file
    imported back, from the admin and from management commands."""

    name = "translation_files"
    verbose_name = _("Translation files")

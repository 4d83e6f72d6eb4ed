from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """How staff work: roles, drafts and preview, scheduling, translation status, history."""

    name = "editing"
    verbose_name = _("Editing")

    def ready(self):
        from . import tracking, uploads

        tracking.connect_signals()
        uploads.connect_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """How staff work: roles, drafts and preview, scheduling, translation status, history."""

    name = "editing"
    verbose_name = _("Editing")

    def ready(self):
        from . import boolean_icons, change_messages, staff, tracking, uploads

        tracking.connect_signals()
        uploads.connect_signals()
        staff.connect_signals()
        change_messages.connect_signals()
        boolean_icons.install()

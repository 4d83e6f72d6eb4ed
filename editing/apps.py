from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """How staff work: roles, drafts and preview, scheduling, translation status, history."""

    name = "editing"
    verbose_name = _("Editing")

    def ready(self):
        from django.contrib.auth.models import Group
        from django.db.models.signals import post_migrate

        from . import boolean_icons, change_messages, staff, tracking, unpublished, uploads
        from .roles import grant_after_migrate, role_name

        tracking.connect_signals()
        uploads.connect_signals()
        staff.connect_signals()
        change_messages.connect_signals()
        unpublished.connect_signals()
        boolean_icons.install()
        # After Django's own handler (django.contrib.auth comes earlier in INSTALLED_APPS) has
        # created each app's permissions: the roles get theirs on its content models.
        post_migrate.connect(grant_after_migrate, dispatch_uid="editing-content-roles")
        # The roles' groups are made by migration with English names: every list and choice of
        # groups in the admin shows them in the admin's language.
        Group.__str__ = lambda group: role_name(group.name)

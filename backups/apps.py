from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """export_content and import_content: a portable copy of all content, beside the database's
    own backups (README: Back up and restore). No models, so nothing in the admin."""

    name = "backups"

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    """Which languages a page really exists in, and the links between its languages."""

    name = "multilingual"
    verbose_name = _("Languages")

    def ready(self):
        from .collation import register_sqlite_collations

        # SQLite sorts by the languages' collations as PostgreSQL does (multilingual/collation.py).
        connection_created.connect(
            register_sqlite_collations, dispatch_uid="multilingual-collations"
        )

import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def forget_pages_after_migrate(**kwargs):
    """Every start of the site migrates (docker-entrypoint.sh, make run): pages cached before a
    restore or an upgrade are forgotten then. A cache that does not answer never stops migrate."""
    from .generation import bump_generation

    try:
        bump_generation()
    except Exception:
        logger.warning("The page cache could not be cleared after migrate.", exc_info=True)


class SiteCacheConfig(AppConfig):
    """Caches anonymous visitors' pages, and forgets them all as soon as content changes."""

    name = "sitecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import invalidation

        invalidation.connect_signals()
        post_migrate.connect(forget_pages_after_migrate, sender=self)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCacheConfig(AppConfig):
    """Caches anonymous visitors' pages, and forgets them all as soon as content changes."""

    name = "sitecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import invalidation

        invalidation.connect_signals()

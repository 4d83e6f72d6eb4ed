from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The pages staff write (pages/models.py), the home page, each organisation's page (it
    shows partnerships and figures, so it is composed here, where every app is known),
    robots.txt and the sitemap."""

    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from . import signals  # noqa: F401

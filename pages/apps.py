from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The home and about pages, each organisation's page (it shows partnerships and figures, so
    it is composed here, where every app is known), robots.txt and the sitemap."""

    name = "pages"
    verbose_name = _("Pages")

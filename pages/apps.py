from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The home and about pages, robots.txt and the sitemap: the site's own pages."""

    name = "pages"
    verbose_name = _("Pages")

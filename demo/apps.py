from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content and the local development account: nothing the live site depends on."""

    name = "demo"
    verbose_name = _("Demo content")

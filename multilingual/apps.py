from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    """Which languages a page really exists in, and the links between its languages."""

    name = "multilingual"
    verbose_name = _("Languages")

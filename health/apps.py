from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    """/healthz for probes, and the 503 page visitors get while the database is down."""

    name = "health"
    verbose_name = _("Health")

    def ready(self):
        # Registers the system check that a production site has its SITE_URL (config.E001).
        from config import site_url  # noqa: F401

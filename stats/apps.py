from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    # The package is `stats`: a package named `statistics` would shadow the standard-library
    # module that Django's SQLite backend imports. Tables, migrations and admin URLs say
    # "statistics".
    name = "stats"
    label = "statistics"
    verbose_name = _("Key figures")

import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The .env beside manage.py, if any (config/settings.py reads only the one named here).
os.environ.setdefault("ENV_FILE", str(Path(__file__).resolve().parent.parent / ".env"))

application = get_wsgi_application()

from config.site_url import require_site_url  # noqa: E402 (settings are loaded now)

require_site_url()

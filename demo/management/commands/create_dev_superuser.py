"""Create the local administrator account for development, once, and say how to log in."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".dev-admin-password"


class Command(BaseCommand):
    help = (
        "Create a superuser for local development (DEBUG only). The password comes from "
        "DEV_ADMIN_PASSWORD, or is generated, printed and kept in .dev-admin-password."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("This account is for local development only: set DEBUG=true.")
        username = os.environ.get("DEV_ADMIN_USERNAME", "admin")
        users = get_user_model().objects
        url = "http://127.0.0.1:8000/admin/"

        if users.filter(username=username).exists():
            where = (
                f"the password in {PASSWORD_FILE.name}"
                if PASSWORD_FILE.exists()
                else "the password you chose"
            )
            self.stdout.write(f"Admin: {url} as '{username}' with {where} (left unchanged).")
            if PASSWORD_FILE.exists():
                self.stdout.write(f"       password: {PASSWORD_FILE.read_text().strip()}")
            return

        password = os.environ.get("DEV_ADMIN_PASSWORD")
        if not password:
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        users.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created the admin account '{username}'."))
        self.stdout.write(f"Admin: {url} as '{username}', password: {password}")

#!/usr/bin/env python
import os
import sys
from pathlib import Path


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The development .env beside this file (config/settings.py reads only the one named here).
    os.environ.setdefault("ENV_FILE", str(Path(__file__).resolve().parent / ".env"))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

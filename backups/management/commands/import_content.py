import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from backups.document import InvalidDocument, loads
from backups.importing import ImportRefused, import_rows, missing_files


class Command(BaseCommand):
    help = (
        "Load a file written by export_content into an empty database (after migrate), in one "
        "transaction: refused, with nothing changed, if content exists, the file is not valid or "
        "any row would be refused by the admin (the message names its model, key and field)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="The JSON written by export_content; - for standard input."
        )

    # Messages in English, Django's own validation messages included, like other commands'.
    @no_translations
    def handle(self, *args, file, **options):
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            counts = import_rows(loads(text))
        except (InvalidDocument, ImportRefused) as error:
            raise CommandError(f"Nothing imported from {file}: {error}") from error
        summary = ", ".join(f"{count} {model._meta.label_lower}" for model, count in counts.items())
        self.stdout.write(f"Imported {summary}.")
        missing = missing_files()
        if missing:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(missing)} file(s) the content refers to are not in MEDIA_ROOT "
                    f"({settings.MEDIA_ROOT}): {', '.join(missing)}. Restore the media folder "
                    "from the same backup."
                )
            )

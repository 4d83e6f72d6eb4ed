from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.content import content_models
from backups.document import dumps
from backups.exporting import export_objects


def write_whole(path, text):
    """Through a temporary file: an export that fails halfway never replaces a good one."""
    partial = path.with_name(f"{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


class Command(BaseCommand):
    help = (
        "Write all content to a JSON file that import_content loads into an empty database: "
        "every language, order, publication and schedule, translation dates, sources, links "
        "between organisations, old addresses. Logos are referenced by their path in "
        "MEDIA_ROOT: back up that folder too."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON; - for standard output.")

    def handle(self, *args, file, **options):
        objects = export_objects()
        text = dumps(objects)
        if file == "-":
            self.stdout.write(text, ending="")
            report = self.stderr
        else:
            try:
                write_whole(Path(file), text)
            except OSError as error:
                raise CommandError(f"Cannot write {file}: {error}") from error
            report = self.stdout
        rows = Counter(obj["model"] for obj in objects)
        labels = [model._meta.label_lower for model in content_models()]
        counts = ", ".join(f"{rows[label]} {label}" for label in labels)
        destination = "standard output" if file == "-" else file
        report.write(f"Exported {counts} to {destination}. Logos are not in it: copy MEDIA_ROOT.")

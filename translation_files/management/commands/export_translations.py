from django.core.management.base import BaseCommand, CommandError

from multilingual.languages import TRANSLATION_LANGUAGES
from translation_files.files import FORMATS, write
from translation_files.units import units_to_do


class Command(BaseCommand):
    help = (
        "Write everything missing or outdated in one language as a PO or XLIFF 1.2 file, for "
        "translators' own tools. `-` (the default) writes to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("language", choices=TRANSLATION_LANGUAGES)
        parser.add_argument("output", nargs="?", default="-", help="file to write, or -")
        parser.add_argument("--format", choices=FORMATS, default="po")

    def handle(self, language, output, **options):
        units = units_to_do(language)
        data = write(units, language, options["format"])
        if output == "-":
            self.stdout.write(data.decode(), ending="")
        else:
            try:
                with open(output, "xb") as file:
                    file.write(data)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error}") from error
        self.stderr.write(f"{len(units)} texts to translate into {language}.")

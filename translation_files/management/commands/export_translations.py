from django.core.management.base import BaseCommand, CommandError

from multilingual.languages import TRANSLATION_LANGUAGES
from translation_files.files import FORMATS, write
from translation_files.units import chosen_objects, units_of, units_to_do


class Command(BaseCommand):
    help = (
        "Write everything missing or outdated in one language as a PO or XLIFF 1.2 file, for "
        "translators' own tools; with --model (and --ids), every text of the chosen objects "
        "instead, translated or not, as the admin lists' action does. `-` (the default) writes "
        "to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("language", choices=TRANSLATION_LANGUAGES)
        parser.add_argument("output", nargs="?", default="-", help="file to write, or -")
        parser.add_argument("--format", choices=FORMATS, default="po")
        parser.add_argument(
            "--model",
            help="only objects of this kind, as app_label.model_name: organisations.organisation, "
            "pages.page…",
        )
        parser.add_argument(
            "--ids", default="", help="with --model: the chosen objects' ids, comma-separated"
        )

    def handle(self, language, output, **options):
        if options["model"]:
            try:
                _model, objects = chosen_objects(options["model"], options["ids"])
            except LookupError as error:
                raise CommandError(f"{options['model']} is not a kind of content.") from error
            units = units_of(objects, language)
        elif options["ids"]:
            raise CommandError("--ids needs --model.")
        else:
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

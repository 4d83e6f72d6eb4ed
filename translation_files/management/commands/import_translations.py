from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translation_files.imports import ImportRefused, apply, plan_import


class Command(BaseCommand):
    help = (
        "Import a translated PO or XLIFF 1.2 file made by export_translations, as USER (the "
        "author in the history). Every entry is checked as the admin would; with any problem "
        "nothing is written, unless --skip-problems. Changes to live content USER may not "
        "publish directly go into drafts submitted for review, as in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the importing person's user name")
        parser.add_argument("--dry-run", action="store_true", help="show what would change")
        parser.add_argument(
            "--skip-problems", action="store_true", help="apply the entries that have none"
        )

    def handle(self, file, user, dry_run, skip_problems, **options):
        try:
            person = get_user_model().objects.get_by_natural_key(user)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {user}.") from error
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            plan = plan_import(data, person, file)
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        for change in plan.changes:
            verb = "confirm" if change.confirm else "change"
            review = " (draft, awaiting review)" if change.for_review else ""
            self.stdout.write(
                f"{verb}: {change.label}: {change.before!r} -> {change.after!r}{review}"
            )
        for problem in plan.problems:
            self.stderr.write(f"problem: {problem.label or problem.key}: {problem.message}")
        if plan.left_for_review:
            self.stdout.write(f"{plan.left_for_review} entries still marked for review, left.")
        if dry_run:
            return
        try:
            count = apply(plan, person, f"Imported from {file}.", skip_problems)
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{count} texts imported into {plan.language}.")
        for obj in plan.for_review:
            self.stdout.write(
                f"{obj._meta.verbose_name} {obj}: saved as a draft and submitted for review; "
                "visitors still read the live version until it is approved."
            )

from django.core.management.base import BaseCommand

from editing.registry import publish_due_changes


class Command(BaseCommand):
    help = (
        "Publish the approved changes whose go-live time has come (run it every minute from "
        "cron or a systemd timer: README, In production). A change that no longer fits the live "
        "content is sent back to its author with the reason. Safe to run twice at once."
    )

    def handle(self, *args, **options):
        count = publish_due_changes()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Published {count} scheduled change(s).")

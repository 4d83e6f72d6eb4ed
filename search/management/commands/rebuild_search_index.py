from django.core.management.base import BaseCommand

from search import index
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the content's rows: after writes that bypass save() "
        "(bulk_create, update, SQL)."
    )

    def handle(self, *args, **options):
        index.rebuild()
        self.stdout.write(f"{SearchEntry.objects.count()} entries in the search index.")

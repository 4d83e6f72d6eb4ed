from django.core.management.base import BaseCommand

from search import index
from search.models import SearchEntry
from sitecache.generation import bump_generation


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the content's rows: after writes that bypass save() "
        "(bulk_create, update, SQL)."
    )

    def handle(self, *args, **options):
        index.rebuild()
        # The writes that made a rebuild necessary sent no signal: pages, and what search keeps
        # for the generation (which objects are published, what results show), are drawn anew.
        bump_generation()
        self.stdout.write(f"{SearchEntry.objects.count()} entries in the search index.")

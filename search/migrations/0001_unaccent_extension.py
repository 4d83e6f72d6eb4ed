# PostgreSQL's unaccent, for accent-insensitive search (search/engine.py). A trusted extension
# since PostgreSQL 13: the database's owner may create it without being a superuser. SQLite:
# nothing to do.
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [UnaccentExtension()]

from django.db import migrations


class Migration(migrations.Migration):
    """The generation moved into the cache (sitecache/generation.py): a cached page no longer
    reads it from the database."""

    dependencies = [("sitecache", "0003_next_scheduled_change")]

    operations = [migrations.DeleteModel(name="PageCacheGeneration")]

"""The search index follows every save and deletion of searchable content (search/index.py)."""

from django.db.models.signals import post_delete, post_migrate, post_save

from editing.registry import searchable_models

from . import index
from .models import SearchEntry


def index_saved(sender, instance, **kwargs):
    """post_save: the object's words in every language, as saved (a row loaded from a backup
    file too: `raw` rows are complete)."""
    index.update_object(instance)


def forget_deleted(sender, instance, **kwargs):
    """post_delete: the object's words are no longer found."""
    index.remove_object(sender, instance.pk)


def fill_after_migrate(sender, using, **kwargs):
    """post_migrate: an empty index over existing content (a first deployment of search, a
    database restored from a dump without it) is filled."""
    if SearchEntry.objects.using(using).exists():
        return
    if any(model._base_manager.using(using).exists() for model in searchable_models()):
        index.rebuild()


def connect_signals(app_config):
    """Connect the index to every searchable model of the registry, and to `migrate`."""
    for model in searchable_models():
        uid = f"search-index-{model._meta.label_lower}"
        post_save.connect(index_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(forget_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    post_migrate.connect(fill_after_migrate, sender=app_config, dispatch_uid="search-index-fill")

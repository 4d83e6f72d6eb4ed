"""Which models are content: found by type, never by app label, attribute name or list.

Every part of the site that treats content alike asks here: the page cache's invalidation and
schedule, the export, translation tracking, "Translations to do", search, the sitemap and the
admin. A new content type subclasses editing.models.EditorialContent and is found, with no
other edit (tests/editing/test_contract.py proves it).
"""

from django.apps import apps
from django.core.serializers import sort_dependencies
from django.db import models

from .models import EditorialContent, PublishableContent


def is_content(model):
    """True for a content model (or a proxy of one), whether class or instance."""
    model = model if isinstance(model, type) else type(model)
    return issubclass(model, EditorialContent)


def content_models():
    """Every concrete content model, in the order of INSTALLED_APPS and of each models.py."""
    return [model for model in apps.get_models() if is_content(model) and not model._meta.proxy]


def scheduled_models():
    """The content models with a publication flag, a go-live and an expiry date."""
    return [model for model in content_models() if issubclass(model, PublishableContent)]


def searchable_models():
    """The content models that name their searched fields in `search_fields`."""
    return [model for model in content_models() if getattr(model, "search_fields", None)]


def page_models():
    """The content models whose objects have public pages of their own (`has_own_page`):
    what the sitemap lists."""
    return [model for model in content_models() if model.has_own_page]


def _owned_by_content(model):
    """True for a model whose rows belong to a content object: deleted with it (a CASCADE
    foreign key), like an organisation's old addresses."""
    return any(
        field.many_to_one or field.one_to_one
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.remote_field.on_delete is models.CASCADE
        and is_content(field.related_model)
    )


def is_stored_with_content(model):
    """True for a content model or a model its objects own: a change to either changes pages."""
    model = model if isinstance(model, type) else type(model)
    return is_content(model) or _owned_by_content(model)


def stored_with_content():
    """Content models and the models their objects own, each after the models it points to:
    what a backup holds."""
    found = [
        model
        for model in apps.get_models()
        if not model._meta.proxy and is_stored_with_content(model)
    ]
    configs = {}
    for model in found:
        configs.setdefault(model._meta.app_config, []).append(model)
    return sort_dependencies(list(configs.items()))


def next_scheduled_moment(now):
    """The soonest moment after `now` at which what visitors see changes by itself: a go-live
    or expiry of content, or the go-live time of approved changes (editing/drafts.py)."""
    from django.db.models import Min

    from .drafts import next_go_live

    moments = [next_go_live(now)]
    for model in scheduled_models():
        for name in ("publish_at", "expire_at"):
            found = model._base_manager.filter(**{f"{name}__gt": now}).aggregate(soonest=Min(name))
            moments.append(found["soonest"])
    return min((moment for moment in moments if moment), default=None)


def publish_due_changes(now=None):
    """Apply the approved changes whose go-live time has passed (editing/drafts.py)."""
    from .drafts import publish_due

    return publish_due(now)

"""What visitors may see now: published, past its go-live, not yet expired."""

from django.db.models import Q
from django.utils import timezone

from .preview import is_preview
from .translation_status import TranslationQuerySet


def live(relation="", now=None):
    """A Q for content that is live now (or at `now`); `relation` reaches it through a foreign
    key."""
    prefix = f"{relation}__" if relation else ""
    now = now or timezone.now()
    return (
        Q(**{f"{prefix}is_published": True})
        & (Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now}))
        & (Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now}))
    )


class PublishableQuerySet(TranslationQuerySet):
    """What visitors may see, and (inherited) the translation rule's queries."""

    def published(self, now=None):
        return self.filter(live(now=now))

    def visible_to(self, request):
        """Everything, drafts included, for staff previewing; what is live for anyone else."""
        return self if is_preview(request) else self.published()

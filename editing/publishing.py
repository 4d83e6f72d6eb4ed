"""What visitors may see now: published, past its go-live, not yet expired."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

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


def is_live(obj, now=None):
    """Whether `obj` (publishable content, or None) is live now: the rule of `live()`, read from
    an object already loaded, so that a related body (a parent, a figure's source) is checked
    without a query."""
    if obj is None or not obj.is_published:
        return False
    now = now or timezone.now()
    started = obj.publish_at is None or obj.publish_at <= now
    return started and (obj.expire_at is None or obj.expire_at > now)


class PublishableQuerySet(TranslationQuerySet):
    """What visitors may see, and (inherited) the translation rule's queries."""

    def published(self, now=None):
        return self.filter(live(now=now))

    def visible_to(self, request):
        """Everything, drafts included, for staff previewing; what is live for anyone else."""
        return self if is_preview(request) else self.published()


class PublicationState(models.TextChoices):
    """Where a publishable object stands for visitors now: the rule of `live`, told in four."""

    DRAFT = "draft", pgettext_lazy("publication state", "draft")
    SCHEDULED = "scheduled", pgettext_lazy("publication state", "scheduled")
    LIVE = "live", pgettext_lazy("publication state", "live")
    EXPIRED = "expired", pgettext_lazy("publication state", "expired")


def publication_state(obj, now=None):
    """The PublicationState of `obj` (any PublishableContent) at `now` (default: now).

    Same boundaries as `live`: live from `publish_at` included, expired from `expire_at`
    included; an unpublished object is a draft whatever its dates.
    """
    now = now or timezone.now()
    if not obj.is_published:
        return PublicationState.DRAFT
    if obj.expire_at is not None and obj.expire_at <= now:
        return PublicationState.EXPIRED
    if obj.publish_at is not None and obj.publish_at > now:
        return PublicationState.SCHEDULED
    return PublicationState.LIVE


def publication_state_q(state, now=None):
    """A Q selecting exactly the objects `publication_state` puts in `state` at `now`."""
    now = now or timezone.now()
    if state == PublicationState.DRAFT:
        return Q(is_published=False)
    if state == PublicationState.LIVE:
        return live(now=now)
    if state == PublicationState.EXPIRED:
        return Q(is_published=True, expire_at__lte=now)
    if state == PublicationState.SCHEDULED:
        return Q(is_published=True, publish_at__gt=now) & (
            Q(expire_at__isnull=True) | Q(expire_at__gt=now)
        )
    raise ValueError(f"Unknown publication state: {state!r}")

"""The publication state in admin lists and filters: draft, scheduled (with its date), live,
expired, for every content type on the PublishableContent contract (editing/publishing.py)."""

from django.contrib import admin
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import PublishableContent
from .publishing import PublicationState, publication_state, publication_state_q


def is_publishable(model):
    """True for models on the PublishableContent contract."""
    return issubclass(model, PublishableContent)


def local_moment(moment):
    """`moment` as staff read it: in the site's time zone, in the language's short format."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


# The annotation the content admins' lists carry (editing/admin.py `get_queryset`): True when
# the object has a draft, i.e. changes visitors do not see yet.
HAS_DRAFT = "has_unpublished_changes"


@admin.display(description=_("publication"), ordering="is_published")
def publication_column(obj):
    """The object's state as a labelled badge; a scheduled one says when it goes live, and one
    with a draft that it has unpublished changes ("live, with unpublished changes")."""
    state = publication_state(obj)
    label = state.label
    if state == PublicationState.SCHEDULED:
        label = _("scheduled for %(moment)s") % {"moment": local_moment(obj.publish_at)}
    if getattr(obj, HAS_DRAFT, False):
        label = _("%(state)s, with unpublished changes") % {"state": label}
        return format_html(
            '<span class="publication publication-{} publication-changed">{}</span>',
            state.value,
            label,
        )
    return format_html('<span class="publication publication-{}">{}</span>', state.value, label)


class PublicationStateFilter(admin.SimpleListFilter):
    """One choice per state; each returns exactly the objects the column shows in it."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return PublicationState.choices

    def queryset(self, request, queryset):
        if self.value() in PublicationState.values:
            return queryset.filter(publication_state_q(self.value()))
        return queryset


def _replaced(names, model, replacement):
    if not is_publishable(model):
        return list(names)
    return [replacement if name == "is_published" else name for name in names]


def with_publication_column(list_display, model):
    """`list_display` with "is_published" replaced by the state column, on publishable models."""
    return _replaced(list_display, model, publication_column)


def with_publication_filter(list_filter, model):
    """`list_filter` with "is_published" replaced by the state filter, on publishable models."""
    return _replaced(list_filter, model, PublicationStateFilter)

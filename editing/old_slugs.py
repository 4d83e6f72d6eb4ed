"""Old addresses: when a content object's slug changes in a language, its old slug keeps
answering a permanent redirect to the current address, for good, however often it changes
again. One mechanism for every content type with slugs (organisations, pages): each keeps its
own table, a subclass of `OldSlug` with a foreign key to it whose related name is
"old_slugs"; its `save()` calls `remember_old_slugs`.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import LANGUAGE_CODES

SLUG_COLUMNS = [build_localized_fieldname("slug", code) for code in LANGUAGE_CODES]


class OldSlug(models.Model):
    """An old address of an object's page in one language. Subclasses add the foreign key
    named by `owner_field` (related_name "old_slugs") and a unique (language, slug)."""

    owner_field = None

    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    slug = models.SlugField(_("old slug"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"/{self.language}/…/{self.slug}/"

    @classmethod
    def remember(cls, obj, previous_slugs):
        """Keep each of `obj`'s slugs that just changed ({column: slug} before the save); a
        slug in use again is no longer an old one."""
        for column in SLUG_COLUMNS:
            language = column.removeprefix("slug_")
            old, new = previous_slugs[column], getattr(obj, column)
            if new:
                cls.objects.filter(language=language, slug=new).delete()
            if old and old != new:
                cls.objects.update_or_create(
                    language=language, slug=old, defaults={cls.owner_field: obj}
                )


def old_slug_model(model):
    """The OldSlug subclass that keeps `model`'s old addresses."""
    return model._meta.get_field("old_slugs").related_model


def previous_slugs(obj):
    """{column: slug} as stored before this save, or None for a new object."""
    if not obj.pk:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).values(*SLUG_COLUMNS).first()


def find_by_slug(visible, slug):
    """The object of the queryset `visible` with this slug in the visitor's language, else in
    any language, else the one that had it before (its old address). Raises Http404."""
    found = visible.filter(**{f"slug_{get_language()}": slug}).first()
    if found is None:
        # Queries do not fall back: an object without a slug in this language is found by its
        # slug in another one, and a link in the wrong language is sent to the right URL.
        any_language = reduce(or_, (Q(**{column: slug}) for column in SLUG_COLUMNS))
        found = visible.filter(any_language).first()
    if found is None:
        old_slugs = old_slug_model(visible.model).objects
        owner = old_slugs.model.owner_field
        old = old_slugs.filter(slug=slug, **{f"{owner}__in": visible})
        # The old address in the visitor's language first, then in any language.
        old = old.order_by(Case(When(language=get_language(), then=0), default=1)).first()
        found = getattr(old, owner) if old else None
    if found is None:
        raise Http404
    return found

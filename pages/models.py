"""Pages that staff write: About, the introductions of the home, partners, key-figures and
search pages, and any new page; the header navigation made of them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from editing.models import PublishableContent
from editing.old_slugs import OldSlug, old_slug_model, previous_slugs
from editing.publishing import PublishableQuerySet
from multilingual.constraints import unique_per_language
from multilingual.languages import LANGUAGE_CODES
from organisations.models import Organisation
from stats.models import KeyFigure

from . import richtext


class PageQuerySet(PublishableQuerySet):
    def in_sitemap(self):
        """Pages at an address of their own, or About: an introduction is part of a page the
        sitemap already lists."""
        return self.filter(models.Q(placement="") | models.Q(placement=Page.Placement.ABOUT))


class Page(PublishableContent):
    """A page of prose in three languages: its own address, or the introduction of one of the
    site's structured pages (its placement)."""

    class Placement(models.TextChoices):
        HOME = "home", _("Introduction of the home page")
        ABOUT = "about", _("The About page")
        PARTNERS = "partners", _("Introduction of the partners page")
        KEY_FIGURES = "key_figures", _("Introduction of the key figures page")
        SEARCH = "search", _("Introduction of the search page")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_("The last part of the page's address, in each language. Example: about-us."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences: search engines show it under the title, and so does the "
            "site's search."
        ),
    )
    body = ProseEditorField(
        _("text"),
        extensions=richtext.EXTENSIONS,
        sanitize=richtext.sanitize,
        blank=True,
        help_text=_(
            "Headings, lists, links and key figures. A link to a page or an organisation, and "
            "a key figure, are chosen from a list: they always show the current address, "
            "language and value."
        ),
    )
    placement = models.CharField(
        _("placement"),
        max_length=20,
        choices=Placement,
        blank=True,
        help_text=_(
            "Leave empty for a page with its own address. Otherwise the page is shown where "
            "chosen, in place of the text written in the site's code."
        ),
    )

    objects = PageQuerySet.as_manager()

    publication_help_text = _(
        "Only published pages appear on the public site; a link to an unpublished page shows "
        "its text without a link."
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement"],
                condition=~models.Q(placement=""),
                name="page_unique_placement",
                violation_error_message=_("Another page already has this placement."),
            ),
            *unique_per_language("slug", "page", _("Another page already has this slug.")),
        ]

    translation_core_fields = ("title", "summary", "body")
    # Translators' files carry the body's markup as placeholders (translation_files/richtext.py).
    rich_text_fields = ("body",)
    has_own_page = True
    # Searched in this order: a word of the summary is shown before one of the body (the
    # body read as text, search/index.py); only the title ranks as the name.
    search_fields = ("title", "summary", "body")
    search_title_fields = ("title",)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.address(self.placement, self.slug)

    @staticmethod
    def address(placement, slug):
        """A page's address: its placement's, or its own from its slug."""
        if placement:
            return reverse(PLACEMENT_URLS[placement])
        return reverse("pages:page", kwargs={"slug": slug})

    def save(self, *args, **kwargs):
        previous = previous_slugs(self)
        super().save(*args, **kwargs)
        if previous:
            old_slug_model(type(self)).remember(self, previous)

    def sanitize_body(self):
        """Keep only what the editor allows, in every language (see pages/signals.py)."""
        for lang in LANGUAGE_CODES:
            name = build_localized_fieldname("body", lang)
            value = getattr(self, name)
            if value:
                setattr(self, name, richtext.sanitize(value))


PLACEMENT_URLS = {
    Page.Placement.HOME: "pages:home",
    Page.Placement.ABOUT: "pages:about",
    Page.Placement.PARTNERS: "partners:list",
    Page.Placement.KEY_FIGURES: "statistics:list",
    Page.Placement.SEARCH: "search:results",
}


class PageSlugRedirect(OldSlug):
    """An old address of a page in one language (editing/old_slugs.py)."""

    owner_field = "page"

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="old_slugs")

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="unique_old_page_slug")
        ]


class PageReference(models.Model):
    """What a page's text points to, in any language: kept on every save (pages/signals.py).
    It protects key figures from deletion and lists the pages that use them. Backups store it
    with its page, as the page's other rows."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="references")
    target_page = models.ForeignKey(
        Page, on_delete=models.CASCADE, null=True, blank=True, related_name="referenced_by"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="page_references",
    )
    figure = models.ForeignKey(
        KeyFigure, on_delete=models.PROTECT, null=True, blank=True, related_name="page_references"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reference in a page")
        verbose_name_plural = _("references in pages")

    def __str__(self):
        # Shown in Django's "cannot delete" page: the page that uses the figure.
        return str(_("Used in the page “%(page)s”") % {"page": self.page})

    @classmethod
    def update_for(cls, page):
        """Rebuild `page`'s references from its text in every language."""
        found = {"page": set(), "organisation": set(), "figure": set()}
        for lang in LANGUAGE_CODES:
            for kind, ids in richtext.references(
                getattr(page, build_localized_fieldname("body", lang))
            ).items():
                found[kind] |= ids
        cls.objects.filter(page=page).delete()
        rows = [
            *[cls(page=page, target_page_id=pk) for pk in found["page"]],
            *[cls(page=page, organisation_id=pk) for pk in found["organisation"]],
            *[cls(page=page, figure_id=pk) for pk in found["figure"]],
        ]
        # Only what exists: a reference to something deleted since prints as plain text.
        existing = {
            "target_page_id": set(
                Page.objects.filter(pk__in=found["page"]).values_list("pk", flat=True)
            ),
            "organisation_id": set(
                Organisation.objects.filter(pk__in=found["organisation"]).values_list(
                    "pk", flat=True
                )
            ),
            "figure_id": set(
                KeyFigure.objects.filter(pk__in=found["figure"]).values_list("pk", flat=True)
            ),
        }
        rows = [
            row for row in rows if any(getattr(row, name) in ids for name, ids in existing.items())
        ]
        cls.objects.bulk_create(rows)


class NavigationItem(models.Model):
    """A page in the header's menu, in the order staff drag them to."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="navigation_item", verbose_name=_("page")
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("menu item")
        verbose_name_plural = _("header menu")
        ordering = ["order", "pk"]
        # The permission editing.admin.SortableEditorialMixin asks before a reorder.
        permissions = [("publish_navigationitem", _("Can order the header menu"))]

    def __str__(self):
        return str(self.page)

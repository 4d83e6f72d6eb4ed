from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from editing.models import PublishableContent
from editing.old_slugs import OldSlug, old_slug_model, previous_slugs
from editing.publishing import PublishableQuerySet, is_live
from multilingual.constraints import unique_per_language

from .countries import country_choices, country_name
from .validators import validate_logo, validate_web_url, year_validators


class OrganisationQuerySet(PublishableQuerySet):
    def get_by_natural_key(self, slug):
        """The organisation whose slug in the source language (French) is `slug`: how exports
        (backups/) name the organisation a row points to."""
        return self.get(**{f"slug_{settings.LANGUAGE_CODE}": slug})


class Organisation(PublishableContent):
    """A body DEI works with, belongs to, or quotes: a UN organ, a network, a national section..."""

    class Kind(models.TextChoices):
        UN_PRINCIPAL_ORGAN = "un_principal_organ", _("UN principal organ")
        UN_FUND_PROGRAMME = "un_fund_programme", _("UN fund or programme")
        UN_SPECIALISED_AGENCY = "un_specialised_agency", _("UN specialised agency")
        UN_INTERAGENCY_BODY = "un_interagency_body", _("UN interagency body")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")
        EU_AGENCY = "eu_agency", _("EU agency")
        NGO_NETWORK = "ngo_network", _("NGO network")
        NGO_COUNCIL = "ngo_council", _("NGO council")
        NGO = "ngo", _("NGO")
        INTERNATIONAL_MOVEMENT = "international_movement", _("International movement")
        NATIONAL_SECTION = "national_section", _("National section")
        POLICY_CENTRE = "policy_centre", _("Policy centre")

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Full name, without the acronym. Example: International Labour Organization."),
    )
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("As used in this language. Example: OIT in French, ILO in English."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_(
            "The last part of the page's address in this language: lowercase letters, digits "
            "and hyphens. Example: international-labour-organization."
        ),
    )
    kind = models.CharField(
        pgettext_lazy("kind of body", "kind"),
        max_length=30,
        choices=Kind,
        help_text=_("What sort of body it is. Example: UN specialised agency for the ILO."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("The body's presentation. Leave a blank line between paragraphs."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[validate_web_url],
        help_text=_("The body's official home page. Example: https://www.ilo.org/"),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, under 2 MB. SVG is refused: it can carry scripts."),
    )
    logo_alt = models.CharField(
        _("logo text alternative"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the logo says, for those who cannot see it. Leave empty for “Logo of” and "
            "the name in this language."
        ),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("The year it was created. Example: 1919."),
    )
    headquarters_city = models.CharField(
        _("headquarters city"),
        max_length=100,
        blank=True,
        help_text=_("As written in this language. Example: Genève, Geneva, Ginebra."),
    )
    headquarters_country = models.CharField(
        _("headquarters country"),
        max_length=2,
        blank=True,
        choices=country_choices,
        help_text=_("Where its headquarters are. Example: Switzerland."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_(
            "The body this one belongs to: a national section's movement, a UN agency's UN."
        ),
    )
    member_count = models.PositiveIntegerField(
        _("number of members"), null=True, blank=True, help_text=_("Only where it matters.")
    )
    member_country_count = models.PositiveIntegerField(
        _("number of countries of its members"),
        null=True,
        blank=True,
        help_text=_("Only if relevant. Example: 104 for ECPAT International."),
    )
    members_note = models.CharField(
        _("about its members"),
        max_length=255,
        blank=True,
        help_text=_("Example: 9 international NGOs and 9 regional or national NGOs."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = unique_per_language(
            "slug", "organisation", _("Another organisation already has this slug.")
        )

    # The text a page is made of: a language counts as translated when these are.
    translation_core_fields = ("name", "summary", "description")
    has_own_page = True
    # What search/engine.py searches, in the visitor's language.
    search_fields = ("name", "acronym", "summary", "description")

    def __str__(self):
        if self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name

    def natural_key(self):
        """(its slug in the source language,): required and unique, and readable in an export."""
        return (getattr(self, f"slug_{settings.LANGUAGE_CODE}"),)

    def clean(self):
        super().clean()
        if self.pk and self.parent_id and self.pk in self.ancestor_ids():
            raise ValidationError(
                {
                    "parent": _(
                        "An organisation cannot be part of itself, directly or through another one."
                    )
                }
            )

    def ancestor_ids(self):
        """The ids up the chain of "part of", stopping at a loop already in the database."""
        seen, parent_id = [], self.parent_id
        while parent_id and parent_id not in seen:
            seen.append(parent_id)
            parent_id = (
                type(self)
                ._base_manager.filter(pk=parent_id)
                .values_list("parent_id", flat=True)
                .first()
            )
        return seen

    @property
    def public_parent(self):
        """The parent body if visitors may see it; a draft, scheduled or expired one is None, so
        that no page names it, links to it or puts it in JSON-LD."""
        return self.parent if is_live(self.parent) else None

    def get_absolute_url(self):
        # `slug` reads the active language's slug, or the French one where it has none.
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        previous = previous_slugs(self)
        super().save(*args, **kwargs)
        if previous:
            old_slug_model(type(self)).remember(self, previous)

    @property
    def logo_alt_text(self):
        """The logo's text alternative in the active language: the one staff wrote in that
        language, else "Logo of <name>" in it (never another language's text)."""
        language = get_language() or settings.LANGUAGE_CODE
        column = build_localized_fieldname("logo_alt", language.split("-")[0])
        written = getattr(self, column, "") or ""
        return written or gettext("Logo of %(name)s") % {"name": self.name}

    @property
    def headquarters_country_name(self):
        return country_name(self.headquarters_country)


class SlugRedirect(OldSlug):
    """An old address of an organisation's page in one language (editing/old_slugs.py)."""

    owner_field = "organisation"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="old_slugs"
    )

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [models.UniqueConstraint(fields=["language", "slug"], name="unique_old_slug")]

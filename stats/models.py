from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from editing.models import EARLIEST_DATE, EditorialContent, PublishableContent
from editing.publishing import PublishableQuerySet, is_live, live
from editing.roles import CONTRIBUTORS
from multilingual.languages import SOURCE_LANGUAGE
from organisations.models import Organisation
from organisations.validators import validate_web_url, year_validators

# No source organisation, no title (in the source language) and no link.
SOURCE_TITLE = build_localized_fieldname("source_title", SOURCE_LANGUAGE)
NO_SOURCE_TEXT = (Q(**{SOURCE_TITLE: ""}) | Q(**{f"{SOURCE_TITLE}__isnull": True})) & Q(
    source_url=""
)
NO_SOURCE = Q(source_organisation__isnull=True) & NO_SOURCE_TEXT


def today():
    """Today's date in the site's time zone: a source cannot have been read later than that."""
    return timezone.localdate()


class KeyFigureQuerySet(PublishableQuerySet):
    def with_source(self):
        return self.exclude(NO_SOURCE)

    def missing_source(self):
        return self.filter(NO_SOURCE)

    def with_public_source(self, now=None):
        """Figures visitors are given a source for: a title, a link, or a source body that is
        live (`public_source_missing` in SQL)."""
        return self.filter(~NO_SOURCE_TEXT | live("source_organisation", now=now))

    def get_by_natural_key(self, key):
        """The figure with this identifier: how exports (backups/) would name it."""
        return self.get(key=key)


class KeyFigure(PublishableContent):
    """A figure behind DEI's cause, always shown with its scope, year and source."""

    class Kind(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENTAGE = "percentage", _("Percentage")
        RATIO = "ratio", _("Ratio (N in M)")
        DATED_FACT = "dated_fact", _("Dated fact (no number)")

    class Qualifier(models.TextChoices):
        EXACT = "exact", pgettext_lazy("figure qualifier", "exactly")
        MORE_THAN = "more_than", pgettext_lazy("figure qualifier", "more than")
        AT_LEAST = "at_least", pgettext_lazy("figure qualifier", "at least")
        ABOUT = "about", pgettext_lazy("figure qualifier", "about")
        UP_TO = "up_to", pgettext_lazy("figure qualifier", "up to")
        AS_YOUNG_AS = "as_young_as", pgettext_lazy("figure qualifier", "as young as")

    key = models.SlugField(
        _("identifier"),
        max_length=100,
        unique=True,
        # Django's own message reads "Key figure with this Identifier already exists.", and
        # worse in French and Spanish.
        error_messages={"unique": _("Another key figure already has this identifier.")},
        help_text=_(
            "A stable name for the figure, used in links to it and by imports. "
            "Example: children-sexually-exploited-yearly."
        ),
    )
    kind = models.CharField(
        pgettext_lazy("kind of figure", "kind"),
        max_length=20,
        choices=Kind,
        default=Kind.COUNT,
        help_text=_(
            "How the number reads. Example: a percentage for 29 %, a ratio for 1 in 5, a "
            "dated fact for a year with no number."
        ),
    )
    qualifier = models.CharField(
        _("qualifier"),
        max_length=20,
        choices=Qualifier,
        default=Qualifier.EXACT,
        help_text=_("Whether the number is exact or an estimate. Example: “more than” 1 million."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "The number as published: 1200000 for 1.2 million, 29 for 29 %, 7 for “7 in 10”. "
            "Empty for a dated fact."
        ),
    )
    ratio_total = models.PositiveIntegerField(
        _("out of"), null=True, blank=True, help_text=_("For a ratio “N in M”, the M. Example: 10.")
    )
    label = models.CharField(
        _("label"),
        max_length=255,
        help_text=_(
            "What is counted, as it reads after the number. Example: children who are victims "
            "of sexual exploitation every year."
        ),
    )
    scope = models.CharField(
        _("scope"), max_length=120, blank=True, help_text=_("Where it applies. Example: Europe.")
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Example: some as young as 6.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("The year the figure describes. Example: 2017."),
    )
    about_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation described"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
        help_text=_("The organisation the figure describes, if any."),
    )
    source_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("source organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sourced_figures",
        help_text=_("The body that published the figure. Example: ILO."),
    )
    source_title = models.CharField(
        _("source title"),
        max_length=255,
        blank=True,
        help_text=_("The report or page the figure comes from."),
    )
    source_url = models.URLField(
        _("source link"),
        blank=True,
        validators=[validate_web_url],
        max_length=500,
        help_text=_("Where visitors can read the source. Example: https://www.ilo.org/…"),
    )
    source_consulted_on = models.DateField(
        _("source consulted on"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(EARLIEST_DATE),
            MaxValueValidator(today, message=_("A source cannot have been consulted after today.")),
        ],
        help_text=_(
            "The day someone last read the figure in its source, if known: it is part of the "
            "citation visitors copy. Example: 2024-03-12."
        ),
    )
    order = models.PositiveIntegerField(
        _("order"),
        default=0,
        db_index=True,
        help_text=_("Position on the key figures page: smaller numbers come first."),
    )

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["order", "pk"]

    translation_core_fields = ("label", "scope", "note", "source_title")
    search_fields = ("label", "scope", "note", "source_title")

    def __str__(self):
        return self.label

    def natural_key(self):
        """(its identifier,): unique, stable, and already the name imports know it by."""
        return (self.key,)

    def get_absolute_url(self):
        return f"{reverse('statistics:list')}#{self.key}"

    @property
    def public_source_organisation(self):
        """The source body if visitors may see it, else None: a hidden body is never named."""
        return self.source_organisation if is_live(self.source_organisation) else None

    @property
    def source_missing(self):
        """No source organisation, title or link: visitors are told, editors see it to fix."""
        return not (self.source_organisation_id or getattr(self, SOURCE_TITLE) or self.source_url)

    @property
    def public_source_missing(self):
        """Whether visitors are given no source: `source_missing`, or a source that is only a
        body they may not see (a draft, scheduled or expired organisation is never named)."""
        return not (
            self.public_source_organisation or getattr(self, SOURCE_TITLE) or self.source_url
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == self.Kind.DATED_FACT:
            if self.value is not None:
                errors["value"] = _("A dated fact has no number: leave the value empty.")
            if not self.year:
                errors["year"] = _("A dated fact needs its year.")
        elif self.value is None:
            errors["value"] = _("Enter the figure's value.")
        elif self.value < 0:
            errors["value"] = _("A figure cannot be negative.")
        elif self.kind == self.Kind.PERCENTAGE and self.value > Decimal(100):
            errors["value"] = _("A percentage is between 0 and 100.")
        if self.kind == self.Kind.RATIO:
            if not self.ratio_total:
                errors["ratio_total"] = _("A ratio “N in M” needs its M.")
            elif self.value is not None and self.value > self.ratio_total:
                errors["value"] = _("In a ratio “N in M”, N cannot be above M (%(total)s).") % {
                    "total": self.ratio_total
                }
        elif self.ratio_total is not None:
            errors["ratio_total"] = _("Only a ratio has an “out of” number.")
        if errors:
            raise ValidationError(errors)


class OpenDataSettings(EditorialContent):
    """The licence of the downloadable data (key figures, partnerships): one row, kept by staff.

    `current()` gives it, or the default licence (CC BY 4.0) while staff have not saved one.
    """

    SINGLETON_PK = 1
    DEFAULT_LICENCE_NAME = "CC BY 4.0"
    DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

    licence_name = models.CharField(
        _("licence"),
        max_length=200,
        default=DEFAULT_LICENCE_NAME,
        help_text=_(
            "The licence under which anyone may reuse the downloadable data, as it reads in "
            "this language. Example: CC BY 4.0 (Creative Commons Attribution 4.0)."
        ),
    )
    licence_url = models.URLField(
        _("licence link"),
        default=DEFAULT_LICENCE_URL,
        validators=[validate_web_url],
        max_length=500,
        help_text=_(
            "Where the licence's text can be read. Example: "
            "https://creativecommons.org/licenses/by/4.0/"
        ),
    )

    class Meta:
        verbose_name = _("open data settings")
        verbose_name_plural = _("open data settings")

    translation_core_fields = ("licence_name",)
    # Site settings, not writing: Contributors leave the licence to Editors.
    roles_left_out = (CONTRIBUTORS,)

    def __str__(self):
        return str(_("Open data licence: %(licence)s") % {"licence": self.licence_name})

    @classmethod
    def current(cls):
        """The saved settings, or unsaved defaults (CC BY 4.0) until staff save their choice.

        Reading never writes: a database nobody edited keeps no content row, as import_content
        requires of the database it fills.
        """
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls()

    def save(self, *args, **kwargs):
        # One row: the admin offers no second "add", and current() reads this one.
        if self.pk is None:
            self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

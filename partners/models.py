from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editing.models import EditorialContent, PublishableContent
from editing.publishing import PublishableQuerySet, live
from organisations.models import Organisation
from organisations.validators import validate_web_url, year_validators


def split_points(text):
    """A list field is typed one point per line; blank lines are not points."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class PartnershipQuerySet(PublishableQuerySet):
    def published(self, now=None):
        # Live itself, and about a body that is live too.
        return self.filter(live(now=now) & live("organisation", now=now))


class Partnership(PublishableContent):
    """One relationship between DEI and an organisation; a body can have several."""

    class Kind(models.TextChoices):
        CONSULTATIVE_STATUS = "consultative_status", _("Consultative status")
        MEMBERSHIP = "membership", _("Membership")
        FOUNDING_MEMBERSHIP = "founding_membership", _("Founding membership")
        STEERING_COMMITTEE = "steering_committee", _("Steering-committee seat")
        PLATFORM_MEMBERSHIP = "platform_membership", _("Network or platform membership")
        AGREEMENT = "agreement", _("Agreement (memorandum of understanding)")
        COLLABORATION = "collaboration", _("Collaboration")
        HOSTING = "hosting", _("Hosting")

    # The kinds the partners page sums up as "memberships".
    MEMBERSHIP_KINDS = (
        Kind.MEMBERSHIP,
        Kind.FOUNDING_MEMBERSHIP,
        Kind.STEERING_COMMITTEE,
        Kind.PLATFORM_MEMBERSHIP,
    )

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
        help_text=_("The body DCI has this relationship with. Example: ECOSOC."),
    )
    kind = models.CharField(
        pgettext_lazy("kind of relationship", "kind"),
        max_length=30,
        choices=Kind,
        help_text=_("Example: consultative status for ECOSOC, membership for a network."),
    )
    since_year = models.PositiveSmallIntegerField(
        _("since"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("The year it began. Example: 1993."),
    )
    until_year = models.PositiveSmallIntegerField(
        _("until"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("Leave empty while the relationship lasts."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_(
            "DEI's place in the relationship. Example: represented by the director general of "
            "the International Secretariat."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the relationship is, in a few sentences.")
    )
    benefits = models.TextField(
        _("what it lets DEI do"),
        blank=True,
        help_text=_("One point per line. Example: Take part in the annual conference in Vienna."),
    )
    evidence_url = models.URLField(
        _("evidence link"),
        blank=True,
        validators=[validate_web_url],
        help_text=_(
            "Where the relationship can be checked: the UN register, the signed memorandum."
        ),
    )
    order = models.PositiveIntegerField(
        _("order"),
        default=0,
        db_index=True,
        help_text=_("Position on the partners page: smaller numbers come first."),
    )

    objects = PartnershipQuerySet.as_manager()

    publication_help_text = _(
        "Shown on the public site only when its organisation is published too."
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["order", "pk"]

    translation_core_fields = ("role", "description", "benefits")
    search_fields = ("role", "description", "benefits")
    search_select_related = ("organisation",)

    def __str__(self):
        return f"{self.organisation.name} — {self.get_kind_display()}"

    def get_absolute_url(self):
        return f"{self.organisation.get_absolute_url()}#partnership-{self.pk}"

    def search_title(self):
        """A search result names the body: the kind of relationship is the result's kind."""
        return str(self.organisation)

    def clean(self):
        super().clean()
        errors = {}
        if self.since_year and self.until_year and self.until_year < self.since_year:
            message = _("The end year cannot be before the start year (%(since)s).")
            errors["until_year"] = message % {"since": self.since_year}
        # Said here, on the kind: the status's own check falls on a field its inline hides.
        if (
            self.pk
            and self.kind != self.Kind.CONSULTATIVE_STATUS
            and ConsultativeStatus.objects.filter(partnership_id=self.pk).exists()
        ):
            errors["kind"] = _(
                "This partnership has a consultative status: delete the status first, then "
                "change the kind."
            )
        if errors:
            raise ValidationError(errors)

    def benefit_list(self):
        return split_points(self.benefits)


class ConsultativeStatus(EditorialContent):
    """The formal status DEI holds with a body, such as ECOSOC's consultative status."""

    class Category(models.TextChoices):
        GENERAL = "general", _("General")
        SPECIAL = "special", _("Special")
        ROSTER = "roster", _("Roster")
        PARTICIPATORY = "participatory", _("Participatory")

    partnership = models.OneToOneField(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        related_name="consultative_status",
        limit_choices_to={"kind": Partnership.Kind.CONSULTATIVE_STATUS},
        error_messages={"unique": _("This partnership already has a consultative status.")},
        help_text=_("The consultative-status partnership with the body that grants it."),
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=Category,
        blank=True,
        help_text=_("Where the body has categories (ECOSOC: general, special, roster)."),
    )
    granted_year = models.PositiveSmallIntegerField(
        _("granted in"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("The year the status was granted. Example: 1993."),
    )
    privileges = models.TextField(
        _("privileges"),
        blank=True,
        help_text=_(
            "The rights the status gives, one per line. Example: Submit written statements."
        ),
    )

    class Meta:
        verbose_name = _("consultative status")
        verbose_name_plural = _("consultative statuses")
        ordering = ["partnership__order", "pk"]

    translation_core_fields = ("privileges",)

    def __str__(self):
        return str(_("Consultative status with %(body)s") % {"body": self.body.name})

    @property
    def body(self):
        """The body that grants the status: the partnership's organisation."""
        return self.partnership.organisation

    def clean(self):
        partnership = getattr(self, "partnership", None)
        # No kind yet: the partnership's own form says so, on its kind field.
        if (
            partnership
            and partnership.kind
            and partnership.kind != Partnership.Kind.CONSULTATIVE_STATUS
        ):
            raise ValidationError(
                {"partnership": _("Choose a partnership of the kind “consultative status”.")}
            )

    def privilege_list(self):
        return split_points(self.privileges)

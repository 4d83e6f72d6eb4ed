"""Fields every piece of public content shares: its schedule and its translations' freshness."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Earlier is a typing error; year 1 even overflows when the time is converted to UTC for saving.
EARLIEST_DATE = date(1900, 1, 1)


class Scheduled(models.Model):
    """A go-live and an expiry date: the public site follows the clock, nobody saves again."""

    publish_at = models.DateTimeField(
        _("goes live on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to show it as soon as it is published. Example: the morning a "
            "campaign starts."
        ),
    )
    expire_at = models.DateTimeField(
        _("expires on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to keep it online. Example: the day after a campaign ends; it then "
            "disappears from the site by itself, and stays here."
        ),
    )

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.error_dict
        for name in ("publish_at", "expire_at"):
            moment = getattr(self, name)
            if moment and name not in errors and name not in (exclude or ()):
                try:
                    # The date as typed, in its own time zone: no conversion that could overflow.
                    MinValueValidator(EARLIEST_DATE)(moment.date())
                except ValidationError as error:
                    errors[name] = error.error_list
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        if self.publish_at and self.expire_at and self.expire_at <= self.publish_at:
            raise ValidationError(
                {"expire_at": _("The expiry must come after the go-live date and time.")}
            )


class TranslationTracked(models.Model):
    """When the French text last changed, and when each translation was last saved.

    A translation is outdated when the French changed after it: editing/tracking.py keeps
    these dates on every save.
    """

    source_changed_at = models.DateTimeField(
        _("French text last changed"), null=True, editable=False
    )
    translated_at_en = models.DateTimeField(_("English last saved"), null=True, editable=False)
    translated_at_es = models.DateTimeField(_("Spanish last saved"), null=True, editable=False)

    class Meta:
        abstract = True

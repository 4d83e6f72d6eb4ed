"""Date-and-time fields in the admin: each half labelled, the site's time zone named.

Django's split date/time widget shows two inputs under one label: the time input has no
accessible name. And the time typed is in the site's time zone (settings.TIME_ZONE), which
staff outside Brussels cannot guess: the help text names it, with its offset now.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def zone_note():
    """ "Times are in the site's time zone, Europe/Brussels (now UTC+01:00)."."""
    offset = timezone.localtime().strftime("%z")
    return _("Times are in the site’s time zone, %(zone)s (now UTC%(offset)s).") % {
        "zone": settings.TIME_ZONE,
        "offset": f"{offset[:3]}:{offset[3:]}",
    }


def labelled_split_datetime(formfield, label):
    """`formfield` (a SplitDateTimeField's form field) with an accessible name on both inputs
    ("goes live on, date" / "goes live on, time") and the time zone in its help text."""
    widgets = getattr(formfield.widget, "widgets", None)
    if widgets and len(widgets) == 2:
        date_widget, time_widget = widgets
        date_widget.attrs["aria-label"] = format_lazy(
            "{}, {}", label, pgettext_lazy("half of a date and time field", "date")
        )
        time_widget.attrs["aria-label"] = format_lazy(
            "{}, {}", label, pgettext_lazy("half of a date and time field", "time")
        )
    help_text = str(formfield.help_text or "")
    formfield.help_text = f"{help_text} {zone_note()}".strip()
    return formfield


class ZonedDateTimesMixin:
    """For ModelAdmins and inlines: every date-and-time field goes through
    `labelled_split_datetime`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and formfield is not None:
            formfield = labelled_split_datetime(formfield, db_field.verbose_name)
        return formfield

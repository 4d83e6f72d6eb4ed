"""A key figure used by pages cannot change its identifier or leave the site unnoticed
(unpublished, given an expiry date, or a go-live date still to come): the admin lists the pages
first, and saves only once the editor confirms. Here, not in stats/, which knows nothing of
pages (apps depend one way): pages/admin.py registers the key figures' admin again with
this form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editing.publishing import is_live

from .models import Page


def pages_using(figure):
    """The pages whose text shows `figure`, by title."""
    return list(Page.objects.filter(references__figure=figure).distinct().order_by("title"))


def confirming_form(base):
    """`base` (a key figure's admin form) with the confirmation box and its check."""

    class FigureUseForm(base):
        confirm_pages = forms.BooleanField(
            label=_("I know the pages that show this figure, save anyway"),
            required=False,
        )

        def clean(self):
            cleaned = super().clean()
            figure = self.instance
            if figure.pk is None or cleaned.get("confirm_pages"):
                return cleaned
            renamed = "key" in self.changed_data
            hidden = "is_published" in self.changed_data and not cleaned.get("is_published")
            # An expiry date is an unpublishing by the clock: the figure leaves the text then.
            expiring = "expire_at" in self.changed_data and cleaned.get("expire_at")
            # A live figure whose go-live moves into the future leaves the text until then.
            go_live = cleaned.get("publish_at")
            postponed = (
                "publish_at" in self.changed_data
                and go_live is not None
                and go_live > timezone.now()
                and is_live(type(figure).objects.get(pk=figure.pk))
            )
            pages = pages_using(figure) if renamed or hidden or expiring or postponed else []
            if pages:
                names = ", ".join(f"“{page}”" for page in pages)
                if hidden:
                    message = ngettext(
                        "The page %(pages)s shows this figure: unpublished, it disappears "
                        "from its text. Tick the confirmation box to save anyway.",
                        "The pages %(pages)s show this figure: unpublished, it disappears "
                        "from their text. Tick the confirmation box to save anyway.",
                        len(pages),
                    )
                elif postponed:
                    message = ngettext(
                        "The page %(pages)s shows this figure: until its new go-live date, it "
                        "disappears from its text. Tick the confirmation box to save anyway.",
                        "The pages %(pages)s show this figure: until its new go-live date, it "
                        "disappears from their text. Tick the confirmation box to save anyway.",
                        len(pages),
                    )
                elif expiring:
                    message = ngettext(
                        "The page %(pages)s shows this figure: once it expires, it disappears "
                        "from its text. Tick the confirmation box to save anyway.",
                        "The pages %(pages)s show this figure: once it expires, it disappears "
                        "from their text. Tick the confirmation box to save anyway.",
                        len(pages),
                    )
                else:
                    message = ngettext(
                        "The page %(pages)s shows this figure; it keeps showing it under its "
                        "new identifier. Tick the confirmation box to save anyway.",
                        "The pages %(pages)s show this figure; they keep showing it under its "
                        "new identifier. Tick the confirmation box to save anyway.",
                        len(pages),
                    )
                raise ValidationError(message % {"pages": names})
            return cleaned

    return FigureUseForm

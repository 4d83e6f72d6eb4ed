from django.db import models
from django.urls import reverse

from editing.models import PublishableContent


class Notice(PublishableContent):
    """A short notice to visitors: nothing more than the contract and one translated text."""

    title = models.CharField("title", max_length=200)

    translation_core_fields = ("title",)
    search_fields = ("title",)

    class Meta:
        verbose_name = "notice"
        verbose_name_plural = "notices"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('pages:home')}#notice-{self.pk}"

"""An unpublished translation behaves as a missing one on the public site: its text is never
shown, so each of its fields falls back to the French, as an empty translation does.

Public requests (anything outside the admin) run with `hiding_unpublished()`: content objects
loaded then have the columns of their unpublished translations emptied in memory. The admin
loads them untouched, so staff prepare and review the translation there. The rule deciding
*whether* a language is readable stays in editing/translation_status.py (`readable_in`).
"""

from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import post_init
from modeltranslation.utils import build_localized_fieldname

from multilingual.languages import TRANSLATION_LANGUAGES

from .preview import is_preview
from .registry import is_content
from .translation_status import published_field, translated_fields

_hiding = ContextVar("hiding_unpublished_translations", default=False)


def hide_unpublished(sender, instance, **kwargs):
    """post_init: empty the unpublished translations' columns of a content object."""
    if not _hiding.get() or not is_content(sender):
        return
    state = instance.__dict__
    for language in TRANSLATION_LANGUAGES:
        if state.get(published_field(language), True) is False:
            for field in translated_fields(sender):
                column = build_localized_fieldname(field, language)
                if column in state:
                    state[column] = None


class HideUnpublishedTranslationsMiddleware:
    """Public pages never show an unpublished translation's text (the admin does)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        # Staff previewing see the translation they are preparing.
        if request.path.startswith(self.admin_prefix) or is_preview(request):
            return self.get_response(request)
        token = _hiding.set(True)
        try:
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
        finally:
            _hiding.reset(token)


def connect_signals():
    # Content models only: other models' instances never pay for the check.
    from .registry import content_models

    for model in content_models():
        post_init.connect(
            hide_unpublished,
            sender=model,
            dispatch_uid=f"editing-hide-unpublished-{model._meta.label}",
        )

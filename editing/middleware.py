from django.conf import settings

from .preferences import remember_language
from .preview import is_preview


class PreviewMiddleware:
    """A preview is for staff only: it shows the drafts, and is never indexed, never kept by a
    browser or proxy cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_preview(request):
            # The changes waiting in drafts are shown, then rolled back (editing/drafts.py).
            from .drafts import every_draft_shown

            with every_draft_shown():
                response = self.get_response(request)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
        else:
            response = self.get_response(request)
        if is_preview(request):
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Cache-Control"] = "private, no-store"
        return response


class AdminLanguageMiddleware:
    """Every page of the admin a member of staff opens notes the language they read it in, so
    that the review workflow's emails reach them in it (editing/notifications.py): the index
    and the lists count, not only the forms. After LocaleMiddleware (the language) and
    AuthenticationMiddleware (the user); cheap: the database is written only on a change."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix) and request.user.is_staff:
            remember_language(request)
        return self.get_response(request)

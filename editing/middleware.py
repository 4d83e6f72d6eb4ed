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

"""Preview: staff open a page with ?preview=1 and see drafts as visitors will see them."""

from django.core.exceptions import SuspiciousOperation

PREVIEW_PARAMETER = "preview"


def is_preview(request):
    try:
        asked = request.GET.get(PREVIEW_PARAMETER) == "1"
    except SuspiciousOperation:
        # A query string Django refuses (over 1,000 parameters): the view answers the 400 page,
        # and that page, too, asks whether it is a preview.
        return False
    # The parameter first: an anonymous visitor's request never touches the session.
    return asked and request.user.is_staff


def with_preview(url):
    return f"{url}{'&' if '?' in url else '?'}{PREVIEW_PARAMETER}=1"

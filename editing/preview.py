"""Preview: staff open a page with ?preview=1 and see drafts as visitors will see them."""

PREVIEW_PARAMETER = "preview"


def is_preview(request):
    # The parameter first: an anonymous visitor's request never touches the session.
    return request.GET.get(PREVIEW_PARAMETER) == "1" and request.user.is_staff


def with_preview(url):
    return f"{url}{'&' if '?' in url else '?'}{PREVIEW_PARAMETER}=1"

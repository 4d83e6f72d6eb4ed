from .preview import is_preview


def preview(request):
    """`preview`: True on a page staff are previewing, drafts included (the banner says so)."""
    return {"preview": is_preview(request)}


def awaiting_review(request):
    """`awaiting_review_count`: how many submitted drafts the signed-in member of staff may
    review, for the admin header (None for those who review nothing: no link). Read once, when
    the header shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return {"awaiting_review_count": None}
    from .views import is_reviewer

    if not is_reviewer(user):
        return {"awaiting_review_count": None}
    return {"awaiting_review_count": lambda: len(reviewable(user))}


def reviewable(user):
    """The submitted drafts `user` may approve or send back, oldest first."""
    from .drafts import can_review
    from .models import Draft

    found = []
    for draft in Draft.objects.filter(state=Draft.SUBMITTED).order_by("saved_at"):
        obj = draft.content_object
        if obj is not None and can_review(user, obj, draft):
            found.append((draft, obj))
    return found

from .preview import is_preview


def preview(request):
    """`preview`: True on a page staff are previewing, drafts included (the banner says so)."""
    return {"preview": is_preview(request)}

"""Refused actions (403) in the admin's design and language, saying what the role allows.

Django's default 403 page is a bare English "403 Forbidden". Inside the admin, a translator
opening an add or delete page gets instead the admin's page, in the admin's language, with
what their roles let them do and a link back. Elsewhere, Django's default view answers.
"""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from .roles import EDITORS, TRANSLATORS

# What each role may do, as the page tells it (the rules are in editing/roles.py).
ROLE_ALLOWS = {
    EDITORS: lambda: _("Editors create, edit, publish, schedule, order and delete content."),
    TRANSLATORS: lambda: _(
        "Translators edit the English and Spanish text of existing content: they cannot add, "
        "delete, publish or restore it, nor change the French text and settings."
    ),
}


def is_admin_path(path):
    """True for addresses inside the admin (the ADMIN_URL setting)."""
    return path.lstrip("/").startswith(settings.ADMIN_URL)


def permission_denied(request, exception=None):
    """handler403: the admin's refusal page for admin addresses, Django's default elsewhere."""
    if not is_admin_path(request.path) or not request.user.is_authenticated:
        return defaults.permission_denied(request, exception)
    names = request.user.groups.values_list("name", flat=True)
    allowed = [ROLE_ALLOWS[name]() for name in names if name in ROLE_ALLOWS]
    back = request.META.get("HTTP_REFERER") or ""
    if not back.startswith(f"{request.scheme}://{request.get_host()}/"):
        back = ""
    context = {
        **admin.site.each_context(request),
        "title": _("You cannot do this"),
        "allowed": allowed,
        "back": back,
    }
    return render(request, "admin/403.html", context, status=403)

"""Yes/no icons in admin lists and read-only fields, with text in the viewer's language.

Django draws a boolean as an icon whose alt text is Python's `True`, `False` or `None`: what a
screen reader says, in English whatever the admin's language. Django has no setting for it;
every caller (lists, read-only fields) imports `_boolean_icon` from admin_list when it runs, so
replacing that one function at start-up (from the app's ready()) reaches them all.
"""

from django.contrib.admin.templatetags import admin_list
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

ICONS = {True: "yes", False: "no", None: "unknown"}


def boolean_icon(field_val):
    """Django's icon for True/False/None, its alt text "Yes", "No" or "Unknown" translated."""
    texts = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}
    icon_url = static(f"admin/img/icon-{ICONS[field_val]}.svg")
    return format_html('<img src="{}" alt="{}">', icon_url, texts[field_val])


def install():
    """Called once, from the app's ready()."""
    admin_list._boolean_icon = boolean_icon

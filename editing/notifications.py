"""Emails of the review workflow, each in its recipient's admin language (editing/preferences.py),
through Django's email settings (EMAIL_URL in config/settings.py; console in development)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .preferences import language_of
from .roles import may

SUBJECTS = {
    "submitted": lambda obj: _("Changes to review: %(object)s") % {"object": obj},
    "approved": lambda obj: _("Your changes are approved: %(object)s") % {"object": obj},
    "sent_back": lambda obj: _("Your changes are sent back: %(object)s") % {"object": obj},
}


def reviewers(obj, author):
    """Staff who may approve changes to `obj`, the author left out."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(pk=author.pk)
    return [user for user in users.filter(~Q(email="")) if may(user, "publish", type(obj))]


def recipients(event, draft, obj, actor):
    if event == "submitted":
        return reviewers(obj, actor)
    people = {draft.author, draft.submitted_by} - {None, actor}
    return [user for user in people if user.email]


def body(event, draft, obj, actor):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    if actor is None:  # publish_due_changes, at the go-live time
        who = _("the publication schedule")
    else:
        who = actor.get_full_name() or actor.get_username()
    lines = [SUBJECTS[event](obj), "", _("By: %(user)s") % {"user": who}]
    if event == "submitted" and draft.message:
        lines += ["", draft.message]
    if event == "sent_back":
        lines += ["", draft.comment]
    lines += ["", f"{getattr(settings, 'SITE_URL', '')}{url}"]
    return "\n".join(lines)


def notify(event, draft, obj, actor):
    """Send the `event` ("submitted", "approved", "sent_back") email to whom it concerns;
    `actor`: the member of staff who acted, or None for the clock (publish_due_changes)."""
    for user in recipients(event, draft, obj, actor):
        with translation.override(language_of(user)):
            send_mail(
                SUBJECTS[event](obj),
                body(event, draft, obj, actor),
                None,
                [user.email],
                fail_silently=True,
            )

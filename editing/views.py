"""The admin's "Translations to do" page: every object whose translations need work."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from multilingual.languages import TRANSLATION_LANGUAGES

from .registry import is_content
from .roles import may
from .translation_status import LABELS, to_translate_q, work_needed


def tracked_admins():
    """The admin pages of content, whose translations are tracked, in the admin's order."""
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if is_content(model)
    ]


def translations_to_do(request):
    if not request.user.is_staff:
        raise PermissionDenied
    languages = []
    for language in TRANSLATION_LANGUAGES:
        rows = []
        for model, model_admin in tracked_admins():
            if not may(request.user, "change", model):
                continue
            # Names of partnerships and statuses read their organisation: joined, not queried
            # once per row, as in the admin's own lists.
            related = model_admin.list_select_related
            objects = model._default_manager.filter(to_translate_q(model, language))
            if isinstance(related, list | tuple):
                objects = objects.select_related(*related)
            for obj in objects:
                problem = work_needed(obj, language)
                url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
                rows.append(
                    {
                        "object": obj,
                        "kind": model._meta.verbose_name,
                        "problem": problem,
                        "label": LABELS[problem],
                        "url": reverse(url_name, args=[obj.pk]),
                    }
                )
        languages.append({"code": language, "rows": rows})
    context = {
        **admin.site.each_context(request),
        "title": _("Translations to do"),
        "languages": languages,
    }
    return render(request, "admin/editing/translations_to_do.html", context)


def awaiting_review(request):
    """ "Awaiting my review": the submitted changes the user may approve, each with its
    difference from the live version."""
    from .context_processors import reviewable
    from .differences import difference

    if not is_reviewer(request.user):
        raise PermissionDenied
    rows = []
    for draft, obj in reviewable(request.user):
        opts = obj._meta
        rows.append(
            {
                "draft": draft,
                "object": obj,
                "kind": opts.verbose_name,
                "difference": difference(draft, obj),
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
            }
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Awaiting my review"),
        "rows": rows,
    }
    return render(request, "admin/editing/awaiting_review.html", context)


def is_reviewer(user):
    """True for staff who may approve changes to some kind of content."""
    return user.is_staff and any(may(user, "publish", model) for model, _admin in tracked_admins())

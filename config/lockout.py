"""The page an admin user sees once django-axes has locked their sign-in."""

from django.conf import settings
from django.shortcuts import render

# 429 Too Many Requests: what the lockout is, for people and for scripts alike.
LOCKED_OUT_STATUS = 429


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = render(request, "admin/locked_out.html", context, status=LOCKED_OUT_STATUS)
    response["Retry-After"] = str(minutes * 60)
    return response

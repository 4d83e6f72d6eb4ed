"""The visitor's address, as the login lockout counts it."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind our TLS proxy the address that proxy appended to X-Forwarded-For.

    The right-most entry is the one our own proxy wrote; entries to its left come from the
    client and can be forged, so they are never trusted.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last_hop = forwarded.rsplit(",", 1)[-1].strip()
        if last_hop:
            return last_hop
    return request.META.get("REMOTE_ADDR", "")

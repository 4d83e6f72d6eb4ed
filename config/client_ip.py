"""The visitor's address, as the login lockout (django-axes) and anything else counts it."""

import ipaddress
from functools import cache

from django.conf import settings
from python_ipware import IpWare


@cache
def networks(addresses):
    """("127.0.0.1", "172.16.0.0/12", …) → IP networks; settings refused bad ones at start."""
    return [ipaddress.ip_network(address, strict=False) for address in addresses]


def from_trusted_proxy(address):
    """Whether the TCP peer `address` is one of TRUSTED_PROXY_ADDRESSES (addresses or networks)."""
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(peer in network for network in networks(tuple(settings.TRUSTED_PROXY_ADDRESSES)))


def client_ip(request):
    """REMOTE_ADDR, or behind our TLS proxy the address the proxies say they were reached from.

    Only a request whose TCP peer (REMOTE_ADDR, which nobody can forge) is our own proxy has its
    X-Forwarded-For believed: a client that reaches gunicorn directly is counted by its own
    address, however it fills the header. From our proxy, the chain is read by django-ipware's
    engine (python-ipware) with TRUSTED_PROXY_COUNT proxies: each appends the address it was
    reached from, so the entry that many places from the end, our proxy counted as the last
    hop, is the client; entries to its left come from the client and are never trusted.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_TLS_PROXY or not from_trusted_proxy(peer):
        return peer
    chain = ", ".join(
        hop for hop in (request.META.get("HTTP_X_FORWARDED_FOR", "").strip(), peer) if hop
    )
    reader = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=settings.TRUSTED_PROXY_COUNT)
    address, _trusted = reader.get_client_ip({"HTTP_X_FORWARDED_FOR": chain}, strict=False)
    # A chain shorter than the proxies configured: the proxy did not say, so the peer it is.
    return str(address) if address else peer

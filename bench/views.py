import os

from django.http import HttpResponse

# As many bytes as the page it is compared with; read once, when gunicorn imports this module.
BODY = b"x" * int(os.environ.get("BENCH_BARE_BYTES", "16000"))
# Bodies of other sizes (/bench/bare/<bytes>/), made once each: a few pages are compared.
SIZED = {}
LARGEST = 10_000_000


def bare(request, size=None):
    """The stack's limit: Django's middleware and a response from memory, no template, no SQL.

    `size`: the body's length in bytes (at most LARGEST), BENCH_BARE_BYTES by default."""
    if size is None:
        body = BODY
    else:
        body = SIZED.get(size) or SIZED.setdefault(size, b"x" * min(size, LARGEST))
    return HttpResponse(body, content_type="text/html; charset=utf-8")

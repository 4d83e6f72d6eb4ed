import os

from django.http import HttpResponse

# As many bytes as the page it is compared with; read once, when gunicorn imports this module.
BODY = b"x" * int(os.environ.get("BENCH_BARE_BYTES", "16000"))


def bare(request):
    """The stack's limit: Django's middleware and a response from memory, no template, no SQL."""
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")

"""The 400 and 500 pages, in the site's design and the visitor's language."""

import logging

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def server_error(request):
    # Django's own handler renders 500.html without the request, so the header could not build
    # its links; this one passes it, and falls back to plain text if the page itself is broken.
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError(
            _("Something went wrong. Please try again in a moment."),
            content_type="text/plain; charset=utf-8",
        )


def bad_request(request, exception):
    # A request Django refuses (a query string of over 1,000 parameters, a forged host…): the
    # site's page rather than Django's bare English one.
    try:
        return render(request, "400.html", status=400)
    except Exception:
        logger.exception("The 400 page could not be rendered")
        return HttpResponseBadRequest(
            _("This address cannot be read."), content_type="text/plain; charset=utf-8"
        )

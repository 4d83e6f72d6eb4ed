import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render

from .checks import database_answers, gave_up_waiting

HEALTH_PATH = "/healthz"
# Seconds a visitor's browser, or a crawler, is asked to wait before trying again.
RETRY_AFTER = 30

logger = logging.getLogger(__name__)


class HealthCheckMiddleware:
    """Answers /healthz before any other middleware: load balancers and Docker probe it over
    plain http, by address, so host checks and the HTTPS redirect must not stand in the way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        healthy = database_answers()
        response = JsonResponse(
            {"status": "ok" if healthy else "unavailable", "database": healthy},
            status=200 if healthy else 503,
        )
        response["Cache-Control"] = "no-store"
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database gives a 503 page in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # A database that does not answer, or a query cancelled by the statement time-out (a
        # lock, an overload): a bad query is a bug, and stays a 500 logged with its traceback.
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if gave_up_waiting(exception):
            logger.error("Database timed out: %s %s", request.method, request.path)
        elif database_answers():
            return None
        else:
            logger.error("Database unavailable: %s %s", request.method, request.path)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response

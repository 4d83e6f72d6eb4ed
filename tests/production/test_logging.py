"""Log lines: one per event, tracebacks folded in, nothing personal."""

import logging
import sys

from config.client_ip import client_ip
from config.log_format import OneLineFormatter


def test_an_error_with_its_traceback_is_one_line():
    try:
        raise ValueError("broken\nvalue")
    except ValueError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/en/",),
            sys.exc_info(),
        )
    line = OneLineFormatter().format(record)
    assert "\n" not in line
    assert "ERROR django.request Internal Server Error: /en/" in line
    assert "ValueError: broken ⏎ value" in line
    assert "Traceback (most recent call last)" in line


def test_the_client_address_behind_the_proxy_is_the_one_it_appended(rf, settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/8"]
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "203.0.113.9"
    settings.BEHIND_TLS_PROXY = False
    assert client_ip(request) == "10.0.0.2"

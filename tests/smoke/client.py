"""A small HTTP client for the smoke test: no redirects followed, cookies kept by hand.

http.client, not a browser library: the test must see every header and status exactly as
gunicorn sent them, and send cookies marked Secure over the loopback's plain http (a TLS proxy
would sit in between in production; X-Forwarded-Proto says so).
"""

import http.client
import json
import os
import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from webtest import TestResponse
from webtest.forms import File

BASE_URL = os.environ.get("SMOKE_BASE_URL", "")


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    cookies: SimpleCookie = field(default_factory=SimpleCookie)

    @property
    def text(self):
        return self.body.decode()

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name, "")


class Visitor:
    """One visitor: their cookies, and whether they pretend to come through the TLS proxy."""

    def __init__(self, https=True, base_url=None):
        self.https = https
        self.base_url = base_url or BASE_URL
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        netloc = urlsplit(self.base_url).netloc
        connection = http.client.HTTPConnection(netloc, timeout=15)
        sent = {"Host": netloc, **(headers or {})}
        if self.https:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{netloc}"
            sent["Referer"] = f"https://{netloc}{path}"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        reply = Reply(response.status, response.headers, response.read())
        connection.close()
        for set_cookie in response.headers.get_all("Set-Cookie") or []:
            reply.cookies.load(set_cookie)
        for name, morsel in reply.cookies.items():
            self.cookies[name] = morsel.value
        return reply

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data):
        return self.request("POST", path, body=urlencode(data, doseq=True))


def form_fields(html, form_id):
    """[(name, value)]: what a browser sends for form `form_id` of the page `html` as it stands,
    no button pressed and no file chosen. Read by WebTest's form parser, the one django-webtest's
    admin tests fill forms with."""
    page = TestResponse(body=html.encode(), content_type="text/html", charset="utf-8")
    fields = page.forms[form_id].submit_fields()
    return [(name, value) for name, value in fields if not isinstance(value, File)]


def replace_field(fields, name, value):
    return [(key, value if key == name else old) for key, old in fields]


def field_value(fields, name):
    return next(value for key, value in fields if key == name)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

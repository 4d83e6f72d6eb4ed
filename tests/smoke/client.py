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
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

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


class FormReader(HTMLParser):
    """The fields of one form of a page, found by its id, as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.fields = []
        self.in_form = False
        self.done = False
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id and not self.done:
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def form_fields(html, form_id):
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.fields


def replace_field(fields, name, value):
    return [(key, value if key == name else old) for key, old in fields]


def field_value(fields, name):
    return next(value for key, value in fields if key == name)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

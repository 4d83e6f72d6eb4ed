"""The admin as a browser uses it: django-webtest reads a page's real forms, fills and sends them.

`browser(user, language)` is a browser of its own (its own cookies), signed in as `user` by
django-webtest's sign-in middleware (the `browser_for` fixture in tests/conftest.py installs it).
Requests go over https, as in production: the session and CSRF cookies are Secure, and a browser
sends them back only over https.
"""

import copy

from django_webtest import DjangoTestApp
from webtest.forms import Checkbox, File, Select

HTTPS = {"wsgi.url_scheme": "https", "HTTP_HOST": "testserver"}


def browser(user=None, language="fr"):
    """A django-webtest app with cookies of its own, its `Accept-Language` set to `language`
    (None: no such header)."""
    language_header = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    # lxml reads an admin page several times faster than Python's own HTML parser.
    app = DjangoTestApp(extra_environ={**HTTPS, **language_header}, parser_features="lxml")
    if user is not None:
        app.set_user(user)
    return app


def forms_of(response):
    """Each form of the page once (webtest lists a form with an id under its index and its id)."""
    return list({id(form): form for form in response.forms.values()}.values())


def main_form(response):
    """The page's main POST form (not the header's language chooser or sign-out), or None."""
    if response.status_int != 200 or "html" not in response.content_type:
        return None
    posted = [
        form
        for form in forms_of(response)
        if form.method.lower() == "post"
        and not form.action.endswith(("/i18n/setlang/", "/logout/"))
    ]
    return max(posted, key=lambda form: len(form.field_order), default=None)


def fresh(form):
    """A copy of `form` to fill in, the original left as it is: what a browser shows after a
    reload. Copied, not parsed again: parsing an admin page's form costs more than sending it."""
    copied = copy.copy(form)
    copied.fields, copied.field_order = {}, []
    for name, field in form.field_order:
        copied_field = copy.copy(field)
        copied_field.form = copied
        if hasattr(field, "options"):
            copied_field.options = list(field.options)
        copied.fields.setdefault(name, []).append(copied_field)
        copied.field_order.append((name, copied_field))
    return copied


def add_inline_row(form, prefix):
    """One more row in inline `prefix`, as the admin's "Add another" button makes it: a copy of
    the row template's fields (named `__prefix__`) under the next index. Returns the index."""
    total = form[f"{prefix}-TOTAL_FORMS"]
    index = int(total.value)
    template = f"{prefix}-__prefix__-"
    for name, field in list(form.field_order):
        if name and name.startswith(template):
            row_field = copy.copy(field)
            row_field.name = name.replace("__prefix__", str(index))
            if isinstance(field, Select):
                row_field.options = list(field.options)
            form.fields.setdefault(row_field.name, []).append(row_field)
            form.field_order.append((row_field.name, row_field))
    total.force_value(str(index + 1))
    return index


def type_into(form, name, value):
    """Type `value` into field `name` as a hand-made request could send it: any text in a list
    or a hidden field; True or False for a checkbox; a webtest `Upload` for a file."""
    field = form[name]
    if isinstance(field, Checkbox):
        field.checked = bool(value)
    elif isinstance(field, File):
        field.value = value
    else:
        field.force_value(value)


def fill(form, values):
    """Type each of `values` ({field name: value}) into `form`; returns the form."""
    for name, value in values.items():
        type_into(form, name, value)
    return form

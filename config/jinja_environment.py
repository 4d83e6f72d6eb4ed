"""The Jinja2 environment of the public pages (the admin keeps Django's template engine).

Jinja2 renders the same page several times faster than Django's engine, which alone took more
than the benchmark's whole budget (docs/performance.md). Each app lists its template helpers in
its own `jinja.py`; this module only gathers them.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from jinja2 import ChainableUndefined, Environment

from config.site_url import absolute_url
from multilingual import jinja as multilingual_helpers
from organisations import jinja as organisation_helpers
from pages import jinja as page_helpers
from stats import jinja as figure_helpers

HELPERS = (multilingual_helpers, organisation_helpers, figure_helpers, page_helpers)


def url(name, *args, **kwargs):
    """`{{ url("partners:list") }}`, as Django's `{% url %}`."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    # Strings are written `{{ _("…") }}` (with `|format(name=…)` for placeholders): Django's
    # makemessages reads that form from .html files, so one catalogue serves both engines.
    # A name a page does not pass prints nothing, in every mode: Django's DEBUG default prints
    # the name itself, so pages would differ between development and production.
    options["undefined"] = ChainableUndefined
    # Each included card ends its line, as with Django's engine.
    options["keep_trailing_newline"] = True
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(url=url, static=static, absolute_url=absolute_url)
    for helpers in HELPERS:
        env.filters.update(helpers.FILTERS)
        env.globals.update(helpers.GLOBALS)
    return env

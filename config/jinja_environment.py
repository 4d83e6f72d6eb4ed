"""The Jinja2 environment of the public pages (the admin keeps Django's template engine).

Jinja2 renders the same page several times faster than Django's engine, which alone took more
than the benchmark's whole budget (docs/performance.md). Each app lists its template helpers in
its own `jinja.py`; this module only gathers them.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static as static_url
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override
from jinja2 import ChainableUndefined, Environment, pass_context

from multilingual import jinja as multilingual_helpers
from multilingual.addresses import address_setup, named_url_in
from multilingual.jinja import rendering_language
from multilingual.per_language import kept_per_language
from organisations import jinja as organisation_helpers
from pages import jinja as page_helpers
from stats import jinja as figure_helpers

HELPERS = (multilingual_helpers, organisation_helpers, figure_helpers, page_helpers)


@lru_cache(maxsize=256)
def static(path):
    """`{{ static("css/site.css") }}`: the file's hashed address, looked up once per file (the
    manifest does not change while the site runs)."""
    return static_url(path)


@receiver(setting_changed)
def forget_static_addresses(setting, **kwargs):
    # Tests change settings while the process runs; the site itself never does.
    if setting in {"STORAGES", "STATIC_URL", "STATIC_ROOT", "DEBUG"}:
        static.cache_clear()


@pass_context
def url(context, name, *args, **kwargs):
    """`{{ url("partners:list") }}`, as Django's `{% url %}`."""
    if args:
        return reverse(name, args=args)
    return named_url_in(context.get("address_setup") or address_setup(), name, **kwargs)


@kept_per_language
def _translated(language, message):
    with override(language):
        return gettext(message)


@pass_context
def cached_gettext(context, message):
    """gettext(message), looked up once per language (and again after a catalogue is
    recompiled, multilingual/per_language.py): a page asks for about fifty strings."""
    return _translated(rendering_language(context), message)


def environment(**options):
    # Strings are written `{{ _("…") }}` (with `|format(name=…)` for placeholders): Django's
    # makemessages reads that form from .html files, so one catalogue serves both engines.
    # A name a page does not pass prints nothing, in every mode: Django's DEBUG default prints
    # the name itself, so pages would differ between development and production.
    options["undefined"] = ChainableUndefined
    # Each included card ends its line, as with Django's engine.
    options["keep_trailing_newline"] = True
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(cached_gettext, ngettext, newstyle=False)
    env.globals.update(url=url, static=static)
    for helpers in HELPERS:
        env.filters.update(helpers.FILTERS)
        env.globals.update(helpers.GLOBALS)
    return env

"""Page addresses that do not change while the site runs, worked out once per language.

reverse() and translate_url() walk the URLconf on each call, and every page asks for the same
few addresses: its header and footer links, and its own address in each language.
"""

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language

from .per_language import kept_per_language


def address_setup():
    """What an address depends on besides its name: the language, URLconf and script prefix."""
    return get_language(), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


@kept_per_language
def _reverse(name, kwargs, _depends_on):
    return reverse(name, kwargs=dict(kwargs))


@kept_per_language
def _translate(path, language, _depends_on):
    return translate_url(path, language)


def named_url(name, **kwargs):
    """reverse(name, kwargs=kwargs) in the active language."""
    return named_url_in(address_setup(), name, **kwargs)


def named_url_in(setup, name, **kwargs):
    """named_url() for an `address_setup()` read already (a template reads it once per page)."""
    return _reverse(name, tuple(sorted(kwargs.items())), setup)


def url_in_language(path, language):
    """translate_url(path, language): this page's address in another language."""
    return _translate(path, language, address_setup())

"""Page addresses that do not change while the site runs, worked out once per language.

reverse() and translate_url() walk the URLconf on each call, and every page asks for the same
few addresses: its header and footer links, and its own address in each language.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language


def _what_addresses_depend_on():
    return get_language(), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


@lru_cache(maxsize=1024)
def _reverse(name, kwargs, _depends_on):
    return reverse(name, kwargs=dict(kwargs))


@lru_cache(maxsize=1024)
def _translate(path, language, _depends_on):
    return translate_url(path, language)


def named_url(name, **kwargs):
    """reverse(name, kwargs=kwargs) in the active language."""
    return _reverse(name, tuple(sorted(kwargs.items())), _what_addresses_depend_on())


def url_in_language(path, language):
    """translate_url(path, language): this page's address in another language."""
    return _translate(path, language, _what_addresses_depend_on())

"""Values worked out once per language and kept (translated phrases, page addresses), and
forgotten whenever what they were worked out from changes while the process runs: runserver
reloads a recompiled catalogue (.mo) without restarting, and tests change settings."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.autoreload import file_changed

_kept = []
LANGUAGE_SETTINGS = {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "USE_I18N", "ROOT_URLCONF"}


def kept_per_language(function):
    """lru_cache, bounded, registered to be forgotten with the catalogues and settings."""
    cached = lru_cache(maxsize=1024)(function)
    _kept.append(cached)
    return cached


def forget_all():
    for cached in _kept:
        cached.cache_clear()


@receiver(setting_changed)
def forget_on_setting_changed(setting, **kwargs):
    if setting in LANGUAGE_SETTINGS:
        forget_all()


@receiver(file_changed)
def forget_on_catalogue_changed(file_path, **kwargs):
    # Django's own receiver reloads the catalogues and keeps the server running (it answers
    # True); this one answers nothing, so it never decides whether the server restarts.
    if file_path.suffix == ".mo":
        forget_all()

"""The production settings, plus a bare view to measure the stack's own limit (bench/urls.py)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

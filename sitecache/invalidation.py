"""Any save or delete of content, from the admin or elsewhere, makes every cached page stale.

Pages share content (an organisation's name is on the home page, the partners page, search and
the sitemap), so forgetting them all is the simple way to never show a stale one.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from config.replica import note_content_change

from .generation import bump_generation, is_content_model


def content_changed(sender, **kwargs):
    if is_content_model(sender):
        bump_generation()
        # A read replica is not read until it has surely received the change (config/replica.py).
        note_content_change()
        transaction.on_commit(note_content_change, robust=True)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"sitecache-{id(signal)}")

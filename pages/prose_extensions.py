"""The allow-lists of our two editor extensions, for settings.DJANGO_PROSE_EDITOR_EXTENSIONS:
a link may name a page or an organisation by id, a span may name a key figure by id. Kept apart
from pages/richtext.py so that settings can import them before Django is set up."""

from django_prose_editor.config import add_tags_and_attributes

LINK_REFERENCES = ("data-page", "data-organisation")


def process_content_link(config, shared_config):
    """nh3 allow-list of ContentLink: `<a data-page="12">`, `<a data-organisation="5">`."""
    add_tags_and_attributes(shared_config, ["a"], {"a": list(LINK_REFERENCES)})


def no_markup(config, shared_config):
    """An extension that writes no HTML of its own (CspNonce)."""


def process_key_figure(config, shared_config):
    """nh3 allow-list of KeyFigure: `<span data-figure="7">`, nothing else on a span."""
    add_tags_and_attributes(shared_config, ["span"], {"span": ["data-figure"]})

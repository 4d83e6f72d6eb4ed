"""The history's comments in the viewer's language (editing/change_messages.py)."""

from django import template

from editing.change_messages import readable

register = template.Library()


@register.filter
def readable_comment(comment, version=None):
    """A revision's comment in the active language; `version` (a reversion Version, optional)
    names the model whose fields a comment lists."""
    model = getattr(version, "_model", None) if version is not None else None
    return readable(comment, model)

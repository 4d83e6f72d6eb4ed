"""A page's rich text: what the editor may produce, what the server keeps, and how references
inside it are shown to visitors.

`EXTENSIONS` is the single source of both: django-prose-editor builds the editor's buttons and
nh3's allow-list from it (settings.DJANGO_PROSE_EDITOR_EXTENSIONS adds our two references:
`<a data-page="12">` / `<a data-organisation="5">` links and `<span data-figure="7">` figures).
No colours, fonts, classes or style attributes: the CSP forbids inline styles anyway.

References are stored by primary key, never as URLs or values: a link follows its target's slug
changes and language, and a figure always shows its current value.
"""

import re
from functools import lru_cache
from html import escape

from django.utils.translation import gettext as _
from django_prose_editor.fields import create_sanitizer

# What the rich text may contain (issue 16): h2, h3, paragraphs, bold, italic, lists, links,
# block quotes. External links: http(s) and mailto only.
EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # No autolink: with it Tiptap makes links "inclusive", and the words typed after a link
    # (even its closing full stop) joined it.
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"], "autolink": False},
    "ContentLink": True,
    "KeyFigure": True,
    # Gives Tiptap's own <style> element the CSP nonce (pages/static/pages/references.js).
    "CspNonce": True,
}


@lru_cache(maxsize=1)
def _sanitizer():
    # Built on first use: settings (our extension processors) must be loaded first.
    return create_sanitizer(EXTENSIONS)


# Each page's text is sanitised again when shown (a data migration's rows never went through
# the model): remembered per text, so a page shown again costs a dictionary lookup. Few texts
# are kept: a drawn page is kept whole in the cache (pages/rendering.py), and texts are long.
@lru_cache(maxsize=64)
def sanitize(html):
    """`html` with only what EXTENSIONS allows: no script, event handler, style, class,
    `javascript:` link or Word markup. Empty editor output ("<p></p>") becomes ""."""
    return _sanitizer()(html or "")


LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
FIGURE = re.compile(r"<span\b([^>]*)>(.*?)</span>", re.S)
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def _attributes(text):
    return dict(ATTRIBUTE.findall(text))


def _number(value):
    return int(value) if value and value.isdigit() else None


def references(html):
    """{"page": {ids}, "organisation": {ids}, "figure": {ids}}: what `html` points to."""
    found = {"page": set(), "organisation": set(), "figure": set()}
    for attributes, _text in LINK.findall(html or ""):
        attrs = _attributes(attributes)
        for kind in ("page", "organisation"):
            if (pk := _number(attrs.get(f"data-{kind}"))) is not None:
                found[kind].add(pk)
    for attributes, _text in FIGURE.findall(html or ""):
        if (pk := _number(_attributes(attributes).get("data-figure"))) is not None:
            found["figure"].add(pk)
    return found


class Rendered:
    """A body ready for visitors: `html` (links and figures resolved) and `sources`, the notes
    [(number, figure)] the figures in the text refer to."""

    def __init__(self, html, sources):
        self.html = html
        self.sources = sources

    def __html__(self):
        return self.html


def render(html, targets, figure_text):
    """The visitor's HTML for a (sanitised) body.

    `targets`: {("page"|"organisation", id): url} of the visible targets; a link to anything
    else (draft, expired, deleted) prints its text without a link. `figure_text(figure)` gives a
    figure's current value and label; `targets[("figure", id)]` is the visible figure. A hidden
    figure drops out, text and all.
    """
    html = sanitize(html)
    sources = []

    def link(match):
        attrs, text = _attributes(match.group(1)), match.group(2)
        for kind in ("page", "organisation"):
            pk = _number(attrs.get(f"data-{kind}"))
            if f"data-{kind}" in attrs:
                url = targets.get((kind, pk))
                return f'<a href="{escape(url)}">{text}</a>' if url else text
        return match.group(0)

    def figure(match):
        pk = _number(_attributes(match.group(1)).get("data-figure"))
        if "data-figure" not in match.group(1):
            return match.group(0)
        figure = targets.get(("figure", pk))
        if figure is None:
            return ""
        number = len(sources) + 1
        sources.append((number, figure))
        note = _("Source %(number)s") % {"number": number}
        return (
            f'<span class="live-figure">{escape(figure_text(figure))}</span>'
            f'<sup><a href="#figure-source-{number}" aria-label="{escape(note)}">{number}</a></sup>'
        )

    html = LINK.sub(link, html)
    html = FIGURE.sub(figure, html)
    return Rendered(html, sources)

"""Rich text (HTML) in translation files: inline markup becomes numbered placeholders, so that
translators never see or edit raw HTML, and cannot break it.

A field is rich text when its model names it in `rich_text_fields` (a tuple of field names).
In a file, its text reads `Read <g id="1">the report</g><x id="2"/>` in XLIFF 1.2 terms: `<g>`
for a pair of tags around text, `<x/>` for a tag on its own (<br>, <img>); `&`, `<` and `>` in
the text are written `&amp;`, `&lt;`, `&gt;`, in PO files as in XLIFF. On the way back every
placeholder of the source must be there once, each as it was (`g` or `x`), and nothing else:
the HTML is rebuilt from the source's own tags and the escaped text, so a translation can carry
no markup the source text did not have.
"""

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from defusedxml import ElementTree
from django.utils.translation import gettext as _

# Tags that never enclose text (HTML's void elements).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class PlaceholderError(ValueError):
    """A translated rich text whose placeholders do not match its source: the message says
    which one, for the translator."""


def is_rich(model, field):
    """True when `field` of `model` holds HTML (the model lists it in `rich_text_fields`)."""
    return field in getattr(model, "rich_text_fields", ())


def escape_text(text):
    """Text as it is written between placeholders: &, < and > escaped."""
    return escape(text, quote=False)


def unescape_text(text):
    """The reverse of `escape_text`, and nothing more."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True)
class Tag:
    """A source tag behind a placeholder: its start tag exactly as written, and its end tag
    (None for a tag on its own)."""

    start: str
    end: str | None


class _ToPlaceholders(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.tags, self.open = [], {}, []

    def _new(self, start, end):
        number = str(len(self.tags) + 1)
        self.tags[number] = Tag(start, end)
        return number

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        if tag in VOID:
            self.parts.append(f'<x id="{self._new(text, None)}"/>')
            return
        number = self._new(text, f"</{tag}>")
        self.open.append((tag, number))
        self.parts.append(f'<g id="{number}">')

    def handle_startendtag(self, tag, attrs):
        self.parts.append(f'<x id="{self._new(self.get_starttag_text(), None)}"/>')

    def handle_endtag(self, tag):
        # Closes the innermost open tag of that name, and any left open inside it.
        names = [name for name, _number in self.open]
        if tag not in names:
            return
        while self.open:
            name, _number = self.open.pop()
            self.parts.append("</g>")
            if name == tag:
                break

    def handle_data(self, data):
        self.parts.append(escape_text(data))

    def finish(self):
        self.close()
        self.parts.extend("</g>" for _ in self.open)
        return "".join(self.parts), self.tags


def to_placeholders(html):
    """(text with placeholders, {id: Tag}) for the HTML `html`. Comments are left out."""
    parser = _ToPlaceholders()
    parser.feed(html or "")
    return parser.finish()


def _parse(text):
    try:
        return ElementTree.fromstring(f"<t>{text}</t>")
    except Exception as error:  # defusedxml raises ParseError or its own refusals
        raise PlaceholderError(
            _("The placeholders are broken (unclosed, or a “<” or “&” written as is): %(error)s")
            % {"error": error}
        ) from error


def from_placeholders(text, tags):
    """The HTML for translated `text`, with the source's `tags` ({id: Tag}) put back.

    Raises PlaceholderError for markup that is not one of the source's placeholders, a
    placeholder missing, repeated or of the wrong kind, or broken syntax."""
    root = _parse(text)
    used = []

    def build(element):
        parts = [escape_text(element.text or "")]
        for child in element:
            name = child.tag.rsplit("}", 1)[-1]
            number = child.get("id")
            tag = tags.get(number)
            if name not in ("g", "x") or tag is None or set(child.attrib) != {"id"}:
                raise PlaceholderError(
                    _("“%(markup)s” is not one of the source text’s placeholders.")
                    % {"markup": name if tag is None else f'{name} id="{number}"'}
                )
            if number in used:
                raise PlaceholderError(
                    _("Placeholder %(id)s appears more than once.") % {"id": number}
                )
            used.append(number)
            if tag.end is None:
                if name != "x" or len(child) or child.text:
                    raise PlaceholderError(
                        _('Placeholder %(id)s stands alone: write it <x id="%(id)s"/>.')
                        % {"id": number}
                    )
                parts.append(tag.start)
            else:
                if name != "g":
                    raise PlaceholderError(
                        _('Placeholder %(id)s encloses text: write it <g id="%(id)s">…</g>.')
                        % {"id": number}
                    )
                parts.extend([tag.start, build(child), tag.end])
            parts.append(escape_text(child.tail or ""))
        return "".join(parts)

    html = build(root)
    missing = [number for number in tags if number not in used]
    if missing:
        raise PlaceholderError(
            _("Placeholders missing: %(ids)s. Keep every placeholder of the source text.")
            % {"ids": ", ".join(missing)}
        )
    return html


def inline_markup(element):
    """The content of an XML element (an XLIFF <source> or <target>) written as placeholder
    text: its text escaped, its child elements as tags without namespace, with only their id.
    Other elements and attributes are kept, for `from_placeholders` to name and refuse."""
    parts = [escape_text(element.text or "")]
    for child in element:
        name = child.tag.rsplit("}", 1)[-1]
        attributes = "".join(
            f' {key.rsplit("}", 1)[-1]}="{escape(value)}"' for key, value in child.attrib.items()
        )
        inner = inline_markup(child)
        if name == "x" and not inner:
            parts.append(f"<x{attributes}/>")
        else:
            parts.append(f"<{name}{attributes}>{inner}</{name}>")
        parts.append(escape_text(child.tail or ""))
    return "".join(parts)


def to_placeholders_like(html, source_tags):
    """A translation's HTML as placeholder text numbered like its source (`source_tags`): each
    of its tags takes the id of the first unused source tag written the same way; a tag the
    source does not have is left out, its text kept."""
    text, own = to_placeholders(html)
    free = dict(source_tags)
    renumbered = {}
    for number, tag in own.items():
        match = next((n for n, t in free.items() if t == tag), None)
        if match is not None:
            renumbered[number] = match
            del free[match]
    return _renumbered(_parse(text), renumbered)


def _renumbered(element, numbers):
    """`inline_markup` of `element` with placeholder ids replaced by `numbers`; placeholders
    not in `numbers` are left out, their text kept."""
    parts = [escape_text(element.text or "")]
    for child in element:
        inner = _renumbered(child, numbers)
        number = numbers.get(child.get("id"))
        if number is None:
            parts.append(inner)
        elif child.tag == "x":
            parts.append(f'<x id="{number}"/>')
        else:
            parts.append(f'<g id="{number}">{inner}</g>')
        parts.append(escape_text(child.tail or ""))
    return "".join(parts)

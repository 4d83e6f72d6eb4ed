"""The text a visitor reads in a rich-text field: its HTML without tags, what search reads."""

import functools
from html.parser import HTMLParser

# Elements that end a line of text: their words never run into the next block's.
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "ul", "ol", "div"}
VOID = {"br", "hr", "img", "wbr"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if self.skipping or any(name == "data-figure" for name, _value in attrs):
            # A live key figure (pages/richtext.py) stores a placeholder, not the text shown:
            # its value is written when the page is rendered.
            self.skipping += tag not in VOID
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


# A search reads a page's text twice or more (its snippet, the fallback) and the same pages
# come back in every search: a few recent texts are kept. Bounded, as texts can be long.
@functools.lru_cache(maxsize=64)
def html_text(html):
    """The text of `html`: tags removed, entities decoded, one line per block (paragraph,
    heading, list item), live figures left out. "<p>L&rsquo;enfant</p><p>Droits</p>" →
    "L’enfant\\nDroits"."""
    parser = _TextParser()
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)

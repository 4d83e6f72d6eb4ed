"""How a search's words match a text, the same on every database engine.

A text and a query are folded alike: lower case (casefold: “ß” → “ss”), accents and ligatures
taken apart (NFKD: “ﬁ” → “fi”, “…” → “...”), every apostrophe the same (’ ≡ '), and cut into
words at anything that is not a letter or a digit, so punctuation is ignored. A query word
matches a word of the text that starts with it: “enf” finds “enfants”, “OIT” never finds
“droits” or “exploitation”. Folding changes lengths, so each folded character remembers the
character of the original text it came from: the snippet marks exactly the matched word.
"""

import functools
import re
import unicodedata

WORD = re.compile(r"\w+")
# Unicode's combining marks (the accents NFKD takes apart), removed at C speed by one regex.
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text):
    """`text` folded for matching, fast (no positions): "L’Été" → "l’ete"."""
    return COMBINING.sub("", unicodedata.normalize("NFKD", text or "")).casefold()


def word_patterns(words):
    """A compiled pattern per folded query word, matching it at the start of a word."""
    return [re.compile(rf"(?<!\w){re.escape(word)}") for word in words]


# Bounded: a text uses few distinct characters, and an attacker's query must not grow it.
@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    if char.isascii():
        return char.lower()  # ASCII: NFKD changes nothing, and casefold is lower
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_with_positions(text, stop=None):
    """(folded text, a sequence of the index in `text` of each folded character); with `stop`,
    only the start of `text` whose folding is at least `stop` characters long."""
    text = text or ""
    end = len(text) if stop is None else min(stop, len(text))
    if text.isascii():
        return text[:end].lower(), range(end)
    head = text[:end]
    if all(len(_fold_char(char)) == 1 for char in set(head)):
        # Most texts fold each character to one (“É” → “e”): the positions are the indexes.
        return fold(head), range(end)
    folded, positions = [], []
    for index, char in enumerate(text):
        if stop is not None and len(folded) >= stop:
            break
        for piece in _fold_char(char):
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


def query_words(query):
    """The folded words of a query: "L’Enfant, OIT!" → ["l", "enfant", "oit"]."""
    return WORD.findall(fold_with_positions(query)[0])


def find_word(text, word):
    """(start, end) in `text` of the first word starting with the folded `word`, or None.

    The span covers the whole original word, combining accents that follow it included.
    """
    quick = re.search(rf"(?<!\w){re.escape(word)}\w*", fold(text))
    if quick is None:
        return None  # most texts tried hold no such word: no positions to work out
    # Positions only as far as the word found and the character after it: a long text's
    # snippet costs its start, not its length. The whole text if `fold` disagreed.
    return _find_in(text, word, quick.end() + 1) or _find_in(text, word, None)


def _find_in(text, word, stop):
    folded, positions = fold_with_positions(text, stop)
    for token in WORD.finditer(folded):
        if token.group().startswith(word):
            start, end = positions[token.start()], positions[token.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            return start, end
    return None


def has_word(folded, pattern, exact=False):
    """Whether a word of the folded text starts with (or, `exact`, is) the pattern's word."""
    if exact:
        pattern = re.compile(rf"{pattern.pattern}(?!\w)")
    return pattern.search(folded) is not None

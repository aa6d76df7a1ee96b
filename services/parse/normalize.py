"""Text normalisation: one canonical form of whitespace and invisible characters.

Every format (plain, HTML, Markdown) ends up here before any structure is read,
so the later modules can assume ``\\n`` line ends, ordinary spaces and no
invisible characters. Curly quotes stay in the text (they are the producer's
typography) but :func:`fold_for_matching` folds them when comparing strings.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Zero-width and formatting characters that producers' editors leave behind
# (ZWJ inside headings, BOMs in the middle of pasted text, soft hyphens).
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        # the bidi isolates too: with the overrides they can reorder a headline as a reader
        # sees it ("Trojan Source"), found by the hostile corpus (tests/support/hostile.py)
        "\u2066\u2067\u2068\u2069",
    ),
    None,
)
# Every Unicode space separator (NBSP, thin space, ideographic space...) and tab
# becomes one ordinary space; vertical separators become line ends.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# C0/C1 control characters other than the line end: never text.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_RUN_OF_SPACES = re.compile(r" {2,}")

_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


def normalize_text(text: str) -> str:
    """Line ends to ``\\n``, odd spaces to spaces, invisible and control characters removed.

    Runs of spaces are *kept* here: some archives join paragraphs with two or
    three spaces, and :mod:`services.parse.blocks` needs them to rebuild breaks.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text)
    text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    return _CONTROLS.sub("", text)


# A complete character reference ("&amp;", "&#8217;", "&#x2019;"); a bare "&" or "&amp"
# without its semicolon stays as written.
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def decode_character_references(text: str) -> str:
    """HTML character references in a body sent as plain text ("Q&amp;A"), as the characters
    they stand for: a CMS escaped them on the way out, and a reader never means them."""
    return _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text)


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces and trim; for text whose layout has been read already."""
    return _RUN_OF_SPACES.sub(" ", text).strip()


def fold_for_matching(text: str) -> str:
    """Straight quotes and hyphens, single spaces, case-folded: for comparisons only."""
    return squash_spaces(text.translate(_QUOTE_FOLD)).casefold()

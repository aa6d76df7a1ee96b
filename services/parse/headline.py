"""Headline (first heading or first line) and subheadline (a short title-style line after it)."""

from __future__ import annotations

import re

from .blocks import UNDER_HEADING, Block

_MAX_HEADLINE = 300
_MAX_SUBHEADLINE = 320
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
        "over",
        "de",
        "la",
        "el",
        "y",
        "en",
        "le",
        "les",
        "et",
        "du",
        "des",
        "der",
        "die",
        "das",
        "und",
        "von",
        "für",
        "il",
        "di",
        "e",
        "o",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]$")


def is_title_style(text: str) -> bool:
    """Most words capitalised, as in "Acme Opens New Plant in Ohio"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if w.lower() not in _MINOR_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


def first_sentence(text: str, limit: int = 200) -> str:
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)
    sentence = text[: match.start()] if match else text
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def take_headline(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The headline and the blocks after it (the headline's own line removed)."""
    for index, block in enumerate(blocks):
        if not block.lines or block.rule:
            continue
        first = block.lines[0]
        if block.heading or len(first) <= _MAX_HEADLINE:
            lines = list(block.lines)
            # A headline wrapped onto the next line goes on in lower case ("… raises €5m
            # / for seed startups"): no paragraph, subheadline or dateline starts so.
            while len(lines) > 1 and _continues(lines[0], lines[1]):
                lines[0:2] = [f"{lines[0].rstrip()} {lines[1].strip()}"]
            first = lines[0]
            rest = blocks[index + 1 :]
            if len(lines) > 1:
                rest = [Block(lines[1:]), *rest]
            elif (
                rest
                and _plain(rest[0])
                and (_continues(first, rest[0].lines[0]) or _heading_tail(first, rest[0]))
                and not _BYLINE.fullmatch(rest[0].lines[0].strip())
            ):
                # A Markdown heading is one line; its wrapped tail lands in the next block.
                first = f"{first.rstrip()} {rest[0].lines[0].strip()}"
                tail = rest[0].lines[1:]
                rest = [Block(tail), *rest[1:]] if tail else rest[1:]
            return first.strip(), rest
        # No headline line: the first sentence stands in, and the text stays body.
        return first_sentence(first), blocks[index:]
    return None, []


# A paragraph of its own under the heading that only names its writer ("by Jane Roe Acme
# News") is a byline, not the heading's wrapped tail.
_BYLINE = re.compile(r"[Bb]y[ ][A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){1,4}")


def _plain(block: Block) -> bool:
    return bool(block.lines) and not (
        block.heading or block.bullet or block.rule or block.end_marker or block.linky
    )


def _continues(line: str, following: str) -> bool:
    """The next line goes on with the headline: it starts in lower case, or the headline
    stops on a word no headline ends with ("… DONATION FROM / TARA MANUFACTURING") or on a
    comma before "and" ("… JANE ROE, / AND ANN LEE ...")."""
    nxt = following.strip()
    words = line.split()
    dangling = bool(words) and words[-1].lower() in _DANGLING
    # "… ADDS JANE ROE, TOM POE, / AND ANN LEE TO THE CAST": a list that goes on.
    if words and line.rstrip().endswith(",") and nxt.split()[:1]:
        dangling = dangling or nxt.split()[0].lower() in ("and", "or", "&", "with", "plus")
    return (
        bool(nxt)
        and (nxt[0].islower() or dangling)
        and not _SENTENCE_END.search(line.rstrip())
        and len(line) + len(nxt) < _MAX_HEADLINE
    )


def _heading_tail(heading: str, block: Block) -> bool:
    """ "# Acme Opens with Leading" then, with no blank line, "Global CEO Panel": a few
    title-style words with no full stop, right under the heading, are its wrapped tail."""
    tail = block.lines[0].strip()
    return (
        block.extras.get(UNDER_HEADING) == "1"
        and len(block.lines) == 1
        and len(tail.split()) <= 5
        and is_title_style(tail)
        and not _SENTENCE_END.search(tail)
        and not _SENTENCE_END.search(heading.rstrip())
        and len(heading) + len(tail) < _MAX_HEADLINE
    )


# Words that join a phrase to what follows: a line ending in one was cut, not finished.
_DANGLING = frozenset(
    {"a", "an", "the", "of", "for", "from", "to", "and", "or", "with", "by", "in", "on", "at"}
    | {"as", "into", "onto", "about", "its", "their", "our", "&"}
)


def is_subheadline(block: Block, next_is_dateline: bool) -> bool:
    """A short single line between headline and text: title style, a heading, or just before
    the dateline (where nothing but a subheadline sits)."""
    if block.bullet or block.end_marker or len(block.lines) != 1:
        return False
    text = block.text
    if len(text) > _MAX_SUBHEADLINE or len(text.split()) < 3:
        return False
    if block.heading:
        return True
    if next_is_dateline:
        return not _SENTENCE_END.search(text) or len(text) <= 200
    return is_title_style(text) and not _SENTENCE_END.search(text)

"""Entry point of the parse core (pure: no Redis, Celery, clock or environment).

The stages of reading one release, each in its own module:

    body ──html/markdown──> light Markdown ──normalize──> text
         ──furniture──> (counter line dropped, channels footer read)
         ──blocks──> blocks ──headline──> headline, subheadline
         ──dateline──> dateline, first paragraph
         ──sections──> body / about / disclaimers / contacts
         ──quotes, contacts, language──> ParsedRelease
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from pydantic import ValidationError

from shared.errors import ParseError
from shared.models import ContentType, Dateline, ParsedRelease, Submission
from shared.taxonomy import DEFAULT_PATH as DEFAULT_TAXONOMY_PATH
from shared.taxonomy import load_taxonomy

from . import contacts as contacts_mod
from .blocks import Block, split_blocks, strip_trailing_footer
from .dateline import read_dateline
from .headline import is_subheadline, take_headline
from .html import html_to_text, looks_like_html
from .language import detect_language
from .markdown import markdown_to_text
from .normalize import (
    decode_character_references,
    fold_for_matching,
    normalize_text,
    squash_spaces,
)
from .quotes import find_quotes
from .sections import split_sections

# "There were 486 press releases posted in the last 24 hours and 166,136 in the last 365 days."
_COUNTER = re.compile(
    r"^[^\S\n]*There were [\d,.]+ press releases? posted in the last 24 hours and [\d,.]+ in "
    r"the last 365 days\.?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CHANNELS_FOOTER = re.compile(
    r"^[^\S\n]*Distribution channels?\s*:\s*(?P<names>.*?)[^\S\n]*$", re.I | re.M
)
_WORD = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
# How many blocks after the headline may hold the subheadline and dateline.
_DATELINE_LOOKAHEAD = 3
_LEADING_BULLETS = 12
_MAX_BODY_CHARS = 2_000_000


def _to_text(submission: Submission) -> str:
    body = submission.body
    if len(body) > _MAX_BODY_CHARS:
        raise ParseError(f"body is longer than {_MAX_BODY_CHARS} characters")
    if submission.content_type == ContentType.HTML or (
        submission.content_type == ContentType.PLAIN and looks_like_html(body)
    ):
        body = html_to_text(body)
    elif submission.content_type == ContentType.MARKDOWN:
        body = markdown_to_text(body)
    else:  # HTML and Markdown were decoded by their readers
        body = decode_character_references(body)
    return normalize_text(body)


@lru_cache(maxsize=1)
def _names_with_commas() -> frozenset[str]:
    # The shipped taxonomy's file, by path: parsing reads no environment.
    taxonomy = load_taxonomy(str(DEFAULT_TAXONOMY_PATH))
    return frozenset(c.name.casefold() for c in taxonomy.channels.values() if "," in c.name)


def split_channel_names(names: str, with_commas: Collection[str]) -> list[str]:
    """A footer's channel list, split at commas, semicolons and bars, except where
    comma-separated parts together spell a channel whose name has commas in it
    ("Banking, Finance & Investment Industry"): the longest such run stays one name.
    ``with_commas`` holds those names, casefolded."""
    pieces = re.split(r"([,;|])", names)
    parts = [p.strip(" .") for p in pieces[0::2]]
    separators = pieces[1::2]
    out: list[str] = []
    i = 0
    while i < len(parts):
        end = i
        for j in range(len(parts) - 1, i, -1):
            joined = ", ".join(parts[i : j + 1]).casefold()
            if all(sep == "," for sep in separators[i:j]) and joined in with_commas:
                end = j
                break
        out.append(", ".join(parts[i : end + 1]))
        i = end + 1
    return [name for name in out if name]


def _take_channels(text: str) -> tuple[str, list[str]]:
    channels: list[str] = []
    for match in _CHANNELS_FOOTER.finditer(text):
        channels.extend(split_channel_names(match.group("names"), _names_with_commas()))
    return _CHANNELS_FOOTER.sub("", text), channels


def _merge_channels(declared: list[str], footer: list[str]) -> list[str]:
    merged: list[str] = []
    seen: set[str] = set()
    for name in [*declared, *footer]:
        name = squash_spaces(name)
        if name and name.casefold() not in seen and len(name) <= 200:
            seen.add(name.casefold())
            merged.append(name)
    return merged


def _find_dateline(blocks: list[Block]) -> tuple[Dateline, int, str | None] | None:
    """The dateline among the first blocks: (dateline, block index, text after it). Bullet
    items before it (a reposted release's highlights, one block each) do not use up the
    look-ahead, up to ``_LEADING_BULLETS`` of them."""
    looked = bullets = 0
    wire_only: tuple[Dateline, int, str | None] | None = None
    # A block read as a place alone, with no date and no wire, may be a subheading in Title
    # Case ("The Event Kicks-Off Tomorrow February 26th ..."): kept only if no later block
    # holds a dateline with its date or wire.
    undated: tuple[Dateline, int, str | None] | None = None
    for index, block in enumerate(blocks):
        if block.bullet:
            bullets += 1
            if bullets > _LEADING_BULLETS:
                return wire_only or undated
            continue
        looked += 1
        if looked > _DATELINE_LOOKAHEAD:
            return wire_only or undated
        if not block.lines or block.heading:
            continue
        found = read_dateline(block.text)
        if found is None:
            continue
        dateline, rest = found
        if _only_a_wire(found):
            # "--News Direct--" on its own line: the wire's mark; the dateline with its city
            # and date may follow ("Sydney, April 1, 2024 – (X) —").
            wire_only = wire_only or (dateline, index, None)
            continue
        if wire_only and not dateline.wire:
            dateline = dateline.model_copy(update={"wire": wire_only[0].wire})
        if dateline.date is None and dateline.wire is None and wire_only is None:
            undated = undated or (dateline, index, rest or None)
            continue
        return dateline, index, rest or None
    return wire_only or undated


def _only_a_wire(found: tuple[Dateline, str]) -> bool:
    """A dateline that names only the wire, with nothing after it ("--News Direct--")."""
    dateline, rest = found
    return not (rest or dateline.city or dateline.date)


def _is_wire_mark(block: Block) -> bool:
    """A line that is only a wire's name."""
    found = read_dateline(block.text) if block.lines and not block.heading else None
    return found is not None and _only_a_wire(found)


def _paragraph(block: Block) -> str:
    text = block.text
    return f"- {text}" if block.bullet else text


def _word_count(paragraphs: list[str]) -> int:
    return sum(len(_WORD.findall(p)) for p in paragraphs)


def read_release(release_id: str, submission: Submission) -> ParsedRelease:
    """The parse itself; :func:`parse_submission` is the public, exception-safe entry."""
    text = _to_text(submission)
    text = _COUNTER.sub("", text)
    text, footer_channels = _take_channels(text)
    blocks = strip_trailing_footer(split_blocks(text))
    if not any(b.lines for b in blocks):
        raise ParseError("no readable text in the body")

    headline: str | None
    if submission.headline:
        headline = squash_spaces(normalize_text(submission.headline))
        first = next((b for b in blocks if b.lines), None)
        if first is not None and fold_for_matching(first.lines[0]) == fold_for_matching(headline):
            _, blocks = take_headline(blocks)
    else:
        headline, blocks = take_headline(blocks)
    if not headline:
        raise ParseError("no headline: the body holds no line of text")

    subheadline: str | None = None
    dateline = Dateline()
    found = _find_dateline(blocks)
    if found is not None:
        dateline, index, rest = found
        before = [b for b in blocks[:index] if b.lines and not _is_wire_mark(b)]
        if before and is_subheadline(before[0], next_is_dateline=len(before) == 1):
            subheadline = before[0].text
            before = before[1:]
        after = [Block([rest])] if rest else []
        blocks = [*before, *after, *blocks[index + 1 :]]
    else:
        lead = next((i for i, b in enumerate(blocks) if b.lines), None)
        if lead is not None and len(blocks) > lead + 1 and is_subheadline(blocks[lead], False):
            subheadline = blocks[lead].text
            blocks = blocks[lead + 1 :]

    sections = split_sections(blocks)
    credit_names: list[str] = []
    credit_lines: list[str] = []
    paragraphs: list[str] = []
    for block in sections.body:
        credit = contacts_mod.follow_line(block.text)
        if credit:
            # A credit line: its handle and name are contacts, it is not news.
            credit_names.append(credit.group("name"))
            credit_lines.append(block.text)
            continue
        paragraphs.append(_paragraph(block))

    all_text = "\n".join([*paragraphs, *sections.about, *sections.contacts, *credit_lines])
    contacts = contacts_mod.extract_contacts(sections.contacts, all_text, credit_names)
    language = submission.language or detect_language(
        "\n".join([headline, *paragraphs]) if paragraphs else headline
    )
    return ParsedRelease(
        id=release_id,
        headline=headline,
        subheadline=subheadline,
        dateline=dateline,
        paragraphs=paragraphs,
        quotes=find_quotes(paragraphs),
        contacts=contacts,
        about=sections.about,
        disclaimers=sections.disclaimers,
        channels=_merge_channels(submission.channels, footer_channels),
        language=language,
        word_count=_word_count(paragraphs),
    )


def parse_submission(release_id: str, submission: Submission) -> ParsedRelease:
    """Read a submission into a ParsedRelease. Raises ``shared.errors.ParseError`` only.

    The property tests drive :func:`read_release` itself with arbitrary text and
    HTML; the net below only guarantees the contract to the adapters should a
    library raise something unforeseen.
    """
    try:
        return read_release(release_id, submission)
    except ParseError:
        raise
    except (ValidationError, ValueError, LookupError, TypeError, RecursionError) as exc:
        raise ParseError(f"unreadable release ({type(exc).__name__})") from exc

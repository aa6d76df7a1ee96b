"""Plain text (and the light Markdown that html/markdown produce) to blocks.

A block is what a reader sees as one unit: a paragraph, a heading, one list
item, or a short multi-line group such as a contact block. Paragraph breaks
that archives lost (paragraphs joined by runs of spaces, or one paragraph per
line with no blank lines between them) are rebuilt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .normalize import squash_spaces


@dataclass
class Block:
    lines: list[str]
    heading: bool = False
    bullet: bool = False
    # Every line was only links, images or share furniture (archive footers).
    linky: bool = False
    end_marker: bool = False
    rule: bool = False
    extras: dict[str, str] = field(default_factory=dict)

    @cached_property
    def text(self) -> str:
        return squash_spaces(" ".join(self.lines))


# ``Block.extras`` key: the block's first line came right under a heading, no blank line.
UNDER_HEADING = "under_heading"
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:(?:[-–*+•·▪●◦‣■□➢➤✓✔]|\d{1,2}[.)])\s+)+(?=\S)")
_RULE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
# End-of-release markers used by wires in several languages.
_END_MARKER = re.compile(
    r"^\s*(?:#\s*#\s*#(?:\s*#)*|[-–—]*\s*30\s*[-–—]+|[-–—]+\s*(?:fin|ends?|fim|ende)\s*[-–—]+"
    r"|(?:ENDS|FIN|FIM)\.?|\*\s*\*\s*\*\s*(?:END|ENDS)?)\s*$",
    re.IGNORECASE,
)
# Inline Markdown. Each part that runs on stops at the next place a match could start (an
# opening bracket, "<", the bold marker): otherwise a line of thousands of unclosed openings
# ("[[[[…", "![a](![a](…", "**a **a …") is rescanned from every opening, quadratic.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\[\n]*\)")
_GLUED_AFTER_LINK = re.compile(r"(?<=\))(?=[A-Z])")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^)\s\[]*)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Lines that a wire or an archive adds around a release and that are not news.
_FURNITURE = re.compile(
    r"^(?:pickup\s*[-–:]|view (?:the )?(?:source|original)(?: version| release)? (?:on|at)\b"
    r"|(?:the post .{0,400} )?(?:appeared|first appeared) (?:first )?on\b"
    r"|originally published (?:on|at)\b|source:\s*https?://|\[?reddit post\b"
    r"|(?:newsramp\.com )?tldr\b|original/source press release\b|blockchain registration\b)",
    re.IGNORECASE,
)
_SHARE_ONLY = re.compile(
    r"^[\s\-–—|:•·,]*(?:(?:share|tweet|email|print|pickup)\b[\s\-–—|:•·,]*)*$", re.I
)
# Inline HTML an editor left in plain text ('<span class="bookmark"></span> ACME, Texas —').
_INLINE_TAG = re.compile(r"</?(?:span|font|b|i|u|em|strong|small|sup|sub|br)\b[^<>]{0,400}>", re.I)
_RUNS = re.compile(r"(?<=\S) {2,}(?=\S)")
_ABOUT_GLUED = re.compile(r"(?<=[a-z0-9)][.!?])(?=About [A-Z])")
_SENTENCE_GAP = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")
_LONG_LINE = 100


def _strip_inline_markdown(line: str) -> tuple[str, bool]:
    """Drop images, inline HTML tags and an ad's script, keep link texts, unwrap bold; report
    whether the line was only links."""
    line = _INLINE_TAG.sub("", line) if "<" in line else line
    line = strip_script(line) if "(" in line else line
    without_links = _URL.sub("", _LINK.sub("", _IMAGE.sub("", _AUTOLINK.sub("", line))))
    had_link = without_links != line
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1) if m.group(1).strip() else m.group(2), line)
    # Links glued to the next label ("[url](url)Facebook: ...") lose the space between.
    line = _GLUED_AFTER_LINK.sub(" ", line) if "](" in line else line
    line = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), line)
    line = _BOLD.sub(r"\2", line)
    linky = had_link and bool(_SHARE_ONLY.match(without_links.replace("Pickup", "")))
    return line, linky


def _is_typewriter_spacing(line: str) -> bool:
    """Two spaces after every sentence (old typing habit) is not a lost paragraph break."""
    runs = list(_RUNS.finditer(line))
    if not runs:
        return True
    if any(len(r.group()) >= 3 for r in runs):
        return False
    after_sentence = sum(1 for r in runs if line[r.start() - 1] in '.!?"”’)')
    sentences = len(_SENTENCE_GAP.findall(line))
    return after_sentence == len(runs) and len(runs) >= 0.8 * max(sentences, 1)


# A heading's words: capitalised (or in capitals), the small words a title leaves in lower
# case, dashes and a bracketed short form.
_HEADING_WORD = re.compile(
    r"(?:[A-Z0-9][\w’'&.,:-]*|of|and|the|in|into|for|to|a|an|on|with|at|by|from|vs\.?|&|[-–—]"
    r"|\([A-Z][\w&.-]*\))$"
)
# Where a lost line break glued a heading's last word to the paragraph's first: "Data
# CentersAs AI adoption", "ABOUT ACME CAPITALAcme Capital is", "Miners ETFThe growing".
_GLUE_POINT = re.compile(
    r"(?<![\w’'-])(?P<left>[A-Z][a-z]{3,}|[A-Z]{2,}|\([A-Z][\w&.-]*\))"
    r"(?P<right>(?:[A-Z][a-z]+)+)(?=[\s,:;])"
)
_LOWER_WORD = re.compile(r"[a-z][\w’'-]*$")


def split_glued_heading(line: str, text: str) -> tuple[str, str] | None:
    """(heading, paragraph) where a lost line break glued a heading in title case or capitals
    (three or more words, or two opening with "About") to the paragraph under it; None
    otherwise. A glued word that occurs again in ``text`` is a brand in camel case
    ("SafeRide"), not a glue; prose must follow (small words in lower case)."""
    found = None
    # The last glue point before the prose: a brand in camel case may come earlier in the
    # heading ("Quarn’s Unique MemeFi ApproachThe project").
    for m in _GLUE_POINT.finditer(line, 0, 400):
        words = line[: m.start("right")].split()
        if not all(_HEADING_WORD.match(w) for w in words):
            break
        about = words[0].casefold() == "about"
        if len(words) < (2 if about else 3) or text.count(m.group()) > 1:
            continue
        after = line[m.start("right") :].split()[1:11]
        if sum(1 for w in after if _LOWER_WORD.match(w)) >= 2:
            found = line[: m.start("right")].rstrip(), line[m.start("right") :]
    return found


def split_lost_breaks(line: str) -> list[str]:
    """Paragraphs an archive joined with runs of spaces, or with nothing at all before an
    "About" heading ("... and mobile.About Acme"), split again."""
    parts = _ABOUT_GLUED.split(line)
    if len(parts) > 1:
        return [p for part in parts for p in split_lost_breaks(part)]
    if len(line) < 200 or _is_typewriter_spacing(line):
        return [line]
    return [part for part in _RUNS.split(line) if part.strip()]


def _is_wrapped_prose(lines: list[str]) -> bool:
    """Hard-wrapped lines of one paragraph (as opposed to an address or contact block)."""
    if len(lines) < 2:
        return False
    long_enough = sum(1 for line in lines[:-1] if len(line) >= 45)
    return long_enough >= 0.7 * (len(lines) - 1)


def split_blocks(text: str) -> list[Block]:
    """Blocks of normalised text, in order; blank lines and structure decide the breaks."""
    groups: list[list[str]] = [[]]
    for raw in text.split("\n"):
        if raw.strip():
            groups[-1].append(raw)
        elif groups[-1]:
            groups.append([])
    blocks: list[Block] = []
    for group in groups:
        if not group:
            continue
        pending: list[str] = []
        pending_linky = True
        pending_after_heading = last_was_heading = False

        def flush() -> None:
            nonlocal pending, pending_linky, pending_after_heading
            if not pending:
                return
            first = len(blocks)
            if _is_wrapped_prose(pending) and max(map(len, pending)) <= _LONG_LINE * 1.2:
                blocks.append(Block([squash_spaces(" ".join(pending))], linky=pending_linky))
            elif max(map(len, pending)) > _LONG_LINE:
                # Long unwrapped lines: every line end is a paragraph end.
                blocks.extend(Block([line]) for line in pending)
            else:
                blocks.append(Block(pending, linky=pending_linky))
            if first and blocks[first - 1].heading and pending_after_heading:
                # No blank line between: the line may be the heading's wrapped tail.
                blocks[first].extras[UNDER_HEADING] = "1"
            pending, pending_linky, pending_after_heading = [], True, False

        for raw in group:
            if _END_MARKER.match(raw):
                flush()
                blocks.append(Block([raw.strip()], end_marker=True))
                continue
            if _RULE.match(raw):
                flush()
                blocks.append(Block([], rule=True))
                continue
            heading = _HEADING.match(raw)
            line, linky = _strip_inline_markdown(heading.group(2) if heading else raw)
            if not line.strip():
                if linky:
                    blocks.append(Block([], linky=True))
                continue
            if heading:
                flush()
                blocks.append(Block([squash_spaces(line)], heading=True, linky=linky))
                last_was_heading = True
                continue
            after_heading, last_was_heading = last_was_heading, False
            bullet = _BULLET.match(line)
            if bullet:
                flush()
                item = squash_spaces(line[bullet.end() :])
                blocks.append(Block([item], bullet=True, linky=linky))
                continue
            parts = split_lost_breaks(line.strip())
            if len(parts) > 1 or split_glued_heading(parts[0], text):
                flush()
                for part in parts:
                    if glued := split_glued_heading(part, text):
                        blocks.append(Block([squash_spaces(glued[0])], heading=True))
                        part = glued[1]
                    blocks.append(Block([squash_spaces(part)]))
                continue
            if not pending:
                pending_after_heading = after_heading
            pending.append(squash_spaces(line))
            pending_linky = pending_linky and linky
        flush()
    return [b for b in blocks if b.lines or b.rule or b.end_marker or b.linky]


# Words of a web page's script ("var AdQuarn = AdQuarn || {}; document.write(...)").
_SCRIPT_TOKEN = re.compile(
    r"\bdocument\.\w|\bwindow\.\w|\bfunction\s*\(|\bvar\s+\w+\s*=|\}\s*\)\s*;|\.push\(|\|\|\s*\{\}"
)
# Where the script ends and prose resumes: a closing brace or semicolon, then a capital or a
# quote opening a sentence.
_SCRIPT_END = re.compile(r"[;}]\s+(?=[“\"]?[A-Z])")


def strip_script(line: str) -> str:
    """A line without the ad script pasted at its start (three or more script tokens): the
    prose after the script's last statement, or nothing."""
    tokens = list(_SCRIPT_TOKEN.finditer(line))
    if len(tokens) < 3:
        return line
    end = _SCRIPT_END.search(line, tokens[-1].end() - 1)
    return line[end.end() :] if end else ""


def is_furniture(block: Block) -> bool:
    """Republication lines and share/archive links: never part of a release."""
    if block.linky:
        return True
    return bool(block.lines) and all(_FURNITURE.match(line.strip()) for line in block.lines)


def strip_trailing_footer(blocks: list[Block]) -> list[Block]:
    """Drop an archive footer: rules, link lists and republication lines at the end."""
    end = len(blocks)
    while end > 0 and (blocks[end - 1].rule or is_furniture(blocks[end - 1])):
        end -= 1
    return [b for b in blocks[:end] if not is_furniture(b)]

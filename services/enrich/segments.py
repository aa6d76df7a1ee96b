"""The text the tagger reads, assembled from a parsed release's parts.

One string per release (so spaCy runs once per release, batched), made of sections in a fixed
order: headline, subheadline, body (``body_text``, or its start, so body offsets translate by a
constant), about (boilerplate), disclaimers. Each section has a weight for relevance and routing.
Dateline places and contact names are structured already and are added by ``core`` directly.

Bounded: the tagger's cost grows with the text (spaCy's NER takes ~15-35 ms per 1,000
characters on the 2-core bench machine, ~30 s for a 1 MB body), while a wire release is rarely
over 3,000 words (~20,000 characters; the longest in the labelled sets has 5,500). Only the
first ``MAX_BODY_CHARS`` of the body, ``MAX_BOILERPLATE_CHARS`` of about and disclaimers
together and ``MAX_TITLE_CHARS`` of the headline and of the subheadline are tagged; the rest
is delivered untagged, and ``Layout.truncated`` (``EnrichedRelease.truncated``) says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.models import ParsedRelease

SEPARATOR = "\n\n"
MAX_BODY_CHARS = 50_000
MAX_BOILERPLATE_CHARS = 20_000
MAX_TITLE_CHARS = 1_000

# How much a mention in each section says about what the release is about.
SECTION_WEIGHTS = {
    "headline": 3.0,
    "subheadline": 2.0,
    "dateline": 1.5,
    "lede": 2.0,
    "body": 1.0,
    "about": 0.4,
    "disclaimers": 0.1,
    "contacts": 0.3,
}
BOILERPLATE = frozenset({"about", "disclaimers", "contacts"})
ABOUT_OPENING = re.compile(r"^(?:About|ABOUT|Acerca de|À propos de|A propos de|Sobre|Über) ")
HEADER_THEN_PAREN = re.compile(r"^([^\n]{2,100}?\([^()\n]{1,24}\))(?=[A-Z][a-z])")
# "About Quarn Pharmaceuticals Quarn is ...": a Title Case heading, then the paragraph opening
# with the heading's first word (the short name).
# "About Quarn FoundationSince 2001, ...": a heading glued to its paragraph's first word.
HEADER_GLUED_TO_OPENER = re.compile(
    r"^([^\n]{2,80}?[a-z0-9™®)])(?=(?:Since|Headquartered|Founded|Based|Established|Located"
    r"|The|With|For|As|Our|We|In|At|Today)\b)"
)
HEADER_THEN_SHORT_NAME = re.compile(
    r"^((\w[\w.&-]*)(?:[ ](?!The[ ])[A-Z][\w.&,-]*){1,5})[ ](?=\2(?:[ ]|['’]s[ ]|,))"
)
# A paragraph's usual first words after an "About" heading.
OPENER = re.compile(
    r"(?:Since|Headquartered|Co-headquartered|Founded|Based|Established|Located|Created"
    r"|Launched|With|For|As|Our|We|In|At|Today|Incorporated|Formed)\b"
)
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")


@dataclass(frozen=True)
class Section:
    name: str
    start: int  # in the analysis text
    end: int


@dataclass(frozen=True)
class Layout:
    text: str
    sections: tuple[Section, ...]
    body_start: int  # analysis offset of body_text[0]
    body_end: int
    lede_end: int  # analysis offset where the first body paragraph ends
    truncated: bool = False  # a part was longer than its bound and only its start is here

    def section_at(self, offset: int) -> str:
        for section in self.sections:
            if section.start <= offset < section.end:
                if section.name == "body" and offset < self.lede_end:
                    return "lede"
                return section.name
        return "body"

    def body_offset(self, offset: int) -> int | None:
        """The ``body_text`` offset of an analysis offset, or None outside the body."""
        if self.body_start <= offset < self.body_end:
            return offset - self.body_start
        return None


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, ending at a space when one is near."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", max(0, limit - 200), limit + 1)
    return text[: space if space > 0 else limit].rstrip()


def layout(release: ParsedRelease) -> Layout:
    whole: list[tuple[str, str]] = [("headline", release.headline)]
    if release.subheadline:
        whole.append(("subheadline", release.subheadline))
    whole.append(("body", release.body_text))
    whole.extend(("about", a) for a in release.about if a.strip())
    whole.extend(("disclaimers", d) for d in release.disclaimers if d.strip())

    parts: list[tuple[str, str]] = []
    truncated = False
    boilerplate_left = MAX_BOILERPLATE_CHARS
    for name, text in whole:
        if name in BOILERPLATE:
            kept = cut(text, boilerplate_left) if boilerplate_left > 0 else ""
            boilerplate_left -= len(kept)
        else:
            kept = cut(text, MAX_BODY_CHARS if name == "body" else MAX_TITLE_CHARS)
        truncated = truncated or len(kept) < len(text)
        if kept or name not in BOILERPLATE:
            parts.append((name, split_about_header(kept) if name == "about" else kept))

    chunks: list[str] = []
    sections: list[Section] = []
    cursor = 0
    body_start = body_end = 0
    for name, text in parts:
        if chunks:
            chunks.append(SEPARATOR)
            cursor += len(SEPARATOR)
        chunks.append(text)
        sections.append(Section(name, cursor, cursor + len(text)))
        if name == "body":
            body_start, body_end = cursor, cursor + len(text)
        cursor += len(text)
    first = release.paragraphs[0] if release.paragraphs else ""
    lede_end = body_start + min(len(first), body_end - body_start)
    return Layout("".join(chunks), tuple(sections), body_start, body_end, lede_end, truncated)


def split_about_header(text: str) -> str:
    """Put an "About X" heading that upstream ran into its paragraph back on its own line:
    "About AcmeAcme Labs is ..." and "About Acme Ltd (ACM.L)Founded in ..." (only the
    analysis text changes: about sections carry no offsets)."""
    m = ABOUT_OPENING.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    line = rest.split("\n", 1)[0]
    for n in range(3, min(100, len(line) // 2) + 1):
        if (
            line.startswith(line[:n], n)
            and line[n - 1] not in " \t"
            and (line[n].isupper() or line[n].isdigit())
        ):
            return f"{text[: m.end() + n]}\n{text[m.end() + n :]}"
    if p := HEADER_THEN_PAREN.match(rest):
        return f"{text[: m.end() + p.end()]}\n{text[m.end() + p.end() :]}"
    # Only a line that runs on as a paragraph: "About TheraWith Labs" alone is a heading.
    if len(line) >= 80 and (g := HEADER_GLUED_TO_OPENER.match(line)):
        return f"{text[: m.end() + g.end(1)]}\n{text[m.end() + g.end(1) :]}"
    if r := HEADER_THEN_SHORT_NAME.match(rest):
        return f"{text[: m.end() + r.end(1)]}\n{text[m.end() + r.end(1) + 1 :]}"
    if (end := restated_heading(line)) is not None:
        return f"{text[: m.end() + end]}\n{text[m.end() + end :].lstrip(' ')}"
    return text


def restated_heading(line: str, most_words: int = 12) -> int | None:
    """Where a heading run into its paragraph ends, when the paragraph restates it: "Acme
    Acme Energy makes ...", "Quarn Federation The Quarn Federation is ...", "QDA Quarn
    Development Authority (QDA) is ...", "Acme Cleaning Established in 2011, Acme Cleaning
    is ...", "City of Quarn Parks Department The Parks Department was ...". The longest
    such heading of Title Case words wins; None if the paragraph does not restate one."""
    words = list(re.finditer(r"\S+", line[:400]))
    best = None
    for n in range(1, min(most_words, len(words) - 1) + 1):
        heading = line[words[0].start() : words[n - 1].end()]
        last = words[n - 1].group()
        title = heading.removeprefix("the ")
        if not title[:1].isupper() or not (last[:1].isupper() or last[:1].isdigit()):
            continue
        if re.search(r"[.!?:;]\s", heading):
            break
        rest = line[words[n].start() :]
        opening = rest.removeprefix("The ").removeprefix("the ")
        heading_words = [w.group() for w in words[:n]]
        if (
            re.match(rf"{re.escape(heading)}(?:[ ,]|['’]s[ ])", opening)
            # "Acme Cleaning Established in 2011, Acme Cleaning is"
            or (OPENER.match(rest) and re.search(rf"(?<!\w){re.escape(heading)}(?!\w)", rest[:160]))
            # "QDA Quarn Development Authority (QDA) is"
            or (ACRONYM.fullmatch(heading) and f"({heading})" in rest[:200] and rest[:1].isupper())
            # "The Parks Department" restating "City of Quarn Parks Department": its end.
            or any(opening.startswith(" ".join(heading_words[i:]) + " ") for i in range(1, n - 1))
        ):
            best = words[n - 1].end()
    return best

"""The text the tagger reads, assembled from a parsed release's parts.

One string per release (so spaCy runs once per release, batched), made of sections in a fixed
order: headline, subheadline, body (exactly ``body_text``, so body offsets translate by a
constant), about (boilerplate), disclaimers. Each section has a weight for relevance and routing.
Dateline places and contact names are structured already and are added by ``core`` directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.models import ParsedRelease

SEPARATOR = "\n\n"

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


def layout(release: ParsedRelease) -> Layout:
    parts: list[tuple[str, str]] = [("headline", release.headline)]
    if release.subheadline:
        parts.append(("subheadline", release.subheadline))
    parts.append(("body", release.body_text))
    parts.extend(("about", split_about_header(a)) for a in release.about if a.strip())
    parts.extend(("disclaimers", d) for d in release.disclaimers if d.strip())

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
    return Layout("".join(chunks), tuple(sections), body_start, body_end, body_start + len(first))


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
    return text

"""The text the tagger reads, assembled from a parsed release's parts.

One string per release (so spaCy runs once per release, batched), made of sections in a fixed
order: headline, subheadline, body (exactly ``body_text``, so body offsets translate by a
constant), about (boilerplate), disclaimers. Each section has a weight for relevance and routing.
Dateline places and contact names are structured already and are added by ``core`` directly.
"""

from __future__ import annotations

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
    parts.extend(("about", a) for a in release.about if a.strip())
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

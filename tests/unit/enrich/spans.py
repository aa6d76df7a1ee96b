"""Test inputs the enrich tests build many of: a model or rule span over a test's text, found
by its words, and a parsed release of given paragraphs."""

from __future__ import annotations

from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge
from services.enrich.names import trim
from shared.models import Contacts, Dateline, ParsedRelease


def hit_at(text: str, name: str, label: str, source: str = "ner", nth: int = 0) -> Hit:
    """The ``nth`` (from 0) occurrence of ``name`` in ``text`` as a span of ``label``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Hit(start, start + len(name), name, label, source)


def texts(hits: list[Hit], label: str = "person") -> list[str]:
    """The texts of the hits of one label, in order."""
    return [h.text for h in hits if h.label == label]


def release_of(
    *paragraphs: str, headline: str = "Quorvane news", contacts: Contacts | None = None
) -> ParsedRelease:
    """A parsed release of the given body paragraphs, for rules that read a whole release."""
    return ParsedRelease(
        id="t",
        headline=headline,
        dateline=Dateline(),
        paragraphs=list(paragraphs),
        contacts=contacts or Contacts(),
        language="en",
    )


def trimmed(text: str, span: str, knowledge: Knowledge, *, person: bool) -> str:
    """What ``names.trim`` leaves of the first occurrence of ``span`` in ``text``."""
    start = text.index(span)
    a, b = trim(text, start, start + len(span), knowledge, person=person)
    return text[a:b]


def unglued(span: str) -> str:
    """What ``names.unglue`` leaves of ``span``."""
    from services.enrich.names import unglue

    start, end = unglue(span)
    return span[start : len(span) - end]


def dated_release(raw: str, city: str, country: str, region: str | None = None) -> ParsedRelease:
    """A one-paragraph release under the dateline ``raw`` (its city, region and country as
    parse reads them)."""
    return ParsedRelease(
        id="t",
        headline="Quorvane Opens a New Office",
        dateline=Dateline(raw=raw, city=city, cities=[city], region=region, country=country),
        paragraphs=["Quorvane opened its office on Friday."],
        language="en",
    )


def bulleted(heading: str, items: list[str]) -> str:
    """A heading, a bulleted list of ``items`` and a closing line, as a release writes them."""
    return f"{heading}\n\n" + "\n".join(f"* {item}" for item in items) + "\n\nMore text."


def list_names(text: str, enricher: Enricher) -> set[str]:
    """The names ``orgrules.from_name_lists`` reads in ``text`` (no other hits known)."""
    from services.enrich import orgrules

    return {
        h.text for h in orgrules.from_name_lists(text, enricher.knowledge, enricher.gazetteer, [])
    }


def entity_names(enricher: Enricher, release: ParsedRelease) -> set[str]:
    """The canonical names of the entities ``enricher`` finds in ``release``."""
    return {e.name for e in enricher.enrich(release).entities}


def names_of(enricher: Enricher, *paragraphs: str, kind: str = "organization") -> list[str]:
    """The canonical names of one kind that the whole core finds in the paragraphs."""
    release = enricher.enrich(release_of(*paragraphs))
    return [e.name for e in release.entities if e.type == kind]

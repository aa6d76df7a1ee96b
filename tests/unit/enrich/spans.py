"""A model or rule span over a test's text, found by its words (the enrich tests build many)."""

from __future__ import annotations

from services.enrich.candidates import Hit


def hit_at(text: str, name: str, label: str, source: str = "ner", nth: int = 0) -> Hit:
    """The ``nth`` (from 0) occurrence of ``name`` in ``text`` as a span of ``label``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Hit(start, start + len(name), name, label, source)

"""Shared fixtures of the enrich tests: one loaded Enricher per session (the model takes ~2 s
to load) and a small reader of the project's own wire-format fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.enrich.core import Enricher, load_enricher
from shared.models import Dateline, ParsedRelease

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "enrich"
DATELINE = re.compile(
    r"^([A-Z][A-Z .'-]+?)(?:, ([A-Z][a-z]+\.?))?, ([A-Z][a-z]+\.? \d{1,2}, \d{4}) [—-]+ "
)


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    return load_enricher()


def read_fixture(name: str) -> ParsedRelease:
    """A crude reader of the sample wire format (the parse stage does this for real; the enrich
    tests must not import another service): counter line, headline, dateline, paragraphs,
    credit line and ``Distribution channels:`` footer."""
    blocks = [b.strip() for b in (FIXTURES / name).read_text().split("\n\n") if b.strip()]
    if blocks[0].startswith("There were "):
        blocks.pop(0)
    headline = blocks.pop(0)
    channels: list[str] = []
    if blocks[-1].startswith("Distribution channels:"):
        channels = [c.strip() for c in blocks.pop().split(":", 1)[1].split(",") if c.strip()]
    blocks = [b for b in blocks if not b.startswith("(Follow ")]
    about = [b for b in blocks if b.startswith("About ")]
    paragraphs = [b for b in blocks if b not in about]
    dateline = Dateline()
    if m := DATELINE.match(paragraphs[0]):
        dateline = Dateline(raw=m.group(0).strip(), city=m.group(1).title(), region=m.group(2))
        paragraphs[0] = paragraphs[0][m.end() :]
    return ParsedRelease(
        id=name, headline=headline, dateline=dateline, paragraphs=paragraphs, about=about,
        channels=channels, language="en",
    )

"""Enrich stays bounded on long and hostile text (issue 6): the model reads at most the first
``MAX_BODY_CHARS`` of the body, in chunks, with over-long runs blanked; the release says when
it was cut. Offsets still index ``body_text``."""

from __future__ import annotations

import time

from services.enrich.candidates import Hit
from services.enrich.cluster import resolve_overlaps
from services.enrich.core import Enricher, chunks, model_text
from services.enrich.segments import MAX_BODY_CHARS, layout
from shared.models import ParsedRelease

SENTENCE = "Halvard Quennell of Lakemoor Robotics said the plant in Monterrey will employ 400. "


def test_a_long_body_is_tagged_up_to_the_bound_and_says_so(enricher: Enricher) -> None:
    paragraphs = [SENTENCE * 10] * 1_500  # ~1.2 MB
    release = ParsedRelease(id="t", headline="Lakemoor Robotics Opens Plant", paragraphs=paragraphs)
    started = time.perf_counter()
    enriched = enricher.enrich(release)
    assert time.perf_counter() - started < 30.0  # ~2 s here; minutes before the bound
    assert enriched.truncated
    body = release.body_text
    mentions = [m for e in enriched.entities for m in e.mentions]
    assert mentions and all(m.end <= MAX_BODY_CHARS for m in mentions)
    assert all(body[m.start : m.end] == m.text for m in mentions)
    assert "Lakemoor Robotics" in {e.name for e in enriched.entities}


def test_an_ordinary_release_is_not_truncated(enricher: Enricher) -> None:
    release = ParsedRelease(id="t", headline="Plant opens", paragraphs=[SENTENCE * 3])
    enriched = enricher.enrich(release)
    assert not enriched.truncated
    assert layout(release).text.endswith(release.body_text)


def test_boilerplate_is_bounded_too() -> None:
    release = ParsedRelease(
        id="t", headline="h", paragraphs=["p"], about=["About Acme " + "x " * 30_000] * 3
    )
    lay = layout(release)
    assert lay.truncated and len(lay.text) < 25_000


def test_long_runs_are_blanked_for_the_model_only() -> None:
    text = "Acme " + "[" * 500 + " Lakemoor https://acme.example/page"
    seen = model_text(text)
    assert (
        len(seen) == len(text)
        and "[" not in seen
        and seen.endswith(" Lakemoor https://acme.example/page")
    )


def test_chunks_cover_the_text_at_paragraph_ends() -> None:
    text = "\n\n".join(["word " * 300] * 20)
    parts = list(chunks(text, 5_000))
    assert "".join(c for _, c in parts) == text
    assert all(len(c) <= 5_000 and text[o : o + len(c)] == c for o, c in parts)
    assert all(c.startswith("\n\n") for _, c in parts[1:])


def test_resolve_overlaps_keeps_the_longest_span_in_linear_time() -> None:
    hits = [Hit(i, i + 2, "ab", "organization", "ner") for i in range(0, 60_000, 3)]
    hits += [Hit(0, 5, "abcde", "organization", "alias"), Hit(4, 6, "xy", "place", "ner")]
    started = time.perf_counter()
    kept = resolve_overlaps(hits)
    assert time.perf_counter() - started < 2.0
    assert [(h.start, h.end) for h in kept[:2]] == [(0, 5), (6, 8)]

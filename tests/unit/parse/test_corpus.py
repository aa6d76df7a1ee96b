"""The project's own corpus: one release per wire format, each with expected outputs beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.cli.files import content_type_for
from services.parse.core import parse_submission
from services.parse.encoding import decode_body
from shared.models import ParsedRelease, Submission

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "releases"
RELEASES = sorted(
    p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html") and p.stem[:2].isdigit()
)


def parse_file(path: Path) -> ParsedRelease:
    body = decode_body(path.read_bytes())
    return parse_submission(
        path.stem, Submission(body=body, content_type=content_type_for(str(path)))
    )


def expected_for(path: Path) -> dict:
    return json.loads((path.parent / f"{path.stem}.expected.json").read_text(encoding="utf-8"))


def test_corpus_is_complete() -> None:
    assert len(RELEASES) >= 15
    for path in RELEASES:
        assert (path.parent / f"{path.stem}.expected.json").exists(), path.name


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_release_matches_expected(path: Path) -> None:
    expected = expected_for(path)
    parsed = parse_file(path)
    assert parsed.headline == expected["headline"]
    assert parsed.subheadline == expected["subheadline"]
    got_dateline = parsed.dateline.model_dump(exclude={"raw"})
    assert got_dateline == expected["dateline"]
    assert parsed.language == expected["language"]
    assert parsed.channels == expected["channels"]
    assert parsed.paragraphs, "no body"
    assert parsed.paragraphs[0].startswith(expected["first_paragraph_starts"])
    # The dateline never leaks into the body.
    if parsed.dateline.raw:
        assert parsed.dateline.raw not in parsed.body_text
    speakers = {q.speaker for q in parsed.quotes}
    for speaker in expected.get("speakers", []):
        assert speaker in speakers
    for key in ("emails", "phones", "handles"):
        for value in expected.get(key, []):
            assert value in getattr(parsed.contacts, key), (key, value)
    for bullet in expected.get("bullets", []):
        assert bullet in parsed.paragraphs
    if "about_starts" in expected:
        assert parsed.about and parsed.about[0].startswith(expected["about_starts"])
    if expected.get("disclaimer"):
        assert parsed.disclaimers
    for fragment in expected.get("not_in_body", []):
        assert fragment not in parsed.body_text, fragment
    if "paragraphs" in expected:
        assert len(parsed.paragraphs) == expected["paragraphs"]
    if "min_paragraphs" in expected:
        assert len(parsed.paragraphs) >= expected["min_paragraphs"]
    # Words of the body only: bullet markers and dashes are not words.
    assert 0 < parsed.word_count <= sum(len(p.split()) for p in parsed.paragraphs)
    assert parsed.word_count >= 0.9 * sum(len(p.split()) for p in parsed.paragraphs)


def test_labels_cover_the_corpus() -> None:
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    assert {entry["file"] for entry in labels} == {p.name for p in RELEASES}
    for entry in labels:
        assert entry["headline"] == expected_for(CORPUS / entry["file"])["headline"]

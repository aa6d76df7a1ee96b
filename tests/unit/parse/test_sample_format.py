"""The wire format of the design's sample release, on a release the project wrote."""

from __future__ import annotations

from pathlib import Path

from services.parse.core import parse_submission
from shared.models import Submission


def _parse(path: Path, **extra: object):
    return parse_submission("r1", Submission(body=path.read_text(encoding="utf-8"), **extra))


def test_wire_format_release(fixtures_dir: Path) -> None:
    parsed = _parse(fixtures_dir / "01_wire_sample_format.txt")
    assert parsed.headline == "Navy Official: Arctic Partnership With Norway ‘Ready to Grow’"
    assert parsed.dateline.city == "WASHINGTON"
    assert parsed.dateline.date == "2016-10-18"
    assert parsed.dateline.raw == "WASHINGTON, Oct. 18, 2016 —"
    assert parsed.channels == ["Military Industry"]
    assert parsed.contacts.handles == ["@OkaforNavyNews"]
    assert "Tom Okafor" in parsed.contacts.names
    # Counter line, dateline, credit line and footer are furniture, not body.
    body = parsed.body_text
    assert "press releases posted" not in body
    assert "WASHINGTON" not in body
    assert "Follow" not in body and "Distribution channels" not in body
    assert parsed.paragraphs[0].startswith("The naval partnership")
    assert len(parsed.paragraphs) == 5
    assert parsed.language == "en"
    speakers = [q.speaker for q in parsed.quotes]
    assert speakers[0] == "Marisol K. Brandt"
    assert all(s in ("Marisol K. Brandt", "Brandt") for s in speakers)
    assert len(parsed.quotes) == 4
    assert parsed.word_count == sum(len(p.split()) for p in parsed.paragraphs)


def test_submission_fields_win(fixtures_dir: Path) -> None:
    parsed = _parse(
        fixtures_dir / "01_wire_sample_format.txt",
        headline="Given Headline",
        channels=["Politics", "military industry"],
        language="fr",
    )
    assert parsed.headline == "Given Headline"
    assert parsed.language == "fr"
    # Declared channels first, the footer's merged in without case duplicates.
    assert parsed.channels == ["Politics", "military industry"]

"""Held-out check 25 parse rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.parse.core import parse_submission
from services.parse.normalize import decode_character_references
from shared.models import Submission


def test_character_references_in_plain_text_are_decoded() -> None:
    body = (
        "# Q&amp;A with Jane Vell, CEO &amp; Founder at Quarn Labs\n\nQuarn Labs&#8217; team grew."
    )
    parsed = parse_submission("t", Submission(body=body, content_type="text/plain"))
    assert parsed.headline == "Q&A with Jane Vell, CEO & Founder at Quarn Labs"
    assert "Quarn Labs’ team grew." in parsed.paragraphs[0]


def test_only_complete_references_are_decoded() -> None:
    assert (
        decode_character_references("R&D &amp Co; AT&T; &bogus; &#x41;")
        == "R&D &amp Co; AT&T; &bogus; A"
    )

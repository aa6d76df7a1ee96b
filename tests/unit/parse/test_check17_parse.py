"""Held-out check 17, parse: a sentence opening with a preposition and a date is no dateline
(invented firms)."""

from __future__ import annotations

import pytest

from services.parse.core import parse_submission
from services.parse.dateline import read_dateline
from shared.models import Submission


@pytest.mark.parametrize(
    "text",
    [
        "On April 12th The Quarn Net hosted its second annual conference.",
        "In March 2024, Quarnex opened a lab.",
        "Since January 5, 2025 Quarnex has grown.",
    ],
)
def test_a_sentence_opening_with_a_preposition_and_a_date_has_no_dateline_city(
    text: str,
) -> None:
    found = read_dateline(text)
    assert found is None or found[0].city is None


def test_a_province_written_on_stays_a_region() -> None:
    found = read_dateline("TORONTO, ON, April 12, 2024 -- Quarnex opened a lab.")
    assert found is not None
    assert (found[0].city, found[0].region, found[0].date) == ("TORONTO", "ON", "2024-04-12")


def test_an_ad_script_pasted_into_the_text_is_dropped_and_the_prose_after_it_kept() -> None:
    script = (
        'if (!window.AdQuarn){(function(){var s = document.createElement("script"); '
        "s.async = true;}());} var AdQuarn = AdQuarn || {}; AdQuarn.ads.push({handler: "
        "function(opt){ AdQuarn.register(1, 2, opt); }});"
    )
    body = (
        "# Quarnex Hires Eleven\n\nAUSTIN, TX — May 1, 2025 — Quarnex hired eleven people.\n\n"
        f"{script} “I am thrilled,” said Maria Quellwin.\n\n{script}\n\nMore news follows.\n"
    )
    release = parse_submission("t", Submission(body=body, content_type="text/plain"))
    text = "\n".join(release.paragraphs)
    assert "AdQuarn" not in text and "document" not in text
    assert "“I am thrilled,” said Maria Quellwin." in release.paragraphs
    assert "More news follows." in release.paragraphs

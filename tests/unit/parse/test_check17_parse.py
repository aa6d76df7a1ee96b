"""Held-out check 17, parse: a sentence opening with a preposition and a date is no dateline
(invented firms)."""

from __future__ import annotations

import pytest

from services.parse.dateline import read_dateline


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

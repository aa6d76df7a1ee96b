"""Held-out check 17 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import pytest

from services.enrich import candidates
from services.enrich.core import Enricher
from tests.unit.enrich.spans import hit_at


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Susan Quellwin", "person"),  # a given name and a surname that is no plain word
        ("Carol Quellwin", "person"),
        ("Susan Park", "place"),  # a plain last word: could be a place
        ("Lake Quellwin", "place"),  # no given name first
    ],
)
def test_a_model_place_no_gazetteer_knows_named_like_a_person_is_a_person(
    enricher: Enricher, name: str, label: str
) -> None:
    text = f"She was not a Jane Roe or a {name}, but her life mattered."
    hit = hit_at(text, name, "place")
    assert candidates.retype(hit, enricher.gazetteer, enricher.knowledge).label == label

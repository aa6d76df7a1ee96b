"""Held-out check 23 parse rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.parse.contacts import find_organizations


def test_a_contact_label_then_for_before_the_firm_is_cut() -> None:
    block = "Contact DetailsFor Quarnby Mountain Capital\n\nJane Vesk\n\nmedia@quarnby.example"
    assert find_organizations(block) == ["Quarnby Mountain Capital"]

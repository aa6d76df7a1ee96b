"""Held-out check 22 parse rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.parse.contacts import find_organizations


def test_a_contact_line_naming_a_firms_national_arm_is_an_organisation() -> None:
    block = "Contact DetailsQuarnvest UK\n\n+44 20 5550 0134\n\nnews@quarnvest.example"
    assert find_organizations(block) == ["Quarnvest UK"]
    block = "Contact DetailsQuarnvest North America\n\n+1 604-555-0134"
    assert find_organizations(block) == ["Quarnvest North America"]
    # A person's name is no firm's arm.
    assert find_organizations("Contact DetailsJane Quarnby\n\n+1 604-555-0134") == []


def test_one_capitalised_word_ending_in_an_acronym_is_an_organisation() -> None:
    block = "Contact DetailsQuarnUpdateTV\n\n+1 212-555-0134\n\nquarnupdatetv@example.com"
    assert find_organizations(block) == ["QuarnUpdateTV"]

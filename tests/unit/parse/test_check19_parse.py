"""Parse rule of enrich check 19 (invented places): a state's code with no comma."""

from __future__ import annotations

from services.parse.dateline import read_dateline


def test_a_datelines_state_code_without_a_comma_is_its_region() -> None:
    found = read_dateline("QUARNVILLE CA, January 15, 2025 /Vesk Wire/ -- Quorvane said.")
    assert found is not None
    dateline, _ = found
    assert (dateline.city, dateline.region, dateline.country) == ("QUARNVILLE", "CA", "US")


def test_two_capitals_that_are_no_state_stay_in_the_citys_name() -> None:
    found = read_dateline("QUARNVILLE ZZ, January 15, 2025 /Vesk Wire/ -- Quorvane said.")
    assert found is not None
    assert found[0].city == "QUARNVILLE ZZ"


def test_a_contact_name_between_a_firms_or_a_posts_words_is_found() -> None:
    from services.parse.contacts import find_names

    assert find_names("Quarn Publicity Dana Vell | dana@quarn.example") == ["Dana Vell"]
    assert find_names("Lorn Guard Service Dana Vell 8445550100") == ["Lorn Guard", "Dana Vell"]
    assert find_names("Dana Vell Director of Marketing") == ["Dana Vell"]
    assert "Dana Vell" in find_names("Interview Requests Contact Dana Vell, Director, by email")
    # A contact block run together still yields its names four words at a time.
    assert find_names("Dana Vell Quarn Tallow Lee Roe") == ["Dana Vell Quarn Tallow", "Lee Roe"]


def test_a_media_notes_label_before_a_slash_is_no_dateline() -> None:
    assert read_dateline("VISUAL/B-ROLL: screen recording of the Quarn grant page") is None
    found = read_dateline("QUARNVILLE — Vesk said today it grew.")
    assert found is not None and found[0].city == "QUARNVILLE"

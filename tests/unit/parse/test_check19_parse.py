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

"""Check 13 parse rule on datelines (invented text): a full stop typed where the comma before
a country belongs."""

from __future__ import annotations

from services.parse.dateline import read_dateline


def test_a_full_stop_before_the_country_divides_city_and_country() -> None:
    found = read_dateline("QUARNBY. SAUDI ARABIA - July 5, 2026 (QUARNWIRE) - Acme said")
    assert found is not None
    dateline, rest = found
    assert dateline.cities == ["QUARNBY"] and dateline.country == "SA"
    assert dateline.date == "2026-07-05" and rest == "Acme said"
    # A full stop inside a name that no country follows stays in the city.
    found = read_dateline("ST. QUARNBY, Texas, July 5, 2026 -- Acme said")
    assert found is not None and found[0].cities == ["ST. QUARNBY"]

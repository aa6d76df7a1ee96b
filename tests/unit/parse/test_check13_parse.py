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


def test_a_date_in_parentheses_after_the_place_is_the_dateline_date() -> None:
    found = read_dateline("QUARNBY, NY (September 10, 2025) – The Quarnby group met.")
    assert found is not None
    dateline, rest = found
    assert dateline.cities == ["QUARNBY"] and dateline.region == "NY"
    assert dateline.date == "2025-09-10" and rest == "The Quarnby group met."


def test_a_headline_cut_after_a_comma_before_and_goes_on() -> None:
    from tests.unit.parse.markdown import parsed_markdown

    body = (
        "# QUARN FILM ADDS JANE ROE, TOM POE,\nAND ANN LEE TO THE CAST\n\n"
        "The Quarn film added three actors today.\n"
    )
    parsed = parsed_markdown(body, "r")
    assert parsed.headline == "QUARN FILM ADDS JANE ROE, TOM POE, AND ANN LEE TO THE CAST"

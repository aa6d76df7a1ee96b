"""Canonical names: titles, possessives, aliases, surname joining, wire names, operator data."""

from __future__ import annotations

import json
from pathlib import Path

from services.enrich.core import Enricher, build_enricher
from services.enrich.names import initials
from shared.models import Dateline, EnrichedRelease, ParsedRelease


def run(
    enricher: Enricher, *paragraphs: str, headline: str = "Local news", **kw: object
) -> EnrichedRelease:
    fields: dict = {"id": "t", "headline": headline, "paragraphs": list(paragraphs), **kw}
    return enricher.enrich(ParsedRelease(**fields))


def by_name(release: EnrichedRelease) -> dict[str, str]:
    return {e.name: e.type for e in release.entities}


def test_titles_and_possessives_removed(enricher: Enricher) -> None:
    release = run(
        enricher,
        "Dr. Halvard Quennell, director of the Lakemoor Institute, opened the new wing on Monday.",
        "Quennell’s team spent four years on the project, Quennell said.",
    )
    names = by_name(release)
    assert names.get("Halvard Quennell") == "person"
    assert not {"Dr. Halvard Quennell", "Quennell", "Quennell’s"} & set(names)
    person = next(e for e in release.entities if e.name == "Halvard Quennell")
    assert person.count == 3


def test_country_aliases_are_one_entity(enricher: Enricher) -> None:
    release = run(
        enricher,
        "Exports from the U.S. to Canada rose 4% in March.",
        "The United States remains Canada's largest partner, and US officials expect growth.",
    )
    places = [e for e in release.entities if e.type == "place"]
    us = [e for e in places if e.ids.get("iso3166") == "US"]
    assert len(us) == 1 and us[0].name == "United States"
    assert {"U.S.", "US"} <= set(us[0].aliases)


def test_org_alias_and_acronym(enricher: Enricher) -> None:
    release = run(
        enricher,
        "The DoD awarded the contract to Pellworth Analytics, Inc. (“Pellworth”) on Friday.",
        "Pellworth will deliver the software to the Department of Defense within a year.",
    )
    orgs = [e.name for e in release.entities if e.type == "organization"]
    assert orgs.count("Department of Defense") == 1 and "DoD" not in orgs
    assert "Pellworth Analytics, Inc." in orgs and "Pellworth" not in orgs
    assert initials("HR Research Institute") == "HRRI"


def test_city_state_and_dateline_ids(enricher: Enricher) -> None:
    release = run(
        enricher,
        "The company opened a plant in Tulsa, OK, last year.",
        dateline=Dateline(raw="HOUSTON, TX, May 1, 2024 --", city="HOUSTON", region="TX"),
    )
    ids = {e.name: e.ids for e in release.entities if e.type == "place"}
    assert ids["Houston"]["iso3166_2"] == "US-TX"
    assert ids["Texas"] == {"iso3166": "US", "iso3166_2": "US-TX"}
    assert ids["Tulsa"]["iso3166"] == "US"


def test_wire_names_never_entities(enricher: Enricher) -> None:
    release = run(
        enricher,
        "(Newsworthy.ai) Ardent Loop Labs today released its annual report via PR Newswire.",
    )
    names = set(by_name(release))
    assert not {"Newsworthy.ai", "PR Newswire"} & names


def test_operator_extension_file(tmp_path: Path, enricher: Enricher) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"aliases": {"organization": {"QRX": "Quarrix Robotics"}}}))
    custom = build_enricher(extra, nlp=enricher.nlp)
    release = run(custom, "QRX shipped 200 robots in 2023, and QRX expects more.")
    assert by_name(release).get("Quarrix Robotics") == "organization"

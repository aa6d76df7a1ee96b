"""A release in the wire's own format (written by the project, in the style of the sample):
its people, organisations and places under canonical names, and its channels."""

from __future__ import annotations

from services.enrich.core import Enricher
from shared.models import EnrichedRelease
from tests.unit.enrich.conftest import read_fixture


def enriched(enricher: Enricher, declared: bool = True) -> EnrichedRelease:
    parsed = read_fixture("defense_cooperation.txt")
    if not declared:
        parsed = parsed.model_copy(update={"channels": []})
    return enricher.enrich(parsed)


def names(release: EnrichedRelease, kind: str) -> set[str]:
    return {e.name for e in release.entities if e.type == kind}


def test_people_with_surname_mentions_joined(enricher: Enricher) -> None:
    release = enriched(enricher)
    people = names(release, "person")
    assert "Marisol T. Okonkwo" in people
    assert "Okonkwo" not in people  # joined to the full name, not a second entity
    okonkwo = next(e for e in release.entities if e.name == "Marisol T. Okonkwo")
    assert okonkwo.count == 5
    assert "Daniel Prewitt" not in people  # the credit line is not news


def test_aliases_resolved(enricher: Enricher) -> None:
    release = enriched(enricher)
    places, orgs = names(release, "place"), names(release, "organization")
    assert {"United States", "Mexico"} <= places
    assert "U.S." not in places
    assert "Department of Defense" in orgs
    assert "DoD" not in orgs and "Pentagon" not in orgs
    us = next(e for e in release.entities if e.name == "United States")
    assert us.ids == {"iso3166": "US"}
    mexico = next(e for e in release.entities if e.name == "Mexico")
    assert mexico.ids == {"iso3166": "MX"}


def test_mentions_index_body_text(enricher: Enricher) -> None:
    release = enriched(enricher)
    body = release.body_text
    for entity in release.entities:
        for m in entity.mentions:
            assert body[m.start : m.end] == m.text


def test_routed_to_military_and_both_countries(enricher: Enricher) -> None:
    for declared in (True, False):
        release = enriched(enricher, declared)
        slugs = release.channel_slugs()
        assert {"military-industry", "mexico", "united-states"} <= slugs, slugs
        assert not {"mali", "cyprus"} & slugs  # mentioned once, not what it is about
        for channel in release.channels:
            assert channel.reason

"""Posts, appointers, named chairs and role-of phrases: rules in ``services.enrich.orgrules``,
on text the project wrote (invented names)."""

from __future__ import annotations

import pytest

from services.enrich import orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge, load_knowledge
from shared.models import ParsedRelease
from tests.unit.enrich.spans import release_of


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_knowledge()


def _release(*paragraphs: str) -> ParsedRelease:
    return release_of(*paragraphs, headline="Board news")


def _names(enricher: Enricher, kind: str, *paragraphs: str) -> set[str]:
    out = enricher.enrich(_release(*paragraphs))
    return {e.name for e in out.entities if e.type == kind}


def test_a_unit_word_does_not_cut_a_person_span(kn: Knowledge) -> None:
    # "Initiative" is a role word (it names a unit) but no post a person holds.
    assert orgrules.post_start(["Quorra", "Language", "Initiative"], kn) is None
    span = Hit(0, 26, "Quorra Language Initiative", "person", "ner")
    assert orgrules.trim_people([span], kn)[0].text == "Quorra Language Initiative"


def test_a_post_still_cuts_a_person_span(kn: Knowledge) -> None:
    assert orgrules.post_start(["Ada", "Brenwick", "Senior", "Advisor"], kn) == 2
    assert orgrules.post_start(["Ada", "Brenwick", "Director"], kn) == 2


def test_the_connector_after_a_role_is_not_part_of_the_name(kn: Knowledge) -> None:
    text = "Ada Brenwick, CEO of Tellamere Wealth Partners, will chair the board."
    names = {h.text for h in orgrules.from_runs(text, kn)}
    assert "Tellamere Wealth Partners" in names
    assert not any(n.startswith("of ") for n in names)


def test_a_title_after_of_names_a_field_not_a_post(kn: Knowledge) -> None:
    assert not orgrules.is_generic_unit("Department of Justice", kn)
    assert orgrules.is_generic_unit("Board of Directors", kn)
    assert orgrules.is_generic_unit("President & CEO", kn)


def test_who_appoints_is_an_organisation(kn: Knowledge) -> None:
    text = "Harlow Venn welcomes Ada Brenwick as partner. Harlow Venn has a deep bench."
    start = text.index("Harlow Venn has")
    hits = [Hit(start, start + 11, "Harlow Venn", "person", "ner")]
    assert orgrules.appointers(text, hits, kn) == {"harlow venn"}


def test_a_titled_person_who_appoints_stays_a_person(kn: Knowledge) -> None:
    text = "Governor Ada Brenwick appoints Tom Ostler. Ada Brenwick said so."
    start = text.index("Ada Brenwick said")
    hits = [Hit(start, start + 12, "Ada Brenwick", "person", "ner")]
    assert orgrules.appointers(text, hits, kn) == set()


def test_donor_names_in_a_named_chair_are_not_people() -> None:
    text = "She is the Ada L. and Tom R. Brenwick Professor of Botany at Quellby College."
    spans = orgrules.named_chairs(text)
    assert [text[a:b].strip() for a, b in spans] == ["Ada L. and Tom R. Brenwick"]


def test_release_with_appointer_chair_and_role_of(enricher: Enricher) -> None:
    paragraphs = (
        "Harlow Venn welcomes Ada Brenwick as a partner in its Boston office.",
        "Brenwick was previously the Tom R. Ostler Professor of Law at Quellby College and "
        "served as counsel to the Department of Justice.",
        "\u201cWe are delighted,\u201d said Mara Quint, CEO of Tellamere Wealth Partners.",
    )
    orgs = _names(enricher, "organization", *paragraphs)
    people = _names(enricher, "person", *paragraphs)
    assert {"Harlow Venn", "Department of Justice", "Tellamere Wealth Partners"} <= orgs
    assert "Harlow Venn" not in people
    assert "Tom R. Ostler" not in people
    assert {"Ada Brenwick", "Mara Quint"} <= people


def test_a_street_address_is_not_a_name() -> None:
    text = "Visit us at 4410 Quellby St., Suite 12, or 18 Harrow Lane."
    street = text.index("Quellby St.")
    lane = text.index("Harrow Lane")
    assert orgrules.is_street_address(text, street, street + len("Quellby St."))
    assert orgrules.is_street_address(text, lane, lane + len("Harrow Lane"))
    name = "Mara Quint said"
    text2 = f"{name} so."
    assert not orgrules.is_street_address(text2, 0, len("Mara Quint"))


def test_together_opening_a_sentence_is_not_a_name() -> None:
    text = "It ships today. Together, the firms serve 40 cities."
    at = text.index("Together")
    assert orgrules.is_sentence_opener(text, at, at + len("Together"))


def test_release_with_address_state_appositive_and_c_suite_acronym(enricher: Enricher) -> None:
    paragraphs = (
        "Mara Quint joins Tellamere Wealth Partners as Chief Product Officer (CPO).",
        "Headquartered in Dallas, Texas, the company runs 12 offices.",
        "Contact Tellamere Wealth Partners, 1210 Brenwick St., Dallas.",
    )
    orgs = _names(enricher, "organization", *paragraphs)
    people = _names(enricher, "person", *paragraphs)
    places = _names(enricher, "place", *paragraphs)
    assert "CPO" not in orgs
    assert "Texas" not in orgs and "Texas" in places
    assert "Brenwick St" not in people and "Brenwick St." not in people

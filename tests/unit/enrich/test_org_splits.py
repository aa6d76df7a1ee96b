"""Organisations joined by "and", awards, category lists, sentence openers, doubled About
headers and posts run into a person's name: rules in ``services.enrich.orgrules`` and
``services.enrich.evidence``, on text the project wrote (invented names)."""

from __future__ import annotations

import pytest

from services.enrich import evidence, orgrules
from services.enrich.candidates import Hit, common_noun_phrase, degree_or_title_place
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge, load_knowledge
from shared.models import ParsedRelease
from tests.unit.enrich.spans import release_of


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_knowledge()


def _cuts(
    name: str,
    kn: Knowledge,
    orgs: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
) -> list[str]:
    return [name[a:b] for a, b in orgrules._and_cuts(name, kn, set(orgs), set(people))]


def _org(text: str, name: str, source: str = "ner") -> Hit:
    at = text.index(name)
    return Hit(at, at + len(name), name, "organization", source)


def _release(*paragraphs: str) -> ParsedRelease:
    return release_of(*paragraphs, headline="Funding round closes")


def test_two_organisation_shaped_sides_are_split(kn: Knowledge) -> None:
    assert _cuts("Tarnow Partners and Quellby Capital", kn) == [
        "Tarnow Partners",
        "Quellby Capital",
    ]


def test_place_based_modifiers_split_and_go(kn: Knowledge) -> None:
    name = "Denver-based Brellan and Port Vey-based Osric Ventures"
    assert _cuts(name, kn) == ["Brellan", "Osric Ventures"]


def test_known_name_on_the_left_counts_as_organisation(kn: Knowledge) -> None:
    assert _cuts("Wexly and Harrowgate Ventures", kn, orgs=frozenset({"wexly"})) == [
        "Wexly",
        "Harrowgate Ventures",
    ]
    # Not named on its own: one name ("Brigham and Women's"-style) stays whole.
    assert _cuts("Wexly and Harrowgate Ventures", kn) == ["Wexly and Harrowgate Ventures"]


def test_generic_right_side_does_not_split(kn: Knowledge) -> None:
    name = "Tollard Senior College and University Commission"
    assert _cuts(name, kn, orgs=frozenset({"university commission"})) == [name]
    name = "Accrediting Council of Trade Schools and Colleges"
    assert _cuts(name, kn) == [name]


def test_person_on_the_left_is_dropped(kn: Knowledge) -> None:
    assert _cuts("Orla Penhale and Quist Strategies", kn, people=frozenset({"orla penhale"})) == [
        "Quist Strategies"
    ]


def test_post_on_the_right_is_dropped_up_to_the_place_it_is_held(kn: Knowledge) -> None:
    name = "Marrick Learning Group and Senior Vice Provost for Dunmore University"
    assert _cuts(name, kn) == ["Marrick Learning Group", "Dunmore University"]


def test_refine_splits_and_drops_person_of(kn: Knowledge) -> None:
    text = (
        "The round was led by Tarnow Partners and Quellby Capital, said Ivo Sandler of "
        "Harwick Group. Ivo Sandler joined in May."
    )
    person_at = text.rindex("Ivo Sandler")
    hits = [
        _org(text, "Tarnow Partners and Quellby Capital"),
        _org(text, "Ivo Sandler of Harwick Group"),
        Hit(person_at, person_at + 11, "Ivo Sandler", "person", "ner"),
    ]
    found = {h.text for h in orgrules.refine_orgs(text, hits, kn) if h.label == "organization"}
    assert found == {"Tarnow Partners", "Quellby Capital", "Harwick Group"}


def test_awards_are_not_organisations() -> None:
    assert orgrules.is_award("Federal Medal of Seamanship")
    assert orgrules.is_award("Corran Vale Legacy Award")
    assert orgrules.is_award("Ellery Prize for Poetry")
    assert orgrules.is_award("Give Forward Grant de Norvo")
    assert not orgrules.is_award("Grant Holloway Partners")
    assert not orgrules.is_award("Fellowship of Harbour Pilots")
    # For people only the prize words count ("Dana Grant" is a name).
    assert not orgrules.is_award("Dana Grant", "person")
    assert orgrules.is_award("Ellery Prize", "person")


def test_sentence_openers() -> None:
    text = (
        "Rates fell. However, Quorvane grew.\nHeadquartered in Ostend, it sells. Notably, it won."
    )
    assert orgrules.is_sentence_opener(text, text.index("However"), text.index("However") + 7)
    at = text.index("Headquartered")
    assert orgrules.is_sentence_opener(text, at, at + 13)
    at = text.index("Notably")
    assert orgrules.is_sentence_opener(text, at, at + 7)
    at = text.index("Quorvane")
    assert not orgrules.is_sentence_opener(text, at, at + 8)


def test_doubled_about_header_is_halved(kn: Knowledge) -> None:
    text = "About Pellow Brook Labs Pellow Brook Labs is a lab."
    hits = [_org(text, "About Pellow Brook Labs Pellow Brook Labs")]
    assert [h.text for h in orgrules.refine_orgs(text, hits, kn)] == ["Pellow Brook Labs"]


def test_post_after_a_name_without_comma(kn: Knowledge) -> None:
    text = "“We grow,” said Hollis Varga Senior Advisor at Quenby Consulting Limited."
    assert [h.text for h in evidence.from_attributions(text, kn)] == ["Hollis Varga"]
    at = text.index("Hollis")
    hit = Hit(
        at, at + len("Hollis Varga Senior Advisor"), "Hollis Varga Senior Advisor", "person", "ner"
    )
    assert [h.text for h in orgrules.trim_people([hit], kn)] == ["Hollis Varga"]


def test_category_list_is_not_a_list_of_names(kn: Knowledge) -> None:
    text = (
        "Served to 40 districts including Ferry Authorities, Water Utility Boards, Fire "
        "Departments, School Districts and Clinics nationwide."
    )
    spans = {text[a:b] for a, b in evidence.category_items(text, kn)}
    assert {"Ferry Authorities", "Water Utility Boards", "Fire Departments", "Clinics"} <= spans
    # A list of companies is no category list.
    text = "Backers include Orrin Ventures, Talby Partners, Quayle Labs and Mossgrove Capital."
    assert evidence.category_items(text, kn) == []


def test_plural_common_noun_phrase(kn: Knowledge) -> None:
    lowered = {"authority", "owner", "card", "credit"}
    assert common_noun_phrase("Credit Card Owners", lowered, kn)
    # A plural organisation ending is still a name.
    assert not common_noun_phrase("Credit Partners", {"credit", "partner"}, kn)


def test_end_to_end(enricher: Enricher) -> None:
    release = _release(
        "Halvard Systems raised $9 million led by Boston-based Tarnow Partners and "
        "Ostend-based Quellby Capital.",
        "“We are ready,” said Hollis Varga Senior Advisor at Halvard Systems. The firm won the "
        "Federal Medal of Seamanship. However, Halvard Systems keeps its focus.",
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Tarnow Partners") == "organization"
    assert entities.get("Quellby Capital") == "organization"
    assert entities.get("Hollis Varga") == "person"
    assert "Federal Medal of Seamanship" not in entities
    assert "However" not in entities
    assert not any(" and " in name for name in entities)


def test_field_of_study_after_a_degree() -> None:
    text = (
        "She holds a PhD in Applied Harbour Sciences from Dunmore University and a BS in "
        "Tidal Engineering."
    )
    assert orgrules.is_field_of_study(text, text.index("Applied"))
    assert orgrules.is_field_of_study(text, text.index("Tidal"))
    assert not orgrules.is_field_of_study(text, text.index("Dunmore"))
    text = "a Master of Arts in Quay Records Management from Ostend College"
    assert orgrules.is_field_of_study(text, text.index("Quay"))


def test_organisation_endings_alone_name_nothing(kn: Knowledge) -> None:
    assert orgrules.only_org_words("Institute", kn)
    assert orgrules.only_org_words("Capital Partners", kn)
    assert not orgrules.only_org_words("Dunmore Institute", kn)


def test_degrees_and_title_abbreviations_are_not_places(kn: Knowledge) -> None:
    text = "Dr. Orla Penhale, M.D., met Brig. Gen. Hal Norrow in Ostend."
    at = text.index("M.D.")
    assert degree_or_title_place(text, Hit(at, at + 4, "M.D.", "place", "gazetteer"), kn)
    at = text.index("Brig")
    assert degree_or_title_place(text, Hit(at, at + 4, "Brig", "place", "gazetteer"), kn)
    at = text.index("Ostend")
    assert not degree_or_title_place(text, Hit(at, at + 6, "Ostend", "place", "gazetteer"), kn)

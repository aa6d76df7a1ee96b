"""Typing evidence from the release itself (``services.enrich.evidence``): lists of
organisations, web/e-mail domains, attribution patterns. Text written by the project
(invented names)."""

from __future__ import annotations

import pytest

from services.enrich import evidence
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge, load_knowledge
from shared.models import Contacts, Dateline, ParsedRelease


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_knowledge()


def _org(text: str, name: str) -> Hit:
    at = text.index(name)
    return Hit(at, at + len(name), name, "organization", "ner")


def _person(text: str, name: str) -> Hit:
    at = text.index(name)
    return Hit(at, at + len(name), name, "person", "ner")


def test_list_mostly_of_organisations_types_every_item(kn: Knowledge) -> None:
    text = (
        "She held posts at Brellwick Systems, Tamsin Orley, Corvane Labs Inc. "
        "and most recently QXR, where she led sales."
    )
    hits = [_org(text, "Brellwick Systems"), _person(text, "Tamsin Orley")]
    found = {h.text for h in evidence.from_lists(text, hits, kn)}
    assert {"Tamsin Orley", "QXR", "Brellwick Systems"} <= found


def test_list_cue_with_one_known_organisation(kn: Knowledge) -> None:
    text = "Clients such as Harlow Finch, Pemberly Quay and Ostrava Mills (OM) trust it."
    hits = [_org(text, "Ostrava Mills")]
    found = {h.text for h in evidence.from_lists(text, hits, kn)}
    assert {"Harlow Finch", "Pemberly Quay"} <= found


def test_lists_of_people_places_and_posts_are_left_alone(kn: Knowledge) -> None:
    people = "Speakers include Dana Whitlow, Moriz Kettle, Juno Brask and Ivo Marsh."
    hits = [_person(people, n) for n in ("Dana Whitlow", "Moriz Kettle", "Juno Brask")]
    # No organisations; the one name nothing read joins the people.
    found = evidence.from_lists(people, hits, kn)
    assert [(h.text, h.label) for h in found] == [("Ivo Marsh", "person")]
    chain = "Ada Fenwick, Chief Officer, Tarrow Labs and Senior Partner, Quill Ventures"
    assert evidence.from_lists(chain, [_org(chain, "Tarrow Labs")], kn) == []
    places = "offices in Brellwick Systems, Ohio, Texas and Utah"
    place = Hit(places.index("Ohio"), places.index("Ohio") + 4, "Ohio", "place", "gazetteer")
    place.place = object()  # type: ignore[assignment]
    assert evidence.from_lists(places, [_org(places, "Brellwick Systems"), place], kn) == []


def test_name_with_appositives_is_not_a_list(kn: Knowledge) -> None:
    text = "Ilse Varga, Trade and Export Secretariat, Norland Province Government, said."
    hits = [_person(text, "Ilse Varga"), _org(text, "Norland Province Government")]
    assert evidence.from_lists(text, hits, kn) == []


def test_domain_labels_and_matches(kn: Knowledge) -> None:
    domains = evidence.domain_labels(
        ["Visit https://www.tallow-ridge.com/about or write to jo@quenbyfarms.io today."]
    )
    assert {"tallowridge", "quenbyfarms"} <= domains
    text = "Tallow Ridge partners with Quenby Farms. Tallow Ridge grew."
    found = [h.text for h in evidence.from_domains(text, domains, kn)]
    assert found.count("Tallow Ridge") == 2 and "Quenby Farms" in found
    assert not evidence.matches_domain("Ivo", {"ivo"})  # too short to be evidence


def test_domain_match_skips_leading_noise(kn: Knowledge) -> None:
    text = "At Tallow Ridge we build."
    found = [h.text for h in evidence.from_domains(text, {"tallowridge"}, kn)]
    assert found == ["Tallow Ridge"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“We grow,” said Orsolya Brandt, chief executive.", "Orsolya Brandt"),
        ("the company announced that Kavish Renner has joined as CTO.", "Kavish Renner"),
        ("Welby Labs appoints Tomasz Ekwall as Chief Strategy Officer.", "Tomasz Ekwall"),
        ("“It works.”\n\nMirela Quast, Director of Growth, Welby Labs", "Mirela Quast"),
    ],
)
def test_attributions_name_people(kn: Knowledge, text: str, name: str) -> None:
    assert name in [h.text for h in evidence.from_attributions(text, kn)]


def test_attribution_needs_a_person_shaped_name(kn: Knowledge) -> None:
    assert evidence.from_attributions("said Dr. Hale Orrin and said Welby Labs Inc.", kn) == []


def test_end_to_end_two_word_company_behind_a_domain(enricher: Enricher) -> None:
    release = ParsedRelease(
        id="t",
        headline="Partnership announced",
        dateline=Dateline(),
        paragraphs=[
            "Marlow Tansy will now distribute the Orbix kit across the region, said Pia Lund.",
            "Learn more at www.marlowtansy.com.",
        ],
        contacts=Contacts(emails=["press@marlowtansy.com"]),
        language="en",
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Marlow Tansy") == "organization"
    assert entities.get("Pia Lund") == "person"

"""Held-out check 7 rules (places in coordinated lists, places the model's other spans
swallowed, honorifics, names cut in two, products named after their maker): on text the
project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import cluster, evidence, orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.names import trim
from tests.unit.enrich.spans import hit_at as _hit


def _place_items(enricher: Enricher, text: str) -> set[str]:
    hits = evidence.from_place_lists(text, enricher.gazetteer, enricher.knowledge)
    return {h.text for h in hits}


def test_a_coordinated_list_after_in_is_a_list_of_places(enricher: Enricher) -> None:
    text = "Quorvane runs satellite offices in Graz, Linz and Tirol, with more to come."
    assert _place_items(enricher, text) == {"Graz", "Linz", "Tirol"}
    # Tirol is a first-level subdivision outside the scanned countries: looked up here only.
    tirol = next(
        h
        for h in evidence.from_place_lists(text, enricher.gazetteer, enricher.knowledge)
        if h.text == "Tirol"
    )
    assert tirol.place is not None and tirol.place.country == "AT"


def test_one_unknown_item_among_three_is_a_place_too(enricher: Enricher) -> None:
    text = "Brellwick has opened depots across Graz, Linz and Quorvale Heights."
    assert _place_items(enricher, text) == {"Graz", "Linz", "Quorvale Heights"}


def test_what_is_not_a_list_of_places(enricher: Enricher) -> None:
    # No conjunction before the last item: a sentence goes on after the place.
    assert _place_items(enricher, "In Graz and Linz, Orlan Vesk said the plan works.") == {
        "Graz",
        "Linz",
    }
    assert _place_items(enricher, "In Graz, Orlan Vesk and Tamsin Orr spoke.") == set()
    # Two items, one of them unknown; and an organisation ending in the list.
    assert _place_items(enricher, "She worked in Graz and Quorvale Heights.") == set()
    assert _place_items(enricher, "He invested in Graz, Linz and Quorvane Holdings.") == set()


def test_a_date_around_a_place_yields_to_the_place(enricher: Enricher) -> None:
    text = "Even in the heat of the Ohio summer, riders came."
    date = _hit(text, "the Ohio summer", "date")
    place = _hit(text, "Ohio", "place", "gazetteer")
    out = cand.yield_to_places(text, [date, place], enricher.knowledge)
    assert [h.text for h in out] == ["Ohio"]


def test_a_name_opening_with_the_state_of_city_state_starts_after_it(
    enricher: Enricher,
) -> None:
    text = "Sessions in Austin, TX Quorvane Summit (October) and more."
    hits = cand.from_patterns(text, enricher.gazetteer)
    hits.append(_hit(text, "TX Quorvane Summit", "organization"))
    out = cand.yield_to_places(text, hits, enricher.knowledge)
    assert {h.text for h in out if h.label == "organization"} == {"Quorvane Summit"}
    assert {h.text for h in out if h.label == "place"} == {"Austin", "TX"}


def test_trim_drops_an_unopened_parenthesis_and_the_next_sentence(enricher: Enricher) -> None:
    text = "Graz (May), Linz (June),Quorvale Springs (July). Made by Brellwick X. We grow."
    start = text.index("June),")
    s, e = trim(
        text, start, start + len("June),Quorvale Springs"), enricher.knowledge, person=False
    )
    assert text[s:e] == "Quorvale Springs"
    start = text.index("Brellwick")
    s, e = trim(text, start, start + len("Brellwick X. We"), enricher.knowledge, person=True)
    assert text[s:e] == "Brellwick X"


def test_honorifics_open_a_person_the_model_read_as_an_organisation(
    enricher: Enricher,
) -> None:
    text = "Also present were H.E. Orlan Vesk, Ambassador, and YBhg. Datuk Tamsin Orr."
    ents = [
        (text.index("H.E."), text.index(", Ambassador"), "ORG"),
        (text.index("YBhg"), text.index("YBhg") + 4, "ORG"),
        (text.index("Datuk"), len(text) - 1, "PERSON"),
    ]
    hits = cand.from_ner(text, ents, enricher.knowledge)
    assert {(h.text, h.label) for h in hits} == {
        ("Orlan Vesk", "person"),
        ("Tamsin Orr", "person"),
    }


def test_a_long_name_cut_in_two_by_the_model_is_joined(enricher: Enricher) -> None:
    text = "officiated by Tamsin Orr Binti Vesk Abdul Qarin, chief of the agency"
    first = text.index("Tamsin")
    second = text.index("Abdul")
    ents = [(first, second - 1, "PERSON"), (second, text.index(","), "PERSON")]
    hits = cand.from_ner(text, ents, enricher.knowledge)
    assert [h.text for h in hits] == ["Tamsin Orr Binti Vesk Abdul Qarin"]


def test_a_maker_named_alone_is_not_the_given_name_of_its_product(
    enricher: Enricher,
) -> None:
    text = "Quorvane makes the Quorvane Glider. Quorvane grew. Riders love Quorvane."
    product = _hit(text, "Quorvane Glider", "person")
    makers = [_hit(text, "Quorvane", "organization", nth=n) for n in (0, 2, 3)]
    hits = [product, *makers]
    cand.made_by_orgs(hits, frozenset())
    assert product.label == "organization"
    # And a one-word organisation never joins a person as a given name.
    person = _hit(text, "Quorvane Glider", "person")
    people = cluster.group_people([person], makers)
    assert [len(p.hits) for p in people] == [1]


def test_a_place_the_gazetteer_does_not_know_with_a_digit_is_dropped(
    enricher: Enricher,
) -> None:
    assert not cand.keep(Hit(0, 4, "Zor7", "place", "ner"), enricher.knowledge)
    assert cand.keep(Hit(0, 8, "Quorvale", "place", "ner"), enricher.knowledge)


def _refined(enricher: Enricher, text: str, hits: list[Hit]) -> list[str]:
    return [h.text for h in orgrules.refine_orgs(text, hits, enricher.knowledge)]


def test_a_comma_name_written_twice_is_one_name(enricher: Enricher) -> None:
    text = (
        "Pens, Quills, Inks & Fine Paper hosts a fair. Founded in 2011, Pens, Quills, Inks & "
        "Fine Paper has grown. Its buyers include Acme Labs, Brightwell Partners."
    )
    whole = _hit(text, "Pens, Quills, Inks & Fine Paper", "organization")
    piece = _hit(text, "Quills", "organization", nth=1)
    listed = _hit(text, "Acme Labs, Brightwell Partners", "organization")
    assert _refined(enricher, text, [whole, piece, listed]) == [
        "Pens, Quills, Inks & Fine Paper",
        "Pens, Quills, Inks & Fine Paper",
        "Acme Labs",
        "Brightwell Partners",
    ]


def test_two_units_of_a_maker_named_alone_are_split(enricher: Enricher) -> None:
    text = "Its brands include Quorvane Collision and Quorvane Auto Glass. Quorvane grew."
    both = _hit(text, "Quorvane Collision and Quorvane Auto Glass", "organization")
    maker = _hit(text, "Quorvane", "organization", nth=2)
    assert _refined(enricher, text, [both, maker]) == [
        "Quorvane Collision",
        "Quorvane Auto Glass",
        "Quorvane",
    ]
    # Plain words after a maker's name are its unit, not a phrase to drop.
    hits = orgrules.refine_orgs(text, [both, maker], enricher.knowledge)
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == set()


def test_a_post_after_a_name_and_a_comma_is_not_an_organisation(enricher: Enricher) -> None:
    text = "said Orlan Vesk, SVP Operations & Fleet Services at Quorvane."
    post = _hit(text, "SVP Operations & Fleet Services", "organization")
    assert _refined(enricher, text, [post]) == []


def test_cultural_institutions_end_like_organisations(enricher: Enricher) -> None:
    text = "The grant went to the Quorvale Street Theatre and its young actors."
    runs = orgrules.from_runs(text, enricher.knowledge)
    assert "Quorvale Street Theatre" in {h.text for h in runs}


def test_an_acronym_or_brand_the_gazetteer_does_not_know_is_no_place(
    enricher: Enricher,
) -> None:
    for name in ("QRX", "SuperNODE", "BRELLWICK"):
        assert not cand.keep(Hit(0, len(name), name, "place", "ner"), enricher.knowledge)
    assert cand.keep(Hit(0, 9, "McQuorvan", "place", "ner"), enricher.knowledge)


def test_a_dash_before_a_cut_post_goes_with_it(enricher: Enricher) -> None:
    text = "* Orlan Vesk — Founder and Chief People Officer, Quorvane HR"
    hit = _hit(text, "Orlan Vesk — Founder", "person")
    assert [h.text for h in orgrules.trim_people([hit], enricher.knowledge)] == ["Orlan Vesk"]


def test_a_plural_acronym_is_no_organisation(enricher: Enricher) -> None:
    assert not cand.keep(Hit(0, 4, "SMEs", "organization", "ner"), enricher.knowledge)
    assert cand.keep(Hit(0, 4, "QRXV", "organization", "ner"), enricher.knowledge)


def test_an_organisation_spelled_like_a_place_named_as_one_is_that_place(
    enricher: Enricher,
) -> None:
    text = "A plant in Quorvale, Ohio opened. Quorvale grew. The Quorvale project is done."
    places = [_hit(text, "Quorvale", "place", nth=n) for n in (0, 1)]
    org = _hit(text, "Quorvale", "organization", nth=2)
    labs = Hit(0, 14, "Quorvale Labs", "organization", "ner")
    cand.orgs_named_as_places([*places, org, labs], enricher.knowledge)
    assert org.label == "place" and labs.label == "organization"

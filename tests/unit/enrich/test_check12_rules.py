"""Held-out check 12 rules (contact addresses, currency marks and time zones, lines glued
together, venues, credential runs, lists of services and of names, references, defined
terms): on text the project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import context, orgrules
from services.enrich.core import Enricher
from services.enrich.names import unglue
from shared.models import Contacts
from tests.unit.enrich.spans import dated_release, release_of, trimmed, unglued
from tests.unit.enrich.spans import hit_at as _hit


def _entities(
    enricher: Enricher, *paragraphs: str, contacts: Contacts | None = None
) -> dict[str, str]:
    release = release_of(*paragraphs, headline="Quorvane Opens a New Office", contacts=contacts)
    return {e.name: e.type for e in enricher.enrich(release).entities}


# -- places -------------------------------------------------------------------------------


def test_a_currency_mark_or_a_time_zone_names_no_country(enricher: Enricher) -> None:
    text = "It raised US$25 million at 9 AM US/Eastern, for sites in the US and Canada."
    first, second, third = (text.index("US"), text.index("US/"), text.index("US and"))
    assert context.currency_or_zone(text, cand.Hit(first, first + 2, "US", "place", "gazetteer"))
    assert context.currency_or_zone(text, cand.Hit(second, second + 2, "US", "place", "ner"))
    assert not context.currency_or_zone(text, cand.Hit(third, third + 2, "US", "place", "ner"))
    found = _entities(enricher, "Quorvane raised US$25 million to open sites in Canada.")
    assert "Canada" in found and "United States" not in found


def test_a_time_zone_in_the_dateline_names_no_country(enricher: Enricher) -> None:
    raw = "Denver, CO (Quarn Wire) Friday Oct 10, 2025 @ 10:10 AM US/Mountain —"
    release = dated_release(raw, "Denver", "US", region="CO")
    names = {e.name for e in enricher.enrich(release).entities if e.type == "place"}
    assert "Denver" in names and "United States" not in names


def test_a_contact_address_gives_the_places_the_gazetteer_knows(enricher: Enricher) -> None:
    contacts = Contacts(
        places=["Austin, Texas", "Jane Vell, Washington", "North Las Vegas, NV", "Las Vegas, NV"]
    )
    found = _entities(enricher, "Quorvane opened its office on Friday.", contacts=contacts)
    assert found.get("Austin") == "place" and found.get("Texas") == "place"
    assert found.get("North Las Vegas") == "place"
    assert "Las Vegas" not in found and "Jane Vell" not in found


def test_a_province_code_reads_like_a_state_code(enricher: Enricher) -> None:
    place = enricher.gazetteer.abbreviation("BC")
    assert place is not None and place.name == "British Columbia"


def test_a_town_the_gazetteer_lacks_is_a_place_when_written_out_with_its_state(
    enricher: Enricher,
) -> None:
    text = "Visit Quarnbrook is the marketing office for Quarnbrook, Texas, and its hotels."
    hits = cand.from_patterns(text, enricher.gazetteer)
    assert [(h.text, h.label) for h in hits] == [("Quarnbrook", "place"), ("Texas", "place")]
    # Without a word that introduces a place, a pair is no town ("Acme, Texas").
    assert cand.from_patterns("Said Quarnbrook, Texas is big.", enricher.gazetteer) == []


def test_a_name_before_based_is_a_place(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "A Quarnbury-based firm built a cloud platform for Boston-based clients."
    assert [h.text for h in cand.from_based(text, gz, kn)] == ["Quarnbury", "Boston"]
    assert cand.from_based("A Cloud-based and Plant-based menu.", gz, kn) == []


def test_a_given_name_is_no_place_the_model_made_up(enricher: Enricher) -> None:
    hit = cand.Hit(0, 7, "Yolanda", "place", "ner")
    assert not cand.keep(hit, enricher.knowledge)


# -- people -------------------------------------------------------------------------------


def test_a_model_organisation_treated_as_a_person_is_one(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quorvane has appointed Anna Quarnsby, Audit Partner, to lead the new unit."
    hits = [_hit(text, "Anna Quarnsby", "organization")]
    cand.orgs_named_as_people(text, hits, kn)
    assert hits[0].label == "person"
    text = "Awards went to Lena Dorvik, Tomas Brellan, and Anna Quarnsby this year."
    hits = [
        _hit(text, "Lena Dorvik", "person"),
        _hit(text, "Tomas Brellan", "person"),
        _hit(text, "Anna Quarnsby", "organization"),
    ]
    cand.orgs_named_as_people(text, hits, kn)
    assert hits[2].label == "person"
    # The surname alone as a person twice vouches even for a given name the list lacks.
    text = "Xavrel Quarnsby sings. Quarnsby said so. Later Quarnsby left."
    hits = [
        _hit(text, "Xavrel Quarnsby", "organization"),
        _hit(text, "Quarnsby", "person", nth=1),
        _hit(text, "Quarnsby", "person", nth=2),
    ]
    cand.orgs_named_as_people(text, hits, kn)
    assert hits[0].label == "person"
    # No evidence, or a common word last: an organisation stays one.
    for text, name in (
        ("Morgan Quarnsby reported results today.", "Morgan Quarnsby"),
        ("Grace Church, Senior Pastor Jane Vell said.", "Grace Church"),
    ):
        hits = [_hit(text, name, "organization")]
        cand.orgs_named_as_people(text, hits, kn)
        assert hits[0].label == "organization", text


def test_titles_of_three_words_and_more_honorifics_open_no_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "* County Court Judge Jane Vell, 3rd District"
    assert trimmed(text, "County Court Judge Jane Vell", kn, person=True) == "Jane Vell"
    for title in ("Magistrate", "Shri", "Maestro"):
        text = f"It was given by {title} Tomas Brellan, who spoke."
        assert trimmed(text, f"{title} Tomas Brellan", kn, person=True) == "Tomas Brellan"


def test_groups_and_possessive_phrases_are_no_people(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for name in ("The Quarnsmen", "Jane Vell Band", "Quorvane’s Canadian"):
        assert not cand.keep(cand.Hit(0, len(name), name, "person", "ner"), kn), name
    text = "Music by the Jane Vell Band and friends."
    ents = [(text.index("Jane"), text.index(" and"), "PERSON")]
    assert [(h.text, h.label) for h in cand.from_ner(text, ents, kn)] == [
        ("Jane Vell Band", "organization")
    ]


def test_the_authors_of_a_reference_are_people_as_written() -> None:
    text = "References\n[1] Quarnsby A, Dorvik-Lenn IB, Vell J. Patients and tools. J Q. 2023."
    assert [h.text for h in cand.from_citations(text)] == [
        "Quarnsby A",
        "Dorvik-Lenn IB",
        "Vell J",
    ]
    assert cand.from_citations("Jane Vell, Quorvane. Hello there.") == []


def test_a_bulleted_term_defined_is_no_person(enricher: Enricher) -> None:
    text = "* Workplace Evaluation - policies and practices\n* Jane Vell - Chief Officer, Acme"
    people = [h.text for h in cand.from_bullets(text, enricher.knowledge) if h.label == "person"]
    assert people == ["Jane Vell"]


def test_a_spaced_dash_divides_a_model_span(enricher: Enricher) -> None:
    text = "* Doing More: A Talk - Jane Vell, founder of Quarnby"
    start = text.index("Doing")
    ents = [(start, text.index(","), "ORG")]
    found = [h.text for h in cand.from_ner(text, ents, enricher.knowledge)]
    assert found == ["Doing More: A Talk", "Jane Vell"]
    talk = cand.Hit(0, 36, "Plain Words: Doing More With Less", "organization", "ner")
    assert not cand.keep(talk, enricher.knowledge)


# -- organisations ------------------------------------------------------------------------


def test_words_glued_to_a_name_are_cut() -> None:
    for span, name in (
        ("QuarnbyQuarnby", "Quarnby"),
        ("Vell InstituteThe Vell Institute", "Vell Institute"),
        ("Jane VellExecutive", "Jane Vell"),
        ("Inc.Quarn Ventures LLCResearch", "Quarn Ventures LLC"),
        ("CEOQuarnFlight Fuels Inc", "QuarnFlight Fuels Inc"),
        ("OfficerQuarnCom Ltd", "QuarnCom Ltd"),
        ("Quarn Partnership for Education.This", "Quarn Partnership for Education"),
    ):
        assert unglued(span) == name, span
    # One-word brands and doubled place names keep their letters.
    for span in ("QuarnWire", "TeamQuarn", "PartnerRe", "McQuarn", "Walla Walla", "Baden-Baden"):
        assert unglue(span) == (0, 0), span


def test_degree_and_fellowship_runs_are_no_organisations() -> None:
    text = "said Jane Vell, M.D., M.H.S., FAHA, FACC, Quorvane Heart volunteer."
    people = [_hit(text, "Jane Vell", "person")]
    chains = context.credential_chains(text, people)
    assert [text[a:b] for a, b in chains] == [", M.D., M.H.S., FAHA, FACC"]
    # A post after the name opens no run: "Jane Vell, CEO, Quarnby".
    text = "said Jane Vell, CEO, QRN Labs."
    assert context.credential_chains(text, [_hit(text, "Jane Vell", "person")]) == []


def test_a_venue_introduced_as_one_is_no_organisation() -> None:
    text = (
        "The expo is held at the Quarnby Convention Center in Denver. Quarnby Hotel staff "
        "will help. Guests stay at Brell Hotel and Casino."
    )
    hits = [
        _hit(text, "Quarnby Convention Center", "organization"),
        _hit(text, "Quarnby Hotel", "organization"),
        _hit(text, "Brell Hotel", "organization"),
    ]
    dropped = orgrules.venues(text, hits)
    assert [h.text for h in hits if id(h) in dropped] == [
        "Quarnby Convention Center",
        "Brell Hotel",
    ]


def test_a_grade_after_a_name_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "It holds QRA Class IIb marks and Quarn Series 7 licences."
    assert trimmed(text, "QRA Class IIb", kn, person=False) == "QRA"
    assert trimmed(text, "Quarn Series 7", kn, person=False) == "Quarn"


def test_a_bracketed_notice_is_no_organisation(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Text QUARN to 555-0100 (U.S. Cell Phones Only)."
    start = text.index("U.S.")
    assert orgrules.in_title_case_notice(text, start, start + len("U.S. Cell"), kn)
    text = "It works with Quarnby Mobile (Quarnby Mobile Inc) today."
    start = text.index("Quarnby Mobile (") + len("Quarnby Mobile (")
    assert not orgrules.in_title_case_notice(text, start, start + len("Quarnby Mobile"), kn)


def test_plain_phrases_in_a_bulleted_list_of_services_are_no_organisations(
    enricher: Enricher,
) -> None:
    text = (
        "Services include:\n"
        "* Digital Advertising (Programmatic, Organic & Paid Social)\n"
        "* PR & Communications\n"
        "* Direct Mail Campaigns\n"
        "* Quarnby Labs Integration\n"
    )
    hits = [
        _hit(text, "Organic & Paid Social", "organization"),
        _hit(text, "PR & Communications", "organization"),
        _hit(text, "Direct Mail Campaigns", "organization"),
        _hit(text, "Quarnby Labs", "organization"),
    ]
    dropped = orgrules.service_lists(text, hits, enricher.knowledge)
    assert [h.text for h in hits if id(h) not in dropped] == ["Quarnby Labs"]


def test_the_heads_of_a_bulleted_list_of_names_are_organisations(enricher: Enricher) -> None:
    text = (
        "Guests wrote:\n"
        "* QuarnTrips: “Noisy rooms.”\n"
        "* Brellago: “Pool too busy.”\n"
        "* Luxury Quarn: reports of noise.\n"
    )
    found = orgrules.from_name_lists(text, enricher.knowledge, enricher.gazetteer, [])
    assert [h.text for h in found] == ["QuarnTrips", "Brellago", "Luxury Quarn"]
    # Plain phrases or days are no names.
    text = "* Better Service: faster\n* Lower Costs: cheaper\n* Thursday, July 11 – a show\n"
    assert orgrules.from_name_lists(text, enricher.knowledge, enricher.gazetteer, []) == []


def test_a_list_a_noun_introduces_is_of_organisations(enricher: Enricher) -> None:
    found = _entities(
        enricher,
        "Quorvane joins well-known companies like Vellcorp Inc, Quarnbo, Tessaly, "
        "Under Brell, and Dorvik Labs.",
    )
    for name in ("Quarnbo", "Tessaly", "Under Brell"):
        assert found.get(name) == "organization", name


def test_a_title_case_term_defined_by_its_initials_is_no_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for text, term in (
        ("rights to Name, Image, and Likeness (NIL) deals", "Name, Image, and Likeness"),
        ("a Software Development Kit (SDK) for makers", "Software Development Kit"),
        # The term starts at its own first word, not inside an earlier word holding it.
        ("our Datasheet Data Format (DF) spec", "Data Format"),
    ):
        assert [text[a:b] for a, b, _ in cand.titled_terms(text, kn)] == [term]
    # An institution defined by its initials is a name.
    text = "the Securities and Exchange Commission (SEC) and the Quarn Police Service (QPS)"
    assert cand.titled_terms(text, kn) == []

"""Held-out check 13 rules (short forms defined in parentheses, web addresses given as where
to go, headings run into their paragraph, organisations a rule vouches for): on text the
project wrote, with invented names of people and organisations."""

from __future__ import annotations

import pytest

from services.enrich import candidates as cand
from services.enrich import cluster, context, orgrules
from services.enrich.core import Enricher
from services.enrich.names import unglue
from shared.models import ParsedRelease
from tests.unit.enrich.spans import dated_release, unglued


def test_a_firm_defined_by_its_initials_is_no_term(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The board of Bright Power Ventures (BPV), a developer of plants, met."
    assert cand.titled_terms(text, kn) == []
    text = "a Battery Storage Kit (BSK) for homes"
    assert [text[a:b] for a, b, _ in cand.titled_terms(text, kn)] == ["Battery Storage Kit"]


def test_initials_in_parentheses_define_a_short_form_not_a_nickname() -> None:
    found = cand.from_nicknames("Quarnel Power Ventures (QPV) Announces Changes")
    assert found == []
    (person,) = cand.from_nicknames("Juan Carlos (JC) Tarnow joined the board.")
    assert person.canonical == "Juan Carlos Tarnow" and person.aliases == ["JC"]


def test_acronyms_joined_by_a_slash_are_two_bodies(enricher: Enricher) -> None:
    text = "Securities offered through Quarn Advisors, member QRA/QIPC. More text."
    start = text.index("QRA")
    hits = cand.from_ner(text, [(start, start + len("QRA/QIPC"), "ORG")], enricher.knowledge)
    assert [h.text for h in hits] == ["QRA", "QIPC"]


def test_a_bare_web_address_given_as_where_to_go_is_no_name() -> None:
    text = (
        "Quarnby.com launches today. For more, visit Tarnwell.com or JOINQRN.com, "
        "or see www.vellcorp.io/team."
    )
    spans = context.url_spans(text)
    found = sorted(text[a:b] for a, b in spans)
    assert found == ["JOINQRN.com", "Tarnwell.com", "www.vellcorp.io/team."]
    assert not any(text[a:b] == "Quarnby.com" for a, b in spans)


def test_a_heading_run_into_its_paragraph_loses_the_paragraph_opener() -> None:
    name = "Quarn Design Group Headquartered"
    start, end = unglue(name)
    assert name[start : len(name) - end] == "Quarn Design Group"
    assert unglue("Quarn Design Group") == (0, 0)


def test_a_name_a_rule_reads_as_an_organisation_is_no_person() -> None:
    hits = [
        cand.Hit(0, 12, "Quarn Nordik", "organization", "pattern"),
        *(cand.Hit(i * 40, i * 40 + 12, "Quarn Nordik", "person", "ner") for i in range(1, 4)),
        cand.Hit(200, 209, "Jane Roen", "person", "ner"),
    ]
    cand.persons_named_as_orgs(hits)
    assert {h.label for h in hits if h.text == "Quarn Nordik"} == {"organization"}
    assert hits[-1].label == "person"


def test_words_before_a_model_name_that_make_a_name_used_elsewhere_join_it() -> None:
    text = "Quarn Global Inc. signs a deal. Later, Quarn Global Inc. said more. The Tarnex deal."
    first = cand.Hit(0, 17, "Quarn Global Inc.", "organization", "pattern")
    second_start = text.index("Global Inc.", 20)
    cut = cand.Hit(second_start, second_start + 11, "Global Inc.", "organization", "ner")
    tarnex = text.index("Tarnex")
    other = cand.Hit(tarnex, tarnex + 6, "Tarnex", "organization", "ner")
    the_tarnex = cand.Hit(tarnex - 4, tarnex + 6, "The Tarnex", "organization", "pattern")
    hits = [first, cut, other, the_tarnex]
    orgrules.extend_to_known_names(text, hits)
    assert cut.text == "Quarn Global Inc."
    assert other.text == "Tarnex"  # never past a determiner


def test_a_standard_code_is_no_organisation(enricher: Enricher) -> None:
    text = "Quarnvale Homes is certified to ISO 9001 and ISO 45001 by Tarnwick Audits."
    hits = [
        cand.Hit(
            text.index("ISO 9001"), text.index("ISO 9001") + 8, "ISO 9001", "organization", "ner"
        ),
        cand.Hit(
            text.index("Tarnwick"),
            text.index("Tarnwick") + 15,
            "Tarnwick Audits",
            "organization",
            "ner",
        ),
    ]
    out = orgrules.refine_orgs(text, hits, enricher.knowledge)
    assert [h.text for h in out] == ["Tarnwick Audits"]


def test_a_comma_before_the_legal_form_makes_no_spelling_fuller(enricher: Enricher) -> None:
    hits = [
        cand.Hit(0, 15, "Quarnel Labs Inc.", "organization", "ner"),
        cand.Hit(40, 56, "Quarnel Labs, Inc.", "organization", "ner"),
        cand.Hit(80, 90, "Quarnel Inc.", "organization", "ner"),
        cand.Hit(100, 107, "Quarnel", "organization", "ner"),
    ]
    groups = cluster.group_orgs(hits, enricher.knowledge, [])
    # The parent written with its own legal form stays beside its unit.
    assert sorted(g.name for g in groups) == ["Quarnel Inc.", "Quarnel Labs Inc."]


def test_a_headquarters_named_as_where_an_event_is_held_is_a_venue() -> None:
    text = "The forum was held at Quarnley Headquarters in Tarnow."
    start = text.index("Quarnley")
    hit = cand.Hit(start, start + 21, "Quarnley Headquarters", "organization", "ner")
    assert orgrules.venues(text, [hit]) == {id(hit)}


def test_a_mountain_or_a_river_the_model_took_for_a_person_is_none(enricher: Enricher) -> None:
    kn = enricher.knowledge
    model = [cand.Hit(0, 11, "Quarnel Peak", "person", "ner")] * 3
    assert cand.is_phrase_not_person("Quarnel Peak", model, kn)
    assert not cand.is_phrase_not_person("Jane Quarnel", model, kn)


def test_lines_glued_together_are_cut_at_the_next_sentence_or_post() -> None:
    for glued, name in (
        ("Quarn Funds.Roeback", "Quarn Funds"),
        ('Continued Quarnness"The', "Continued Quarnness"),
        ("Continued Quarnness.”The", "Continued Quarnness"),
        ("Jane RoebackChief Executive", "Jane Roeback"),
    ):
        assert unglued(glued) == name, glued
    assert unglue("Quarn Labs Inc.") == (0, 0)


def test_a_given_name_of_a_person_named_in_full_is_that_person(enricher: Enricher) -> None:
    hits = [
        cand.Hit(0, 14, "Whitney Quarls", "person", "pattern"),
        cand.Hit(40, 47, "Whitney", "organization", "ner"),
        cand.Hit(60, 67, "Tarnvex", "organization", "ner"),
    ]
    cand.given_names_as_orgs(hits, enricher.knowledge)
    assert [h.label for h in hits] == ["person", "person", "organization"]


def test_plain_words_listed_beside_an_organisation_ending_are_names(
    enricher: Enricher,
) -> None:
    text = (
        "Members include Organ Donors Association, Share Hope America, Kidney Care "
        "Collaborative, and Tarnwell Fund."
    )
    names = ("Share Hope America", "Kidney Care Collaborative")
    hits = [
        cand.Hit(text.index(n), text.index(n) + len(n), n, "organization", "ner") for n in names
    ]
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == set()
    # Without a body's name beside them, such phrases are a list of services.
    text = "Quorvane offers Urgent Repairs, Share Hope America, and Kidney Care Collaborative."
    hits = [
        cand.Hit(text.index(n), text.index(n) + len(n), n, "organization", "ner") for n in names
    ]
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == {id(h) for h in hits}


def test_an_office_before_a_surname_alone_marks_a_person() -> None:
    text = "In President Quarnley's address, Governor Vell spoke. Quarnley Labs grew."
    hits = [
        cand.Hit(
            text.index("Quarnley"), text.index("Quarnley") + 8, "Quarnley", "organization", "ner"
        ),
        cand.Hit(text.index("Vell"), text.index("Vell") + 4, "Vell", "organization", "ner"),
        cand.Hit(
            text.index("Quarnley Labs"),
            text.index("Quarnley Labs") + 13,
            "Quarnley Labs",
            "organization",
            "ner",
        ),
    ]
    context.honorific_surnames(text, hits)
    assert [h.label for h in hits] == ["person", "person", "organization"]


def test_a_contact_label_glued_after_a_name_is_cut() -> None:
    start, end = unglue("Jane RoebackWebsite")
    assert "Jane RoebackWebsite"[start : len("Jane RoebackWebsite") - end] == "Jane Roeback"


def test_a_model_span_across_a_full_stop_is_two_spans(enricher: Enricher) -> None:
    text = "The summit moves to Quarnby. Saudi Arabia hosts it; St. Vell stays."
    spans = [
        (text.index("Quarnby"), text.index(" hosts")),
        (text.index("St. Vell"), text.index(" stays")),
    ]
    hits = cand.from_ner(text, [(a, b, "GPE") for a, b in spans], enricher.knowledge)
    assert [h.text for h in hits] == ["Quarnby", "Saudi Arabia", "St. Vell"]
    # An abbreviation's full stop ends no sentence.
    text = "Quarn Corp. Labs grew."
    assert list(cand._span_parts(text, 0, 16)) == [(0, 16)]


def test_a_school_named_after_a_person_is_an_organisation(enricher: Enricher) -> None:
    text = "Pupils at Jane Quarnley Elementary won."
    start = text.index("Jane")
    (hit,) = cand.from_ner(text, [(start, start + 25, "PERSON")], enricher.knowledge)
    assert cand.retype(hit, enricher.gazetteer, enricher.knowledge).label == "organization"


def test_a_notice_in_capitals_names_no_organisation() -> None:
    text = (
        "Quorvane grew. NEITHER THE QUARN VENTURE EXCHANGE NOR ITS REGULATION SERVICES "
        "PROVIDER ACCEPTS RESPONSIBILITY FOR THE ADEQUACY OF THIS RELEASE. QRN LABS: new."
    )
    (span,) = context.shouted_spans(text)
    assert (
        text[span[0] : span[1]].startswith("NEITHER") and "QRN LABS" not in text[span[0] : span[1]]
    )


def test_a_country_the_dateline_writes_in_capitals_is_a_place(enricher: Enricher) -> None:
    release = dated_release("QUARNBY, CANADA - July 15, 2026 (QUARNWIRE) -", "QUARNBY", "CA")
    places = [h.text for h in enricher._structured_hits(release) if h.label == "place"]
    assert "CANADA" in places


def test_plain_words_before_a_generic_ending_are_a_phrase(enricher: Enricher) -> None:
    text = "Analysts rank Quorvane first in Comprehensive Services; Quarnvex Services agrees."
    names = ("Comprehensive Services", "Quarnvex Services")
    hits = [
        cand.Hit(text.index(n), text.index(n) + len(n), n, "organization", "ner") for n in names
    ]
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == {id(hits[0])}
    # A strong ending still makes a name ("Comprehensive Care Foundation").
    text = "Analysts rank Quorvane first in Comprehensive Care Foundation."
    name = "Comprehensive Care Foundation"
    hit = cand.Hit(text.index(name), text.index(name) + len(name), name, "organization", "ner")
    assert orgrules.common_word_orgs(text, [hit], enricher.knowledge) == set()


def test_an_event_a_work_or_a_programme_is_no_organisation() -> None:
    for name in ("Quarnby Heart Walk", "The 25th Anniversary Party", "Tarn Readiness Ranking"):
        assert orgrules.is_event_or_work(name), name
    for name in ("The Quarn Project", "Quarnby Walkers Club", "Tarn Reporting Ltd"):
        assert not orgrules.is_event_or_work(name), name


def test_what_a_named_body_has_is_named_apart_from_it(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "QRA runs QRA’s BrokerView. QR.com’s Quarn Research Institute studies. "
        "McQuarn's Tarn Goods."
    )
    spans = ("QRA", "QRA’s BrokerView", "QR.com", "QR.com’s Quarn Research Institute")
    hits = [
        cand.Hit(text.index(n), text.index(n) + len(n), n, "organization", "ner") for n in spans
    ]
    brand = "McQuarn's Tarn Goods"
    hits.append(
        cand.Hit(text.index(brand), text.index(brand) + len(brand), brand, "organization", "ner")
    )
    out = [h.text for h in orgrules.owners_of_units(hits, kn)]
    # The owner is named on its own; a thing with a strong ending is a body too; a brand
    # whose owner the release never names alone keeps its possessive.
    assert out == ["QRA", "QRA", "QR.com", "QR.com", "Quarn Research Institute", brand]


def test_a_double_given_name_joins_the_surname_the_model_read() -> None:
    text = "I worked with Shanel Jo for years, founder Shanel Jo Quarnby said."
    known = cand.Hit(
        text.index("Shanel Jo"), text.index("Shanel Jo") + 9, "Shanel Jo", "person", "ner"
    )
    start = text.index("Jo Quarnby")
    model = cand.Hit(start, start + 10, "Jo Quarnby", "person", "ner")
    orgrules.extend_to_known_names(text, [known, model])
    assert model.text == "Shanel Jo Quarnby"


def test_a_firm_word_ends_no_person(enricher: Enricher) -> None:
    from services.enrich.names import looks_like_person

    assert not looks_like_person("Quarnel Global", enricher.knowledge)
    assert looks_like_person("Jane Quarnel", enricher.knowledge)


def test_an_admission_code_after_a_school_is_cut(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    assert orgrules.glued_cut("Quarnby University ED", gz) == (0, 3)
    assert orgrules.glued_cut("Quarnby College USA", gz) == (0, 0)


def test_an_honorific_in_the_headline_opens_a_person() -> None:
    text = "Mr. Anvel Quarnish Appointed Director of Tarnwell Films\nMr. Quarnish joins."
    end = text.index("\n")
    found = [(h.text, h.label) for h in orgrules.headline_honorifics(text, end)]
    assert found == [("Anvel Quarnish", "person")]
    assert orgrules.headline_honorifics("Quarnby Welcomes New Director\nText", 29) == []


def test_an_about_section_of_a_person_a_rule_reads_is_her_biography(enricher: Enricher) -> None:
    release = ParsedRelease(
        id="t",
        headline="Podcast Launches",
        paragraphs=[
            "Speaker Jane Quarnwell is launching a podcast on memory.",
            "“Stories matter,” said Jane Quarnwell, host of the show.",
        ],
        about=["About Jane Quarnwell\nJane Quarnwell is an entrepreneur and speaker."],
        language="en",
    )
    types = {e.name: e.type for e in enricher.enrich(release).entities}
    assert types.get("Jane Quarnwell") == "person", types


def test_a_school_code_after_a_university_of_a_place_is_cut(enricher: Enricher) -> None:
    name = "The University of Quarnby ED"
    assert orgrules.glued_cut(name, enricher.gazetteer) == (0, 3)


def test_a_state_before_a_word_for_a_region_names_a_place(enricher: Enricher) -> None:
    text = "It is one of the fastest-growing districts in the Texas Hill Country today."
    start = text.index("Texas")
    hit = cand.Hit(start, start + 18, "Texas Hill Country", "organization", "ner")
    context.person_contexts(text, [hit], enricher.gazetteer)
    assert hit.label == "place"
    other = cand.Hit(0, 19, "Quarnvex Hill Country", "organization", "ner")
    context.person_contexts("Quarnvex Hill Country", [other], enricher.gazetteer)
    assert other.label == "organization"


def test_a_trademark_sign_marks_a_product_not_a_body() -> None:
    text = "Quarnvex sells the QuarnStim™ EMS Suit and Tarnix® gel; Vell Labs (TM) too."
    assert context.trademarked(text, text.index("QuarnStim"), text.index(" and"))
    assert context.trademarked(text, text.index("Tarnix"), text.index("Tarnix") + 6)
    assert context.trademarked(text, text.index("Vell"), text.index("Vell") + 9)
    assert not context.trademarked(text, 0, 8)


def test_a_professional_firm_ending_names_an_organisation(enricher: Enricher) -> None:
    from services.enrich.names import has_org_suffix, looks_like_person

    kn = enricher.knowledge
    for name in ("Quarnell Architects", "Tarnwick Motion Pictures Entertainment"):
        assert has_org_suffix(name, kn) and not looks_like_person(name, kn), name


def test_the_items_under_a_sponsors_heading_are_organisations(enricher: Enricher) -> None:
    text = (
        "The party raised funds.\n\nEVENT SPONSORS\n\n* Quarnby Guitar Research\n"
        "* Tarnwell Ranch\n* Supervisor Jane Quarls\n\nTOPICS\n\n* Quarnby Guitar Lessons\n"
    )
    found = [h.text for h in orgrules.from_sponsor_lists(text, enricher.knowledge)]
    assert found == ["Quarnby Guitar Research", "Tarnwell Ranch"]


def test_a_lone_word_introduced_as_a_party_is_an_organisation(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarnex partners with Tarnlek. Jane Vellis spoke; Vellis agreed. Help with Python."
    words = ("Tarnlek", "Vellis", "Python")
    hits = [cand.Hit(0, 10, "Jane Vellis", "person", "pattern")]
    hits += [cand.Hit(text.rindex(w), text.rindex(w) + len(w), w, "person", "ner") for w in words]
    cand.lone_words_as_orgs(text, hits, kn)
    assert [h.label for h in hits[1:]] == ["organization", "person", "person"]


@pytest.mark.parametrize(
    ("short", "longer", "names"),
    [
        # A firm and its foundation are two bodies.
        ("Quarnmind", "The Quarnmind Foundation", ["Quarnmind", "The Quarnmind Foundation"]),
        # A short acronym web address stands apart from a longer name.
        ("QR.com", "QR Research Institute", ["QR Research Institute", "QR.com"]),
        # A one-word firm joins its fuller name.
        ("Tarnex", "Tarnex Labs Ltd", ["Tarnex Labs Ltd"]),
    ],
)
def test_which_one_word_names_join_a_longer_name(
    enricher: Enricher, short: str, longer: str, names: list[str]
) -> None:
    hits = [
        cand.Hit(0, len(short), short, "organization", "ner"),
        cand.Hit(40, 40 + len(longer), longer, "organization", "ner"),
    ]
    assert sorted(g.name for g in cluster.group_orgs(hits, enricher.knowledge, [])) == names


def test_a_preposition_or_time_word_opening_a_sentence_is_no_name() -> None:
    text = "* During a visit to Quarnby, Tarnex spoke. Now, the brand grows. Meet During Labs."
    assert orgrules.is_sentence_opener(text, 2, 8)
    now = text.index("Now")
    assert orgrules.is_sentence_opener(text, now, now + 3)
    tarnex = text.index("Tarnex")
    assert not orgrules.is_sentence_opener(text, tarnex, tarnex + 6)

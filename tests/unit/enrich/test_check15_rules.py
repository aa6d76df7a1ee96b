"""Held-out check 15 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import pytest

from services.enrich import candidates, cluster, evidence, names, orgrules
from services.enrich.core import Enricher
from services.enrich.segments import split_about_header
from tests.unit.enrich.spans import bulleted, entity_names, hit_at, list_names, release_of


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # Nothing in the text treats the name as a person's: a firm's name.
        ("Quarnacord Vellity is acting as sole placement agent for the offering.",
         "Quarnacord Vellity", "organization"),
        ("Acme shipped its first vans to Zorvo Mobility, which is based in Dubai.",
         "Zorvo Mobility", "organization"),
        ("Brera signed Serie B side Juvo Stallia in the south of Italy.", "Juvo Stallia",
         "organization"),
        # A post, an honorific or a speech verb vouches for a person.
        ("“We grew,” said Cepra cofounder and CEO Jurn Quell in the release.", "Jurn Quell",
         "person"),
        ("The board welcomed Minister of State for Trade, Jagrop Brell, to the site.",
         "Jagrop Brell", "person"),
        ("- Iyod Quakoub — Chief Coach & Behavioral Scientist, Strivewell", "Iyod Quakoub",
         "person"),
        ("Results were strong, Dr. Nikhot Hamzo told analysts.", "Nikhot Hamzo", "person"),
        ("Vorn Quellby said the plant would open in May.", "Vorn Quellby", "person"),
        # Check 16:
        # A surname of the name lists (no plain word) keeps a model person a person.
        ("The festival booked Zelvora Ruiz for its closing night.", "Zelvora Ruiz", "person"),
        ("The festival booked Zelvora Quarnity for its closing night.", "Zelvora Quarnity",
         "organization"),
        # A surname that is also a plain word vouches for nothing.
        ("The festival booked Zelvora Church for its closing night.", "Zelvora Church",
         "organization"),
        # The surname alone beside a speech verb, however the model read it there.
        ("The festival booked Zelvora Quorz. “It is a dream,” said Quorz, 24.", "Zelvora Quorz",
         "person"),
        ("The festival booked Zelvora Quorz. Quorz noted the crowd was large.", "Zelvora Quorz",
         "person"),
        ("The festival booked Zelvora Quorz. Quorz Labs said the crowd was large.",
         "Zelvora Quorz", "organization"),
    ],
)  # fmt: skip
def test_a_model_person_without_given_name_needs_a_cue(
    enricher: Enricher, text: str, name: str, label: str
) -> None:
    hit = hit_at(text, name, "person")
    evidence.unvouched_people(text, [hit], enricher.knowledge)
    assert hit.label == label


def test_a_surname_used_alone_or_a_list_with_a_person_vouches_for_the_name(
    enricher: Enricher,
) -> None:
    text = "John Roe and Rohot Quai join the board. Quai brings years of experience."
    hits = [
        hit_at(text, "John Roe", "person"),
        hit_at(text, "Rohot Quai", "person"),
        hit_at(text, "Quai", "person", nth=1),
    ]
    evidence.unvouched_people(text, hits, enricher.knowledge)
    assert hits[1].label == "person"
    alone = "John Roe and Rohot Quai join the board this week."
    pair = [hit_at(alone, "John Roe", "person"), hit_at(alone, "Rohot Quai", "person")]
    evidence.unvouched_people(alone, pair, enricher.knowledge)
    assert pair[1].label == "person"


def test_a_rule_found_person_is_left_alone(enricher: Enricher) -> None:
    text = "Quarnacord Vellity is acting as sole placement agent for the offering."
    hit = hit_at(text, "Quarnacord Vellity", "person", source="pattern")
    evidence.unvouched_people(text, [hit], enricher.knowledge)
    assert hit.label == "person"


def test_a_model_organisation_after_a_post_and_a_comma_is_a_person(enricher: Enricher) -> None:
    text = "The new chief people officer, Sophie Quarnes, brings 25 years of experience."
    hit = hit_at(text, "Sophie Quarnes", "organization")
    candidates.orgs_named_as_people(text, [hit], enricher.knowledge)
    assert hit.label == "person"


def test_an_unlisted_given_name_alone_is_the_person_named_in_full(enricher: Enricher) -> None:
    """ "Eyol" is in no name list, but "Eyol Sharetzky" is a person of the release."""
    text = "CEO Eyol Sharetzky spoke with analysts. As Eyol shared, the year was strong."
    person = hit_at(text, "Eyol Sharetzky", "person")
    alone = hit_at(text, "Eyol", "organization", nth=1)
    candidates.given_names_as_orgs([person, alone], enricher.knowledge)
    assert alone.label == "person"


def test_a_company_ending_keeps_an_acronym_defined_name_a_name(enricher: Enricher) -> None:
    text = "It licensed the process from Koch Technology Solutions (“KTS”) in May."
    assert candidates.titled_terms(text, enricher.knowledge) == []
    term = "It received Foreign Trade Zone (“FTZ”) status in May."
    assert [acronym for _, _, acronym in candidates.titled_terms(term, enricher.knowledge)] == [
        "FTZ"
    ]


def test_the_acronym_of_a_title_case_term_is_no_organisation_elsewhere(
    enricher: Enricher,
) -> None:
    release = release_of(
        "Quarn Motors received Foreign Trade Zone (“FTZ”) status for its plant in Tunica.",
        "The FTZ approval lowers duties on parts. FTZ status took a year to win.",
    )
    assert "FTZ" not in entity_names(enricher, release)


def test_a_shouted_ap_state_is_the_state_and_a_postal_code_stays_exact(
    enricher: Enricher,
) -> None:
    gazetteer = enricher.gazetteer
    assert [gazetteer.region(s).name for s in ("CALIF.", "MICH.", "N.C.", "W.VA.")] == [  # type: ignore[union-attr]
        "California",
        "Michigan",
        "North Carolina",
        "West Virginia",
    ]
    assert gazetteer.abbreviation("in") is None


def test_an_about_heading_glued_to_its_paragraphs_first_word_is_cut_off() -> None:
    paragraph = (
        "Since 2001, Quarn Foundation has funded research on rare diseases in Reno and Elko."
    )
    assert split_about_header("About Quarn Foundation" + paragraph) == (
        "About Quarn Foundation\n" + paragraph
    )
    assert split_about_header("About TheraWith Labs\nTheraWith Labs makes tools.") == (
        "About TheraWith Labs\nTheraWith Labs makes tools."
    )


def test_a_name_cut_before_in_takes_the_words_its_acronym_spells(enricher: Enricher) -> None:
    text = "with the Quarn Center for Excellence in Desert Farming (QCEDF) and others"
    hit = hit_at(text, "Quarn Center for Excellence", "organization")
    orgrules.extend_to_acronym(text, [hit])
    assert hit.text == "Quarn Center for Excellence in Desert Farming"
    other = "with the Quarn Center for Excellence in Desert Farming (QCE) and others"
    short = hit_at(other, "Quarn Center for Excellence", "organization")
    orgrules.extend_to_acronym(other, [short])
    assert short.text == "Quarn Center for Excellence"


def test_a_contact_heading_after_a_firm_is_no_part_of_its_name(enricher: Enricher) -> None:
    text = "Quarn Digital Contact Information: Jane Roe, CEO"
    start = text.index("Quarn")
    end = text.index(":")
    a, b = names.trim(text, start, end, enricher.knowledge, person=False)
    assert text[a:b] == "Quarn Digital"


def test_company_ends_a_name_run(enricher: Enricher) -> None:
    text = "Today Star of the Quarn Milling Company launched its program for growers."
    found = {h.text for h in orgrules.from_runs(text, enricher.knowledge)}
    assert "Star of the Quarn Milling Company" in found


@pytest.mark.parametrize(
    "name", ["~$1.5B LNG", "Company’s Scientific Advisory Board", "Firm’s Quarn Desk"]
)
def test_an_amount_or_a_part_of_the_firm_is_no_organisation(enricher: Enricher, name: str) -> None:
    hit = candidates.Hit(0, len(name), name, "organization", "ner")
    assert not candidates.keep(hit, enricher.knowledge)
    owner = candidates.Hit(0, 24, "Quarnby’s Advisory Board", "organization", "ner")
    assert candidates.keep(owner, enricher.knowledge)


def test_a_post_before_of_the_institution_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    name = "Co-Director and Principal Faculty of the Quarn Stem Cell Institute"
    assert name[orgrules.post_of_institution(name, kn) :] == "Quarn Stem Cell Institute"
    assert orgrules.post_of_institution("Bank of Quarnland", kn) == 0
    assert orgrules.post_of_institution("Friends of the Quarn Foundation", kn) == 0


def test_an_agency_acting_in_a_participle_is_named(enricher: Enricher) -> None:
    text = "Quarn has FDA-cleared technology and an SEC-style filing."
    found = [h.text for h in candidates.from_aliases(text, enricher.knowledge)]
    assert found == ["FDA"]


def test_the_names_after_the_last_colon_of_a_list_of_categories(enricher: Enricher) -> None:
    lines = [
        "Best in Class: Candidate Experience: Quarntec",
        "Best in Class: Employee Experience: N-vell",
        "Best in Class: Innovation: BrellIQ",
        "HR Team of the Year: Tarnwinds",
    ]
    found = list_names(bulleted("Team Awards", lines), enricher)
    assert found == {"Quarntec", "N-vell", "BrellIQ", "Tarnwinds"}


def test_items_of_a_list_a_noun_for_firms_opens_are_vouched_for() -> None:
    text = "Local cannabis companies like Coastal Sun, Highway One Distribution, Bird Valley."
    items = {text[a:b] for a, b in evidence.cued_list_items(text)}
    assert {"Coastal Sun", "Highway One Distribution", "Bird Valley"} <= items
    assert evidence.cued_list_items("We visited Coastal Sun, Highway One and Bird Valley.") == set()


def test_a_lower_case_term_may_spell_its_acronym_from_inside_a_word() -> None:
    text = "in glioblastoma multiforme (“GBM”) and heart rate variability (HRV), not quarnex (QRX)"
    assert candidates.term_acronyms(text) == {"GBM", "HRV"}


def test_more_exchanges_mark_tickers_and_pvt_ltd_ends_a_name() -> None:
    text = "Quarnsilica PLC (AIM: QRNS) and Brell (NasdaqGS: BRL) and Tarn (Euronext Paris: TRN)"
    assert candidates.tickers(text) == {"QRNS", "BRL", "TRN"}
    assert candidates.SUFFIX_TAIL.match(". Ltd. is based") is not None
    assert candidates.SUFFIX_TAIL.match(". Later that year") is None


def test_a_headline_legal_form_becomes_one_of_the_names(enricher: Enricher) -> None:
    release = release_of(
        "Quarnagenics, a company in brain health, will present at the Tarn Summit in May.",
        "Quarnagenics will also meet investors there.",
        headline="Quarnagenics Inc. to Present at the Tarn Summit",
    )
    entity = next(e for e in enricher.enrich(release).entities if e.name.startswith("Quarn"))
    assert "Quarnagenics Inc." in [entity.name, *entity.aliases]


def test_nyse_american_is_its_own_exchange(enricher: Enricher) -> None:
    names = entity_names(enricher, release_of("Quarnagenics (NYSE American: QRN) will present."))
    assert "NYSE American" in names
    assert "NYSE" not in names


def test_a_short_name_joins_the_longer_name_that_only_adds_a_firm_ending(
    enricher: Enricher,
) -> None:
    names = [
        "Golden Quarnix Group",
        "Golden Quarnix",
        "Avatar Brellical",
        "Avatar Brellical Vision",
    ]
    hits = [
        candidates.Hit(i * 40, i * 40 + len(n), n, "organization", "ner")
        for i, n in enumerate(names)
    ]
    groups = {
        g.name: {h.text for h in g.hits} for g in cluster.group_orgs(hits, enricher.knowledge, [])
    }
    assert groups == {
        "Golden Quarnix Group": {"Golden Quarnix Group", "Golden Quarnix"},
        "Avatar Brellical": {"Avatar Brellical"},
        "Avatar Brellical Vision": {"Avatar Brellical Vision"},
    }


def test_an_llc_glued_to_the_next_paragraph_is_read() -> None:
    assert candidates.SUFFIX_TAIL.match(", LLCROTH is a relationship-driven bank") is not None
    assert candidates.SUFFIX_TAIL.match(", LLCs are common") is None


def test_a_given_name_the_model_calls_a_firm_twice_is_still_the_person(
    enricher: Enricher,
) -> None:
    text = "Acme named Sophie Quarnes CHRO. We welcome Sophie. Sophie starts in May."
    person = hit_at(text, "Sophie Quarnes", "person", source="pattern")
    alone = [hit_at(text, "Sophie", "organization", nth=n) for n in (1, 2)]
    candidates.given_names_as_orgs([person, *alone], enricher.knowledge)
    assert [h.label for h in alone] == ["person", "person"]


def test_a_hyphenated_city_and_a_place_before_based(enricher: Enricher) -> None:
    assert enricher.gazetteer.known("Tel-Aviv") is not None
    text = "Quarnuran is the founder of the Tel-Aviv based BRELL startup incubator."
    assert [h.text for h in orgrules.from_roles(text, enricher.knowledge)] == []


@pytest.mark.parametrize("name", ["Quarnby United", "Brellcorp"])
def test_a_club_or_a_firm_the_model_calls_a_place_is_an_organisation(
    enricher: Enricher, name: str
) -> None:
    hit = candidates.Hit(0, len(name), name, "place", "ner")
    assert candidates.retype(hit, enricher.gazetteer, enricher.knowledge).label == "organization"


@pytest.mark.parametrize(
    ("name", "cut"),
    [("CreativeEd Quarnie", 8), ("TherapeuticsKarsten Brell", 12), ("MacKenzie Roe", 0)],
)
def test_a_word_glued_before_a_given_name_is_cut(enricher: Enricher, name: str, cut: int) -> None:
    assert orgrules._glued_before_given_name(name, enricher.knowledge) == cut


def test_hyphened_titles_open_no_name(enricher: Enricher) -> None:
    assert names.is_title("Brigadier-General", enricher.knowledge)
    assert not names.is_title("Quarn-General", enricher.knowledge)
    text = "* Opening Keynote by Brigadier-General Jane Quarnby, Commander of 3 Quarn Division"
    found = [h.text for h in evidence.from_attributions(text, enricher.knowledge)]
    assert found == ["Jane Quarnby"]


def test_well_known_organisations_are_names_except_plain_words(enricher: Enricher) -> None:
    from dataclasses import replace

    from services.enrich.knowledge import from_mapping

    base = from_mapping({"organizations": ["Quarn Tinto", "Vale", "Morgan", "Adelaide", "QRNX"]})
    kn = replace(
        base, lexicon=enricher.knowledge.lexicon, given_names=enricher.knowledge.given_names
    )
    names = candidates.org_names(kn, enricher.gazetteer)
    assert set(names) == {"Quarn Tinto", "QRNX"}
    kn = replace(kn, org_aliases=names)
    text = "Quarn Tinto and QRNX bid; the Quarn Tintoretto show and QRNX-style deals differ."
    assert [h.text for h in candidates.from_aliases(text, kn)] == ["Quarn Tinto", "QRNX"]


def test_the_shipped_list_is_loaded_and_a_trademarked_namesake_is_a_product(
    enricher: Enricher,
) -> None:
    assert "Rio Tinto" in enricher.knowledge.org_aliases
    release = release_of("Its brands include Roku™ and Sipsmith® gin. Rio Tinto mines copper.")
    names = entity_names(enricher, release)
    assert "Rio Tinto" in names
    assert "Roku" not in names


def test_a_firm_a_person_rule_found_is_a_firm_when_the_release_says_so_more(
    enricher: Enricher,
) -> None:
    text = "Quarn Pacific Metals, CEO of ... Quarn Pacific Metals argues ... Quarn Pacific Metals"
    person = hit_at(text, "Quarn Pacific Metals", "person", source="pattern")
    orgs = [hit_at(text, "Quarn Pacific Metals", "organization", nth=n) for n in (1, 2)]
    candidates.firms_a_rule_named_as_people([person, *orgs], enricher.knowledge)
    assert person.label == "organization"
    named = hit_at("Jane Quarnby, CEO", "Jane Quarnby", "person", source="pattern")
    org = hit_at("Jane Quarnby, CEO", "Jane Quarnby", "organization")
    other = hit_at("Jane Quarnby, CEO", "Jane Quarnby", "organization")
    candidates.firms_a_rule_named_as_people([named, org, other], enricher.knowledge)
    assert named.label == "person"

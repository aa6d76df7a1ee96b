"""Held-out check 21 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, cluster, context, evidence, orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.names import HONORIFIC_BEFORE, is_person_post, person_cue
from services.parse.contacts import find_names
from tests.unit.enrich.spans import hit_at, trimmed


def texts(hits: list[Hit], label: str = "person") -> list[str]:
    return [h.text for h in hits if h.label == label]


def test_a_person_whose_post_names_a_body_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    person = "Dana Quarnby, the Vesk Bank Fund portfolio manager, said the fund grew."
    assert texts(orgrules.from_appositives(person, kn), "organization") == []
    firm = "Vesk Holdings, the bank holding company of Quarn Bank, said the fund grew."
    assert texts(orgrules.from_appositives(firm, kn), "organization") == ["Vesk Holdings"]


def test_a_post_in_capitals_vouches_for_the_given_name_and_family_name_after_it(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "“We grew,” said Vesk Orbital CEO Jon Quarnby. Chief Quarn Vesk agreed."
    assert texts(candidates.from_posted_names(text, kn)) == ["Jon Quarnby"]
    # A capitalised word after the name makes it some body's name, not hers.
    assert candidates.from_posted_names("the CEO Jon Quarnby Foundation gave", kn) == []


def test_said_before_a_given_name_the_text_uses_elsewhere_is_the_verb(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = 'Mira opened the studio in May. Said Mira, "We love the work."'
    assert trimmed(text, "Said Mira", kn, person=True) == "Mira"
    # "Said" opens a name when nothing else in the text is her name.
    once = 'The report was short. Said Mira, "We love the work."'
    assert trimmed(once, "Said Mira", kn, person=True) == "Said Mira"


def test_his_excellency_and_a_post_joined_by_an_ampersand_vouch_for_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    assert HONORIFIC_BEFORE.search("said H.E. ") and HONORIFIC_BEFORE.search("said HE ")
    assert not HONORIFIC_BEFORE.search("said SHE ")
    assert is_person_post("MD&CEO", kn) and is_person_post("Founder/CEO", kn)
    assert not is_person_post("R&D", kn)
    text = "said Quarnel Vesko Dorrani, MD&CEO of Vesk Power."
    start = text.index("Quarnel")
    assert person_cue(text, start, start + len("Quarnel Vesko Dorrani"), [], kn)


def test_a_model_person_ending_in_a_world_region_is_a_firms_arm(enricher: Enricher) -> None:
    text = "Sponsors: Avanquarn, Quarnby Middle East, Vesk Tools."
    start = text.index("Quarnby")
    hits = candidates.from_ner(text, [(start, start + 19, "PERSON")], enricher.knowledge)
    assert [(h.text, h.label) for h in hits] == [("Quarnby Middle East", "organization")]


def test_a_quoted_title_with_a_plain_word_inside_is_no_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = 'Her debut, "Luca Meets Quarnby," won praise; "Dana Jo Quarnby" signed it.'
    start = text.index("Luca")
    assert candidates.from_ner(text, [(start, start + 18, "PERSON")], kn) == []
    start = text.index("Dana")
    hits = candidates.from_ner(text, [(start, start + 15, "PERSON")], kn)
    assert texts(hits) == ["Dana Jo Quarnby"]


def test_the_second_name_of_a_firm_written_with_an_ampersand_opens_no_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Signing at Barnes & Noble Quarnhampton on Friday."
    start = text.index("Quarnhampton")
    hits = candidates.from_ner(text, [(start, start + 12, "PERSON")], kn)
    assert texts(hits) == ["Quarnhampton"]  # not "Noble Quarnhampton"
    start = text.index("Noble")
    assert candidates.from_ner(text, [(start, start + 18, "PERSON")], kn) == []
    # A couple's ampersand follows a given name: "Mary & Tom Quarnby" keeps its reading.
    couple = "Thanks to Mary & Tom Quarnby."
    start = couple.index("Tom")
    assert texts(candidates.from_ner(couple, [(start, start + 11, "PERSON")], kn)) == [
        "Tom Quarnby"
    ]


def test_the_particles_between_two_model_people_join_one_name() -> None:
    text = "Founded by Dr. Katrien van der Quarnwe, the clinic grew.  Vesk agreed."
    a, b = text.index("Katrien"), text.index("Quarnwe")
    joined = candidates.joined_people(text, [(a, a + 11, "PERSON"), (b, b + 7, "PERSON")])
    assert [text[s:e] for s, e, _ in joined] == ["Katrien van der Quarnwe"]
    # Spaces alone across a paragraph gap join nothing.
    c = text.index("Vesk")
    apart = candidates.joined_people(text, [(b, b + 7, "PERSON"), (c, c + 4, "PERSON")])
    assert len(apart) == 2


def test_initials_or_a_bare_middle_initial_make_a_model_body_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Producer S.W. Quarnelli adds, “It is personal.” - Fran R Quarnotta, Vesk Review"
    hits = [
        hit_at(text, "S.W. Quarnelli", "organization"),
        hit_at(text, "Fran R Quarnotta", "organization"),
    ]
    candidates.orgs_named_as_people(text, hits, kn)
    assert [h.label for h in hits] == ["person", "person"]
    # Initials with nothing that treats them as a person stay a body.
    firm = "Shares of S.W. Quarnelli rose."
    hits = [hit_at(firm, "S.W. Quarnelli", "organization")]
    candidates.orgs_named_as_people(firm, hits, kn)
    assert hits[0].label == "organization"


def test_two_people_with_one_given_and_family_name_but_other_middles_stay_apart() -> None:
    father = Hit(0, 20, "John Merritt Quarnby", "person", "ner")
    son = Hit(30, 45, "John A. Quarnby", "person", "ner")
    same = Hit(50, 62, "John Quarnby", "person", "ner")
    groups = cluster.group_people([son, father, same], [])
    assert sorted(g.name for g in groups) == ["John A. Quarnby", "John Merritt Quarnby"]
    initial = Hit(70, 88, "John M. Quarnby", "person", "ner")
    assert len(cluster.group_people([father, initial], [])) == 1


def test_a_phone_number_or_address_ends_a_contacts_name() -> None:
    line = "For media inquiries, please contact: Andrew Quarnby (303) 555-0142 aq@vesk.com Vesk"
    assert find_names(line) == ["Andrew Quarnby"]


def test_a_headline_names_the_person_a_post_follows(enricher: Enricher) -> None:
    text = "Q&A with Gregor Quarnetter, Author of Vesk Days\n\nGregor Quarnetter writes."
    hits = orgrules.headline_posts(text, text.index("\n"), enricher.knowledge)
    assert texts(hits) == ["Gregor Quarnetter"]
    plain = "Vesk Labs and Quarn Tools, Partners in Growth\n\nBody."
    assert orgrules.headline_posts(plain, plain.index("\n"), enricher.knowledge) == []


def test_a_bulleted_list_of_names_alone_names_people(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = (
        "Attorneys recognized:\n\n* M. Blake Quarnby\n* L. Katherine Vesk\n* Jeremy W. Quarn\n"
        "* Bindu Ann Quarnapura\n* Aaron H. Vesklin – Up and Coming\n"
    )
    assert texts(candidates.from_name_bullets(text, kn, gz)) == [
        "M. Blake Quarnby",
        "L. Katherine Vesk",
        "Jeremy W. Quarn",
        "Bindu Ann Quarnapura",
        "Aaron H. Vesklin",
    ]
    products = "Our range:\n\n* Vesk Pro Max\n* Quarn Lite\n* Vesk Studio Go\n* Quarn Mini\n"
    assert candidates.from_name_bullets(products, kn, gz) == []


def test_an_authors_possessive_is_no_part_of_her_name(enricher: Enricher) -> None:
    text = "As clubs seek players, author Venessa Quarnlin's latest book arrives."
    assert texts(evidence.from_attributions(text, enricher.knowledge)) == ["Venessa Quarnlin"]


def test_a_straight_quote_after_a_space_opens_a_quote_it_does_not_close(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = 'said Helena Quarn, founder of Vesk Hair. "This Quarn Day, we cut prices."'
    assert "This Quarn Day" not in texts(evidence.from_attributions(text, kn))
    closing = '"We cut prices," Helena Quarn, founder of Vesk Hair, said.'
    assert "Helena Quarn" in texts(evidence.from_attributions(closing, kn))


def test_a_product_named_by_the_plural_the_release_sells_is_no_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Vesk Hair sells wigs: lace wigs, Bob Wigs and more wigs. Dana Woods said so."
    hits = [hit_at(text, "Bob Wigs", "person"), hit_at(text, "Dana Woods", "person")]
    assert texts(context.person_shapes(text, hits, kn)) == ["Dana Woods"]


def test_a_particle_after_a_title_word_belongs_to_the_family_name(enricher: Enricher) -> None:
    text = "H.E. Raja Al Quarnouei, Chief Executive Officer of Vesk, said."
    hits = [hit_at(text, "Raja Al Quarnouei", "person", source="pattern")]
    assert texts(orgrules.trim_people(hits, enricher.knowledge)) == ["Raja Al Quarnouei"]

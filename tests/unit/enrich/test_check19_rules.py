"""Held-out check 19 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import re

from services.enrich import candidates, cluster, context, orgrules
from services.enrich.core import Enricher
from tests.unit.enrich.spans import dated_release, entity_names, release_of, trimmed


def test_an_about_heading_of_a_given_name_and_surname_names_no_body(enricher: Enricher) -> None:
    text = "Body.\n\nAbout Maria Quarnby\n\nMaria Quarnby is a recruiting expert in Tampa."
    assert orgrules.from_about_headers(text, enricher.knowledge, 0) == []
    firm = "Body.\n\nAbout Maria Quarnby Consulting\n\nMaria Quarnby Consulting advises firms."
    assert [h.text for h in orgrules.from_about_headers(firm, enricher.knowledge, 0)] == [
        "Maria Quarnby Consulting"
    ]


def test_a_dash_bullet_opens_its_line_so_its_first_word_is_no_part_of_a_name(
    enricher: Enricher,
) -> None:
    text = "Highlights:\n\n- For Vesklan, this was a day to remember."
    assert trimmed(text, "For Vesklan", enricher.knowledge, person=True) == "Vesklan"
    # Inside a sentence, a hyphen is no bullet.
    inline = "The two-day - For Vesklan event"
    assert trimmed(inline, "For Vesklan", enricher.knowledge, person=True) == "For Vesklan"


def test_no_name_ends_in_a_capitalised_preposition(enricher: Enricher) -> None:
    text = "Quarnex (QRX) To Open Up Vesk Network To The World"
    assert trimmed(text, "Vesk Network To", enricher.knowledge, person=False) == "Vesk Network"
    assert candidates.from_nicknames(text) == []
    # A nickname between a given name and a surname still is one.
    nick = candidates.from_nicknames("Said Juan Carlos (JC) Quarnby today.")
    assert [h.canonical for h in nick] == ["Juan Carlos Quarnby"]


def test_a_media_advisorys_who_field_is_no_acronym(enricher: Enricher) -> None:
    text = "WHO: Eligible applicants are nonprofits.\nThe WHO warned of a new outbreak."
    hits = candidates.from_aliases(text, enricher.knowledge)
    assert [h.start for h in hits] == [text.index("The WHO") + 4]


def test_a_firms_role_before_its_name_at_a_sentences_start_is_cut(enricher: Enricher) -> None:
    text = "Out now.  Publisher Vesk Books, LLC specializes in fast turnaround."
    assert trimmed(text, "Publisher Vesk Books, LLC", enricher.knowledge, person=False) == (
        "Vesk Books, LLC"
    )


def test_a_state_before_c_corporation_is_a_place(enricher: Enricher) -> None:
    text = "Quarnlytics Corp. is a Delaware C corporation headquartered in Chesterbrook."
    assert trimmed(text, "Delaware C", enricher.knowledge, person=False) == "Delaware"
    names = {e.name: e.type for e in enricher.enrich(release_of(text)).entities}
    assert names.get("Delaware") == "place"
    assert "Delaware C" not in names


def test_a_name_opening_a_longer_name_of_the_release_is_that_person(enricher: Enricher) -> None:
    text = (
        "“We keep every car as new,” said Tariq Amin Quarnzai Vell, CEO of Vesk Motors.\n\n"
        "Contact: Tariq Amin Quarnzai, phone 555 0100."
    )
    people = [e for e in enricher.enrich(release_of(text)).entities if e.type == "person"]
    assert [p.name for p in people] == ["Tariq Amin Quarnzai Vell"]


def test_a_person_naming_a_band_is_no_mention_of_the_person(enricher: Enricher) -> None:
    text = "Shows this summer: Vesk Fest 2024 and the Daniel Quarnby Band Summer Campout 2024."
    hit = candidates.Hit(text.index("Daniel"), text.index(" Band"), "Daniel Quarnby", "person",
                         "ner")  # fmt: skip
    assert context.eponyms(text, [hit]) == {id(hit)}


def test_a_roster_lines_affiliations_parted_by_a_bar_are_one_body_each(
    enricher: Enricher,
) -> None:
    text = "Committee:\n\n* Dana Quarnby, Vesk & Lorne | Pacific Quarn Realty Advisors\n"
    orgs = [h.text for h in candidates.from_bullets(text, enricher.knowledge)
            if h.label == "organization"]  # fmt: skip
    assert orgs == ["Vesk & Lorne", "Pacific Quarn Realty Advisors"]


def test_a_slash_between_names_in_a_span_of_several_words_lists_them(enricher: Enricher) -> None:
    text = "He was once the lobbyist for Dana Quarnby/Vesk Corporation/Lorne, she said."
    start = text.index("Dana")
    ents = [(start, text.index(", she"), "PERSON")]
    parts = [h.text for h in candidates.from_ner(text, ents, enricher.knowledge)]
    assert parts[:2] == ["Dana Quarnby", "Vesk Corporation"]
    # Two single words joined by a slash may be one firm's name.
    one = "Shows made by Quarnby/Vell air tonight."
    ents = [(one.index("Quarnby"), one.index(" air"), "ORG")]
    assert [h.text for h in candidates.from_ner(one, ents, enricher.knowledge)] == ["Quarnby/Vell"]


def test_a_practice_or_trades_word_marks_a_body(enricher: Enricher) -> None:
    for name in ("Vesk Psychiatry", "Quarn Heart & Wellness", "Lorne Aesthetics", "Vell Roofing"):
        assert any(cluster.marked_words(name, enricher.knowledge)), name


def test_a_speech_verb_opening_the_sentence_is_no_part_of_the_speakers_name(
    enricher: Enricher,
) -> None:
    text = "Ten firms made it.   Said Maria Quarnby, Vesk Events GM: “It is a fine list.”"
    assert trimmed(text, "Said Maria Quarnby", enricher.knowledge, person=True) == ("Maria Quarnby")
    # With no quotation after it, "Said" may open a name.
    plain = "Ten firms made it. Said Maria Quarnby joined the board in May."
    assert trimmed(plain, "Said Maria Quarnby", enricher.knowledge, person=True) == (
        "Said Maria Quarnby"
    )


def test_sr_before_a_post_is_senior_not_a_generation() -> None:
    text = "said Dana Quarnby, Sr. Director of Vesk Events, and Lee Vell, Sr. of Tulsa."
    dana = candidates.Hit(5, 17, "Dana Quarnby", "person", "ner")
    lee = candidates.Hit(text.index("Lee"), text.index(", Sr. of"), "Lee Vell", "person", "ner")
    context.generations(text, [dana, lee])
    assert (dana.text, lee.text) == ("Dana Quarnby", "Lee Vell, Sr.")


def test_two_institutions_joined_by_and_are_two_bodies(enricher: Enricher) -> None:
    text = "A study by Quarn Universiti Sains and Vesk Valley University found it."
    name = "Quarn Universiti Sains and Vesk Valley University"
    hit = candidates.Hit(text.index("Quarn"), text.index(" found"), name, "organization", "ner")
    parts = orgrules.paired_institutions([hit], enricher.knowledge)
    assert [(h.text, text[h.start : h.end]) for h in parts] == [
        ("Quarn Universiti Sains", "Quarn Universiti Sains"),
        ("Vesk Valley University", "Vesk Valley University"),
    ]
    one = "Quarn University and Medicine"
    kept = candidates.Hit(0, len(one), one, "organization", "ner")
    assert orgrules.paired_institutions([kept], enricher.knowledge) == [kept]


def test_a_condition_a_plan_or_a_regulatory_pathway_is_no_body(enricher: Enricher) -> None:
    for name in ("PTSD", "ESOP", "Accelerated Approval", "Medicare Advantage", "DevOps"):
        hit = candidates.Hit(0, len(name), name, "organization", "ner")
        assert not candidates.keep(hit, enricher.knowledge), name


def test_a_negated_name_or_a_describing_compound_is_no_body(enricher: Enricher) -> None:
    for name in ("non-Quarn", "anti-Vesk", "Customer-Focused", "AI-Powered", "SEO-Driven"):
        hit = candidates.Hit(0, len(name), name, "organization", "ner")
        assert not candidates.keep(hit, enricher.knowledge), name
    hit = candidates.Hit(0, 8, "Pro-Vesk", "organization", "ner")
    assert candidates.keep(hit, enricher.knowledge)


def test_a_famous_person_named_by_the_family_name_alone(enricher: Enricher) -> None:
    from dataclasses import replace

    knowledge = replace(enricher.knowledge, famous_surnames=frozenset({"Quarnwick", "Court"}))
    text = (
        "President Quarnwick signed it. Critics of Quarnwick’s plan met. “We won,” Quarnwick "
        "said. Vesk Quarnwick Labs grew. The Court’s ruling stood."
    )
    found = [(h.text, h.start) for h in candidates.from_famous_surnames(text, knowledge)]
    starts = [m.start() for m in re.finditer("Quarnwick", text)]
    assert found == [("Quarnwick", s) for s in starts[:3]]
    # Shipped: the known people's family names that are no place, given name or body.
    assert "Beethoven" in enricher.knowledge.famous_surnames
    assert not {"Washington", "Fox", "Jordan"} & enricher.knowledge.famous_surnames


def test_two_well_known_bodies_joined_by_an_ampersand_are_two(enricher: Enricher) -> None:
    text = "The maker partners with Walmart & Target this year."
    hit = candidates.Hit(text.index("Walmart"), text.index(" this"), "Walmart & Target",
                         "organization", "ner")  # fmt: skip
    parts = orgrules.paired_institutions([hit], enricher.knowledge)
    assert [h.text for h in parts] == ["Walmart", "Target"]
    firm = candidates.Hit(0, 11, "Vesk & Lorn", "organization", "ner")
    assert orgrules.paired_institutions([firm], enricher.knowledge) == [firm]


def test_a_well_known_bodys_plain_name_is_kept_and_never_a_person(enricher: Enricher) -> None:
    text = "Data centers use water daily. Google alone reported using billions of gallons."
    hit = candidates.Hit(text.index("Google"), text.index(" alone"), "Google", "organization",
                         "ner")  # fmt: skip
    assert orgrules.common_word_orgs(text, [hit], enricher.knowledge) == set()
    person = candidates.Hit(0, 6, "Google", "person", "ner")
    assert candidates.retype(person, enricher.gazetteer, enricher.knowledge).label == (
        "organization"
    )


def test_a_model_person_ending_in_a_bodys_word_is_a_body(enricher: Enricher) -> None:
    for name, label in (
        ("Vesk Hotel", "organization"),
        ("Quarn Wellness", "organization"),
        ("Echo Apartments", "organization"),
        ("Dana Power", "person"),  # a family name too
        ("Dana Quarnby", "person"),
    ):
        hit = candidates.Hit(0, len(name), name, "person", "ner")
        assert candidates.retype(hit, enricher.gazetteer, enricher.knowledge).label == label


def test_a_well_known_body_called_by_its_symbol_keeps_its_name(enricher: Enricher) -> None:
    text = "JLL (NYSE: JLL) said so. Advanced Micro Devices Inc. (NASDAQ: AMD) did not."
    assert candidates.symbols_not_names(text, enricher.knowledge) == frozenset({"AMD"})


def test_a_social_or_a_retreat_is_no_body() -> None:
    for name in ("Vesk Happy Hour", "Quarn Fan Fest", "Women's Wellness Retreat", "Lorn Mixer"):
        assert orgrules.EVENT_OR_WORK.search(name), name
    assert not orgrules.EVENT_OR_WORK.search("Quarn Festivity Partners")


def test_a_bodys_registered_name_is_still_the_body(enricher: Enricher) -> None:
    text = (
        "For 25 years the Quarn Myeloma Research Foundation® has funded trials. The Vesk "
        "Glow™ Kit ships in May."
    )
    names = entity_names(enricher, release_of(text))
    assert "Quarn Myeloma Research Foundation" in names
    assert not any("Vesk Glow" in name for name in names)


def test_plain_words_a_release_calls_a_firm_and_names_again_are_a_body(
    enricher: Enricher,
) -> None:
    text = (
        "Vesk bought Taurus Asset Management, a wealth management firm in Ohio. "
        "Taurus Asset Management keeps its staff."
    )
    hits = [
        candidates.Hit(m.start(), m.end(), m.group(), "organization", "ner")
        for m in re.finditer("Taurus Asset Management", text)
    ]
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == set()
    once = "Good Asset Management matters. Asset Management is hard."
    hit = candidates.Hit(0, 21, "Good Asset Management", "organization", "ner")
    assert orgrules.common_word_orgs(once, [hit], enricher.knowledge) == {id(hit)}


def test_a_publication_partners_and_congress_are_bodies(enricher: Enricher) -> None:
    text = "Quoted by Vesk Economic Daily and Quarn Monthly; Turner & Townsend advised."
    hits = [
        candidates.Hit(text.index(n), text.index(n) + len(n), n, "organization", "ner")
        for n in ("Vesk Economic Daily", "Turner & Townsend")
    ]
    assert orgrules.common_word_orgs(text, hits, enricher.knowledge) == set()
    assert any(cluster.marked_words("Quarn Monthly", enricher.knowledge))
    assert any(cluster.marked_words("Funky Vell Barbershop", enricher.knowledge))
    said = "Congress met. Congress voted. Congress adjourned."
    group = cluster.Group("organization", "Congress", [
        candidates.Hit(m.start(), m.end(), "Congress", "organization", "ner")
        for m in re.finditer("Congress", said)
    ])  # fmt: skip
    assert not cluster.lacks_org_mark(group, said, enricher.knowledge, enricher.known_org_keys)


def test_a_country_before_a_known_bodys_name_is_cut_unless_known_with_it(
    enricher: Enricher,
) -> None:
    text = "Funded by the US National Institutes of Health and the U.S. Army."
    nih = candidates.Hit(text.index("US"), text.index(" and"), "US National Institutes of Health",
                         "organization", "ner")  # fmt: skip
    army = candidates.Hit(text.index("U.S."), len(text) - 1, "U.S. Army", "organization", "ner")
    orgrules.cut_country_prefix([nih, army], enricher.knowledge)
    assert (nih.text, text[nih.start : nih.end]) == ("National Institutes of Health",) * 2
    assert army.text == "U.S. Army"


def test_the_house_of_representatives_is_a_body(enricher: Enricher) -> None:
    text = "The bill has now been sent to the House of Representatives for a vote."
    assert "House of Representatives" in entity_names(enricher, release_of(text))


def test_a_brands_football_clubs_are_bodies_not_products(enricher: Enricher) -> None:
    names = ["Vesk FC", "Vesk Lorn FC", "Vesk Tarro FC", "Vesk"]
    text = " and ".join(names) + "."
    hits = []
    for name in names:
        start = text.index(name + (" and" if name != "Vesk" else "."))
        hits.append(candidates.Hit(start, start + len(name), name, "organization", "ner"))
    assert orgrules.product_lines(hits, enricher.knowledge) == set()
    person = candidates.Hit(0, 12, "Vesk Lorn FC", "person", "ner")
    assert candidates.retype(person, enricher.gazetteer, enricher.knowledge).label == (
        "organization"
    )


def test_a_contact_line_opening_a_bodys_name_is_no_contact(enricher: Enricher) -> None:
    from shared.models import Contacts

    release = release_of(
        "Lorn Guard Service, a security firm, opened in Tulsa. Lorn Guard Service grew.",
        contacts=Contacts(names=["Lorn Guard", "Dana Vell"]),
    )
    names = {e.name for e in enricher.enrich(release).entities}
    assert "Dana Vell" in names
    assert "Lorn Guard" not in names


def test_a_countrys_short_name_in_the_dateline_is_a_place(enricher: Enricher) -> None:
    release = dated_release("DUBAI, UAE - (Vesk Wire) - September 12, 2024 -", "DUBAI", "AE")
    places = [e for e in enricher.enrich(release).entities if e.type == "place"]
    spellings = {s for e in places for s in (e.name, *e.aliases)}
    assert "UAE" in spellings


def test_an_honour_named_after_its_giver_is_no_person() -> None:
    text = "She was named a Quarnby Scholar in 2020."
    hit = candidates.Hit(text.index("Quarnby"), text.index(" in"), "Quarnby Scholar", "person",
                         "ner")  # fmt: skip
    assert context.person_shapes(text, [hit]) == []


def test_a_firms_board_after_its_legal_form_is_cut(enricher: Enricher) -> None:
    text = "said Dana Vell, Chair of the Quarn Funds Management Ltd Board, on Monday."
    span = "Quarn Funds Management Ltd Board"
    assert trimmed(text, span, enricher.knowledge, person=False) == "Quarn Funds Management Ltd"


def test_a_person_of_plain_words_the_text_calls_a_person_stays_one(enricher: Enricher) -> None:
    text = (
        "Harbor Quill, founder and lead designer in Tulsa, commented on the award. The studio "
        "was founded by Harbor Quill in 2015."
    )
    second = text.rindex("Harbor Quill")
    hits = [candidates.Hit(second, second + 12, "Harbor Quill", "person", "ner")]
    kn = enricher.knowledge
    assert candidates.is_phrase_not_person("Harbor Quill", hits, kn)  # no text: a phrase
    assert not candidates.is_phrase_not_person("Harbor Quill", hits, kn, text)

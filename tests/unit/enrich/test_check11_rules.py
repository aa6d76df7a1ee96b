"""Held-out check 11 rules (posts and person nouns around a name, company words that end a
name, streets and degrees that are no person, legal forms of professional firms): on text
the project wrote, with invented names of people and organisations."""

from __future__ import annotations

import pytest

from services.enrich import candidates as cand
from services.enrich import cluster, evidence, orgrules
from services.enrich.core import Enricher
from tests.unit.enrich.spans import hit_at as _hit
from tests.unit.enrich.spans import release_of, trimmed


def _entities(enricher: Enricher, *paragraphs: str) -> dict[str, str]:
    release = release_of(*paragraphs, headline="Quorvane Opens a New Office")
    return {e.name: e.type for e in enricher.enrich(release).entities}


def test_a_post_given_with_as_makes_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The firm added Brellow Quarn as Managing Director of Institutional Sales."
    assert [h.text for h in evidence.from_attributions(text, kn)] == ["Brellow Quarn"]
    text = "The group added Tarvel Osk as its Regional Head for Africa, and Miro Dask too."
    assert [h.text for h in evidence.from_attributions(text, kn)] == ["Tarvel Osk"]
    # "as" before a name that is no post, or a company given a role: no person.
    for text in (
        "The firm listed Brellow Quarn as Partner of the Year Award winner.",
        "Quorvane chose Tarvel Systems as Lead Director of the project.",
        "It chose Brellow Quarn as Marketing Launch Event venue.",
    ):
        assert evidence.from_attributions(text, kn) == [], text


def test_a_person_noun_in_lower_case_before_a_name_makes_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "The deal was led by seasoned advisor Brellow Quarn, who joined in 2019."
    assert [h.text for h in evidence.from_attributions(text, kn)] == ["Brellow Quarn"]
    text = "Backers include industry veteran Tarvel Osk and investor Miro Dask."
    assert [h.text for h in evidence.from_attributions(text, kn)] == ["Tarvel Osk", "Miro Dask"]
    # A company after the noun, or a noun that also names a relation, is no person.
    for text in (
        "It works with investor Quorvane Capital on the fund.",
        "It signed with partner Brellow Quarn on Monday.",
        "The advisor Tarvel Osk Group said so.",
    ):
        assert evidence.from_attributions(text, kn) == [], text


def test_the_model_org_over_a_named_advisor_yields_to_the_person(enricher: Enricher) -> None:
    found = _entities(
        enricher,
        "Jane Vell is the youngest partner at Quorvane Search and works with seasoned advisor "
        "Brellow Quarn. Quarn is also a partner.",
    )
    assert found.get("Brellow Quarn") == "person"


def test_new_titles_are_not_part_of_a_name(enricher: Enricher) -> None:
    for title in ("Supervisor", "Producer", "Councilmember", "Chef", "DJ", "Superintendent"):
        text = f"It thanked {title} Brellow Quarn for the grant."
        name = f"{title} Brellow Quarn"
        assert trimmed(text, name, enricher.knowledge, person=True) == "Brellow Quarn", title


def test_a_company_word_after_a_name_makes_an_organisation(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    for name in (
        "Tarvel Wealth",
        "Quarn Designs",
        "Osk Works",
        "Dask Medical",
        "Vell Legal",
        "Ormsby Tech",
        "Brellow Family Dentistry",
        "Tarvel Law",
    ):
        hit = cand.retype(_hit(f"Meet {name} today.", name, "person"), gz, kn)
        assert hit.label == "organization", name


def test_streets_and_degrees_are_not_people(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for text, name in (
        ("Its office at 12 Quarnby St in the old town.", "Quarnby St"),
        ("The agency Tarvel Ave. handles press.", "Tarvel Ave."),
        ("Jane Vell, D. Phil., leads the lab.", "D. Phil."),
    ):
        hit = _hit(text, name, "person")
        assert not cand.keep(hit, kn, frozenset(), frozenset(), frozenset()), name
    hit = _hit("Jane Streetman spoke.", "Jane Streetman", "person")
    assert cand.keep(hit, kn, frozenset(), frozenset(), frozenset())


def test_a_professional_firm_is_one_organisation_with_and_without_its_form() -> None:
    for form in ("PLLC", "P.C.", "P.A.", "LLLP"):
        assert cluster.org_key(f"Tarvel Law {form}") == cluster.org_key("Tarvel Law"), form
    # A place ending a name is no legal form when it stands alone.
    assert cluster.org_key("PA") == "pa"


def test_a_word_opening_the_sentence_is_no_part_of_a_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for text, span, name in (
        (
            "It ruled. Even the Quarnby Trade Board agreed.",
            "Even the Quarnby Trade Board",
            "Quarnby Trade Board",
        ),
        (
            "Before Tarvel Investments, she ran a fund.",
            "Before Tarvel Investments",
            "Tarvel Investments",
        ),
    ):
        assert trimmed(text, span, kn, person=False) == name
    # Inside a sentence the word stays: it is part of the name there.
    text = "She joined Join Quarnby Partners in May."
    assert trimmed(text, "Join Quarnby Partners", kn, person=False) == "Join Quarnby Partners"


def test_an_institution_takes_the_body_that_runs_it() -> None:
    text = "* Quarnby School District, Quarnby, N.J.\n* Vell Health System opened."
    hits = [_hit(text, "Quarnby School", "organization"), _hit(text, "Vell Health", "organization")]
    orgrules.extend_institutions(text, hits)
    assert [h.text for h in hits] == ["Quarnby School District", "Vell Health System"]
    # Another word after the name, or a name not ending in an institution word: unchanged.
    text = "Quarnby School Districts merge; Tarvel Labs Board met."
    hits = [_hit(text, "Quarnby School", "organization"), _hit(text, "Tarvel Labs", "organization")]
    orgrules.extend_institutions(text, hits)
    assert [h.text for h in hits] == ["Quarnby School", "Tarvel Labs"]


def test_an_occupation_after_a_name_is_no_organisation(enricher: Enricher) -> None:
    found = _entities(
        enricher,
        "Speakers include Jane Vell, Clinical Psychologist, and Brellow Quarn, Content "
        "Creator, who met at Quorvane Labs.",
    )
    assert "Clinical Psychologist" not in found
    assert "Content Creator" not in found


def test_a_long_list_of_people_keeps_the_names_the_model_called_firms(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Guests included Jane Vell, Brellow Quarn, Tarvel Osk, Miro Dask and Ilsa Vorn."
    names = ["Jane Vell", "Brellow Quarn", "Tarvel Osk", "Miro Dask", "Ilsa Vorn"]
    hits = [_hit(text, n, "organization" if n == "Tarvel Osk" else "person") for n in names]
    found = evidence.from_lists(text, hits, kn)
    assert [(h.text, h.label) for h in found] == [("Tarvel Osk", "person")]
    # Half organisations: a mixed list, nothing is made a person.
    hits = [_hit(text, n, "organization" if i % 2 else "person") for i, n in enumerate(names)]
    assert all(h.label != "person" for h in evidence.from_lists(text, hits, kn))


def test_terms_and_lists_of_given_names_are_no_entities(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "“Jane, Brellow and Tarvel each bring skill,” she said of the MOU and DeFi plans."
    for name, label in (
        ("Jane, Brellow", "person"),
        ("MOU", "organization"),
        ("DeFi", "organization"),
    ):
        assert not cand.keep(_hit(text, name, label), kn), name
    # A generation after the comma belongs to the name.
    text = "Brellow Quarn, Jr. spoke."
    assert cand.keep(_hit(text, "Brellow Quarn, Jr.", "person"), kn)
    # "Re" ends a reinsurer's name.
    hit = cand.retype(_hit("Ormsby Re wrote it.", "Ormsby Re", "person"), gz, kn)
    assert hit.label == "organization"


def test_more_ways_a_release_gives_a_person_a_post(enricher: Enricher) -> None:
    kn = enricher.knowledge
    cases = (
        ("Tarvel Osk was appointed chief people officer in May.", "Tarvel Osk"),
        ("Brellow Quarn has been named the chief revenue officer.", "Brellow Quarn"),
        ("Miro Dask, M.D., M.P.H., is the director of the Quarn Institute.", "Miro Dask"),
        ("In 1906, Ilsa Vorn, a young wine merchant, founded the house.", "Ilsa Vorn"),
        ("Speakers are Jane Vell, Co-founder of Quorvane, and others.", "Jane Vell"),
        ("With Tarvel Osk, CEO/co-founder of Ormsby, on stage.", "Tarvel Osk"),
    )
    for text, name in cases:
        assert {h.text for h in evidence.from_attributions(text, kn)} == {name}, text
    # A company with a legal form, or a capitalised phrase that is no post, stays out.
    for text in (
        "Quarn Labs, Maker of dies, was appointed supplier.",
        "Ormsby Vale, Home of the Brave, opened.",
    ):
        assert evidence.from_attributions(text, kn) == [], text


def test_a_person_with_a_post_is_no_product_of_a_one_word_org(enricher: Enricher) -> None:
    found = _entities(
        enricher,
        "Jane Vell was named chief operating officer and Tarvel Osk was appointed chief "
        "people officer. “Jane and Tarvel round out that team,” said Quorvane. Tarvel and "
        "Quorvane thank them.",
    )
    assert found.get("Tarvel Osk") == "person"


def test_a_place_spelled_like_a_named_person_is_that_person() -> None:
    text = "Speaking will be Jane Vell, who testified. “We exist,” said Jane Vell."
    place = _hit(text, "Jane Vell", "place")
    person = _hit(text, "Jane Vell", "person", "pattern", nth=1)
    known = _hit(text, "Jane Vell", "place", "gazetteer")
    cand.people_named_as_places([place, person, known])
    assert (place.label, known.label) == ("person", "place")


def test_a_town_after_an_organisation_and_a_comma_is_a_place(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "* Jane Vell, cardiologist at Quarnby Hospital, Baltimore\n* Tarvel Osk of Quorvane"
    org = _hit(text, "Quarnby Hospital", "organization")
    town = _hit(text, "Baltimore", "organization")
    cand.towns_after_orgs(text, [org, town], gz, kn)
    assert (town.label, town.place and town.place.country) == ("place", "US")
    # An item of a list of companies goes on with another: it stays an organisation.
    text = "Backed by Quarn Labs, Boston, Ormsby and Vell."
    org, town = _hit(text, "Quarn Labs", "organization"), _hit(text, "Boston", "organization")
    cand.towns_after_orgs(text, [org, town], gz, kn)
    assert town.label == "organization"


def test_a_name_repeated_after_its_header_with_the_is_named_once(enricher: Enricher) -> None:
    text = "x\nQuarnby Heart Society The Quarnby Heart Society is a charity.\n"
    name = "Quarnby Heart Society The Quarnby Heart Society"
    assert trimmed(text, name, enricher.knowledge, person=False) == "Quarnby Heart Society"


def test_an_unclosed_bracket_ends_a_name(enricher: Enricher) -> None:
    text = "Backers such as Tarvel Osk (Quarnby Ventures), and others."
    name = "Tarvel Osk (Quarnby Ventures"
    assert trimmed(text, name, enricher.knowledge, person=True) == "Tarvel Osk"
    # A closed bracket inside a name stays ("Acme (Europe) Ltd").
    text = "She joined Quorvane (Europe) Ltd in May."
    name = "Quorvane (Europe) Ltd"
    assert trimmed(text, name, enricher.knowledge, person=False) == name


def test_a_post_before_a_name_with_its_post_after_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "FHRM Board Members Jane Vell, Associate Professor of Hospitality, joined."
    assert {h.text for h in evidence.from_attributions(text, kn)} == {"Jane Vell"}
    # "Street" is a surname too; only the abbreviations end a street.
    hit = _hit("Senator Tarvel Street spoke.", "Tarvel Street", "person")
    assert cand.keep(hit, kn, frozenset(), frozenset(), frozenset())


def test_a_title_case_phrase_of_common_words_is_no_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert {"david", "nancy", "storm", "hope"} <= kn.given_names
    text = "* Black Swans, Grey Rhinos and the Risks We Face\n* Cardiac Arrest vs. Heart Attack"
    for phrase in ("Black Swans", "Grey Rhinos", "Heart Attack"):
        assert cand.is_phrase_not_person(phrase, [_hit(text, phrase, "person")], kn), phrase
    # A given name first, a word no dictionary has, or the text's own cue keeps a person.
    text = "Guests: Nancy Brown, Mango Quarnby. “Yes,” said Spirit Guide."
    assert not cand.is_phrase_not_person("Nancy Brown", [_hit(text, "Nancy Brown", "person")], kn)
    assert not cand.is_phrase_not_person(
        "Mango Quarnby", [_hit(text, "Mango Quarnby", "person")], kn
    )
    vouched = [_hit(text, "Spirit Guide", "person", "pattern")]
    assert not cand.is_phrase_not_person("Spirit Guide", vouched, kn)
    # A name cut after its middle initial is no person.
    text = "Authors: Jane Q. Vell"
    assert not cand.keep(_hit(text, "Jane Q.", "person"), kn)


def test_a_promotion_to_a_post_and_a_bulleted_post_make_people(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "It promoted Jane Vell to Partner and Tarvel Osk to Managing Director."
    assert {h.text for h in evidence.from_attributions(text, kn)} == {"Jane Vell", "Tarvel Osk"}
    text = "Speakers: • Brellow Quarn, Co-President, Quorvane Capital • Miro Dask, Partner"
    assert "Brellow Quarn" in {h.text for h in evidence.from_attributions(text, kn)}
    # After "to", a phrase that ends in no post is no promotion.
    text = "Driving Growth: Expanding Offline Reach to Complement B2C Strategy today."
    assert evidence.from_attributions(text, kn) == []


def test_an_inline_bullet_separates_names(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Speakers: • Tarvel Osk, Partner, Quorvane • Brellow Quarn, Co-President, Ormsby"
    start = text.index("Quorvane • Brellow Quarn")
    ents = [(start, start + len("Quorvane • Brellow Quarn"), "ORG")]
    assert [h.text for h in cand.from_ner(text, ents, kn)] == ["Quorvane", "Brellow Quarn"]
    name = "• Tarvel Osk"
    assert trimmed(text, name, kn, person=True) == "Tarvel Osk"
    # A post alone is no organisation.
    assert not cand.keep(_hit(text, "Co-President", "organization"), kn)
    # A middle dot inside a word stays (Catalan "Col·legi").
    ents = [(0, len("Col·legi Quarn"), "ORG")]
    assert [h.text for h in cand.from_ner("Col·legi Quarn", ents, kn)] == ["Col·legi Quarn"]


def test_a_header_or_word_glued_to_a_name_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for text, span, name in (
        ("About Tarvel OskTarvel Osk is the founder.", "Tarvel OskTarvel Osk", "Tarvel Osk"),
        ("Headliner Brellow QuarnWith friends on stage.", "Brellow QuarnWith", "Brellow Quarn"),
    ):
        assert trimmed(text, span, kn, person=True) == name
    # A doubled syllable is a name of its own ("Lulu"), and a glued capital inside a surname
    # stays ("McDonald").
    for text, name in (
        ("Meet Lulu Vell today.", "Lulu Vell"),
        ("Ask Jane McDonald.", "Jane McDonald"),
    ):
        assert trimmed(text, name, kn, person=True) == name


def test_without_the_given_names_the_phrase_rule_is_off(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    from dataclasses import replace

    from services.enrich import lexicon

    # The child process that reads them cannot start: no names, and no error.
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert lexicon.load_given_names() == frozenset()
    kn = replace(enricher.knowledge, given_names=frozenset())
    text = "* Cardiac Arrest vs. Heart Attack"
    assert not cand.is_phrase_not_person("Heart Attack", [_hit(text, "Heart Attack", "person")], kn)

"""Held-out check 6 rules (common-word phrases, organisation endings and heads, law-firm
names, possessive owners): on text the project wrote, with invented names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.enrich import orgrules
from services.enrich.candidates import Hit
from services.enrich.knowledge import Knowledge, load_knowledge
from services.enrich.lexicon import forms, is_common, load_lexicon


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return replace(load_knowledge(), lexicon=load_lexicon())


def _org(text: str, name: str, source: str = "ner") -> Hit:
    start = text.index(name)
    return Hit(start, start + len(name), name, "organization", source)


def _dropped(text: str, names: list[str], kn: Knowledge) -> set[str]:
    hits = [_org(text, n) for n in names]
    ids = orgrules.common_word_orgs(text, hits, kn)
    return {h.text for h in hits if id(h) in ids}


def test_the_lexicon_comes_from_the_installed_model_package() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) > 50_000
    assert is_common("Payments", lexicon) and is_common("Protecting", lexicon)
    assert not is_common("Quorvane", lexicon)
    assert {"business", "protect", "enhance"} <= forms("businesses") | forms("protecting") | forms(
        "enhanced"
    )


def test_feature_headings_of_common_words_are_not_organisations(kn: Knowledge) -> None:
    text = (
        "Quorvane offers three services.  Ledger Reconciliation Services Cloud Threat "
        "Monitoring and Faster Payroll Processing for small firms.  Protecting Shoppers from "
        "Rising Fraud Retailers face new risks."
    )
    names = ["Cloud Threat Monitoring", "Faster Payroll Processing", "Protecting Shoppers"]
    assert _dropped(text, names, kn) == set(names)


def test_a_list_of_plain_phrases_is_not_organisations(kn: Knowledge) -> None:
    text = "Brellwick offers Urgent Repairs, Seasonal Cleaning, and Garden Design in Ohio."
    names = ["Urgent Repairs", "Seasonal Cleaning", "Garden Design"]
    assert _dropped(text, names, kn) == set(names)


def test_plain_word_names_read_as_names_are_kept(kn: Knowledge) -> None:
    text = (
        "She was an analyst at Silver Harbor and founder of Quiet River. The startup Amber "
        "Lantern joined. Rated by Bright Meadow. Clients include Tallowmere, Copper Kettle and "
        "Vexqor. Jane Roe, Senior Officer, Open Field. Stone Bridge's report. Iron Gate is "
        "growing and Iron Gate hires. The Narrow Path grows. Silent Oak announced a deal."
    )
    names = [
        "Silver Harbor",
        "Quiet River",
        "Amber Lantern",
        "Bright Meadow",
        "Copper Kettle",
        "Open Field",
        "Stone Bridge",
        "Iron Gate",
        "The Narrow Path",
        "Silent Oak",
    ]
    assert _dropped(text, names, kn) == set()


def test_names_with_an_ending_an_acronym_or_an_invented_word_are_kept(kn: Knowledge) -> None:
    text = "Quiet Harbor Capital. Blue Data AI. Sunward Qorvel Care. Rapid Medical Center."
    names = ["Quiet Harbor Capital", "Blue Data AI", "Sunward Qorvel Care", "Rapid Medical Center"]
    assert _dropped(text, names, kn) == set()


def test_without_a_lexicon_nothing_is_dropped() -> None:
    text = "Protecting Shoppers from fraud."
    assert (
        orgrules.common_word_orgs(text, [_org(text, "Protecting Shoppers")], load_knowledge())
        == set()
    )


def _run_names(text: str, kn: Knowledge) -> set[str]:
    return {h.text for h in orgrules.from_runs(text, kn)}


def test_an_ending_that_opens_a_head_takes_the_rest_of_the_name(kn: Knowledge) -> None:
    text = "She leads the Tamsin Quorvel Center for Neural Repair and Recovery in Ohio."
    assert "Tamsin Quorvel Center for Neural Repair and Recovery" in _run_names(text, kn)
    text = "He studied at the Brellwick School of Design and Ostrel Labs hired him."
    names = {h.text for h in orgrules.refine_orgs(text, orgrules.from_runs(text, kn), kn)}
    assert "Brellwick School of Design" in names
    assert not any("Ostrel" in n and "Design" in n for n in names)


def test_a_head_stops_at_a_conjunction_before_a_possessive(kn: Knowledge) -> None:
    text = "a program with the Tavish School of Business and Quorvel’s Law School."
    names = _run_names(text, kn)
    assert "Tavish School of Business" in names


def test_a_partnership_name_with_commas_is_one_organisation(kn: Knowledge) -> None:
    text = "Growth followed.\n\nAbelard, Brookton, Crayle & Dunmore LLP acted as counsel."
    hits = orgrules.refine_orgs(text, orgrules.from_runs(text, kn), kn)
    assert "Abelard, Brookton, Crayle & Dunmore LLP" in {h.text for h in hits}


def test_a_professional_association_form_stays_with_its_name(kn: Knowledge) -> None:
    text = "lawyers at Quenby & Associates, P.A. are proud to announce it."
    assert "Quenby & Associates, P.A." in _run_names(text, kn)


def _refined(text: str, name: str, kn: Knowledge, *others: str) -> set[str]:
    hits = [_org(text, name)] + [_org(text, o) for o in others]
    return {h.text for h in orgrules.refine_orgs(text, hits, kn)}


def test_an_owner_and_what_it_owns_are_two_organisations(kn: Knowledge) -> None:
    text = "an M.B.A. from Tarvell’s Quenby School of Management."
    assert _refined(text, "Tarvell’s Quenby School of Management", kn) == {
        "Tarvell",
        "Quenby School of Management",
    }
    text = "Brill University is growing. A degree from Brill University's Ostrevant Institute."
    assert _refined(text, "Brill University's Ostrevant Institute", kn) == {
        "Brill University",
        "Ostrevant Institute",
    }


def test_eponyms_and_generic_units_of_an_owner_stay_whole(kn: Knowledge) -> None:
    text = "Funding from the Cure Quorvel’s Fund and the Brill Quorvel’s Disease Research Center."
    assert _refined(text, "Cure Quorvel’s Fund", kn) == {"Cure Quorvel’s Fund"}
    assert _refined(text, "Brill Quorvel’s Disease Research Center", kn) == {
        "Brill Quorvel’s Disease Research Center"
    }
    text = "He taught at Quorvel’s Law School."
    assert _refined(text, "Quorvel’s Law School", kn) == {"Quorvel’s Law School"}

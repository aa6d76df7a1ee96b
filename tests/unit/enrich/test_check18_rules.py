"""Held-out check 18 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.enrich import candidates, cluster, context, orgrules
from services.enrich.core import Enricher
from tests.unit.enrich.spans import entity_names, release_of

RUN_TOGETHER = (
    "The contest is sponsored by these groups: Quarnshire Corn Growers Association Vesk "
    "Grain Promotion Board Brillmoor Soybean Council Tallow Valley Growers Association and "
    "others across the region."
)


def test_a_list_of_bodies_whose_line_breaks_were_lost_is_read_as_its_names(
    enricher: Enricher,
) -> None:
    names = [h.text for h in orgrules.from_run_lists(RUN_TOGETHER, enricher.knowledge)]
    assert names == [
        "Quarnshire Corn Growers Association",
        "Vesk Grain Promotion Board",
        "Brillmoor Soybean Council",
        "Tallow Valley Growers Association",
    ]
    found = entity_names(enricher, release_of(RUN_TOGETHER))
    assert {"Vesk Grain Promotion Board", "Brillmoor Soybean Council"} <= found
    assert not any("Board Brillmoor" in name for name in found)


def test_two_names_or_a_head_opening_a_name_are_no_run_together_list(
    enricher: Enricher,
) -> None:
    for text in (
        "Funds came from the Quarnshire Growers Association Vesk Grain Council this year.",
        "She studied at the University of Quarnshire Technology Transfer Office Board.",
    ):
        assert orgrules.from_run_lists(text, enricher.knowledge) == []


def test_a_funds_roman_numeral_is_part_of_its_name(enricher: Enricher) -> None:
    text = (
        "Quarn Rock launched Vesk Housing Fund II (VH2) in 2021. Vesk Housing Fund I (VH1) was "
        "sold, and Brill Partners I think will follow."
    )
    names = entity_names(enricher, release_of(text))
    assert {"Vesk Housing Fund II", "Vesk Housing Fund I"} <= names
    hit = orgrules.Hit(text.index("Brill"), text.index(" I think"), "Brill Partners",
                       "organization", "ner")  # fmt: skip
    orgrules.extend_to_series_numeral(text, [hit])
    assert hit.text == "Brill Partners"  # "I" opens a clause here


def test_a_products_last_word_or_a_modal_verb_makes_no_body() -> None:
    for name in ("Quarn Coin", "Vesk Ultra GPU", "Brill Wallet", "Quarn Coin Could Soar"):
        assert orgrules.is_product_or_clause(name)
    for name in ("Quarn Coin Exchange", "Vesk Capital", "Coinvest Partners"):
        assert not orgrules.is_product_or_clause(name)


def test_a_plain_word_only_the_model_read_is_no_body(enricher: Enricher) -> None:
    text = (
        "After careful review, the Panel granted Quarnivex Inc. more time. The Quarnivex team "
        "thanked the Panel, and Amazon will stock its kits while Congress is in session."
    )
    names = entity_names(enricher, release_of(text))
    assert "Panel" not in names
    assert "Quarnivex Inc." in names
    for group in (
        cluster.Group(
            "organization", "Panel", [orgrules.Hit(0, 5, "Panel", "organization", "ner")]
        ),
        cluster.Group(
            "organization", "Panel", [orgrules.Hit(0, 5, "Panel", "organization", "about")]
        ),
        cluster.Group(
            "organization", "Congress", [orgrules.Hit(0, 8, "Congress", "organization", "ner")]
        ),
        cluster.Group(
            "organization", "Amazon", [orgrules.Hit(0, 6, "Amazon", "organization", "ner")]
        ),
    ):
        dropped = cluster.is_model_plain_word(
            group, "Panel is", enricher.knowledge.lexicon, enricher.known_org_keys
        )
        assert dropped == (group.hits[0].source == "ner" and group.name == "Panel")


def test_no_body_in_file_formats_events_or_a_name_ending_in_an_article(
    enricher: Enricher,
) -> None:
    text = (
        "Quarnivex Audio adds MP3, FLAC, M4A and WAV output. Its SOC 2 Type II report is out. "
        "Jane Roe, President of Vesk Holdings The deal closes in May. The team joins the "
        "Brill Olympic Games and the Quarn Awards Ceremony, and the firm is on LinkedIn."
    )
    names = entity_names(enricher, release_of(text))
    assert not names & {"MP3", "FLAC", "M4A", "WAV", "Type II", "Vesk Holdings The"}
    assert not names & {"Brill Olympic Games", "Quarn Awards Ceremony", "Linked"}
    assert "Vesk Holdings" in names


def test_a_form_of_address_names_a_person_and_streets_or_lakes_are_no_bodies(
    enricher: Enricher,
) -> None:
    text = (
        '"We are ready," said Mr. Narin Quarnsuk, Secretary-General of the Vesk Board. The '
        "fair runs from Winona Dr. to Quellby St. near Quarnby Lake and the Brill North "
        "Tollway, in Vesk Prefecture."
    )
    found = {(e.name, e.type) for e in enricher.enrich(release_of(text)).entities}
    assert ("Narin Quarnsuk", "person") in found
    orgs = {name for name, kind in found if kind == "organization"}
    assert not orgs & {"Winona Dr", "Quellby St.", "Quarnby Lake", "Brill North Tollway"}
    assert "Vesk Prefecture" not in orgs


def test_a_platform_named_in_prose_is_a_body_and_never_a_place(enricher: Enricher) -> None:
    text = (
        "LinkedIn named Jane Roe a top voice, and her clips on TikTok and YouTube drew "
        "millions of views. Featured photo by Quarn Vell on Shutterstock."
    )
    found = {(e.name, e.type) for e in enricher.enrich(release_of(text)).entities}
    for name in ("LinkedIn", "TikTok", "YouTube", "Shutterstock"):
        assert (name, "organization") in found
        assert (name, "place") not in found


def test_a_couple_the_model_read_as_one_firm_is_people(enricher: Enricher) -> None:
    text = (
        "Owners honoured this year include Quarn Vell, Brill Signs Austin, TX; Al & Jessica "
        "Quarnsby, Vesk Advisors Denver, CO; and more."
    )
    hits = [
        orgrules.Hit(text.index("Al &"), text.index(", Vesk"), "Al & Jessica Quarnsby",
                     "organization", "ner"),
        orgrules.Hit(text.index("Jessica"), text.index(", Vesk"), "Jessica Quarnsby",
                     "person", "pattern"),
    ]  # fmt: skip
    assert candidates.couples_read_as_firms(hits) == {id(hits[0])}
    hits[1].label = "organization"
    assert candidates.couples_read_as_firms(hits) == set()


def test_a_name_only_the_model_read_on_a_subheading_is_no_body(enricher: Enricher) -> None:
    heading = "Field Trials Confirm Higher Yields and Trait Heritability"
    assert context.on_subheading(heading + "\n", 0, 5)
    for line in (
        "- Jane Roe, Director of Sales, Quarn Widgets",  # a list item
        "Quarn Widget Company",  # a firm's line: no small word
        "The trial ran in the field and the yields rose.",  # a sentence
    ):
        assert not context.on_subheading(line, 0, 5)
    text = f"Quarnivex Labs ran trials in May.\n{heading}\nThe crops grew well."
    names = entity_names(enricher, release_of(*text.split("\n")))
    assert "Trait Heritability" not in names


def test_a_bylines_reporters_are_people_and_its_outlet_a_body(enricher: Enricher) -> None:
    text = (
        "The county board voted to close the depot. Jane Quarnby and Tom Vellis/The Brill "
        "Courier.\n\nThe state paused the plan on Friday. Ana Roe/WQRN-FM.\n\n"
        "Prices rose 4% in May/June."
    )
    found = [(h.text, h.label) for h in candidates.from_bylines(text, enricher.knowledge)]
    assert found == [
        ("Jane Quarnby", "person"),
        ("Tom Vellis", "person"),
        ("The Brill Courier", "organization"),
        ("Ana Roe", "person"),
        ("WQRN-FM", "organization"),
    ]


def test_a_publications_title_is_a_body(enricher: Enricher) -> None:
    text = (
        "Her novel won praise from the Quarnby Book Review, and she was named by the "
        "Vesk Tribune a writer to watch. She also writes for Consulting Magazine."
    )
    names = entity_names(enricher, release_of(text))
    assert {"Quarnby Book Review", "Vesk Tribune", "Consulting Magazine"} <= names
    runs = {h.text for h in orgrules.from_runs(text, enricher.knowledge)}
    assert {"Quarnby Book Review", "Vesk Tribune", "Consulting Magazine"} <= runs
    assert orgrules.only_org_words("Capital Partners", enricher.knowledge)
    assert not orgrules.only_org_words("Capital Gazette", enricher.knowledge)


def test_an_etf_keeps_its_ending_and_a_sentence_after_co_is_cut(enricher: Enricher) -> None:
    text = (
        "Investors can buy the Quarn Copper Miners ETF today. Judging will take place on "
        "July 15 at Vesk Fork Distilling Co. Winners will be named in May."
    )
    names = entity_names(enricher, release_of(text))
    assert "Quarn Copper Miners ETF" in names
    assert "Vesk Fork Distilling Co. Winners" not in names
    hit = orgrules.Hit(text.index("Quarn"), text.index(" ETF"), "Quarn Copper Miners",
                       "organization", "ner")  # fmt: skip
    orgrules.extend_to_series_numeral(text, [hit])
    assert hit.text == "Quarn Copper Miners ETF"


def test_a_camel_case_known_name_written_without_its_inner_capital_is_known(
    enricher: Enricher,
) -> None:
    aliases = enricher.knowledge.org_aliases
    assert aliases.get("Blackrock") == "BlackRock"
    assert aliases.get("Tradingview") == "TradingView"
    text = "Prices fell below the 50-day average as per Tradingview, and Blackrock bought more."
    names = entity_names(enricher, release_of(text))
    assert {"TradingView", "BlackRock"} <= names


def test_a_bodys_programme_after_its_possessive_is_cut_off(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert orgrules.owner_cut("Quarn Partnership’s Clean Harbor Initiative", kn) == len(
        "’s Clean Harbor Initiative"
    )
    assert orgrules.owner_cut("QuarnNEF’s Energy Outlook", kn) == len("’s Energy Outlook")
    for name in ("Nationwide Children's Hospital", "Bob’s Red Mill", "Quarn Labs"):
        assert orgrules.owner_cut(name, kn) == 0


def test_an_article_ends_no_firm_but_an_may_end_a_persons_name(enricher: Enricher) -> None:
    from services.enrich.names import trim

    text = "said Nguyen Van An, who runs Quarn Holdings The deal"
    start = text.index("Nguyen")
    assert trim(text, start, start + len("Nguyen Van An"), enricher.knowledge, person=True) == (
        start,
        start + len("Nguyen Van An"),
    )
    firm = text.index("Quarn")
    assert trim(text, firm, len(text) - 5, enricher.knowledge, person=False) == (
        firm,
        firm + len("Quarn Holdings"),
    )


def _model_group(name: str, text: str) -> cluster.Group:
    start = text.index(name)
    hit = orgrules.Hit(start, start + len(name), name, "organization", "ner")
    return cluster.Group("organization", name, [hit])


@pytest.mark.parametrize(
    ("name", "text", "dropped"),
    [
        ("Payroll Mate", "Its products include Payroll Mate for small firms.", True),
        ("Smart Guidance Kit", "It ships the Smart Guidance Kit each year.", True),
        ("Quarn Health", "She joined Quarn Health in May.", False),  # an organisation word
        ("Vesk Biologics", "Vesk Biologics grew.", False),
        ("Harlow Venn", "Harlow Venn welcomes Ada Roe as a partner.", False),  # a firm's verb
        ("Roe & Poe", "The deal was led by Roe & Poe.", False),  # names joined by "&"
        ("Greg & Tara Quarnby", "Honoured: Greg & Tara Quarnby of Ohio.", True),  # a couple
        ("Purpose & Values", "It lives its Purpose & Values daily.", True),  # plain words
        ("Quarnex", "Quarnex grew fast.", False),  # one word, named once
    ],
)
def test_a_name_only_the_model_read_needs_a_mark_of_a_body(
    enricher: Enricher, name: str, text: str, dropped: bool
) -> None:
    group = _model_group(name, text)
    found = cluster.lacks_org_mark(group, text, enricher.knowledge, enricher.known_org_keys)
    assert found == dropped


def test_a_one_word_name_only_the_model_read_again_and_again_is_no_body(
    enricher: Enricher,
) -> None:
    text = "SST units grow. SST costs fall. SST demand rises."
    starts = [i for i in range(len(text)) if text.startswith("SST", i)]
    hits = [orgrules.Hit(s, s + 3, "SST", "organization", "ner") for s in starts]
    group = cluster.Group("organization", "SST", hits)
    assert cluster.lacks_org_mark(group, text, enricher.knowledge, enricher.known_org_keys)
    group.hits = hits[:2]
    assert not cluster.lacks_org_mark(group, text, enricher.knowledge, enricher.known_org_keys)


def test_the_unit_a_vice_president_heads_is_no_body(enricher: Enricher) -> None:
    text = (
        "Jane Roe, Senior Vice President of Managed Care Solutions, joined Quarnivex Inc. "
        "with Tom Poe, Executive Vice President for Homeland Security and Defense."
    )
    hits = [
        orgrules.Hit(text.index(n), text.index(n) + len(n), n, "organization", "pattern")
        for n in ("Managed Care Solutions", "Homeland Security and Defense", "Quarnivex Inc.")
    ]
    units = orgrules.departments(text, hits, enricher.knowledge)
    assert units == {id(hits[0]), id(hits[1])}


def test_a_sentence_saying_a_name_is_a_firm_names_a_body(enricher: Enricher) -> None:
    text = (
        "Quarnex Staffing is a full-service human resources firm. Jane Roe is a leading "
        "expert on pay. Vesk Group was a pioneer of the field."
    )
    found = [h.text for h in orgrules.from_definitions(text, enricher.knowledge)]
    assert found == ["Quarnex Staffing"]


def test_a_byline_on_its_own_line_names_the_reporter_and_outlet(enricher: Enricher) -> None:
    text = "Copper climbs\n\nBy Jane Quarnby, Vesk Markets\n\nCopper rose 4% on Monday.\nBy Monday"
    found = [(h.text, h.label) for h in candidates.from_bylines(text, enricher.knowledge)]
    assert found == [("Jane Quarnby", "person"), ("Vesk Markets", "organization")]


def test_a_family_name_in_capitals_after_a_form_of_address_is_a_person(
    enricher: Enricher,
) -> None:
    text = (
        "Guests included Dr. QUAN Yu-Lin, Secretary for Education; Mr. VESK Tao, founder of "
        "Brill Drones; Prof. Nancy QUIL, President; and Dr. John QUAR Cho-Chak. The NASA "
        "team and Mr. Roe also came."
    )
    found = [h.text for h in candidates.from_capitalised_surnames(text)]
    assert found == ["QUAN Yu-Lin", "VESK Tao", "Nancy QUIL", "John QUAR Cho-Chak"]
    people = {e.name for e in enricher.enrich(release_of(text)).entities if e.type == "person"}
    assert {"QUAN Yu-Lin", "VESK Tao", "Nancy QUIL"} <= people


def test_america_alone_is_the_united_states(enricher: Enricher) -> None:
    text = "Quarnivex Labs ranks among the fastest-growing companies in America this year."
    places = {
        e.name: e.aliases for e in enricher.enrich(release_of(text)).entities if e.type == "place"
    }
    assert "America" in places.get("United States", [])
    text = "Quarnivex Labs sells across North America and Latin America."
    places = {
        e.name: e.aliases for e in enricher.enrich(release_of(text)).entities if e.type == "place"
    }
    assert "United States" not in places


def test_an_awards_title_a_dated_event_or_a_notice_heading_is_no_body() -> None:
    text = "The firm was named the Investment Banking Firm of the Year by Quarn Weekly."
    end = text.index(" of the Year")
    assert orgrules.is_award_or_dated(text, end, "Investment Banking Firm")
    for name in ("Quarn Xpo 2024", "Vesk Disclaimer"):
        assert orgrules.is_award_or_dated(name, len(name), name)
    assert not orgrules.is_award_or_dated("Quarn Weekly.", len("Quarn Weekly"), "Quarn Weekly")


def test_a_contact_line_that_names_a_firm_is_a_body(enricher: Enricher) -> None:
    from shared.models import Contacts

    contacts = Contacts(names=["Quarnive North America", "El Salvador", "Jane Roe"])
    release = release_of("Quarnive Labs opened a plant.", contacts=contacts)
    found = {(e.name, e.type) for e in enricher.enrich(release).entities}
    assert ("Quarnive North America", "organization") in found
    assert ("Jane Roe", "person") in found
    assert ("El Salvador", "organization") not in found


def test_an_operators_file_adds_words_that_mark_a_body(tmp_path: Path) -> None:
    from services.enrich.knowledge import load_knowledge

    path = tmp_path / "extra.json"
    path.write_text('{"org_words": ["Quarnery"]}', encoding="utf-8")
    assert "quarnery" in load_knowledge(path).org_marks
    assert "quarnery" not in load_knowledge().org_marks
    assert {"health", "board", "inc"} <= load_knowledge().org_marks

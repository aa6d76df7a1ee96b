"""Held-out check 13 rules (short forms defined in parentheses, web addresses given as where
to go, headings run into their paragraph, organisations a rule vouches for): on text the
project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import context
from services.enrich.core import Enricher
from services.enrich.names import unglue


def test_a_firm_defined_by_its_initials_is_no_term(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The board of Bright Power Ventures (BPV), a developer of plants, met."
    assert cand.titled_terms(text, kn) == []
    text = "a Battery Storage Kit (BSK) for homes"
    assert [text[a:b] for a, b in cand.titled_terms(text, kn)] == ["Battery Storage Kit"]


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

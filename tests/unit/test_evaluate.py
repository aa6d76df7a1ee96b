"""The ``pressroom eval`` scorer: pure functions, no Redis, no model."""

from __future__ import annotations

import pytest

from services.cli.evaluate import (
    EntityScore,
    Prediction,
    _entity_key,
    print_entity_errors,
    score,
    score_entities,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "us"),
        ("U.S.", "US"),
        ("Acme, Inc.", "acme inc"),
        ("The Quillfeather Trust", "Quillfeather Trust"),
        ("OCEAN GROVE", "Ocean Grove"),
        ("Brindle-Moss Labs", "Brindle Moss Labs"),
        ("Zorvex’s", "zorvexs"),
        ("Tidewell.io", "tidewellio"),
    ],
)
def test_key_ignores_case_and_punctuation(a: str, b: str) -> None:
    assert _entity_key(a) == _entity_key(b)


def test_key_keeps_distinct_names_apart() -> None:
    assert _entity_key("Acme Labs") != _entity_key("Acme Lab")
    assert _entity_key("The") == "the"


def test_label_matches_an_alias() -> None:
    one = score_entities([["United States", "U.S.", "US"]], ["U.S."])
    assert (one.found, one.true_hits, one.false_hits, one.labels) == (1, 1, 0, 1)


def test_plain_strings_still_accepted() -> None:
    one = score_entities(["Texas", "Nowhere Land"], ["TX", "texas"])
    assert one.labels == 2
    assert one.found == 1
    assert one.false_hits == 1  # "Nowhere Land"


def test_one_entity_never_satisfies_two_labels() -> None:
    # Labels list both spellings of one place; one predicted entity carries both.
    one = score_entities([["United States", "U.S."]], ["United States", "U.S."])
    assert (one.found, one.true_hits, one.false_hits, one.labels) == (1, 1, 0, 2)


def test_matching_is_maximal_not_greedy() -> None:
    # Entity 0 could take either label; entity 1 only "Acme". A greedy pairing of entity 0 with
    # "Acme" would leave "Acme Corp" unfound.
    one = score_entities([["Acme Corp", "Acme"], ["Acme"]], ["Acme", "Acme Corp"])
    assert (one.found, one.false_hits) == (2, 0)


def test_duplicate_entity_is_a_false_hit() -> None:
    one = score_entities([["United States", "U.S."], ["USA", "U.S."]], ["U.S."])
    assert (one.found, one.true_hits, one.false_hits) == (1, 1, 1)


def test_same_canonical_name_twice_is_one_entity() -> None:
    one = score_entities(["Veltrion", "veltrion"], ["Veltrion"])
    assert (one.found, one.false_hits) == (1, 0)


def test_lenient_label_neither_miss_nor_false_hit() -> None:
    one = score_entities(
        [["Harbourline Group", "Harbourline"], ["Corvane Media"]],
        ["Corvane Media"],
        ["harbourline"],
    )
    assert (one.found, one.false_hits, one.labels) == (1, 0, 1)


def test_unmatched_entity_is_one_false_hit_whatever_its_aliases() -> None:
    one = score_entities([["Plinth Audio", "Plinth", "PA"]], ["Somewhere Else"])
    assert (one.found, one.false_hits) == (0, 1)


def test_blank_names_ignored() -> None:
    one = score_entities(["", "  ", ["", "Orrin Vale"]], ["Orrin Vale", " "])
    assert (one.found, one.false_hits, one.labels) == (1, 0, 1)


def test_score_micro_averages_over_files() -> None:
    labels = [
        {
            "file": "a.txt",
            "persons": ["Mara Quell"],
            "organizations": ["Ostrel Ltd"],
            "organizations_other": ["Ostrel Holdings"],
            "locations": ["U.S."],
        },
        {
            "file": "b.txt",
            "persons": ["Tobin Arch", "Lise Dunmore"],
            "organizations": [],
            "locations": [],
        },
    ]
    predictions = [
        Prediction(
            entities={
                "persons": [["Mara Quell", "Quell"]],
                "organizations": [["Ostrel Ltd"], ["Ostrel Holdings"], ["Fable Works"]],
                "places": [["United States", "U.S."]],
            }
        ),
        Prediction(entities={"persons": ["Tobin Arch"], "organizations": [], "places": []}),
    ]
    report = score(labels, predictions)
    assert report.entities is not None
    persons, orgs, places = (report.entities[k] for k in ("persons", "organizations", "places"))
    assert (persons.labels, persons.found, persons.false_hits) == (3, 2, 0)
    assert (orgs.labels, orgs.found, orgs.false_hits) == (1, 1, 1)
    assert (places.labels, places.found, places.false_hits) == (1, 1, 0)
    figures = report.figures()
    assert figures["persons"]["precision"] == 1.0
    assert figures["persons"]["recall"] == round(2 / 3, 4)
    assert figures["organizations"]["precision"] == 0.5


def test_entity_score_properties() -> None:
    empty = EntityScore()
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    zero = EntityScore(true_hits=0, false_hits=2, found=0, labels=3)
    assert zero.f1 == 0.0


def test_one_files_errors_name_the_missed_labels_and_the_false_hits() -> None:
    one = score_entities(
        [["Veltrion Labs", "Veltrion"], ["Nowhere Land"], ["Corvane"]],
        ["Veltrion", "Harbourline Group"],
        ["Corvane"],
    )
    assert one.missed == ["Harbourline Group"]
    assert one.wrong == ["Nowhere Land"]  # a lenient match is no false hit


def test_eval_errors_option_prints_tab_separated_lines(capsys: pytest.CaptureFixture[str]) -> None:
    labels = [{"file": "a.txt", "persons": ["Ada Quarn"], "organizations": ["Veltrion"]}]
    prediction = Prediction(entities={"persons": [], "organizations": [["Corvane"]]})
    report = score(labels, [prediction])
    print_entity_errors(report)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "a.txt\tpersons\tmissed\tAda Quarn",
        "a.txt\torganizations\tmissed\tVeltrion",
        "a.txt\torganizations\tfalse hit\tCorvane",
    ]

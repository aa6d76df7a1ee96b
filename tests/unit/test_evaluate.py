"""The ``pressroom eval`` scorer: pure functions, no Redis, no model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli.evaluate import (
    EntityScore,
    Prediction,
    _entity_key,
    print_entity_errors,
    score,
    score_channels,
    score_entities,
)
from services.cli.main import app
from shared.taxonomy import load_taxonomy


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


def test_channels_score_per_kind_and_overall() -> None:
    kinds = {"military-industry": "industry", "energy-industry": "industry", "mexico": "region"}
    scores = score_channels(["military-industry", "energy-industry", "mexico"],
                            ["military-industry", "mexico", "united-states"],
                            kinds | {"united-states": "region"})  # fmt: skip
    overall = scores["all"]
    assert (overall.true_hits, overall.false_hits, overall.labels) == (2, 1, 3)
    assert overall.missed == ["united-states"] and overall.wrong == ["energy-industry"]
    assert scores["industry"].precision == 0.5 and scores["industry"].recall == 1.0
    assert scores["region"].precision == 1.0 and scores["region"].recall == 0.5
    assert scores["topic"].labels == 0 and scores["topic"].precision is None


def test_channels_are_scored_only_where_labels_list_some() -> None:
    taxonomy = load_taxonomy()
    labels = [
        {"file": "a.txt", "channels": ["Military Industry", "Mexico", "united-states"]},
        {"file": "b.txt", "channels": []},  # none listed: not scored
        {"file": "c.txt"},
    ]
    predictions = [
        Prediction(channels=["military-industry", "mexico", "retail"]),
        Prediction(channels=["retail"]),
        Prediction(channels=["retail"]),
    ]
    report = score(labels, predictions, taxonomy)
    assert report.channel_files == 1
    assert report.channels is not None
    overall = report.channels["all"]
    assert (overall.found, overall.false_hits, overall.labels) == (2, 1, 3)
    figures = report.figures()["channels"]
    assert figures["files"] == 1
    assert figures["all"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
    assert report.entity_errors == [
        {"file": "a.txt", "kind": "channels", "missed": ["united-states"], "wrong": ["retail"]}
    ]
    # No labelled channels anywhere: the figures say so.
    assert score(labels[1:], predictions[1:], taxonomy).figures()["channels"] is None


def test_eval_names_an_unknown_label_channel_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Quarn news\n\nQuarnby, May 1, 2025 -- Quarn Labs grew.\n")
    labels = [{"file": "a.txt", "channels": ["Military Industry", "Underwater Basket Weaving"]}]
    (tmp_path / "labels.json").write_text(json.dumps(labels))
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "labels.json")])
    assert result.exit_code == 2
    assert "unknown channel 'Underwater Basket Weaving'" in result.stderr
    assert "Traceback" not in result.output


def test_eval_reports_the_channels_of_a_release_against_its_labels(tmp_path: Path) -> None:
    fixture = (
        Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "defense_cooperation.txt"
    )
    (tmp_path / "a.txt").write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    labels = [{"file": "a.txt", "channels": ["Military Industry", "Mexico", "United States"]}]
    (tmp_path / "labels.json").write_text(json.dumps(labels))
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "labels.json"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])["channels"]
    assert figures["files"] == 1
    assert figures["all"]["recall"] == 1.0  # the sample-format release lands in all three
    assert figures["industry"]["recall"] == 1.0

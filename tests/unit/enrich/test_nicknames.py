"""Nicknames when grouping people: "Tommy Roe" is "Thomas Roe" (invented names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.enrich.candidates import Hit
from services.enrich.cluster import group_people
from services.enrich.knowledge import DEFAULT_PATH, from_mapping, load_knowledge, merge


def _people(*names: str, nicknames: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    hits = [Hit(i * 40, i * 40 + len(n), n, "person", "ner") for i, n in enumerate(names)]
    return sorted(p.name for p in group_people(hits, [], nicknames))


def test_shipped_table_is_loaded() -> None:
    kn = load_knowledge()
    assert kn.nicknames["tommy"] == ("thomas",)
    assert "william" in kn.nicknames["bill"]
    assert 60 <= len(kn.nicknames) <= 120


@pytest.mark.parametrize(
    ("short", "formal"),
    [
        ("Tommy Quarnby", "Thomas Quarnby"),
        ("Bill Quarnby", "William Quarnby"),
        ("Bob Quarnby", "Robert Quarnby"),
        ("Peggy Quarnby", "Margaret Quarnby"),
        ("Hank Quarnby", "Henry Quarnby"),
        ("Sally Quarnby", "Sarah Quarnby"),
    ],
)
def test_nickname_joins_the_formal_name(short: str, formal: str) -> None:
    assert _people(short, formal) == [formal]
    # Whichever comes first, the formal given name names the person.
    assert _people(formal, short) == [formal]


def test_two_nicknames_of_one_name_join() -> None:
    assert _people("Bill Vessary", "Will Vessary") == ["Bill Vessary"]


def test_nickname_with_a_middle_initial() -> None:
    assert _people("Thomas J. Quarnby", "Tom Quarnby") == ["Thomas J. Quarnby"]


def test_different_people_stay_apart() -> None:
    assert _people("Tommy Quarnby", "Thomas Vessary") == ["Thomas Vessary", "Tommy Quarnby"]
    assert _people("Bob Quarnby", "William Quarnby") == ["Bob Quarnby", "William Quarnby"]
    # Without a table only the old prefix rule joins given names.
    assert _people("Tommy Quarnby", "Thomas Quarnby", nicknames={}) == [
        "Thomas Quarnby",
        "Tommy Quarnby",
    ]


def test_operator_file_extends_the_table(tmp_path: Path) -> None:
    extra = {"nicknames": {"Bill": ["Wilhelm"], "Zeb": ["Zebulon"]}}
    data = merge(json.loads(DEFAULT_PATH.read_text(encoding="utf-8")), extra)
    kn = from_mapping(data)
    assert kn.nicknames["bill"] == ("william", "wilhelm")
    assert kn.nicknames["zeb"] == ("zebulon",)
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    assert load_knowledge(path).nicknames["zeb"] == ("zebulon",)
    nicks = dict(kn.nicknames)
    assert _people("Zeb Quarnby", "Zebulon Quarnby", nicknames=nicks) == ["Zebulon Quarnby"]

"""docs/operations.md's settings table is the one the settings models generate, and names
every PRESSROOM_ variable the code reads."""

from __future__ import annotations

import re
from pathlib import Path

from services.cli.settings_doc import extract_block, replace_block, settings_table

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "operations.md"


def test_settings_table_is_current() -> None:
    block = extract_block(DOC.read_text("utf-8"))
    assert block is not None, "the settings-table markers are missing"
    assert block == settings_table(), (
        "stale: run `pressroom settings-doc --write docs/operations.md`"
    )


def test_every_variable_the_code_reads_is_documented() -> None:
    used = set()
    for path in [*ROOT.glob("shared/**/*.py"), *ROOT.glob("services/**/*.py")]:
        used |= set(re.findall(r"\bPRESSROOM_[A-Z][A-Z_]*[A-Z]\b", path.read_text("utf-8")))
    documented = set(re.findall(r"`(PRESSROOM_[A-Z_]+)`", settings_table()))
    # Not operator settings: the fault suite's chaos hook (shared/chaos.py says why it is
    # read from the environment), documented in docs/reliability.md instead.
    testing_only = {"PRESSROOM_CHAOS_CRASH_MARKER"}
    assert used - documented - testing_only == set()
    reliability = (ROOT / "docs" / "reliability.md").read_text("utf-8")
    assert all(name in reliability for name in testing_only)


def test_replace_block_keeps_the_rest_of_the_file() -> None:
    text = DOC.read_text("utf-8")
    assert replace_block(text, settings_table()) == text
    stale = replace_block(text, "| old |")
    assert extract_block(stale) == "| old |"
    assert stale.split("<!-- settings-table:start")[0] == text.split("<!-- settings-table:start")[0]

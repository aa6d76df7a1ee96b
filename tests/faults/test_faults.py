"""Nothing accepted is lost: the whole wire under worker kills, shutdowns, a Redis crash,
dropped connections, a failing subscriber and a poison release.

CI runs a bounded form (1,000 releases, every fault once). On demand:

    PRESSROOM_FAULTS_RELEASES=10000 PRESSROOM_FAULTS_ROUNDS=5 \\
    PRESSROOM_FAULTS_REPORT=reports/faults.md .venv/bin/pytest -m faults -s tests/faults

``PRESSROOM_FAULTS_RATE`` (releases a second, default 12) and ``PRESSROOM_FAULTS_ONLY``
(comma-separated fault names) narrow a run; see docs/reliability.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.cli.system import System
from tests.faults import checker
from tests.faults.conftest import FAULT_ENV, POISON_MARKER
from tests.faults.injectors import FAULTS
from tests.faults.report import write_report
from tests.faults.scenario import Config, run
from tests.faults.subscriber import Subscriber

RELEASES = int(os.environ.get("PRESSROOM_FAULTS_RELEASES", "1000"))
ROUNDS = int(os.environ.get("PRESSROOM_FAULTS_ROUNDS", "1"))
RATE = float(os.environ.get("PRESSROOM_FAULTS_RATE", "12"))
ONLY = [f for f in os.environ.get("PRESSROOM_FAULTS_ONLY", "").split(",") if f]
REPORT = os.environ.get("PRESSROOM_FAULTS_REPORT")

# Hang guard only: a CI run takes ~3 minutes; a long one scales with its releases.
pytestmark = [pytest.mark.faults, pytest.mark.timeout(600 + RELEASES // 5)]

# A bound on duplicates: each fault may re-send what was in flight when it struck. A
# worker's in-flight work is a few messages (prefetch 1, 8 deliver threads); two
# subscriptions; so a generous bound per injection, which a regression would blow.
DUPLICATES_PER_INJECTION = 40


def test_no_accepted_release_is_lost_under_faults(
    fault_system: System, subscriber: Subscriber
) -> None:
    config = Config(
        releases=RELEASES,
        rate=RATE,
        faults=ONLY or list(FAULTS),
        rounds=ROUNDS,
        poison_marker=POISON_MARKER,
    )
    result = run(fault_system, subscriber, config)
    table = checker.rows(result.accepted, result.hits, result.injections, result.subscriptions)
    print()
    print(checker.markdown(table))
    print(f"drained {result.drain_seconds:.1f}s after the load; residue {result.residue}")
    if REPORT:
        write_report(Path(REPORT), config, result, table, FAULT_ENV)

    first = checker.first_deliveries(result.hits)
    normal = [a for a in result.accepted if not a.poison]
    poison = [a for a in result.accepted if a.poison]
    assert result.refused == []
    assert len(normal) == RELEASES
    assert checker.bad_signatures(result.hits) == 0
    assert checker.lost(normal, result.subscriptions, first) == []
    assert checker.early_deliveries(result.accepted, result.hits) == []
    assert any(a.embargo_until for a in normal)
    assert not any(result.residue.values()), result.residue
    total = checker.total(table)
    assert total.duplicates <= DUPLICATES_PER_INJECTION * max(1, len(result.injections))
    # Every poison release was parked after MAX_ATTEMPTS crashing starts (plus the start
    # that found the count exhausted), and none reached a subscriber.
    max_attempts = int(FAULT_ENV["PRESSROOM_MAX_ATTEMPTS"])
    for a in poison:
        assert result.dead_letters.get(a.release_id) == max_attempts + 1, a
    assert not {h.release_id for h in result.hits} & {a.release_id for a in poison}

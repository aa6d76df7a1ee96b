"""`deploy/measure.py`, which sizes the containers in docs/operations.md, still runs against
the system as it is (it once broke silently when the API began to require a key)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_measure_reports_memory_and_time_for_every_stage() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "measure.py"), "--releases", "6"],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert report["releases"] == report["delivered"] == 6
    workers = {f"worker-{s}" for s in ("parse", "enrich", "publish", "deliver")}
    assert workers | {"api", "scheduler"} <= set(report["memory_after_load"])
    for name in workers:
        assert report["memory_after_load"][name]["total_rss_mib"] > 0
    durations = report["stage_durations"]
    assert set(durations) == {"parse", "enrich", "publish", "deliver"}
    assert all(d["releases"] >= 1 and d["ms_per_release"] > 0 for d in durations.values())
    assert durations["enrich"]["releases"] == 6

"""A tiny `pressroom bench --quick` run: the report files are well formed and the counts
add up. Timings are printed by the benchmark, never asserted (the machine is shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from services.cli.benchstats import NOTES_MARKER


def test_quick_bench_writes_consistent_reports(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "services.cli", "bench", "--quick",
         "--releases", "6", "--subscribers", "2", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads((tmp_path / "bench.json").read_text())
    cfg = report["config"]
    assert cfg["quick"] and cfg["releases"] == 6 and cfg["subscribers"] == 2

    compute = report["compute"]
    assert compute["releases"] == 6 and 300 <= compute["words_min"] <= compute["words_max"] <= 1600
    assert compute["releases_per_s"]["n"] == cfg["repeats"]
    assert set(compute["ms_per_release"]) == {"parse", "enrich", "route", "render"}
    assert report["queue"]["items_per_s"]["n"] == cfg["repeats"]

    pipeline = report["pipeline"]
    runs = [*pipeline["runs"], *pipeline["latency_runs"].values()]
    assert len(pipeline["runs"]) == cfg["repeats"] and len(pipeline["latency_runs"]) == 4
    for r in runs:
        # Every release reached every subscriber, and each has a latency.
        assert r["complete"] and r["delivered"] == r["expected"] == r["releases"] * 2
        assert r["latency_s"]["count"] == r["releases"]
        assert r["latency_s"]["p50"] <= r["latency_s"]["p95"] <= r["latency_s"]["p99"]
    assert pipeline["unknown_deliveries"] == 0
    assert pipeline["ratio_to_compute"]["n"] == cfg["repeats"]

    assert set(report["memory"]) == {"parse", "enrich", "publish", "deliver"}
    assert report["scaling"]["stage"] in {"parse", "enrich"}
    assert list(report["scaling"]["releases_per_s"]) == ["1", "2", "4"]

    md = (tmp_path / "bench.md").read_text()
    assert md.startswith("# pressroom bench") and NOTES_MARKER in md
    assert "| compute bound, 2 cores" in md and "| pipeline / 2-core compute bound |" in md

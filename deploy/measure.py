"""Measure what each process of a running pressroom costs, to size containers and pods.

Starts the whole system on an embedded Redis (the same processes an operator runs),
pushes ``--releases`` releases through it to a loopback receiver, then reads each
process's memory from /proc (RSS and PSS; PSS splits pages a prefork pool shares)
and each stage's per-task duration from the ``task.finished`` log lines.

    .venv/bin/python deploy/measure.py --releases 40 > deploy/measured.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.cli.receiver import Receiver  # noqa: E402
from services.cli.system import System  # noqa: E402
from shared.redis_server import free_port  # noqa: E402

DEMO = ROOT / "services" / "cli" / "demo_releases"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry.name))
    return found


def memory_kib(pid: int) -> dict[str, int]:
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    values = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:]}
    return {"rss_kib": values["Rss"], "pss_kib": values["Pss"]}


def tree_memory(pid: int) -> dict[str, object]:
    main = memory_kib(pid)
    pool = [memory_kib(c) for c in children_of(pid)]
    return {
        "main": main,
        "pool_children": pool,
        "total_pss_mib": round((main["pss_kib"] + sum(p["pss_kib"] for p in pool)) / 1024, 1),
        "total_rss_mib": round((main["rss_kib"] + sum(p["rss_kib"] for p in pool)) / 1024, 1),
    }


def durations(log: Path) -> dict[str, dict[str, float]]:
    """Per stage, from the ``task.finished`` lines (one release or one fan-out a task) and
    the ``batch.finished`` lines (a batch taken from a stage inbox): time per task and per
    release, and the releases one process gets through a second at that pace."""
    per_stage: dict[str, list[tuple[float, int]]] = {}
    for line in log.read_text(errors="replace").splitlines():
        if '"task.finished"' not in line and '"batch.finished"' not in line:
            continue
        try:
            event = json.loads(line)
        except ValueError:
            continue
        releases = int(event.get("releases", 1)) if event["event"] == "batch.finished" else 1
        per_stage.setdefault(event["stage"], []).append((float(event["duration_ms"]), releases))
    out = {}
    for stage, values in per_stage.items():
        times = [ms for ms, _ in values]
        releases = sum(n for _, n in values)
        per_release = sum(times) / releases if releases else 0.0
        out[stage] = {
            "tasks": len(values),
            "releases": releases,
            "mean_ms": round(statistics.fmean(times), 1),
            "p50_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
            "ms_per_release": round(per_release, 1),
            # One pool process runs one task at a time (prefetch 1, acks late).
            "per_process_per_s": round(1000 / per_release, 1) if per_release else 0.0,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--releases", type=int, default=40)
    args = parser.parse_args()
    bodies = [p.read_text("utf-8") for p in sorted(DEMO.iterdir()) if p.suffix == ".txt"]
    with tempfile.TemporaryDirectory() as tmp, Receiver() as rx:
        log = Path(tmp) / "system.log"
        system = System(data_dir=Path(tmp), api_port=free_port(), log_path=log)
        with system:
            api = system.http  # sends the admin key the system made at start
            api.post(
                system.api_url + "/v1/subscriptions",
                json={"url": rx.url + "/all", "channels": ["Military Industry", "Technology"]},
                timeout=10,
            ).raise_for_status()
            idle = {c.name: tree_memory(c.process.pid) for c in system.children if c.process}
            for i in range(args.releases):
                body = bodies[i % len(bodies)] + f"\n\nReference {i}.\n"
                api.post(
                    system.api_url + "/v1/releases",
                    json={"body": body},
                    timeout=10,
                ).raise_for_status()
            rx.wait_for(lambda got: len(got) >= args.releases, timeout=300)
            time.sleep(1)
            busy = {c.name: tree_memory(c.process.pid) for c in system.children if c.process}
            report = {
                "releases": args.releases,
                "delivered": len(rx.deliveries),
                "memory_idle": idle,
                "memory_after_load": busy,
                "stage_durations": durations(log),
            }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()

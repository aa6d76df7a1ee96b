"""Pure helpers of the benchmark: summaries of repeated runs, percentiles, the Markdown report.

Every figure the benchmark reports is the median of repeated runs with its min and max,
because this 2-core machine is shared and one run alone says little.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from typing import Any

Summary = dict[str, float | int]


def summarize(values: Iterable[float]) -> Summary:
    """Median, min, max and how many runs (``n``) of one figure."""
    xs = sorted(float(v) for v in values)
    if not xs:
        return {"median": math.nan, "min": math.nan, "max": math.nan, "n": 0}
    return {"median": statistics.median(xs), "min": xs[0], "max": xs[-1], "n": len(xs)}


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100): a latency that was actually observed."""
    if not values:
        return math.nan
    xs = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(xs)))
    return xs[min(rank, len(xs)) - 1]


def latency_summary(latencies: Sequence[float]) -> dict[str, float]:
    return {
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "max": max(latencies) if latencies else math.nan,
        "count": len(latencies),
    }


def fmt(s: Summary, digits: int = 1, unit: str = "") -> str:
    """``12.3 (11.9–12.8)``; a single run shows only its value."""
    if not s.get("n"):
        return "–"
    med, lo, hi = (f"{float(s[k]):.{digits}f}" for k in ("median", "min", "max"))
    return f"{med}{unit}" if s["n"] == 1 or lo == hi else f"{med}{unit} ({lo}–{hi})"


def throughput_schedule(rate: float, count: int) -> list[float]:
    """Offsets (seconds from start) of ``count`` submissions at a steady ``rate`` per second."""
    return [i / rate for i in range(count)]


def year_extrapolation(releases: int, seconds: float, year_volume: int) -> float:
    """Seconds a year's volume would take at the rate of a measured run."""
    return year_volume * seconds / releases if releases else math.nan


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def markdown_table(report: dict[str, Any]) -> str:
    """The headline table: what README's "Performance" section and reports/bench.md show."""
    c, q, p = report["compute"], report["queue"], report["pipeline"]
    k = report["config"]["subscribers"]
    lines = [
        _row("figure", "median (min–max)"),
        _row("---", "---"),
        _row("compute bound, 1 core (parse, enrich, route, render)",
             fmt(c["releases_per_s"]) + " rel/s"),
        _row("compute bound, 2 cores (2 × 1 core)", fmt(c["two_core_releases_per_s"]) + " rel/s"),
        _row("queue bound: 4-stage no-op Celery chain", fmt(q["items_per_s"]) + " items/s"),
        _row(f"pipeline: ingested and delivered to {k} subscribers",
             fmt(p["releases_per_s"]) + " rel/s"),
        _row("pipeline / 2-core compute bound", fmt(p["ratio_to_compute"], 2, "")),
    ]  # fmt: skip
    if p.get("cpu_efficiency"):
        lines.append(
            _row("CPU of the cores / all CPU the pipeline spent per release",
                 f"{p['cpu_efficiency']:.2f}")
        )  # fmt: skip
    for label, lat in report.get("latency", {}).items():
        lines.append(
            _row(
                f"latency ingest→first delivery at {label}",
                f"p50 {lat['p50']:.2f} s · p95 {lat['p95']:.2f} s · p99 {lat['p99']:.2f} s"
                f" ({lat['count']} releases)",
            )
        )
    day = report.get("day")
    if day:
        lines.append(
            _row(f"{day['releases']} releases to {k} subscribers", fmt(day["seconds"], 1, " s"))
        )
    year = report.get("year")
    if year:
        lines.append(
            _row(
                f"a year ({year['volume']:,} releases), extrapolated from {year['releases']:,}",
                f"{year['extrapolated_s'] / 3600:.2f} h",
            )
        )
    scaling = report.get("scaling") or {}
    for n, per in scaling.get("releases_per_s", {}).items():
        lines.append(
            _row(f"{scaling['stage']} stage alone, {n} worker processes", fmt(per) + " rel/s")
        )
    for stage, mem in report.get("memory", {}).items():
        lines.append(
            _row(
                f"memory of a {stage} worker: main process / each pool process",
                f"RSS {mem['main_rss_mb']:.0f} / {mem['child_rss_mb']:.0f} MB, "
                f"PSS {mem['main_pss_mb']:.0f} / {mem['child_pss_mb']:.0f} MB",
            )
        )
    return "\n".join(lines) + "\n"


NOTES_MARKER = (
    "\n<!-- notes: hand-written below this line, kept when the benchmark rewrites the file -->\n"
)


def markdown_report(report: dict[str, Any]) -> str:
    """reports/bench.md: what was run, on what, the table, and the details behind it."""
    cfg, m, c = report["config"], report["machine"], report["compute"]
    mode = "--quick" if cfg["quick"] else "full"
    ms = c["ms_per_release"]
    lines = [
        "# pressroom bench",
        "",
        f"Generated {report['generated_at']} by `pressroom bench --releases {cfg['releases']} "
        f"--subscribers {cfg['subscribers']}{' --quick' if cfg['quick'] else ''}` ({mode} mode, "
        f"{report.get('wall_seconds', '?')} s). Machine: {m['cpus']} CPUs ({m['cpu_model']}), "
        f"{m['memory_gb']} GB, Python {m['python']}, load average at start "
        f"{', '.join(str(x) for x in m['load_avg_at_start'])} (a shared machine: other work ran "
        "beside the benchmark). Each figure: median (min–max) of "
        f"{cfg['repeats']} run(s).",
        "",
        f"Corpus: {c['releases']} generated releases ({c['words_mean']:.0f} words on average, "
        f"{c['words_min']}–{c['words_max']}; formats {', '.join(c['formats'])}), each declaring "
        "one of the channels every subscriber takes, so each release goes to all subscribers.",
        "",
        markdown_table(report),
        "## Compute per release, one core (ms)",
        "",
        _row(
            "parse",
            "enrich (nlp.pipe batches)",
            "route",
            f"render once, wrap × {cfg['subscribers']}",
        ),
        _row("---:", "---:", "---:", "---:"),
        _row(*(fmt(ms[k], 2) for k in ("parse", "enrich", "route", "render"))),
        "",
        "## Pipeline runs",
        "",
        _row("run", "releases", "seconds", "rel/s", "delivered/expected", "p50 s", "p99 s"),
        _row("---", "---:", "---:", "---:", "---:", "---:", "---:"),
    ]
    p = report["pipeline"]
    runs = [(f"burst {i + 1}", r) for i, r in enumerate(p["runs"])]
    runs += [(f"steady {k}", r) for k, r in p["latency_runs"].items()]
    if p.get("year_run"):
        runs.append(("year run", p["year_run"]))
    for name, r in runs:
        lat = r["latency_s"]
        lines.append(
            _row(name, str(r["releases"]), f"{r['seconds']:.1f}", f"{r['releases_per_s']:.2f}",
                 f"{r['delivered']}/{r['expected']}", f"{lat['p50']:.2f}", f"{lat['p99']:.2f}")
        )  # fmt: skip
    cpu = p.get("cpu_ms_per_release") or {}
    if cpu:
        total = sum(float(v["median"]) for v in cpu.values())
        lines += [
            "",
            "## CPU per release in the bursts (ms; what the cost is made of)",
            "",
            _row("process", "CPU ms per release", "share"),
            _row("---", "---:", "---:"),
        ]
        for name, v in sorted(cpu.items(), key=lambda kv: -float(kv[1]["median"])):
            share = float(v["median"]) / total if total else 0.0
            lines.append(_row(name, fmt(v, 1), f"{share:.0%}"))
        lines.append(_row("total", f"{total:.1f}", "100%"))
    lines += [
        "",
        f"Duplicate deliveries (at-least-once, receivers dedupe): {p['duplicate_deliveries']}; "
        f"deliveries nobody expected: {p['unknown_deliveries']}.",
        "",
        "Run it: `pressroom bench` (full, under 15 minutes) or `pressroom bench --quick` "
        "(about a minute). Options: `--releases N`, `--subscribers K`, `--out DIR`.",
        "",
    ]
    return "\n".join(lines)

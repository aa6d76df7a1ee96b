"""``pressroom bench``: pressroom's speed, side by side with its limits, in one run.

1. compute bound: the pure cores in this process on one core (parse, enrich, route,
   render one payload per subscriber) over a generated corpus (``corpus.py``);
2. queue bound: a 4-stage chain of no-op Celery tasks on the same app factory and Redis;
3. the pipeline (``System``: embedded Redis, API, one worker pool per stage, scheduler)
   delivering to K loopback subscribers: sustained throughput of a burst, and latency
   ingest -> first delivery at 25/50/75 % of that throughput offered as a steady rate and
   at 1 release/s;
4. scaling of the bottleneck stage with 1, 2 and 4 worker processes; memory per worker.

Every figure is the median of repeated runs with min and max (``benchstats``); the machine
is shared, so single runs mislead. Writes ``bench.json`` and ``bench.md`` to ``out``.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
import redis
import requests

from shared import ids
from shared.models import Submission, Subscription
from shared.processes import stop_process
from shared.redis_server import free_port
from shared.topology import Stage

from . import bench_noop, benchstats
from .corpus import CHANNELS, corpus
from .receiver import Receiver
from .system import System, worker_command

# The benchmark's one client submits far more than a producer's per-minute budget.
BENCH_ENV = {"PRESSROOM_RATE_LIMIT_PER_MINUTE": "10000000"}
YEAR_VOLUME = 166_136  # the sample wire's counter line: releases in the last 365 days
Progress = Callable[[str], None]


@dataclass
class BenchConfig:
    releases: int = 486
    subscribers: int = 10
    quick: bool = False
    out: Path = Path("reports")
    seed: int = 1
    repeats: int = 3
    compute_releases: int = 96
    noop_items: int = 1000
    latency_seconds: float = 20.0
    scaling_releases: int = 128  # several batches for each of 4 processes
    scaling_processes: tuple[int, ...] = (1, 2, 4)
    year_releases: int = 10_000

    @classmethod
    def make(cls, releases: int | None, subscribers: int, quick: bool, out: Path) -> BenchConfig:
        if not quick:
            return cls(releases=releases or 486, subscribers=subscribers, out=out)
        n = releases or 60
        return cls(
            releases=n, subscribers=subscribers, quick=True, out=out, repeats=1,
            compute_releases=min(24, n), noop_items=200, latency_seconds=4.0,
            scaling_releases=48, year_releases=0,
        )  # fmt: skip


# ---- 1. compute bound ---------------------------------------------------------------


@contextmanager
def one_core() -> Iterator[int]:
    """Pin this process to one CPU while measuring the in-process cores."""
    before = os.sched_getaffinity(0)
    cpu = min(before)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, before)


def _subscriptions(k: int) -> list[Subscription]:
    from shared.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    channels = [c.slug for c in taxonomy.channels.values() if c.name in CHANNELS]
    now = datetime.now(UTC)
    return [
        Subscription(id=f"sub_bench{i}", url=f"http://127.0.0.1/{i}", channels=channels,
                     created_at=now)
        for i in range(k)
    ]  # fmt: skip


def measure_compute(cfg: BenchConfig, say: Progress) -> dict[str, Any]:
    from services.deliver.payload import envelope, release_fragment
    from services.enrich.core import load_enricher
    from services.parse.core import parse_submission
    from services.publish.core import plan_deliveries

    releases = corpus(cfg.compute_releases, cfg.seed)
    subs = _subscriptions(cfg.subscribers)
    say(f"compute: loading the enrich model, {len(releases)} releases, {cfg.repeats} runs")
    enricher = load_enricher()
    enricher.enrich(parse_submission("warm", releases[0].submission))
    runs: dict[str, list[float]] = {"parse": [], "enrich": [], "route": [], "render": []}
    per_s: list[float] = []
    cpu_ms: list[float] = []
    with one_core() as cpu:
        for _ in range(cfg.repeats):
            c0 = time.process_time()
            t0 = time.perf_counter()
            parsed = [parse_submission(f"rel_c{i}", r.submission) for i, r in enumerate(releases)]
            t1 = time.perf_counter()
            # The Enricher's own batching (nlp.pipe), as a batching worker would use it.
            enriched = enricher.enrich_many(parsed)
            t2 = time.perf_counter()
            now = datetime.now(UTC)
            plans = [plan_deliveries(e, subs, now) for e in enriched]
            t3 = time.perf_counter()
            for e, plan in zip(enriched, plans, strict=True):
                fragment = release_fragment(e, now, now)  # once per release, as deliver does
                for d in plan:
                    envelope(fragment, d.id, d.subscription_id)
            t4 = time.perf_counter()
            n = len(releases)
            for name, seconds in zip(runs, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                runs[name].append(seconds / n * 1000)
            per_s.append(n / (t4 - t0))
            cpu_ms.append((time.process_time() - c0) * 1000 / n)
            assert all(len(p) == len(subs) for p in plans), "every release reaches every subscriber"
    rate = benchstats.summarize(per_s)
    words = [r.words for r in releases]
    return {
        "cpu": cpu,
        "releases": len(releases),
        "words_mean": sum(words) / len(words),
        "words_min": min(words),
        "words_max": max(words),
        "formats": sorted({str(r.submission.content_type) for r in releases}),
        "ms_per_release": {k: benchstats.summarize(v) for k, v in runs.items()},
        "releases_per_s": rate,
        "two_core_releases_per_s": benchstats.summarize(2 * x for x in per_s),
        # CPU time, unlike the wall-clock rates, hardly moves with what else the machine runs.
        "cpu_ms_per_release": benchstats.summarize(cpu_ms),
    }


# ---- helpers for running processes --------------------------------------------------


def _start_worker(system: System, args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(
            args, env=system.env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _wait(predicate: Callable[[], bool], timeout: float, every: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True


# ---- 2. queue bound -----------------------------------------------------------------


def measure_queue(cfg: BenchConfig, system: System, workdir: Path, say: Progress) -> dict[str, Any]:
    """Items/s through 4 no-op stages, one worker process each, like the pipeline's pools."""
    r = redis.Redis.from_url(str(system.redis_url))
    app = bench_noop.app
    app.conf.broker_url = system.redis_url
    workers = [
        _start_worker(
            system,
            [*worker_command(Stage.PARSE, 1)[:3], "-A", "services.cli.bench_noop", "worker",
             "-Q", bench_noop.queue(i), "-n", f"noop{i}-{os.getpid()}@%h", "--concurrency", "1",
             "--loglevel", "WARNING", "--pool", "prefork", "--without-mingle", "--without-gossip"],
            workdir / "noop.log",
        )
        for i in range(bench_noop.STAGES)
    ]  # fmt: skip
    rates: list[float] = []
    try:
        for run in range(cfg.repeats + 1):  # the first run warms the workers up
            n = 20 if run == 0 else cfg.noop_items
            r.set(bench_noop.DONE_KEY, 0)
            started = time.time()
            for i in range(n):
                app.send_task(bench_noop.task_name(0), args=[f"x{i}"], queue=bench_noop.queue(0))
            ok = _wait(lambda n=n: int(r.get(bench_noop.DONE_KEY) or 0) >= n, 60 + n / 10)  # type: ignore[misc]
            if not ok:
                raise RuntimeError("the no-op chain did not drain")
            if run:
                rates.append(n / (float(r.get(bench_noop.LAST_KEY) or 0) - started))
                say(f"queue bound run {run}: {rates[-1]:.0f} items/s")
    finally:
        for w in workers:
            stop_process(w)
        r.close()
    return {"stages": bench_noop.STAGES, "items": cfg.noop_items,
            "items_per_s": benchstats.summarize(rates)}  # fmt: skip


# ---- 3. the pipeline ------------------------------------------------------------------


@dataclass
class Tracker:
    """Every delivery that arrived (first time by webhook-id) and when releases went in."""

    expected: dict[str, str] = field(default_factory=dict)  # delivery id -> release id
    submitted: dict[str, float] = field(default_factory=dict)  # release id -> submit time
    arrived: dict[str, float] = field(default_factory=dict)  # delivery id -> first arrival
    duplicates: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expect(self, release_id: str, sub_ids: Sequence[str], at: float) -> list[str]:
        deliveries = [ids.delivery_id(release_id, sub) for sub in sub_ids]
        with self.lock:
            self.expected.update(dict.fromkeys(deliveries, release_id))
            self.submitted[release_id] = at
        return deliveries

    def note(self, delivery_id: str, at: float) -> None:
        # A delivery may arrive before its release's 202 was read: match it up later.
        with self.lock:
            if delivery_id in self.arrived:
                self.duplicates += 1  # at-least-once: receivers dedupe by webhook-id
            else:
                self.arrived[delivery_id] = at

    def arrivals(self, deliveries: Sequence[str]) -> list[float]:
        with self.lock:
            return [self.arrived[d] for d in deliveries if d in self.arrived]

    @property
    def unknown(self) -> int:
        with self.lock:
            return sum(1 for d in self.arrived if d not in self.expected)


class Fleet:
    """K loopback subscribers (one receiver each) and a thread that drains what they got."""

    def __init__(self, system: System, k: int) -> None:
        self.receivers = [Receiver().start() for _ in range(k)]
        self.tracker = Tracker()
        self.sub_ids: list[str] = []
        session = api_session(system)
        for i, rx in enumerate(self.receivers):
            answer = session.post(
                system.api_url + "/v1/subscriptions",
                json={"url": f"{rx.url}/desk{i}", "channels": list(CHANNELS),
                      "description": f"bench subscriber {i}"},
                timeout=10,
            )  # fmt: skip
            answer.raise_for_status()
            self.sub_ids.append(answer.json()["id"])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        # Bodies are dropped at once: 10,000 releases x 10 subscribers would not fit in memory.
        while not self._stop.wait(0.05):
            for rx in self.receivers:
                for got in rx.drain():
                    self.tracker.note(got.headers.get("webhook-id", ""), got.at)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for rx in self.receivers:
            rx.stop()


_local = threading.local()


def api_session(system: System) -> requests.Session:
    """One session per client thread, sending the system's development key if it has one."""
    sessions: dict[str, requests.Session] = _local.__dict__.setdefault("sessions", {})
    if system.api_url not in sessions:
        session = sessions[system.api_url] = requests.Session()
        key = getattr(system, "admin_key", "")
        if key:
            session.headers["Authorization"] = f"Bearer {key}"
    return sessions[system.api_url]


def post_release(system: System, sub: Submission) -> str:
    """Submit one release; its id as the API answers it."""
    answer = api_session(system).post(
        system.api_url + "/v1/releases",
        json=sub.model_dump(mode="json", exclude_none=True),
        timeout=30,
    )
    answer.raise_for_status()
    return str(answer.json()["id"])


@dataclass
class RunResult:
    releases: int
    seconds: float  # first submission to the last delivery of the run
    delivered: int
    expected: int
    latencies: list[float]  # per release: submission to its first delivery

    @property
    def per_s(self) -> float:
        return self.releases / self.seconds if self.seconds > 0 else 0.0

    @property
    def complete(self) -> bool:
        return self.delivered == self.expected


def wait_for_arrivals(arrived: Callable[[], int], expected: int, stall: float = 60.0) -> None:
    """Until every expected delivery arrived, or none arrived for ``stall`` seconds: a run
    whose deliveries stopped coming is reported incomplete, not waited on for an hour."""
    last_count, last_change = -1, time.monotonic()
    while (count := arrived()) < expected:
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > stall:
            return
        time.sleep(0.1)


def run_pipeline(
    system: System, fleet: Fleet, tag: str, n: int, seed: int, rate: float | None = None
) -> RunResult:
    """Submit ``n`` releases (as fast as 4 clients can, or at a steady ``rate`` per second)
    and wait until every one reached all K subscribers."""
    subs = [
        r.submission.model_copy(update={"external_id": f"{tag}-{i}"})
        for i, r in enumerate(corpus(n, seed))
    ]
    offsets = benchstats.throughput_schedule(rate, n) if rate else [0.0] * n
    release_ids: list[str] = [""] * n
    deliveries: list[str] = []
    start = time.time()

    def one(i: int) -> None:
        delay = start + offsets[i] - time.time()
        if delay > 0:
            time.sleep(delay)
        at = time.time()
        release_ids[i] = post_release(system, subs[i])
        deliveries.extend(fleet.tracker.expect(release_ids[i], fleet.sub_ids, at))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(n)))
    wait_for_arrivals(lambda: len(fleet.tracker.arrivals(deliveries)), len(deliveries))
    t = fleet.tracker
    with t.lock:
        arrivals = [t.arrived[d] for d in deliveries if d in t.arrived]
        first: dict[str, float] = {}
        for d in deliveries:
            if d in t.arrived:
                rid = t.expected[d]
                first[rid] = min(first.get(rid, t.arrived[d]), t.arrived[d])
        latencies = [first[r] - t.submitted[r] for r in release_ids if r in first]
    return RunResult(
        releases=n, seconds=(max(arrivals) if arrivals else time.time()) - start,
        delivered=len(arrivals), expected=len(deliveries), latencies=latencies,
    )  # fmt: skip


def cpu_seconds(system: System) -> dict[str, float]:
    """CPU time used so far by each part of the system (a worker with its pool processes).
    Unlike wall-clock rates, CPU per release does not depend on what else the shared
    machine runs, so it tells what dominates the cost."""
    parts: dict[str, float] = {}
    procs: list[tuple[str, int]] = [(c.name, c.process.pid) for c in system.children if c.process]
    if system.redis is not None and system.redis.process is not None:
        procs.append(("redis", system.redis.process.pid))
    procs.append(("bench (clients, subscribers)", os.getpid()))
    for name, pid in procs:
        try:
            main = psutil.Process(pid)
            total = 0.0
            for p in [main, *([] if pid == os.getpid() else main.children(recursive=True))]:
                t = p.cpu_times()
                total += t.user + t.system
            parts[name] = total
        except psutil.Error:
            continue
    return parts


def cpu_per_release(before: dict[str, float], after: dict[str, float], n: int) -> dict[str, float]:
    """Milliseconds of CPU per release, by part, between two ``cpu_seconds`` snapshots."""
    return {k: round((after[k] - before.get(k, 0.0)) * 1000 / n, 2) for k in after if n}


def _run_record(run: RunResult) -> dict[str, Any]:
    return {
        "releases": run.releases,
        "seconds": round(run.seconds, 3),
        "releases_per_s": round(run.per_s, 3),
        "delivered": run.delivered,
        "expected": run.expected,
        "complete": run.complete,
        "latency_s": benchstats.latency_summary(run.latencies),
    }


# ---- 4. scaling and memory ---------------------------------------------------------------


def worker_memory(system: System) -> dict[str, dict[str, float]]:
    """RSS and PSS of each stage's worker: its main process and (the largest) pool process.
    PSS splits pages shared copy-on-write (the model loaded before fork) between sharers."""
    out: dict[str, dict[str, float]] = {}
    mb = 1024 * 1024
    for child in system.children:
        if not child.name.startswith("worker-") or child.process is None:
            continue
        main = psutil.Process(child.process.pid)
        kids = main.children(recursive=True)

        def info(p: psutil.Process) -> tuple[float, float]:
            full = p.memory_full_info()
            return full.rss / mb, getattr(full, "pss", full.rss) / mb

        m_rss, m_pss = info(main)
        c_infos = [info(k) for k in kids] or [(0.0, 0.0)]
        out[child.name.removeprefix("worker-")] = {
            "main_rss_mb": round(m_rss, 1), "main_pss_mb": round(m_pss, 1),
            "child_rss_mb": round(max(c[0] for c in c_infos), 1),
            "child_pss_mb": round(max(c[1] for c in c_infos), 1),
            "pool_processes": len(kids),
        }  # fmt: skip
    return out


def _stage_done_times(r: redis.Redis, release_ids: Sequence[str], stage: Stage) -> list[float]:
    pipe = r.pipeline(transaction=False)
    for rid in release_ids:
        pipe.hget(f"pr:release:{rid}", f"state:{stage.value}")
    times = []
    for raw in pipe.execute():
        if raw:
            state = json.loads(raw)
            if state.get("status") == "done":
                times.append(datetime.fromisoformat(state["at"]).timestamp())
    return times


def rate_after_first_batch(done_times: Sequence[float]) -> float:
    """Releases per second from the stage's finish times. A batch is saved at one moment,
    so the clock starts when the first batch finished and counts the releases after it."""
    times = sorted(done_times)
    first = sum(1 for t in times if t - times[0] < 0.001)
    span = times[-1] - times[0]
    if span <= 0:
        raise RuntimeError("every release finished in one batch: use a larger scaling corpus")
    return (len(times) - first) / span


def measure_scaling(
    cfg: BenchConfig, system: System, stage: Stage, workdir: Path, say: Progress
) -> dict[str, Any]:
    """Throughput of ``stage`` alone, its queue filled beforehand, with 1, 2, 4 processes;
    from the stage's own persisted finish times, so worker start-up is not counted.

    Runs on the pipeline's system after its pools from ``stage`` on were stopped, so the
    stage's queue fills and nothing else competes for the cores."""
    order = [Stage.PARSE, Stage.ENRICH, Stage.PUBLISH, Stage.DELIVER]
    upstream = order[: order.index(stage)]
    for later in order[order.index(stage) :]:
        process = system.child(f"worker-{later.value}").process
        if process is not None:
            stop_process(process)
    rates: dict[str, list[float]] = {str(n): [] for n in cfg.scaling_processes}
    r = redis.Redis.from_url(str(system.redis_url), decode_responses=True)
    try:
        for rep in range(cfg.repeats):
            for n in cfg.scaling_processes:
                tag = f"scale-{rep}-{n}-{time.time_ns()}"
                subs = corpus(cfg.scaling_releases, cfg.seed + rep)
                rids = []
                for i, g in enumerate(subs):
                    s = g.submission.model_copy(update={"external_id": f"{tag}-{i}"})
                    rids.append(post_release(system, s))
                before = upstream[-1] if upstream else None
                if before is not None and not _wait(
                    lambda b=before, ids_=rids: len(_stage_done_times(r, ids_, b)) == len(ids_),  # type: ignore[misc]
                    300,
                    0.2,
                ):
                    raise RuntimeError(f"{before} did not finish the scaling corpus")
                worker = _start_worker(system, worker_command(stage, n), workdir / "system.log")
                try:
                    done = _wait(
                        lambda ids_=rids: len(_stage_done_times(r, ids_, stage)) == len(ids_),  # type: ignore[misc]
                        600,
                        0.2,
                    )
                finally:
                    stop_process(worker)
                times = sorted(_stage_done_times(r, rids, stage))
                if not done or len(times) < 2:
                    raise RuntimeError(f"{stage} did not finish the scaling corpus")
                rates[str(n)].append(rate_after_first_batch(times))
                say(f"scaling: {stage} with {n} processes: {rates[str(n)][-1]:.1f} rel/s")
    finally:
        r.close()
    return {
        "stage": stage.value,
        "releases": cfg.scaling_releases,
        "releases_per_s": {n: benchstats.summarize(v) for n, v in rates.items()},
    }


# ---- the whole run --------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def measure_pipeline(
    cfg: BenchConfig, bottleneck: Stage, workdir: Path, say: Progress
) -> tuple[dict[str, Any], ...]:
    """Queue bound, pipeline throughput and latencies, memory, scaling: one System, one Redis."""
    # The bottleneck stage gets a process per core, as an operator would size it; the model
    # is loaded before the pool forks, so the processes share it.
    system = System(data_dir=workdir / "system", api_port=free_port(),
                    log_path=workdir / "system.log", extra_env=BENCH_ENV,
                    concurrency={bottleneck.value: os.cpu_count() or 1})  # fmt: skip
    say("pipeline: starting Redis, the API, 4 worker pools and the scheduler")
    with system:
        queue = measure_queue(cfg, system, workdir, say)
        fleet = Fleet(system, cfg.subscribers)
        try:
            # Warm-up: every worker has loaded its code (enrich its model) and connected.
            warm = run_pipeline(system, fleet, "warm", 8, cfg.seed + 99)
            if not warm.complete:
                raise RuntimeError(f"warm-up delivered {warm.delivered}/{warm.expected}")
            bursts = []
            cpu_runs: list[dict[str, float]] = []
            for rep in range(cfg.repeats):
                cpu_before = cpu_seconds(system)
                run = run_pipeline(system, fleet, f"burst{rep}", cfg.releases, cfg.seed + rep)
                bursts.append(run)
                cpu_runs.append(cpu_per_release(cpu_before, cpu_seconds(system), run.releases))
                say(f"pipeline burst {rep + 1}: {run.releases} releases in {run.seconds:.1f}s = "
                    f"{run.per_s:.1f} rel/s, {run.delivered}/{run.expected} delivered")  # fmt: skip
            best = benchstats.summarize(b.per_s for b in bursts)["median"]
            latency_runs: dict[str, RunResult] = {}
            for label, rate in (("25%", best * 0.25), ("50%", best * 0.5), ("75%", best * 0.75),
                                ("1 rel/s", 1.0)):  # fmt: skip
                n = max(4, int(rate * cfg.latency_seconds))
                run = run_pipeline(system, fleet, f"lat{label}", n, cfg.seed + 7, rate)
                latency_runs[f"{label} ({rate:.1f} rel/s)"] = run
                lat = benchstats.latency_summary(run.latencies)
                say(f"latency at {label} ({rate:.1f} rel/s): p50 {lat['p50']:.2f}s "
                    f"p99 {lat['p99']:.2f}s")  # fmt: skip
            year = None
            if cfg.year_releases:
                say(f"year run: {cfg.year_releases} releases")
                year = run_pipeline(system, fleet, "year", cfg.year_releases, cfg.seed + 3)
            memory = worker_memory(system)
            duplicates, unknown = fleet.tracker.duplicates, fleet.tracker.unknown
        finally:
            fleet.close()
        scaling = measure_scaling(cfg, system, bottleneck, workdir, say)
    pipeline = {
        "releases": cfg.releases,
        "subscribers": cfg.subscribers,
        "runs": [_run_record(b) for b in bursts],
        "releases_per_s": benchstats.summarize(b.per_s for b in bursts),
        "seconds": benchstats.summarize(b.seconds for b in bursts),
        "latency_runs": {k: _run_record(v) for k, v in latency_runs.items()},
        "cpu_ms_per_release": {
            k: benchstats.summarize(r[k] for r in cpu_runs if k in r) for k in cpu_runs[0]
        },
        "duplicate_deliveries": duplicates,
        "unknown_deliveries": unknown,
        "year_run": _run_record(year) if year else None,
    }
    return queue, pipeline, memory, scaling


def run_bench(cfg: BenchConfig, say: Progress = print) -> dict[str, Any]:
    started = time.monotonic()
    cfg.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-") as tmp:
        workdir = Path(tmp)
        report: dict[str, Any] = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
            "machine": machine(),
        }
        report["compute"] = measure_compute(cfg, say)
        ms = report["compute"]["ms_per_release"]
        slowest = max((Stage.PARSE, Stage.ENRICH), key=lambda s: float(ms[s.value]["median"]))
        queue, pipeline, memory, scaling = measure_pipeline(cfg, slowest, workdir, say)
        report.update(queue=queue, pipeline=pipeline, memory=memory, scaling=scaling)
        two_core = report["compute"]["two_core_releases_per_s"]["median"]
        pipeline["ratio_to_compute"] = benchstats.summarize(
            r["releases_per_s"] / two_core for r in pipeline["runs"]
        )
        # Efficiency by CPU: the cores' own CPU per release over all CPU the system spent
        # per release (workers, API, Redis, the bench's clients and subscribers).
        cpu_total = sum(float(v["median"]) for v in pipeline["cpu_ms_per_release"].values())
        pipeline["cpu_efficiency"] = (
            float(report["compute"]["cpu_ms_per_release"]["median"]) / cpu_total
            if cpu_total
            else None
        )
        report["latency"] = {k: v["latency_s"] for k, v in pipeline["latency_runs"].items()}
        report["day"] = {"releases": cfg.releases, "seconds": pipeline["seconds"]}
        if pipeline["year_run"]:
            y = pipeline["year_run"]
            report["year"] = {
                "volume": YEAR_VOLUME, "releases": y["releases"], "seconds": y["seconds"],
                "extrapolated_s": benchstats.year_extrapolation(y["releases"], y["seconds"],
                                                                YEAR_VOLUME),
            }  # fmt: skip
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    write_reports(report, cfg.out)
    return report


def write_reports(report: dict[str, Any], out: Path) -> None:
    """bench.json and bench.md; hand-written notes below the marker in bench.md are kept."""
    (out / "bench.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    md = out / "bench.md"
    notes = ""
    if md.exists() and benchstats.NOTES_MARKER in md.read_text():
        notes = md.read_text().split(benchstats.NOTES_MARKER, 1)[1]
    md.write_text(benchstats.markdown_report(report) + benchstats.NOTES_MARKER + notes)

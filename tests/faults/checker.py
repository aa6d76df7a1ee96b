"""The checker: pure functions from what was accepted, what the subscriber saw and when
each fault was injected, to the verdicts and the per-fault table. No I/O, no clock.

Definitions (they are what reports/faults.md and docs/reliability.md mean):
- a release is *accepted* when the API answered 202 (the only promise the wire makes);
- it is *delivered* when every subscription it matches answered 2xx to it at least once;
- *lost*: accepted, not a poison release, and not delivered after the drain;
- *duplicates*: 2xx receipts beyond the first of the same (release, subscription);
- *recovery* of one injection: from the moment the fault was cleared (process restarted,
  Redis back, subscriber answering again) until every release accepted before that moment
  was delivered: the time the wire needs to catch up, backlog included;
- each release belongs to the row of the last fault injected before it was accepted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tests.faults.subscriber import Hit

BASELINE = "(before any fault)"


@dataclass(frozen=True)
class Accepted:
    release_id: str
    at: float
    embargo_until: float | None = None
    poison: bool = False


@dataclass(frozen=True)
class Injection:
    fault: str
    started: float
    cleared: float


@dataclass(frozen=True)
class Row:
    fault: str
    injections: int
    accepted: int
    delivered: int
    lost: int
    duplicates: int
    worst_recovery: float  # seconds; inf when something was never delivered


Pair = tuple[str, str]  # (release id, subscription id)


def first_deliveries(hits: Iterable[Hit]) -> dict[Pair, float]:
    """When each (release, subscription) was first answered 2xx."""
    first: dict[Pair, float] = {}
    for h in hits:
        if 200 <= h.status < 300 and h.verified:
            key = (h.release_id, h.subscription_id)
            first[key] = min(first.get(key, h.at), h.at)
    return first


def duplicate_counts(hits: Iterable[Hit]) -> Counter[str]:
    """Per release, the 2xx receipts beyond the first per subscription."""
    per_pair = Counter((h.release_id, h.subscription_id) for h in hits if 200 <= h.status < 300)
    dups: Counter[str] = Counter()
    for (release_id, _sub), n in per_pair.items():
        if n > 1:
            dups[release_id] += n - 1
    return dups


def delivered_at(
    release: Accepted, subscriptions: Sequence[str], first: dict[Pair, float]
) -> float | None:
    """When the last of the release's subscriptions got it; None if one never did."""
    times = [first.get((release.release_id, s)) for s in subscriptions]
    if any(t is None for t in times):
        return None
    return max(t for t in times if t is not None)


def lost(
    accepted: Iterable[Accepted], subscriptions: Sequence[str], first: dict[Pair, float]
) -> list[str]:
    return [
        a.release_id
        for a in accepted
        if not a.poison and delivered_at(a, subscriptions, first) is None
    ]


def early_deliveries(
    accepted: Iterable[Accepted], hits: Iterable[Hit]
) -> list[tuple[str, float, float]]:
    """(release, received at, embargo) for every request that came before its embargo."""
    embargo = {a.release_id: a.embargo_until for a in accepted if a.embargo_until}
    return [
        (h.release_id, h.at, embargo[h.release_id])
        for h in hits
        if h.release_id in embargo and h.at < embargo[h.release_id]
    ]


def bad_signatures(hits: Iterable[Hit]) -> int:
    return sum(1 for h in hits if not h.verified)


def window(injections: Sequence[Injection], at: float) -> str:
    """The fault whose window (from its start to the next one's) holds ``at``."""
    current = BASELINE
    for inj in sorted(injections, key=lambda i: i.started):
        if inj.started <= at:
            current = inj.fault
    return current


def recovery(
    injection: Injection,
    accepted: Iterable[Accepted],
    subscriptions: Sequence[str],
    first: dict[Pair, float],
) -> float:
    """Seconds from the fault's end until everything accepted before it was delivered.

    Embargoed releases wait by design and poison ones never arrive: both are left out.
    """
    worst = 0.0
    for a in accepted:
        if a.poison or a.embargo_until or a.at >= injection.cleared:
            continue
        done = delivered_at(a, subscriptions, first)
        if done is None:
            return math.inf
        worst = max(worst, done - injection.cleared)
    return worst


def rows(
    accepted: Sequence[Accepted],
    hits: Sequence[Hit],
    injections: Sequence[Injection],
    subscriptions: Sequence[str],
) -> list[Row]:
    first = first_deliveries(hits)
    dups = duplicate_counts(hits)
    names = [BASELINE, *sorted({i.fault for i in injections}, key=_first_start(injections))]
    table = []
    for name in names:
        mine = [a for a in accepted if window(injections, a.at) == name and not a.poison]
        if name == BASELINE and not mine:
            continue
        of_fault = [i for i in injections if i.fault == name]
        recoveries = [recovery(i, accepted, subscriptions, first) for i in of_fault]
        table.append(
            Row(
                fault=name,
                injections=len(of_fault),
                accepted=len(mine),
                delivered=sum(1 for a in mine if delivered_at(a, subscriptions, first)),
                lost=len(lost(mine, subscriptions, first)),
                duplicates=sum(dups[a.release_id] for a in mine),
                worst_recovery=max(recoveries, default=0.0),
            )
        )
    return table


def _first_start(injections: Sequence[Injection]):
    starts: dict[str, float] = {}
    for i in injections:
        starts[i.fault] = min(starts.get(i.fault, i.started), i.started)
    return lambda name: starts[name]


def total(table: Sequence[Row]) -> Row:
    return Row(
        fault="total",
        injections=sum(r.injections for r in table),
        accepted=sum(r.accepted for r in table),
        delivered=sum(r.delivered for r in table),
        lost=sum(r.lost for r in table),
        duplicates=sum(r.duplicates for r in table),
        worst_recovery=max((r.worst_recovery for r in table), default=0.0),
    )


def markdown(table: Sequence[Row]) -> str:
    head = (
        "| fault | injections | releases accepted | delivered | lost | duplicate deliveries "
        "| worst recovery (s) |\n|---|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r.fault} | {r.injections} | {r.accepted} | {r.delivered} | {r.lost} "
        f"| {r.duplicates} | {_seconds(r.worst_recovery)} |"
        for r in [*table, total(table)]
    ]
    return head + "\n".join(lines) + "\n"


def _seconds(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:.1f}"

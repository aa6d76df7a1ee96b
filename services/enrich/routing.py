"""Channel routing: declared channels, keyword/entity rules per industry and topic channel, and
region channels from the places a release is about. Pure: a release, its layout and entities in,
``ChannelAssignment`` list out; every assignment says why in ``reason``.

Rules live in ``shared/data/channels.json`` (operator-editable):

- per channel ``rules``: ``keywords`` {phrase: weight} (whole words, case-insensitive; a negative
  weight counts against), ``entities`` {canonical entity name: weight}, ``threshold``
  (default ``routing.default_threshold``), ``min_distinct`` distinct matched keywords/entities
  (default ``routing.min_distinct``);
- file-level ``routing``: ``section_weights`` (a hit in the headline counts more than one in the
  body; legal boilerplate counts for nothing), ``keyword_cap`` (repeats of one keyword count at
  most this many times), ``reference_words`` (thresholds grow with the square root of the length
  beyond this, so long releases do not collect channels from incidental words),
  ``region_threshold`` / ``region_section_weights`` (a country's region channel needs this much
  weighted mention of the country or its places: one mention in an About section is not enough),
  ``max_per_kind``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick

from services.enrich.segments import Layout
from shared.models import ChannelAssignment, Entity, ParsedRelease
from shared.taxonomy import Channel, Taxonomy

DEFAULTS: dict[str, Any] = {
    "default_threshold": 6.0,
    "min_distinct": 2,
    "keyword_cap": 3.0,
    "reference_words": 600,
    "section_weights": {
        "headline": 2.5, "subheadline": 1.5, "lede": 1.5, "body": 1.0,
        "about": 0.5, "disclaimers": 0.0, "contacts": 0.0, "dateline": 0.0,
    },
    "region_threshold": 2.5,
    "region_section_weights": {
        "headline": 3.0, "subheadline": 2.0, "dateline": 2.5, "lede": 1.5, "body": 1.0,
        "about": 0.3, "disclaimers": 0.0, "contacts": 0.0,
    },
    "max_per_kind": {"industry": 6, "topic": 5, "region": 8},
}
WORD = re.compile(r"\w")


@dataclass
class Score:
    total: float = 0.0
    evidence: dict[str, float] | None = None

    def add(self, what: str, points: float) -> None:
        self.total += points
        self.evidence = self.evidence or {}
        self.evidence[what] = self.evidence.get(what, 0.0) + points


class Router:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.settings = {**DEFAULTS, **dict(taxonomy.routing)}
        self.ruled = [c for c in taxonomy.channels.values() if c.kind != "region" and c.rules]
        self._automaton = _keyword_automaton(self.ruled)

    def route(
        self, release: ParsedRelease, lay: Layout, entities: list[Entity]
    ) -> list[ChannelAssignment]:
        out: dict[str, ChannelAssignment] = {}
        for name in release.channels:
            channel = self.taxonomy.resolve(name)
            if channel is not None and channel.slug not in out:
                out[channel.slug] = _assign(channel, "declared by the producer", 1.0)
        for assignment in self.rule_channels(lay, entities) + self.region_channels(entities):
            out.setdefault(assignment.slug, assignment)
        return list(out.values())

    # -- industries and topics --------------------------------------------------------------
    def rule_channels(self, lay: Layout, entities: list[Entity]) -> list[ChannelAssignment]:
        weights: Mapping[str, float] = self.settings["section_weights"]
        cap = float(self.settings["keyword_cap"])
        seen: dict[tuple[str, str], float] = defaultdict(float)  # (slug, phrase) -> weighted count
        lowered = lay.text.lower()
        matches = self._automaton.iter(lowered) if len(self._automaton) else iter(())
        for end, (phrase, targets) in matches:
            start = end - len(phrase) + 1
            if not _whole_word(lowered, start, end + 1):
                continue
            w = float(weights.get(lay.section_at(start), 1.0))
            for slug, _ in targets:
                seen[(slug, phrase)] += w
        scores: dict[str, Score] = defaultdict(Score)
        for (slug, phrase), count in seen.items():
            weight = float(self.taxonomy.channels[slug].rules["keywords"][phrase])
            if count > 0:
                scores[slug].add(phrase, weight * min(count, cap))
        present = {e.name: e for e in entities if _beyond_boilerplate(e)}
        for channel in self.ruled:
            for name, weight in (channel.rules.get("entities") or {}).items():
                if name in present:
                    scores[channel.slug].add(f"entity {name}", float(weight))

        words = max(1, len(lay.text.split()))
        stretch = max(1.0, math.sqrt(words / float(self.settings["reference_words"])))
        chosen: list[ChannelAssignment] = []
        for slug, score in scores.items():
            channel = self.taxonomy.channels[slug]
            threshold = float(channel.rules.get("threshold", self.settings["default_threshold"]))
            distinct = sum(1 for v in (score.evidence or {}).values() if v > 0)
            need = int(channel.rules.get("min_distinct", self.settings["min_distinct"]))
            if score.total >= threshold * stretch and distinct >= need:
                ranked = sorted((score.evidence or {}).items(), key=lambda kv: -kv[1])[:6]
                evidence = ", ".join(f"{k} ({v:g})" for k, v in ranked)
                bar = threshold * stretch
                reason = f"rule: score {score.total:.1f} >= {bar:.1f} from {evidence}"
                chosen.append(_assign(channel, reason, round(score.total, 2)))
        return self._cap(chosen)

    # -- regions ----------------------------------------------------------------------------
    def region_channels(self, entities: list[Entity]) -> list[ChannelAssignment]:
        weights: Mapping[str, float] = self.settings["region_section_weights"]
        threshold = float(self.settings["region_threshold"])
        scores: dict[str, Score] = defaultdict(Score)
        for entity in entities:
            if entity.type != "place" or "iso3166" not in entity.ids:
                continue
            points = sum(float(weights.get(s, 1.0)) * n for s, n in entity.sections.items())
            where = ", ".join(f"{s} {n}" for s, n in entity.sections.items())
            targets = [self.taxonomy.region_for_country(entity.ids["iso3166"])]
            if "iso3166_2" in entity.ids:
                targets.append(self.taxonomy.region_for_subdivision(entity.ids["iso3166_2"]))
            for channel in targets:
                if channel is not None:
                    scores[channel.slug].add(f"{entity.name} ({where})", points)
        chosen = []
        for slug, score in scores.items():
            if score.total >= threshold:
                evidence = "; ".join((score.evidence or {}).keys())
                reason = f"entity: {evidence}; weight {score.total:.1f} >= {threshold:g}"
                chosen.append(_assign(self.taxonomy.channels[slug], reason, round(score.total, 2)))
        return self._cap(chosen)

    def _cap(self, chosen: list[ChannelAssignment]) -> list[ChannelAssignment]:
        limits: Mapping[str, int] = self.settings["max_per_kind"]
        chosen.sort(key=lambda a: -a.score)
        counts: dict[str, int] = defaultdict(int)
        out = []
        for a in chosen:
            counts[a.kind] += 1
            if counts[a.kind] <= int(limits.get(a.kind, 10)):
                out.append(a)
        return out


def _assign(channel: Channel, reason: str, score: float) -> ChannelAssignment:
    return ChannelAssignment(
        slug=channel.slug, name=channel.name, kind=channel.kind,
        reason=reason, score=score,
    )


def _keyword_automaton(channels: list[Channel]) -> Any:
    table: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for channel in channels:
        for phrase, weight in (channel.rules.get("keywords") or {}).items():
            table[phrase.lower()].append((channel.slug, float(weight)))
    automaton = ahocorasick.Automaton()
    for phrase, targets in table.items():
        automaton.add_word(phrase, (phrase, targets))
    if table:
        automaton.make_automaton()
    return automaton


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after == "s":  # a plural of the phrase counts too ("missiles", "banks")
        after = text[end + 1] if end + 1 < len(text) else " "
    return not WORD.match(before) and not WORD.match(after)


def _beyond_boilerplate(entity: Entity) -> bool:
    return any(n for s, n in entity.sections.items() if s not in ("about", "disclaimers"))

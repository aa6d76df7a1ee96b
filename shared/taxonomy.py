"""The channel taxonomy: every distribution channel a release can be routed to.

Industries and topics (with the routing rules the enrich stage applies) live in
``shared/data/channels.json``; region channels are generated for every country in
ISO 3166-1 and every US state, so none is ever missing. An operator may point
``PRESSROOM_TAXONOMY_PATH`` at an edited copy of the file.

Slugs are stable: the name lower-cased, ``&`` and punctuation dropped, words
joined by hyphens ("Military Industry" -> ``military-industry``).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

DEFAULT_PATH = Path(__file__).parent / "data" / "channels.json"


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Channel:
    slug: str
    name: str
    kind: str  # industry | region | topic
    iptc: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 of a region channel
    subdivision: str | None = None  # ISO 3166-2 of a state channel
    rules: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Taxonomy:
    channels: Mapping[str, Channel]
    _by_key: Mapping[str, str]
    # File-level routing settings (section weights, region threshold, caps); see channels.json.
    routing: Mapping[str, Any] = field(default_factory=dict)

    def resolve(self, name_or_slug: str) -> Channel | None:
        """A channel by its name (any case) or slug."""
        slug = self._by_key.get(name_or_slug.strip().lower()) or self._by_key.get(
            slugify(name_or_slug)
        )
        return self.channels.get(slug) if slug else None

    def unknown(self, names: Iterable[str]) -> list[str]:
        return [n for n in names if self.resolve(n) is None]

    def of_kind(self, kind: str) -> list[Channel]:
        return [c for c in self.channels.values() if c.kind == kind]

    def region_for_country(self, alpha2: str) -> Channel | None:
        return self.channels.get(self._by_key.get(f"country:{alpha2.upper()}", ""))

    def region_for_subdivision(self, code: str) -> Channel | None:
        return self.channels.get(self._by_key.get(f"subdivision:{code.upper()}", ""))


def _country_name(country: Any) -> str:
    # Prefer the everyday name ("Iran", "Bolivia") over the formal one where pycountry has it.
    return str(getattr(country, "common_name", None) or country.name)


def _region_channels() -> list[Channel]:
    channels = [
        Channel(
            slug=slugify(_country_name(c)),
            name=_country_name(c),
            kind="region",
            country=c.alpha_2,
        )
        for c in pycountry.countries
    ]
    for sub in pycountry.subdivisions.get(country_code="US") or []:
        if sub.type == "State" or sub.code == "US-DC":
            channels.append(
                Channel(
                    slug=slugify(f"{sub.name} US"),
                    name=sub.name,
                    kind="region",
                    country="US",
                    subdivision=sub.code,
                )
            )
    return channels


def build_taxonomy(
    entries: Iterable[Mapping[str, Any]],
    routing: Mapping[str, Any] | None = None,
    country_names: Mapping[str, str] | None = None,
) -> Taxonomy:
    """The taxonomy of the file's industry and topic ``entries`` and the generated region
    channels. A region channel is also found by its country's ISO names ("Russian
    Federation") and by the everyday ``country_names`` ({"Russia": "RU", "UK": "GB"})."""
    channels: dict[str, Channel] = {}
    keys: dict[str, str] = {}
    for entry in entries:
        name = str(entry["name"])
        channel = Channel(
            slug=str(entry.get("slug") or slugify(name)),
            name=name,
            kind=str(entry["kind"]),
            iptc=entry.get("iptc"),
            rules=dict(entry.get("rules") or {}),
        )
        channels[channel.slug] = channel
    for channel in _region_channels():
        # An industry or topic of the same slug wins; the region stays reachable by code.
        channels.setdefault(channel.slug, channel)
        if channel.subdivision:
            keys[f"subdivision:{channel.subdivision}"] = channel.slug
        elif channel.country:
            keys[f"country:{channel.country}"] = channel.slug
    for channel in channels.values():
        keys.setdefault(channel.name.lower(), channel.slug)
        keys.setdefault(channel.slug, channel.slug)
        for alias in channel.rules.get("aliases", []):
            keys.setdefault(str(alias).lower(), channel.slug)
    names = [(n, c.alpha_2) for c in pycountry.countries for n in _iso_names(c)]
    names += [(name, str(code)) for name, code in (country_names or {}).items()]
    for name, code in names:
        if slug := keys.get(f"country:{code.upper()}"):
            keys.setdefault(name.lower(), slug)
    return Taxonomy(channels=channels, _by_key=keys, routing=dict(routing or {}))


def _iso_names(country: Any) -> list[str]:
    return [n for n in (country.name, getattr(country, "official_name", None)) if n]


@lru_cache(maxsize=4)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    source = Path(path or os.environ.get("PRESSROOM_TAXONOMY_PATH") or DEFAULT_PATH)
    data = json.loads(source.read_text(encoding="utf-8"))
    return build_taxonomy(data["channels"], data.get("routing"), data.get("country_names"))

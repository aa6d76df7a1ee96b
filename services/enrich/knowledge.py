"""The entity knowledge the enrich stage ships (aliases, wire names, titles, gazetteer), plus
an operator's extension file of the same shape.

Read once by ``load_enricher``; everything downstream takes the resulting ``Knowledge`` as a
parameter, so tests can build one from a dict without touching files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).parent / "data" / "entities.json"
# Well-known organisations by the names releases write them in (``organizations``: a list).
ORGANIZATIONS_PATH = Path(__file__).parent / "data" / "organizations.json"
PEOPLE_PATH = Path(__file__).parent / "data" / "people.json"


@dataclass(frozen=True)
class Knowledge:
    place_aliases: Mapping[str, str] = field(default_factory=dict)  # surface -> ISO code / name
    org_aliases: Mapping[str, str] = field(default_factory=dict)  # surface -> canonical name
    wires: frozenset[str] = frozenset()  # normalised keys (see ``key``)
    wire_patterns: tuple[re.Pattern[str], ...] = ()
    titles: frozenset[str] = frozenset()  # lower-case, without trailing period
    org_suffixes: frozenset[str] = frozenset()  # lower-case, without trailing period
    not_entities: frozenset[str] = frozenset()  # normalised keys
    token_symbols: frozenset[str] = frozenset()  # "BTC", "USDT": as written, case-sensitive
    # "Latinas", "U.S. Hispanics", "Puerto Ricans": people of a place or group, no entity.
    demonyms: re.Pattern[str] | None = None
    role_words: frozenset[str] = frozenset()  # lower-case words of job titles and roles
    gazetteer: Mapping[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    org_tails: frozenset[str] = frozenset()  # lower-case, without trailing period
    org_heads: tuple[str, ...] = ()  # "Department of", "Instituto": opening words of an org
    org_nouns: frozenset[str] = frozenset()  # "Acme, a leading <retailer>"
    # Words that mark a name as a body's ("Health", "Sports", "Board"), lower-case: a name
    # only the model read needs one of these, an organisation ending or a rule's vouching.
    org_words: frozenset[str] = frozenset()
    lexicon: frozenset[str] = frozenset()  # common English words (``lexicon.load_lexicon``)
    given_names: frozenset[str] = frozenset()  # case-folded (``lexicon.load_name_lists``)
    surnames: frozenset[str] = frozenset()  # case-folded, likewise
    # "tommy" -> ("thomas",): a nickname to the formal given names it shortens, case-folded.
    nicknames: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    known_orgs: tuple[str, ...] = ()  # well-known organisations, as written
    known_people: tuple[str, ...] = ()  # well-known people, as written
    # The names matched as written: known organisations and aliases (``org_names``), known
    # people (``person_names``); built once the gazetteer and the name lists are loaded.
    person_names: Mapping[str, str] = field(default_factory=dict)
    # Family names of the known people that are no given name, place or body's name
    # ("Beethoven", "Trump"), for a famous person named by the family name alone.
    famous_surnames: frozenset[str] = frozenset()

    @cached_property
    def org_marks(self) -> frozenset[str]:
        """Lower-case words that mark a name as a body's: organisation words and endings and
        legal forms (computed once; a frozen dataclass keeps it in the instance dict)."""
        return self.org_words | self.org_tails | self.org_suffixes

    @cached_property
    def known_org_names(self) -> frozenset[str]:
        """The well-known organisations' names as written, for look-ups by name."""
        return frozenset(self.known_orgs)

    def is_demonym(self, name: str) -> bool:
        """A group of people named by place or origin, in the singular or plural, alone or
        after another ("Latina American", "U.S. Latinos")."""
        return self.demonyms is not None and bool(self.demonyms.fullmatch(key(name)))

    def is_wire(self, name: str) -> bool:
        return key(name) in self.wires or any(p.search(name) for p in self.wire_patterns)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A loose comparison key: case-folded, punctuation and ``the`` dropped, spaces collapsed."""
    text = _KEY_DROP.sub("", text.casefold())
    text = _KEY_THE.sub("", text.strip())
    return _KEY_SPACE.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def word_pattern(name: str, left: str = r"\w", right: str = r"\w") -> re.Pattern[str]:
    """``name`` as a whole word: not after a character of the class ``left``, not before one
    of ``right``. Cached here because the rules look the same names up again and again, more
    than the ``re`` module's own cache of 512 patterns holds."""
    return re.compile(rf"(?<![{left}]){re.escape(name)}(?![{right}])")


def written_at_least(name: str, text: str, times: int) -> bool:
    """``name`` stands in ``text`` as a whole word ``times`` times or more."""
    return any(i + 1 >= times for i, _ in enumerate(word_pattern(name).finditer(text)))


_KEY_DROP = re.compile(r"[^\w\s&]")
_KEY_THE = re.compile(r"^the\s+")
_KEY_SPACE = re.compile(r"\s+")


def demonym_pattern(demonyms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern over comparison keys: demonyms, each maybe plural, one or more in a row,
    maybe after "U.S."."""
    keys = sorted({key(d) for d in demonyms if key(d)}, key=len, reverse=True)
    if not keys:
        return None
    one = "(?:" + "|".join(re.escape(k) for k in keys) + ")(?:s|es)?"
    return re.compile(rf"(?:us )?{one}(?: {one})*")


def merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Operator data extends the defaults: lists are appended, mappings merged recursively."""
    out = dict(base)
    for name, value in extra.items():
        current = out.get(name)
        if isinstance(current, dict) and isinstance(value, Mapping):
            out[name] = merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            out[name] = current + value
        else:
            out[name] = value
    return out


def from_mapping(data: Mapping[str, Any]) -> Knowledge:
    aliases = data.get("aliases", {})

    def bare(word: str) -> str:
        return word.lower().rstrip(".")

    return Knowledge(
        place_aliases=dict(aliases.get("place", {})),
        org_aliases=dict(aliases.get("organization", {})),
        wires=frozenset(key(w) for w in data.get("wires", [])),
        wire_patterns=tuple(re.compile(p) for p in data.get("wire_patterns", [])),
        titles=frozenset(bare(t) for t in data.get("titles", [])),
        org_suffixes=frozenset(bare(s) for s in data.get("org_suffixes", [])),
        not_entities=frozenset(key(n) for n in data.get("not_entities", [])),
        token_symbols=frozenset(data.get("token_symbols", [])),
        demonyms=demonym_pattern(data.get("demonyms", [])),
        role_words=frozenset(w.lower() for w in data.get("role_words", [])),
        gazetteer={k: list(v) for k, v in data.get("gazetteer", {}).items()},
        org_tails=frozenset(bare(s) for s in data.get("org_tails", [])),
        # Longest first, so "Institute of" is tried before "Institute".
        org_heads=tuple(sorted(set(data.get("org_heads", [])), key=len, reverse=True)),
        org_nouns=frozenset(w.lower() for w in data.get("org_nouns", [])),
        org_words=frozenset(w.lower() for w in data.get("org_words", [])),
        nicknames=nickname_table(data.get("nicknames", {})),
        known_orgs=tuple(dict.fromkeys(data.get("organizations", []))),
        known_people=tuple(dict.fromkeys(data.get("people", []))),
    )


def nickname_table(data: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """``{"Tommy": ["Thomas"]}`` -> ``{"tommy": ("thomas",)}``; a value may be one string."""
    table: dict[str, tuple[str, ...]] = {}
    for nick, formal in data.items():
        names = [formal] if isinstance(formal, str) else list(formal)
        folded = [n.casefold() for n in names if n]
        if folded:
            nick_key = nick.casefold()
            table[nick_key] = tuple(dict.fromkeys([*table.get(nick_key, ()), *folded]))
    return table


@lru_cache(maxsize=1)
def default_nicknames() -> Mapping[str, tuple[str, ...]]:
    """The shipped nickname table, for callers not handed a ``Knowledge``."""
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    return nickname_table(data.get("nicknames", {}))


def load_knowledge(extra_path: str | Path | None = None) -> Knowledge:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for path, group in ((ORGANIZATIONS_PATH, "organizations"), (PEOPLE_PATH, "people")):
        known = json.loads(path.read_text(encoding="utf-8"))
        data = merge(data, {group: known.get(group, [])})
    if extra_path:
        data = merge(data, json.loads(Path(extra_path).read_text(encoding="utf-8")))
    return from_mapping(data)

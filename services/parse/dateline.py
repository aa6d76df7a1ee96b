"""Datelines: the ``CITY, Region, Date /Wire/ --`` prefix of a release's first paragraph.

Wires write them in many orders (location, date, wire; wire, date, location;
date then location), with slashes, parentheses or dashes around the wire name
and dates in several languages. The reader scans the start of the paragraph as
a short sequence of *items* (location, date, wire, weekday, time) separated by
commas, dashes and spaces, and accepts the prefix only if it ends in a
separator and holds a date or a wire (or an all-capitals city followed by a
dash, the bare ``LONDON —`` form). Nothing is guessed: a field that the text
does not state is null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from shared.models import Dateline

from . import places

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan enero ene janvier janv janeiro jan gennaio genn gen januar jän jänner januari",
        "february feb febrero febr février févr fevereiro fev febbraio febr februar februari",
        "march mar marzo mars março marco märz maerz maart mrt",
        "april apr abril avril aprile abr",
        "may mayo mai maio maggio mei",
        "june jun junio juin junho giugno juni",
        "july jul julio juillet juil julho luglio juli",
        "august aug agosto août aout ago augustus",
        "september sep sept septiembre setiembre septembre setembro set settembre",
        "october oct octubre octobre outubro out ottobre ott oktober okt",
        "november nov noviembre novembre novembro",
        "december dec diciembre dic décembre déc dezembro dez dicembre dezember",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _number)

_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

_DATE_FORMS = [
    # Oct. 18, 2016 / June 13th, 2025 / Dec 5 2023 / AUGUST, 6TH 2026
    rf"{_MONTH.format(g='m1')}(?:\s*,)?\s+{_DAY.format(g='d1')}(?:\s*,\s*|\s+){_YEAR.format(g='y1')}",
    # 10 June 2026 / 29 de mayo de 2024 / 4. März 2025 / le 3 mars 2025
    rf"(?:le\s+|el\s+|am\s+)?{_DAY.format(g='d2')}\s+(?:de\s+)?{_MONTH.format(g='m2')}"
    rf"(?:\s+de|\s+del|,)?\s+{_YEAR.format(g='y2')}",
    # 2025-03-03
    r"(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)",
    # Month and day with no year: a date the text does not complete.
    rf"{_MONTH.format(g='m4')}\s+{_DAY.format(g='d4')}(?![\d,]*\s*(?:19|20)\d\d)",
]
_DATE = re.compile(
    r"(?:(?:" + _WEEKDAYS + r")\s*,?\s*)?(?:" + "|".join(_DATE_FORMS) + r")(?![\w])",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"(?:" + _WEEKDAYS + r")(?![\w])", re.IGNORECASE)
# "NEW YORK, NY (September 10, 2025) –": the date in parentheses.
_PAREN_DATE = re.compile(r"\(\s*(?:" + _DATE.pattern + r")\s*\)", re.IGNORECASE)
_TIME = re.compile(
    r"(?:@|at|à|a las)?\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|h\d{0,2})?"
    r"(?:\s+(?:[A-Z]{2,5}|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?))?(?![\w:])",
    re.IGNORECASE,
)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_WORDCH = r"[\w'’.]*(?:-[\w'’.]+)*"
_PARTICLE = (
    r"(?:de|del|de la|la|las|los|da|do|dos|du|des|of|on|upon|am|im|an|der|sur|en|el|al|di"
    r"|van|von|aan|op|le|les|y)"
)
# One place name: capitalised words (with particles such as "de" between them),
# never a month or weekday name, so "Austin, Texas, May 29" stops before "May".
_NOT_DATE_WORD = (
    r"(?!(?i:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + "|"
    + _WEEKDAYS
    + r")\.?(?:\s|,|$))"
)
# "On April 12th Acme hosted ...": a sentence's opening word before a date is no city.
_OPENER_WORD = (
    r"(?!(?:On|In|At|By|For|As|Since|From|Until|During|After|Before|Starting|Beginning"
    r"|Every|Each|This|Last|Next|Earlier|Later|Today|Yesterday)\s)"
)
_CAPWORD = rf"{_NOT_DATE_WORD}{_OPENER_WORD}[{_UPPER}]{_WORDCH}"
_PLACE = rf"{_CAPWORD}(?:[ \-](?:{_PARTICLE}\s+)?{_CAPWORD}){{0,4}}"
_LOCATION = re.compile(
    rf"(?P<cities>{_PLACE}(?:\s*(?:,\s*)?(?:and|&|y|et|und|e|/)\s+{_PLACE})*)"
    rf"(?P<rest>(?:\s*,\s*{_PLACE}){{0,3}})"
    # More cities each with its own region: "CHARLOTTE, NC & DALLAS, TX", "Quarnby,
    # Japan/New York, United States".
    # A slash joins one only when unspaced and the city has its region ("/ WIRE /" is a wire).
    rf"(?P<more>(?:\s+(?:and|&)\s+{_PLACE}(?:\s*,\s*{_PLACE}){{0,2}}"
    rf"|(?<=\w)/{_PLACE}(?:\s*,\s*{_PLACE}){{1,2}}"
    # "PALM BEACH, FL / QUARNBY, ARGENTINA — date": a spaced slash, when the dash follows.
    rf"|\s/\s{_PLACE}(?:\s*,\s*{_PLACE}){{0,2}}\.?(?=\s*(?:—|–|--)))*)"
)
_SLASH_WIRE = re.compile(r"/\s*(?P<w>[^/\n]{2,60}?)\s*/")
# "NEW YORK, NY/ NOVEMBER 11, 2024 / Acme ...": a slash before the date, as before a wire.
_SLASH_DATE = re.compile(r"/\s*(?:" + _DATE.pattern + r")", re.IGNORECASE)
_PAREN_WIRE = re.compile(r"\(\s*(?P<w>[^()\n]{2,80}?)\s*\)")
# A wire named without brackets ("-- News Direct --", "– PRISM MediaWire –"):
# capitalised words of which one names a wire service.
_BARE_WORD = rf"[{_UPPER}0-9][\w.&'’]*(?:-[\w.&'’]+)*"
_BARE_WIRE = re.compile(rf"(?P<w>{_BARE_WORD}(?:\s+{_BARE_WORD}){{0,4}})")
_WIRE_WORDS = re.compile(
    r"wire\b|\bnews\b|newswire|\bpress\b|presswire|\bmedia\b|newsroom|\breuters\b|\bAP\b"
    r"|\.com\b|\.ai\b|\.io\b|\bPR\b|PRNewswire|Newsfile|Globe Newswire",
    re.IGNORECASE,
)
# Bracketed wire names are names: not a ticker "(NASDAQ: X)", not a number.
# A wire in brackets names itself; "(the Institute)", "(“the Company”)" define a short form.
_PAREN_WIRE_OK = re.compile(r"(?!the\s)(?=.*[^\W\d_])[^:;,“”\"]{2,80}$")
# "SALT LAKE CITY -– January 29": a run of mixed dashes is one separator.
_SEPARATOR = re.compile(r"(?:\s|,)*(?:(?:--|[—–\-|])+(?:\s|,)*)?")
_TERMINATOR = re.compile(r"\s*(?:--+|[—–\-:|/])(?:\s*(?:--+|[—–\-]))?\s*")
_MAX_ITEMS = 8
_SCAN_WINDOW = 260


@dataclass
class _Item:
    kind: str  # "location" | "date" | "wire" | "weekday" | "time"
    match: re.Match[str]


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    for suffix in "123":
        year, month, day = (
            groups.get("y" + suffix),
            groups.get("m" + suffix),
            groups.get("d" + suffix),
        )
        if year and month and day:
            month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
            if month_number is None:
                return None
            try:
                return date(int(year), month_number, int(day)).isoformat()
            except ValueError:
                return None
    return None


def _wire_name(text: str) -> str | None:
    name = text.strip(" -–—/()[]")
    return name or None


def _scan(text: str) -> list[_Item]:
    """Items at the start of ``text``, greedily, each after an optional separator."""
    items: list[_Item] = []
    pos = 0
    kinds: set[str] = set()
    while len(items) < _MAX_ITEMS and pos < len(text):
        sep = _SEPARATOR.match(text, pos)
        start = sep.end() if sep else pos
        candidates: list[tuple[str, re.Pattern[str]]] = [
            ("date", _DATE),
            ("date", _PAREN_DATE),
            ("date", _SLASH_DATE),
            ("wire", _SLASH_WIRE),
            ("wire", _PAREN_WIRE),
            ("wire", _BARE_WIRE),
        ]
        if "date" in kinds:
            candidates.append(("time", _TIME))
        candidates.append(("weekday", _WEEKDAY))
        if "location" not in kinds:
            candidates.append(("location", _LOCATION))
        found: _Item | None = None
        for kind, pattern in candidates:
            match = pattern.match(text, start)
            if match is None or match.end() == start:
                continue
            if pattern is _PAREN_WIRE and (
                _DATE.fullmatch(match.group("w")) or not _PAREN_WIRE_OK.match(match.group("w"))
            ):
                continue
            if pattern is _BARE_WIRE and not items and "-" not in text[pos:start]:
                # Unbracketed at the very start it is a company name, not a wire,
                # unless dashes announce it ("--News Direct--").
                continue
            if pattern is _BARE_WIRE and not (
                _WIRE_WORDS.search(match.group("w"))
                and re.match(r"\s*(?:--|[—–\-/(|]|$)", text[match.end() : match.end() + 3])
            ):
                continue
            if kind == "location":
                # A place is followed by a separator or a wire/date, not by running text.
                after = text[match.end() : match.end() + 3]
                if (
                    after
                    and not re.match(r"\s*(?:[,(/—–\-|:]|\s[\d(])", after)
                    # "Edmonton, Alberta, Canada February 3, 2025.": the date with no comma.
                    and not _DATE.match(text, match.end() + 1)
                ):
                    continue
            found = _Item(kind, match)
            break
        if found is None:
            break
        items.append(found)
        kinds.add(found.kind)
        pos = found.match.end()
    return items


CITY_STOP = re.compile(r"([^.]{3,})\.[ ]+([^.]+)")
CITY_CODE = re.compile(r"(.+?)[ ]([A-Z]{2})")


def _location_fields(match: re.Match[str]) -> tuple[list[str], str | None, str | None]:
    cities = [
        c.strip(" ,")
        for c in re.split(r"\s*,?\s+(?:and|AND|&|y|et|und|e)\s+|\s*/\s*", match.group("cities"))
        if c.strip(" ,")
    ]
    parts = [p.strip() for p in match.group("rest").split(",") if p.strip()]
    # "FRANKENMUTH, MICHIGAN AND ST. LOUIS": the first city's state, then a second city.
    pair = re.fullmatch(r"(.+?)\s+(?:and|AND|&)\s+(.+)", parts[-1]) if parts else None
    if pair and (places.us_state(pair.group(1)) or places.country_code(pair.group(1))):
        parts[-1] = pair.group(1)
        cities.append(pair.group(2))
    # "RIYADH. SAUDI ARABIA": a full stop typed for the comma before a country or state.
    stop = CITY_STOP.fullmatch(cities[0]) if len(cities) == 1 and not parts else None
    if stop and (places.country_code(stop.group(2)) or places.us_state(stop.group(2))):
        cities, parts = [stop.group(1)], [stop.group(2)]
    # "LOS ANGELES CA": a state's code with no comma before it.
    coded = CITY_CODE.fullmatch(cities[0]) if len(cities) == 1 and not parts else None
    if coded and places.us_state(coded.group(2)):
        cities, parts = [coded.group(1)], [coded.group(2)]
    region: str | None = None
    country: str | None = None
    for index, part in enumerate(parts):
        is_last = index == len(parts) - 1
        two_letter = len(part) == 2 and part.isupper()
        if not two_letter and places.country_code(part) and not places.us_state(part):
            country = places.country_code(part)
        elif (
            places.us_state(part) and (is_last or not two_letter or country is None)
        ) or places.ca_province(part):
            region = region or part
        elif is_last and places.alpha2(part):
            country = places.alpha2(part)
        else:
            region = region or part
    if country is None and region is not None:
        if places.us_state(region):
            country = "US"
        elif places.ca_province(region):
            country = "CA"
    for group in re.split(r"\s+(?:and|&)\s+|/", match.group("more") or "")[1:]:
        # Each further group is "City, Region[, Country]": its city joins the list; the
        # region and country fields stay those of the first city, as written first.
        cities.append(group.split(",")[0].strip())
    if country is None and not parts and len(cities) == 1:
        # City-states and territories named as the city: "SINGAPORE", "HONG KONG SAR".
        name = cities[0]
        country = places.country_code(name)
        if country is None and name.upper().endswith(" SAR"):
            country = places.country_code(name[:-4])
    return cities, region, country


def _names_region(location: re.Match[str]) -> bool:
    """Whether the place ends in a state, province or country ("Temecula, CA")."""
    parts = [p.strip() for p in location.group("rest").split(",") if p.strip()]
    return bool(parts) and bool(
        places.us_state(parts[-1])
        or places.ca_province(parts[-1])
        or places.country_code(parts[-1])
    )


def _rest_start(text: str, items: list[_Item]) -> int | None:
    """Where the paragraph starts after ``items``, or None if they are no dateline."""
    kinds = [item.kind for item in items]
    if kinds[-1] == "weekday":
        return None
    end = items[-1].match.end()
    has_date = "date" in kinds
    has_wire = "wire" in kinds
    location = next((i.match for i in items if i.kind == "location"), None)
    terminator = _TERMINATOR.match(text, end)
    if not (has_date or has_wire):
        # The bare "LONDON — " form: only an all-capitals city, or a city with its state or
        # country ("Temecula, CA – "), followed by a dash (a colon ends a label: "TIME:",
        # "CONTACT INFORMATION:").
        cities = location.group("cities") if location else ""
        # A slash ends no bare dateline either ("VISUAL/B-ROLL: ..." labels a media note).
        dash = terminator is not None and not set(terminator.group()) & {":", "/"}
        placed = cities.isupper() or (location is not None and _names_region(location))
        if not (dash and placed and len(cities) >= 3 and len(kinds) == 1):
            return None
    if terminator:
        return terminator.end()
    if kinds[-1] == "location":
        return None
    after = text[end:]
    if not after.strip():
        return len(text)
    comma = re.match(r"\s*,\s*", after)
    if comma and has_date and kinds[0] == "date":
        return end + comma.end()
    if has_date and kinds[-1] == "date" and re.match(r"\.[ ]+[A-Z]", after):
        # "..., Canada February 3, 2025. Acme ...": a full stop ends the dateline.
        return end + 1 + len(after[1:]) - len(after[1:].lstrip())
    if has_date and re.match(r"\s+\S", after):
        # "PARIS, 3 mars 2025 Acme ..." - a date followed directly by the text.
        return end + len(after) - len(after.lstrip())
    return None


# "Release Date: July 22, 2025": a date given under a label, on its own line.
_DATE_LABEL = re.compile(
    r"(?:(?:Release|Publication|Published|Issue|Issued)[ ])?Dated?:[ ]*(?=\S)", re.IGNORECASE
)


def read_dateline(text: str) -> tuple[Dateline, str] | None:
    """The dateline at the start of a paragraph and the paragraph after it, or None."""
    if label := _DATE_LABEL.match(text):
        found = read_dateline(text[label.end() :])
        if found is None or found[0].date is None:
            return None
        dateline, rest = found
        raw = text[: label.end()] + (dateline.raw or "")
        return dateline.model_copy(update={"raw": raw}), rest
    items = _scan(text[:_SCAN_WINDOW])
    # The longest prefix of items that reads as a dateline wins; the scan is
    # greedy and may have run into the first words of the text.
    for count in range(len(items), 0, -1):
        prefix = items[:count]
        rest_start = _rest_start(text, prefix)
        if rest_start is None:
            continue
        location = next((i.match for i in prefix if i.kind == "location"), None)
        cities: list[str] = []
        region = country = None
        if location is not None:
            cities, region, country = _location_fields(location)
        date_item = next((i.match for i in prefix if i.kind == "date"), None)
        wire_item = next((i.match for i in prefix if i.kind == "wire"), None)
        return (
            Dateline(
                raw=text[:rest_start].strip(),
                city=cities[0] if cities else None,
                cities=cities,
                region=region,
                country=country,
                date=_iso(date_item) if date_item else None,
                wire=_wire_name(wire_item.group("w")) if wire_item else None,
            ),
            text[rest_start:].strip(),
        )
    return None

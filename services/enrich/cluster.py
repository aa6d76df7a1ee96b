"""Group candidate mentions into entities, each under one canonical name.

- places by what they resolve to (an ISO code, a GeoNames id), so "U.S." and "United States"
  are one entity;
- people by full name; a later surname- or given-name-only mention joins the one person it
  can belong to ("Chavez" -> "Rebecca B. Chavez"), and unattached single words are dropped;
- organisations by a key without legal suffix ("Acme, Inc." = "Acme"), by aliases defined in a
  parenthesis, by acronym ("HRRI" = "HR Research Institute") and by the operator alias table.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from itertools import accumulate

import ahocorasick

from services.enrich.candidates import FIRM_REACH_WORDS, SUFFIX_TAIL, Hit
from services.enrich.gazetteer import Place, fold
from services.enrich.knowledge import Knowledge, default_nicknames, key
from services.enrich.lexicon import is_common
from services.enrich.names import (
    given_name,
    initials,
    is_acronym,
    surname,
    titlecase_if_shouting,
    tokens,
)

SOURCE_RANK = {
    "roster": 0,
    "echo": 0,
    "alias": 0,
    "about": 1,
    "acronym": 1,
    "pattern": 1,
    "citation": 1,
    "gazetteer": 2,
    "dateline": 2,
    "contact": 3,
    "ner": 4,
}
MIN_ACRONYM_USES = 2
LEGAL_SUFFIXES = {
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "plc",
    "ag",
    "gmbh",
    "sa",
    "sas",
    "spa",
    "nv",
    "bv",
    "se",
    "de cv",
    "sa de cv",
    "pty",
    "pllc",
    "pc",
    "pa",
    "lllp",
}


@dataclass
class Group:
    type: str
    name: str
    hits: list[Hit] = field(default_factory=list)
    place: Place | None = None
    keys: set[str] = field(default_factory=set)


# Plain words that name one body on their own ("while Congress is in session").
BODY_WORDS = frozenset({"congress", "parliament", "senate", "pentagon", "kremlin", "vatican"})


# Where a firm named by a plain word stands as a name ("partners with Stripe", "Stripe's",
# "Stripe announced"), unlike a capitalised common noun ("the Panel determined").
NAME_CUE_BEFORE = re.compile(
    r"(?:\b(?:at|with|from|by|joined|joins|acquired|acquires|partner|partners|customers?|"
    r"clients?|like|including)[ ]|@)$"
)
NAME_CUE_AFTER = re.compile(
    r"^(?:['’]s\b|,[ ](?:a|an)[ ]|[ ](?:announced|announces|today|CEO|Inc\b"
    r"|launched|launches|welcomes|welcomed|appoints|appointed|names|hires|hired|acquires"
    r"|acquired|partners|partnered|raises|raised|expands|expanded|signs|signed|unveils"
    r"|unveiled|reports|reported)\b)"
)


def named_as_firm(group: Group, text: str, possessive: bool = True) -> bool:
    """Some mention stands where a firm's name does ("partners with X", "X announced", "X
    welcomes", and unless ``possessive`` is false "X's" or "X, a ...")."""
    return any(
        NAME_CUE_BEFORE.search(text, max(0, h.start - 20), h.start)
        or (
            (m := NAME_CUE_AFTER.match(text[h.end : h.end + 20])) is not None
            and (possessive or m.group().startswith(" "))
        )
        for h in group.hits
        if h.start >= 0
    )


def is_model_plain_word(
    group: Group, text: str, lexicon: frozenset[str], known_keys: frozenset[str]
) -> bool:
    """An organisation that is one plain English word ("the Panel", "Honey", "Fall") which only
    the model read, at every mention, and never where a firm's name stands ("with X", "X's",
    "X announced"): a capitalised common noun, a product or a short reference, not a name.
    Well-known bodies ("Amazon") and words that name one body ("Congress") are kept."""
    name = group.name
    if " " in name or not all(h.source in ("ner", "echo") for h in group.hits):
        return False
    k = org_key(name)
    if not is_common(name, lexicon) or k in known_keys or k in BODY_WORDS:
        return False
    return not named_as_firm(group, text)


# "Roe & Poe": two names joined by "&", a partnership's style (not a couple, "Al & Jessica
# Roe", nor plain words, "Purpose & Values").
PARTNERS = re.compile(r"([A-Z][\w'’-]+)[ ]&[ ]([A-Z][\w'’-]+)")


def _partners_firm(name: str, lexicon: frozenset[str]) -> bool:
    m = PARTNERS.fullmatch(name)
    return m is not None and not any(is_common(part, lexicon) for part in m.groups())


# A one-word name only the model read is a body until the release repeats it this often with
# nothing else vouching for it: then it is a product, a ticker or a term of the trade ("SST",
# "Polygon").
MODEL_ONLY_REPEATS = 3


def lacks_org_mark(
    group: Group, text: str, knowledge: Knowledge, known_keys: frozenset[str]
) -> bool:
    """An organisation only the model read, at every mention, whose name has no mark of a
    body: no organisation word or ending ("Health", "Board", "Inc."), not two names joined
    by "&", no well-known name, and never where a firm's name stands (``named_as_firm``).
    Several words so read are mostly headings, products and phrases ("Payroll Mate", "Global
    League Tables"); one word, when the release repeats it."""
    if not all(h.source in ("ner", "echo") for h in group.hits):
        return False
    name = group.name
    if org_key(name) in known_keys or _partners_firm(name, knowledge.lexicon):
        return False
    if org_key(name) in BODY_WORDS:
        return False  # "Congress", however often the release names it
    marked = marked_words(name, knowledge)
    # A possessive is no cue here: products and people take one as often ("Quarn's
    # teachings").
    if any(marked) or named_as_firm(group, text, possessive=False):
        return False
    return len(marked) > 1 or len(group.hits) >= MODEL_ONLY_REPEATS


def marked_words(name: str, knowledge: Knowledge) -> list[bool]:
    """For each word of ``name``, whether it marks a body (``Knowledge.org_marks``), read
    without punctuation or a possessive."""
    return [
        w.strip(',.:;()"“”').removesuffix("’s").removesuffix("'s").lower() in knowledge.org_marks
        for w in name.split()
    ]


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Longest span wins; on equal spans the more specific source wins and the NER label is
    only kept where the other source has nothing to say."""
    positioned = [h for h in hits if h.start >= 0]
    # A span the model and the gazetteer both read as a place is one, whatever word a name
    # pattern saw at its end ("the West Bank": "Bank" ends firms' names too).
    place_sources: dict[tuple[int, int], set[str]] = {}
    for h in positioned:
        if h.label == "place":
            place_sources.setdefault((h.start, h.end), set()).add(h.source)
    agreed = {span for span, sources in place_sources.items() if {"ner", "gazetteer"} <= sources}
    if agreed:
        positioned = [h for h in positioned if h.label == "place" or (h.start, h.end) not in agreed]
    ordered = sorted(positioned, key=lambda h: (-(h.end - h.start), SOURCE_RANK[h.source]))
    taken: list[Hit] = []
    # The spans taken so far, sorted: they never overlap, so their ends are sorted too and
    # the last span starting before a hit's end is the only one that can overlap it (one
    # bisection per hit, where a scan of every taken span was quadratic on long releases).
    spans: list[tuple[int, int]] = []
    by_span: dict[tuple[int, int], Hit] = {}
    for hit in ordered:
        before = bisect_left(spans, (hit.end,))  # the spans that start before hit.end
        if before and spans[before - 1][1] > hit.start:
            # The same span read twice: the winner keeps the loser's other spellings.
            if (same := by_span.get((hit.start, hit.end))) is not None:
                same.aliases.extend(a for a in hit.aliases if a not in same.aliases)
            continue
        insort(spans, (hit.start, hit.end))
        by_span[(hit.start, hit.end)] = hit
        taken.append(hit)
    taken.sort(key=lambda h: h.start)
    return taken + [h for h in hits if h.start < 0]


DOMAIN_TAIL = re.compile(r"\.(?:com|net|org|io|ai|co)$", re.IGNORECASE)


AND_WORDS = frozenset({"and", "&"})


def org_key(name: str) -> str:
    """ "Acme, Inc." = "Acme" = "acme.com": legal form and web domain ending dropped; "and"
    as "&" ("Quarn and Vesk" = "Quarn & Vesk", whose key drops the sign)."""
    words = [w for w in key(DOMAIN_TAIL.sub("", name.strip())).split() if w not in AND_WORDS]
    words = words or [""]
    while len(words) > 1 and (
        words[-1] in LEGAL_SUFFIXES or " ".join(words[-2:]) in LEGAL_SUFFIXES
    ):
        words = words[:-2] if " ".join(words[-2:]) in LEGAL_SUFFIXES else words[:-1]
    return " ".join(words)


def place_identity(place: Place) -> str:
    return (
        place.subdivision
        if place.kind == "subdivision" and place.subdivision
        else (
            place.country
            if place.kind == "country" and place.country
            else f"{place.kind}:{place.geonames or fold(place.name)}"
        )
    )


def group_places(hits: list[Hit]) -> list[Group]:
    groups: dict[str, Group] = {}
    for hit in hits:
        if hit.place is not None:
            ident = place_identity(hit.place)
            name = hit.place.name
        else:
            ident, name = f"unknown:{fold(hit.text)}", hit.text
        group = groups.setdefault(ident, Group("place", titlecase_if_shouting(name)))
        group.place = group.place or hit.place
        group.hits.append(hit)
    return list(groups.values())


def group_people(
    hits: list[Hit],
    others: list[Hit],
    nicknames: Mapping[str, tuple[str, ...]] | None = None,
    persons_alone: Collection[str] = (),
) -> list[Group]:
    """``others`` are single-word organisation/place hits that may really be a surname, or
    a given name where the word is in ``persons_alone`` (words the text treats as a
    person's: "Mark, Robyne, and their daughter"); ``nicknames`` (``Knowledge.nicknames``,
    else the shipped table) lets "Tommy Roe" join "Thomas Roe"."""
    nicks = default_nicknames() if nicknames is None else nicknames
    people: list[Group] = []
    singles: list[Hit] = []
    for hit in hits:
        if " " not in (hit.canonical or hit.text).strip():
            singles.append(hit)
            continue
        name = hit.canonical or hit.text
        match = _same_person(people, name, nicks)
        if match is None:
            people.append(Group("person", name, [hit]))
            continue
        match.hits.append(hit)
        if len(tokens(name)) > len(tokens(match.name)) or hit.canonical:
            match.name = name
        elif (
            len(tokens(name)) == len(tokens(match.name))
            and _fold_given(name) in nicks.get(_fold_given(match.name), ())
            and not any(h.canonical for h in match.hits)
        ):
            # "Tommy Roe" then "Thomas Roe": the formal given name names the person.
            match.name = name
    for hit in singles + others:
        word = hit.text.strip()
        # A word the model called an organisation or place joins a person only as a surname:
        # "Acme" is the maker of the "Acme Glider", not its given name.
        given_too = hit.label == "person" or word in persons_alone
        forms = (surname, given_name) if given_too else (surname,)
        owners = [p for p in people if word in (form(p.name) for form in forms)]
        if len({p.name for p in owners}) == 1:
            hit.label = "person"
            owners[0].hits.append(hit)
        elif not owners and hit.source == "roster":
            # "Senators Roe and Poe": a surname a plural post vouches for is a person alone.
            people.append(Group("person", word, [hit]))
    return people


def _spelling_slip(a: str, b: str) -> bool:
    """Two spellings of one given name of four letters or more: two neighbouring letters
    swapped, or one letter doubled ("Daneil"/"Daniel", "Daniella"/"Daniela"); "Mark" and
    "Mary" differ by a letter, and are two people."""
    a, b = sorted((a.casefold(), b.casefold()), key=len)
    if a == b or len(a) < 4:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and (
            a[diff[1]] == b[diff[0]]
        )
    if len(b) != len(a) + 1:
        return False
    i = next((i for i in range(len(a)) if a[i] != b[i]), len(a))
    return b[:i] + b[i + 1 :] == a and i > 0 and b[i] == b[i - 1]


def _middles_differ(words: list[str], known: list[str]) -> bool:
    """Both names have a middle name or initial, and their first letters differ."""
    a, b = words[1:-1], known[1:-1]
    return bool(a and b) and a[0][:1].casefold() != b[0][:1].casefold()


def _fold_given(name: str) -> str:
    return given_name(name).rstrip(".,").casefold()


def _nickname_pair(a: str, b: str, nicknames: Mapping[str, tuple[str, ...]]) -> bool:
    """ "Tommy"/"Thomas", "Tom"/"Tommy", "Bill"/"Will": one is a nickname of the other, or both
    are nicknames of one formal name (case-folded given names)."""
    if a == b:
        return False
    of_a, of_b = nicknames.get(a, ()), nicknames.get(b, ())
    return b in of_a or a in of_b or bool(set(of_a) & set(of_b))


def _same_person(
    people: list[Group], name: str, nicknames: Mapping[str, tuple[str, ...]] | None = None
) -> Group | None:
    words = tokens(name)
    for person in people:
        known = tokens(person.name)
        if key(name) == key(person.name):
            return person
        # "Juan Carlos" and "Juan Carlos Mendez", "Mian Muhammad Fahad" and "Mian Muhammad
        # Fahad Malik": two or more names opening the full name.
        short, long_ = sorted((words, known), key=len)
        if len(short) >= 2 and len(long_) > len(short) and long_[: len(short)] == short:
            return person
        # "Rebecca Chavez" and "Rebecca B. Chavez": same first and last word ("John A. Roe"
        # and his father "John Merritt Roe" differ in the middle: two people).
        if (
            surname(name) == surname(person.name)
            and words[0] == known[0]
            and not _middles_differ(words, known)
        ):
            return person
        # "Tommy Roe" and "Thomas Roe": a nickname of the given name, same surname.
        if (
            nicknames
            and surname(name) == surname(person.name)
            and _nickname_pair(_fold_given(name), _fold_given(person.name), nicknames)
        ):
            return person
        if surname(name) != surname(person.name):
            continue
        # "Daneil Roe" beside "Daniel Roe", "Daniella" beside "Daniela": a slip of the pen.
        if len(words) == len(known) == 2 and _spelling_slip(words[0], known[0]):
            return person
        # "Maria Lopez" inside "Ana Maria Lopez": the shorter name ends the longer one.
        short, long_ = sorted((words, known), key=len)
        if len(short) >= 2 and long_[-len(short) :] == short:
            return person
        # "Dan Rivers" and "Daniel Rivers": a short form of the given name (3+ letters).
        a, b = sorted((words[0], known[0]), key=len)
        if len(words) == len(known) == 2 and len(a) >= 3 and b.startswith(a) and a != b:
            return person
    return None


def group_orgs(hits: list[Hit], knowledge: Knowledge, people: list[Group]) -> list[Group]:
    person_keys = {key(h.text) for p in people for h in p.hits} | {key(p.name) for p in people}
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    pending_acronyms: list[Hit] = []
    for hit in hits:
        canonical = hit.canonical or knowledge.org_aliases.get(hit.text) or hit.text
        k = org_key(canonical)
        if not k or key(hit.text) in person_keys:
            continue
        group = by_key.get(k)
        # A pattern (a list of organisations, a ticker) already explains an acronym.
        if (
            group is None
            and is_acronym(hit.text)
            and hit.canonical is None
            and hit.source != "pattern"
        ):
            pending_acronyms.append(hit)
            continue
        if group is None:
            group = Group("organization", canonical)
            groups.append(group)
            by_key[k] = group
        group.hits.append(hit)
        # Prefer the fullest spelling ("Acme, Inc." over "Acme") unless an alias table named it.
        # A comma before the legal form ("Acme, Inc.") makes no spelling fuller.
        fuller = len(canonical.replace(",", "")) > len(group.name.replace(",", ""))
        if hit.canonical is None and fuller and org_key(group.name) == k:
            group.name = canonical
        for alias in hit.aliases:
            by_key.setdefault(org_key(alias), group)
    # An unexplained acronym ("DGX", "EPS") is an organisation only when the release keeps
    # using it; one that spells a named organisation joins it.
    uses = Counter(h.text for h in pending_acronyms)
    for hit in pending_acronyms:
        group = by_key.get(org_key(hit.text)) or _by_initials(groups, hit.text)
        if group is None and uses[hit.text] < MIN_ACRONYM_USES:
            continue
        if group is None:
            group = Group("organization", hit.text)
            groups.append(group)
            by_key[org_key(hit.text)] = group
        group.hits.append(hit)
    return _fold_short_names(groups, knowledge)


def _by_initials(groups: list[Group], acronym: str) -> Group | None:
    bare = acronym.replace(".", "").replace("&", "")
    for group in groups:
        if len(tokens(group.name)) > 1 and initials(group.name) == bare:
            return group
    return None


# Endings that make a longer name a body of its own beside the one-word name it opens with.
SEPARATE_BODY_ENDS = frozenset(
    {"foundation", "institute", "fund", "trust", "academy", "school", "university", "museum"}
    | {"society", "association", "charity", "endowment"}
)


def _fold_short_names(groups: list[Group], knowledge: Knowledge) -> list[Group]:
    """An organisation named by the first word of a longer one joins it ("D-Wave" and
    "D-Wave Quantum Inc."), the earliest such longer name when there are several; one of
    several words joins a longer one that only adds a firm's ending ("Golden Quarn" and
    "Golden Quarn Group", not "Avatar Quarn" and its product "Avatar Quarn Vision", nor "JP
    Quarn" and its unit "JP Quarn Private Bank"). One written with its own legal form ("Acme
    Inc." beside its unit "Acme Labs Inc.") stays itself, and so does a firm beside its
    charity or school ("Acme" beside "The Acme Foundation")."""
    out: list[Group] = []
    merged: dict[int, Group] = {}
    # Each name's key words, read once: the loop below compares every pair of names.
    keyed = [(g, tokens(org_key(g.name))) for g in groups]
    for group, words in keyed:
        # A web address made of a short acronym ("HR.com" beside "HR Research Institute")
        # names its own site, not whatever longer name opens with those letters.
        short_site = "." in group.name and len(words) == 1 and len(words[0]) <= 3
        # One word, or several written as they are (no legal form dropped by the key).
        alone = len(tokens(group.name)) == len(words)
        if words and alone and not short_site:
            target = next(
                (
                    g
                    for g, longer in keyed
                    if g is not group
                    and len(longer) > len(words)
                    and longer[: len(words)] == words
                    and longer[-1] not in SEPARATE_BODY_ENDS
                    and (len(words) == 1 or _adds_firm_ending(longer, words, knowledge))
                ),
                None,
            )
            while target is not None and id(target) in merged:
                target = merged[id(target)]
            if target is not None:
                target.hits.extend(group.hits)
                merged[id(group)] = target
                continue
        out.append(group)
    return out


def _adds_firm_ending(longer: list[str], words: list[str], knowledge: Knowledge) -> bool:
    """Whether the longer name's words are ``words`` and one firm's ending ("Golden Quarn
    Group", "Quarn Pharmaceuticals Holding Corp."); "JP Quarn Private Bank" adds a unit."""
    return len(longer) == len(words) + 1 and (
        longer[-1] in knowledge.org_tails or longer[-1] in FIRM_ENDINGS
    )


FIRM_ENDINGS = frozenset(w.lower() for w in FIRM_REACH_WORDS) | {"holding", "holdings"}


def group_values(hits: list[Hit], kind: str) -> list[Group]:
    groups: dict[str, Group] = {}
    for hit in hits:
        groups.setdefault(" ".join(hit.text.split()), Group(kind, " ".join(hit.text.split())))
        groups[" ".join(hit.text.split())].hits.append(hit)
    return list(groups.values())


def relevance(hits: list[Hit], weight_of: Callable[[Hit], float]) -> float:
    """Saturating sum of section weights: a headline plus lede mention is ~0.7, one body
    mention ~0.2, a mention in boilerplate only ~0.1."""
    return round(1.0 - math.exp(-sum(weight_of(h) for h in hits) / 4.0), 3)


def echo(text: str, groups: list[Group], hits: list[Hit], knowledge: Knowledge) -> None:
    """Add the occurrences of each entity's known spellings that the model missed (a headline,
    the sixth "Okonkwo"), so counts and relevance do not depend on the model's recall."""
    forms: dict[str, Group] = {}
    for group in groups:
        if group.type not in ("person", "organization", "place"):
            continue
        spellings = {h.text for h in group.hits} | {group.name}
        if group.type == "person":
            spellings.add(surname(group.name))
        for form in spellings:
            if len(form) >= 2 and not form.islower() and form not in knowledge.titles:
                forms.setdefault(form, group)
    if not forms:
        return
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    covered = sorted((h.start, h.end) for h in hits)
    # The furthest end among the covered spans that start before each index: a span
    # [start, end) overlaps a covered one iff that maximum, up to the first covered start
    # at or after ``end``, passes ``start`` (linear, where a scan per mention was quadratic).
    covered_max_end = list(accumulate((e for _, e in covered), max, initial=-1))
    found: list[tuple[int, int, str]] = []
    for end_index, form in automaton.iter(text):
        start, end = end_index - len(form) + 1, end_index + 1
        if _is_word(text, start, end):
            found.append((start, end, form))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    taken_end = -1  # spans are taken in order of start, so only the furthest end matters
    for start, end, form in found:
        if covered_max_end[bisect_left(covered, (end,))] > start or taken_end > start:
            continue
        group = forms[form]
        # "Oragenics Inc." in a headline beside "Oragenics" in the body: the legal form is
        # part of the spelling, and the fuller form becomes one of the entity's names.
        if group.type == "organization" and (legal := SUFFIX_TAIL.match(text[end : end + 24])):
            end += legal.end()
            form = text[start:end]
        taken_end = max(taken_end, end)
        group.hits.append(Hit(start, end, form, group.type, "echo", place=group.place))


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_@/") and not (after.isalnum() or after in "_@")

"""Rule-based organisation candidates: what the text itself says is an organisation.

The English model misses or mistypes many organisation names (and reads French and Spanish
text badly). These rules find them from evidence that holds in any release:

- a Title-case run ending in a legal form or organisation noun ("Thornwick Marketing
  Advisors", "Ostrel Holdings, Inc.") or opening with one ("Department of ...",
  "Instituto ...", "Université ...");
- an appositive naming the kind of thing ("Vellacourt, a leading logistics firm");
- a role followed by where it is held ("Chief Officer of Brambleton Health");
- the name before a stock ticker ("Quorvane Corp. (NYSE: QRV)");
- the header of an "About X" section;
- CamelCase brand names used more than once ("BrightQuill", "TidalForge").

Pure functions of the analysis text and the loaded knowledge, like ``candidates``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise

from services.enrich.candidates import (
    CORPORATE_ENDINGS,
    PLURAL_OWNER_NOUNS,
    SUFFIX_TAIL,
    SURNAME_PREFIX,
    TICKER,
    Hit,
    trimmed_hit,
)
from services.enrich.context import CALENDAR, PUBLICATION_ENDINGS, in_spans
from services.enrich.gazetteer import Gazetteer
from services.enrich.knowledge import Knowledge, key, word_pattern
from services.enrich.lexicon import is_common
from services.enrich.names import (
    ENSEMBLES,
    NAME_PARTICLES,
    OPENING_WORDS,
    TRAILING_PREPOSITION,
    given_and_family_name,
    given_name_first,
    has_org_suffix,
    initials,
    is_person_post,
    looks_like_person,
    unglue,
)

_UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised word ("Acme", "D-Wave", "S.A.", "EZGigz.com", "C3", "Acme®") or a number-led
# name ("3D").
# Inner periods only before a letter ("EZGigz.com", "S.A."), apostrophes only inside a name
# ("O'Hara", not a possessive); a word ending a sentence ("Acme.") ends the run.
CAP = rf"(?:[{_UPPER}](?:[\w&-]|['’](?=[A-Za-z]{{2}})|\.(?=\w))*\.?[®™]?|\d+[A-Za-z][\w-]*)"
CONN = r"(?:of|for|and|&|the|de|del|la|las|los|y|du|des|et|für|van|von|da|di)"
RUN_BODY = rf"{CAP}(?:(?<![a-z]{{3}}\.)[ ](?:{CONN}[ ])*{CAP})*"
RUN = re.compile(rf"(?<![\w.@/#$’'-]){RUN_BODY}")
# Sentence-initial and other words that open a run without belonging to the name after them.
LEADING_NOISE = {
    "courtesy",  # "Courtesy of Quarn Center": a picture's credit
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "our",
    "its",
    "their",
    "today",
    "in",
    "at",
    "for",
    "with",
    "by",
    "from",
    "about",
    "and",
    "or",
    "but",
    "as",
    "on",
    "to",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "via",
    "said",
    "says",
    "through",
    "under",
    "both",
    "contact",
    "contacts",
    "media",
    "press",
    "inquiries",
    "source",
    "le",
    "la",
    "les",
    "el",
    "los",
    "las",
    "un",
    "une",
    "por",
    "par",
    "avec",
    "con",
    "et",
    "y",
    "de",
    "des",
    "du",
    "del",
}
DEPARTMENTS = {
    "marketing",
    "sales",
    "operations",
    "engineering",
    "product",
    "products",
    "research",
    "finance",
    "strategy",
    "communications",
    "communication",
    "external",
    "technology",
    "innovation",
    "development",
    "business",
    "global",
    "human",
    "resources",
    "people",
    "culture",
    "board",
    "investor",
    "relations",
    "partnerships",
    "growth",
    "content",
    "digital",
    "education",
    "programs",
    "policy",
    "public",
    "affairs",
    "legal",
    "compliance",
    "data",
    "design",
    "customer",
    "success",
    "brand",
    "retail",
    "strategic",
    "corporate",
    "executive",
    "team",
    "company",
    "international",
    "national",
    "regional",
    "the",
    "and",
    "of",
    "&",
    "services",
    "service",
    "advocacy",
    "north",
    "america",
    "americas",
    "emea",
    "apac",
    "europe",
    "asia",
}
ROLE_OF = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|CMO|CIO|[Ff]ounder|[Cc]o-[Ff]ounder|[Cc]ofounder|President|"
    r"Chairman|Chairwoman|Chair|Officer|Director|Partner|Principal|Owner|Head|Lead|Manager"
    r"|Advisor|Adviser|Expert|Strategist|Coordinator|Editor)"
    rf",?[ ](?:of|at|for|with)[ ](?:the[ ])?({RUN_BODY})"
)
# "Director of Marketing at Acme Games": the department, then where the role is held.
ROLE_OF_DEPARTMENT_AT = re.compile(
    r"\b(?:Director|Head|Manager|Officer|Vice[ ]President|VP|SVP|EVP|Chief)[ ]of[ ]"
    r"(?:[A-Z][\w&-]*[ ](?:(?:&|and)[ ])?){1,4}(?:at|for|with)[ ](?:the[ ])?"
    rf"({RUN_BODY})"
)
# "Vellacourt (VLC), a leading logistics firm": its short form may stand before the comma.
APPOSITIVE = re.compile(
    rf"(?<![\w.@/#$’'-])({RUN_BODY})(?:[ ]\([A-Z][A-Za-z&.]{{1,9}}\))?,[ ](?:a|an|the)[ ]"
    rf"((?:[\w-]+\b[ ]?){{1,8}})"
)
CONNECTOR_WORDS = {"of", "the", "de", "la", "del", "y", "and", "et", "&", "e", "und", "les", "los"}
CONJUNCTIONS = {"and", "&", "y", "e", "et", "und"}
APPOSITIVE_BLOCKERS = {
    "of",
    "at",
    "with",
    "in",
    "for",
    "to",
    "by",
    "from",
    "under",
    "and",
    "who",
    "which",
    "that",
    "on",
}
CAMEL = re.compile(
    r"(?<![\w.@/#$’'-])((?:[A-Z][a-z]+|[A-Z]{2}[a-z]*)(?:[A-Z][a-z0-9]+)+)(?![\w@’'-])"
)
NAME_PREFIXES = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Lo|Van|Von|St|Fitz|Al|El)[A-Z]")
ABOUT_HEADER = re.compile(
    r"(?m)^(?:About|ABOUT|Acerca de|Sobre|À propos de|A propos de|Über)[ ]+(.{2,100}?)[ ]*:?[ ]*$"
)
# "About Acme Labs Acme Labs (AL) is ...": a header run into its paragraph, which opens by
# repeating the name.
ABOUT_GLUED = re.compile(
    r"(?m)^(?:About|ABOUT)[ ]+([A-Z][\w.&'’-]*(?:[ ][A-Za-z][\w.&'’-]*){0,5}?)[ ]?\1(?=[ ,(’'])"
)
# The same, with paragraphs joined by two spaces and the name spelled twice a little
# differently ("About Quarn and Spa Galleria Quarn & Spa Galleria offers ...").
ABOUT_IN_RUN = re.compile(
    r"(?m)(?:^|(?<=[ ]{2}))(?:About|ABOUT)[ ]+((?:(?:[A-Z&][\w.&'’-]*|and|of|the|for)[ ]?){2,12})"
)


def _glued_about_spellings(text: str, begin: int) -> list[tuple[int, str]]:
    """(start, name) of each "About" header whose name its paragraph repeats right after it,
    "&" and "and" taken as one."""
    found = []
    for m in ABOUT_IN_RUN.finditer(text, begin):
        words = _words(m.group(1), m.start(1))
        folded = [w[2].replace("&", "and").casefold() for w in words]
        for n in range(1, min(6, len(words) // 2) + 1):
            if folded[:n] == folded[n : 2 * n] and any(w[2] == "&" for w in words[: 2 * n]):
                found.append((words[0][0], text[words[0][0] : words[n - 1][1]]))
                break
    return found


TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
TICKER_LEFT = 120


def _hit(text: str, start: int, end: int, knowledge: Knowledge, source: str = "pattern") -> Hit:
    hit = trimmed_hit(text, start, end, "organization", source, knowledge)
    return hit or Hit(start, end, text[start:end], "organization", source)


def is_camel(word: str) -> bool:
    return bool(CAMEL.fullmatch(word)) and not NAME_PREFIXES.match(word)


def _words(run: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in re.finditer(r"\S+", run)]


def _bare(word: str) -> str:
    return word.rstrip(",.").lower()


def _strip_noise(words: list[tuple[int, int, str]], knowledge: Knowledge) -> int:
    """Index of the first word of the name: after leading noise, titles and roles."""
    first = 0
    for i, (_s, _e, word) in enumerate(words):
        low = _bare(word)
        # "Quarn General Hospital": a title before a body's tail word is part of the name.
        tail_next = i + 1 < len(words) and _bare(words[i + 1][2]) in knowledge.org_tails
        if (low in knowledge.role_words or low in knowledge.titles) and not tail_next:
            first = i + 1
    # After a role the connector that ties it to the name goes too ("CEO of Acme Partners").
    while first < len(words) and (
        _bare(words[first][2]) in LEADING_NOISE
        or _bare(words[first][2]) in knowledge.titles
        or (first > 0 and words[first][2].lower() in CONNECTOR_WORDS)
    ):
        first += 1
    return first


def _span(text: str, words: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int]:
    start, end = words[first][0], words[last][1]
    if m := SUFFIX_TAIL.match(text[end : end + 40]):
        end += m.end()
    return start, end


def from_runs(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """Runs ending in an organisation tail word or opening with an organisation head."""
    hits: list[Hit] = []
    for m in RUN.finditer(text, begin):
        words = _words(m.group(), m.start())
        tail_at = max(
            (i for i, w in enumerate(words) if _bare(w[2]) in knowledge.org_tails), default=-1
        )
        followed_by_form = bool(SUFFIX_TAIL.match(text[m.end() : m.end() + 40]))
        last = tail_at if tail_at >= 0 else (len(words) - 1 if followed_by_form else -1)
        if 0 <= tail_at < len(words) - 2:
            owner_next = text[m.end() : m.end() + 2] in ("'s", "’s")
            last = _head_extent(words, tail_at, knowledge, owner_next)
        if last >= 0:
            first = _strip_noise(words[:last], knowledge)
            if first < last or (followed_by_form and first <= last):
                # A tail word alone ("Holdings") or after only connectors names nothing.
                for a, b in _two_bodies(words, first, last, knowledge):
                    start, end = _span(text, words, a, b)
                    if a == 0:
                        start = _partner_names(text, start, end)
                    hits.append(_hit(text, start, end, knowledge))
                continue
        hits.extend(_from_head(text, words, knowledge))
    return hits


def _two_bodies(
    words: list[tuple[int, int, str]], first: int, last: int, knowledge: Knowledge
) -> list[tuple[int, int]]:
    """The run's name as word ranges: two when "and" joins two full names that each end in a
    body's tail word ("Quarn General Hospital and the Vesk Baptist Hospital"), else one. A
    side of one plain word and its tail stays whole ("Quarn Bank and Trust Company")."""
    tails = knowledge.org_tails
    for j in range(first + 1, last):
        if words[j][2] not in CONJUNCTIONS or _bare(words[j - 1][2]) not in tails:
            continue
        right = j + 1 + (words[j + 1][2].lower() == "the")
        left_plain = [w for w in words[first : j - 1] if _bare(w[2]) not in tails]
        right_plain = [w for w in words[right:last] if _bare(w[2]) not in tails]
        if len(left_plain) >= 2 and len(right_plain) >= 2:
            return [(first, j - 1), (right, last)]
    return [(first, last)]


# A list whose line breaks were lost: three or more names each ending in an organisation
# word, one after another with nothing between ("Quarn Corn Growers Association Vesk Corn
# Promotion Board Brill Grain Council").
MIN_RUN_TOGETHER = 3
# Words that end a body's name in such a list though not in running text ("Board of
# Directors", "the Program"): in a list of three or more they end items.
LIST_ITEM_TAILS = frozenset(
    {"board", "program", "commission", "committee", "bureau", "agency", "authority", "office"}
)


def from_run_lists(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """The names of runs that are lists of bodies run together, each name ending at its tail
    word."""
    hits: list[Hit] = []
    for m in RUN.finditer(text, begin):
        if m.group().count(" ") < 2 * MIN_RUN_TOGETHER - 1:
            continue  # too few words for three names
        words = _words(m.group(), m.start())
        tails = [
            i
            for i, w in enumerate(words)
            if (_bare(w[2]) in knowledge.org_tails or _bare(w[2]) in LIST_ITEM_TAILS)
            # "University of Quarn ...": a head opening a name, not an item's end.
            and (i + 1 == len(words) or words[i + 1][2] != "of")
        ]
        if len(tails) < MIN_RUN_TOGETHER or any(b - a < 2 for a, b in pairwise(tails)):
            continue
        # Leading noise ("The", a post) before the first item only: the later items begin
        # right after the previous one's tail word.
        first = _strip_noise(words[: tails[0]], knowledge)
        for tail in tails:
            if first < tail:
                hits.append(_hit(text, *_span(text, words, first, tail), knowledge))
            first = tail + 1
    return hits


PARTNER_CHAIN = re.compile(r"(?:^|\n|[.:;!?(”\"][ ]|[a-z][ ])((?:[A-Z][a-z]+,[ ]){1,4})$")
PARTNER_NAME = re.compile(r"^(?:[A-Z][a-z]+,[ ]){1,4}[^,]*&[^,]*$")
LAW_FIRM = re.compile(r"&.*(?:LLP|LLC|L\.L\.P\.|PLLC|P\.A\.|P\.C\.|Associates)\W*$")


def _partner_names(text: str, start: int, end: int) -> int:
    """Start of a partnership name with commas ("Abel, Brook, Cray & Dane LLP"): single
    capitalised names and commas before an "X & Y LLP" span belong to it."""
    if not LAW_FIRM.search(text[start:end]):
        return start
    m = PARTNER_CHAIN.search(text[max(0, start - 60) : start])
    return start - len(m.group(1)) if m else start


def _head_extent(
    words: list[tuple[int, int, str]], tail_at: int, knowledge: Knowledge, owner_next: bool
) -> int:
    """Last word of a name whose ending word opens an organisation head ("X Center for Y Z",
    "X School of Y", "X Institute of Y and Z"): the run goes on past the ending, up to a title
    or a conjunction before another organisation ("... of Y and Jane Roe Partners", or "... of
    Y and Z's Law School" when ``owner_next``: the run stops at a possessive)."""
    pair = f"{words[tail_at][2]} {words[tail_at + 1][2]}"
    if pair not in knowledge.org_heads:
        return tail_at
    last = len(words) - 1
    for j in range(tail_at + 2, len(words)):
        word = words[j][2]
        if _bare(word) in knowledge.titles or _bare(word) in knowledge.role_words:
            last = j - 1
            break
        if word in CONJUNCTIONS and (
            owner_next or any(_bare(w[2]) in knowledge.org_tails for w in words[j + 1 :])
        ):
            last = j - 1
            break
    while last > tail_at and words[last][2].lower() in CONNECTOR_WORDS:
        last -= 1
    return last


@functools.lru_cache(maxsize=8)
def _heads_by_first_word(heads: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Heads grouped by their first word, longest first (``heads`` is sorted so)."""
    out: dict[str, list[str]] = {}
    for head in heads:
        out.setdefault(head.split(" ")[0], []).append(head)
    return {first: tuple(group) for first, group in out.items()}


def _head_at(rest: str, heads: tuple[str, ...]) -> str | None:
    """The longest organisation head ``rest`` opens with ("Department of Energy ...")."""
    first = rest.split(" ", 1)[0]
    return next(
        (h for h in _heads_by_first_word(heads).get(first, ()) if rest.startswith(h + " ")), None
    )


def _from_head(text: str, words: list[tuple[int, int, str]], knowledge: Knowledge) -> list[Hit]:
    run_start = words[0][0]
    run = text[run_start : words[-1][1]]
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        rest = run[words[i][0] - run_start :]
        head = _head_at(rest, knowledge.org_heads)
        if head is None:
            i += 1
            continue
        n_head = len(head.split())
        last = len(words) - 1
        for j in range(i + n_head, len(words)):
            # "Instituto X y la Oficina Y": a conjunction before another head ends it.
            if words[j][2] in CONJUNCTIONS:
                after = run[words[j][1] - run_start :].lstrip()
                after = re.sub(r"^(?:the|la|le|el|les|los|las|l')\s*", "", after)
                if _head_at(after, knowledge.org_heads) is not None:
                    last = j - 1
                    break
            # "Department of Energy Secretary Jane Doe": a title then a name ends it; a title
            # word at the end is part of it ("Office of the Attorney General").
            if j < len(words) - 2 and _bare(words[j][2]) in knowledge.titles:
                last = j - 1
                break
        end = last
        while last >= i + n_head and words[last][2].lower() in CONNECTOR_WORDS:
            last -= 1
        if last >= i + n_head:
            s, e = _span(text, words, i, last)
            hits.append(_hit(text, s, e, knowledge))
        i = end + 1
    return hits


def _org_head(phrase: str, knowledge: Knowledge) -> bool:
    """The phrase's head noun, before its first preposition, is a noun for a body ("a
    leading provider of ...", "a full-service staffing firm")."""
    words = phrase.lower().split()
    for i, word in enumerate(words):
        # "an oncology AI solutions and services firm": "and" may join two modifiers of the
        # head noun, which then follows within two words.
        if word == "and" and any(_org_noun(w, knowledge) for w in words[i + 1 : i + 3]):
            continue
        if word in APPOSITIVE_BLOCKERS:
            return False
        if _org_noun(word, knowledge):
            return True
    return False


def _org_noun(word: str, knowledge: Knowledge) -> bool:
    return word in knowledge.org_nouns or word.rstrip("s") in knowledge.org_nouns


def _person_with_post(
    words: list[tuple[int, int, str]], phrase: str, owned: bool, knowledge: Knowledge
) -> bool:
    """ "Jane Roe, the Quarn Bank Fund portfolio manager", "Jo Roe, a franchise veteran",
    "Jane Roe, the Company's CEO": a name shaped like a person's before a body's noun that a
    post or a noun for a person follows, or that owns what follows, is a person's."""
    name = " ".join(w[2] for w in words)
    if not 2 <= len(words) <= 3 or not looks_like_person(name, knowledge):
        return False
    if has_org_suffix(name, knowledge) or _bare(words[-1][2]) in knowledge.org_tails:
        return False
    seen_body = False
    for word in phrase.lower().split():
        if word in APPOSITIVE_BLOCKERS:
            return False
        if seen_body and (is_person_post(word, knowledge) or word in PERSON_WORDS):
            return True
        seen_body = (
            seen_body
            or word in knowledge.org_nouns
            or word.removesuffix("s") in knowledge.org_nouns
        )
    return seen_body and owned


# Nouns for a person after a body's noun ("a franchise veteran", "a company insider").
PERSON_WORDS = frozenset({"veteran", "expert", "consultant", "insider", "employee", "owner"})


# "Quarnex is a full-service staffing firm": a sentence that says what a name is.
DEFINITION = re.compile(
    rf"(?:^|(?<=[.!?][ ]))({RUN_BODY})[ ](?:is|was)[ ](?:a|an)[ ]((?:[\w-]+\b[ ]?){{1,8}})",
    re.MULTILINE,
)


def from_definitions(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """ "Quarnex is a full-service staffing firm", opening a sentence: the name is an
    organisation."""
    hits = []
    for m in DEFINITION.finditer(text, begin):
        if _org_head(m.group(2), knowledge):
            words = _words(m.group(1), m.start(1))
            first = _strip_noise(words, knowledge)
            if first < len(words):
                hits.append(_hit(text, words[first][0], words[-1][1], knowledge))
    return hits


def from_appositives(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """ "Vellacourt, a leading logistics firm": the name is an organisation."""
    hits = []
    for m in APPOSITIVE.finditer(text, begin):
        if not _org_head(m.group(2), knowledge):
            continue
        words = _words(m.group(1), m.start(1))
        first = _strip_noise(words, knowledge)
        if first >= len(words):
            continue
        if first == len(words) - 1 and _bare(words[first][2]) in CALENDAR:
            continue  # "In December, the company announced": a time, not a name
        if words[first][2] in ADDRESS_UNITS:
            continue  # "2525 Quarn Blvd, Suite A., the brand ...": an address, not a name
        owned = text[m.end(2) : m.end(2) + 2] in ("’s", "'s")
        if _person_with_post(words[first:], m.group(2), owned, knowledge):
            continue
        start, end = words[first][0], words[-1][1]
        # "Led by Jo Roe and Ann Poe, the fund invests ...": the name ends a sentence's opening
        # phrase, and the noun after the comma is the sentence's subject, not the name's.
        if AGENT_OPENER.search(text, max(0, start - 100), start):
            continue
        # "Headquartered in Phoenix, the company ...": where the subject is, not its name.
        if PLACE_OPENER.search(text, max(0, start - 100), start):
            continue
        hits.append(_hit(text, start, end, knowledge))
    return hits


# Words that open the part of an address inside a building.
ADDRESS_UNITS = frozenset({"Suite", "Ste.", "Unit", "Floor", "Room", "Apt.", "Building", "Bldg."})


# A sentence opening "Led by ...", "Founded in 2010 by ..." up to the name.
AGENT_OPENER = re.compile(
    r"(?:^|[.!?][ ]+|\n)(?:Led|Founded|Co-founded|Headed|Managed|Run|Chaired|Hosted|Backed)"
    r"(?:[ ]in[ ]\d{4})?[ ]by[ ](?:[a-z]+[ ]){0,3}$"
)


# A sentence opening "Headquartered in ...", "Founded in 2010 in ..." up to the name.
PLACE_OPENER = re.compile(
    r"(?:^|[.!?][ ]+|\n)(?:Headquartered|Based|Located|Founded|Established|Incorporated)"
    r"(?:[ ]in[ ]\d{4})?[ ]in[ ](?:the[ ])?$"
)


# "Jane Roe (CEO, Quarn Labs)": a name, then in brackets a post and where it is held.
BRACKETED_POST = re.compile(
    rf"(?<![\w.@/#$’'-])({RUN_BODY})[ ]\(([A-Z][\w.&'’-]*(?:[ ][\w.&'’-]+){{0,4}}),[ ]"
    rf"({RUN_BODY})\)"
)


def from_bracketed_posts(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """ "Sandeep Roe (CEO, Quarnmarx)", "Davis Poe (Co-founder, Resilience)": the name before
    the brackets is a person's when it is shaped like one, and the body after the post
    is an organisation, however plain its word."""
    hits = []
    for m in BRACKETED_POST.finditer(text, begin):
        if not any(_is_post_word(w.strip(".,"), knowledge) for w in m.group(2).split()):
            continue
        words = _words(m.group(1), m.start(1))
        person = words[_strip_noise(words, knowledge) :]
        name = " ".join(w[2] for w in person)
        # The brackets vouch for a person: a given name the lists lack ("Sachin") will do,
        # when no word marks a body.
        if not (
            2 <= len(person) <= 4
            and looks_like_person(name, knowledge)
            and not has_org_suffix(name, knowledge)
            and not any(_bare(w[2]) in knowledge.org_tails for w in person)
        ):
            continue
        hits.append(Hit(person[0][0], person[-1][1], name, "person", "pattern"))
        hits.append(_hit(text, m.start(3), m.end(3), knowledge))
    return hits


# "the Hospitality, Resort and Timeshare Group": plain words listed before a unit's noun
# name one unit, not three bodies.
_LISTED_UNIT = (
    r"(?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+(?:,[ ](?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+)+,?"
    r"[ ](?:and|&)[ ](?:[A-Z][a-z]+[ ]){1,3}(?:Group|Practice|Committee|Department|Division|Team"
    r"|Council|Program|Programme|Section|Task[ ]Force)"
)
LISTED_UNIT = re.compile(rf"\bthe[ ]({_LISTED_UNIT})\b")
LISTED_UNIT_NAME = re.compile(_LISTED_UNIT)


def listed_unit_names(text: str, begin: int = 0) -> list[Hit]:
    """Units named by a list of plain words ("the Energy, Mining and Infrastructure
    Group"), each as one organisation hit."""
    return [
        Hit(m.start(1), m.end(1), m.group(1), "organization", "pattern")
        for m in LISTED_UNIT.finditer(text, begin)
    ]


def from_roles(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """ "Chief Officer of Brambleton Health": where a role is held is an organisation."""
    hits = []
    for m in [*_roles_of(text, begin), *ROLE_OF_DEPARTMENT_AT.finditer(text, begin)]:
        words = _words(m.group(1), m.start(1))
        last = _before_post(words, knowledge)
        # "Chair of Acme Foundation & Founder of ...": the connector before the next post.
        while last >= 0 and words[last][2] in ("&", "and"):
            last -= 1
        if last < 0:
            continue
        words = words[: last + 1]
        if all(_bare(w[2]) in DEPARTMENTS for w in words):
            continue
        start, end = _span(text, words, 0, len(words) - 1)
        if BASED_AFTER.match(text, end):
            continue  # "founder of the Tel-Aviv based incubator": a place that says where
        hits.append(_hit(text, start, end, knowledge))
    return hits


BASED_AFTER = re.compile(r"[ -]based\b")


def _before_post(words: list[tuple[int, int, str]], knowledge: Knowledge) -> int:
    """The index of the last word before a post ends the name (all of them without one): a
    word that also names what a company sells or runs ("Rugged Solutions America", "Acme
    Platform") ends nothing."""
    for j, (_s, _e, word) in enumerate(words):
        if _bare(word) in knowledge.titles or (
            _bare(word) in knowledge.role_words and _bare(word) not in NOT_POSTS
        ):
            return j - 1
    return len(words) - 1


def _roles_of(text: str, begin: int) -> Iterator[re.Match[str]]:
    """``ROLE_OF`` matches, each search resuming inside the previous match's name so that a
    second post it ran over is read too ("Chair of Acme & Founder of Quarn Labs")."""
    pos = begin
    while m := ROLE_OF.search(text, pos):
        yield m
        nxt = ROLE_OF.search(text, m.start(1), m.end())
        pos = nxt.start() if nxt else m.end()


LOWER_CAMEL_END = re.compile(r"(?<![\w.@/#$’'-])[a-z][A-Z][A-Za-z]+$")


def from_tickers(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """ "Quorvane Corp. (NYSE: QRV)": the name right before a listing is the listed company."""
    hits = []
    for t in TICKER.finditer(text, begin):
        left = text[max(begin, t.start() - TICKER_LEFT) : t.start()].rstrip()
        offset = t.start() - len(text[max(begin, t.start() - TICKER_LEFT) : t.start()])
        found = None
        for m in RUN.finditer(left):
            tail = left[m.end() :]
            if not tail.strip() or SUFFIX_TAIL.fullmatch(tail):
                found = m
                break
        if found is None:
            # "iLearningEngines (NASDAQ: AILE)": a lower-camel-case name opens with no capital.
            if camel := LOWER_CAMEL_END.search(left):
                start = offset + camel.start()
                hits.append(Hit(start, start + len(camel.group()), camel.group(), "organization",
                                "pattern"))  # fmt: skip
            continue
        words = _words(found.group(), offset + found.start())
        first = _strip_noise(words, knowledge)
        if first >= len(words):
            continue
        start, end = _span(text, words, first, len(words) - 1)
        hits.append(_hit(text, start, end, knowledge))
    return hits


def headline_issuer(text: str, headline_end: int, knowledge: Knowledge) -> list[Hit]:
    """ "Quarn Group Metals Ltd. (NYSE American: QGM) Expands ...": a headline that opens with
    a name and its listing opens with the listed company, however plain its words (the body
    may call it only by a phrase of them)."""
    t = TICKER.search(text, 0, headline_end)
    if t is None:
        return []
    m = RUN.fullmatch(text, 0, len(text[: t.start()].rstrip()))
    if m is None:
        return []
    words = _words(m.group(), 0)
    # A legal form ends it: "Why Investors Watch Quarn Labs (NASDAQ: QRL)" opens with a
    # question, not with the issuer.
    if not 1 <= len(words) <= 6 or _strip_noise(words, knowledge):
        return []
    return [_hit(text, 0, words[-1][1], knowledge)] if LEGAL_FORM_END.search(m.group()) else []


def from_about_headers(text: str, knowledge: Knowledge, begin: int) -> list[Hit]:
    """ "About Quorvane Corp. (NYSE: QRV)" heading a boilerplate section names an organisation
    (the issuer, usually). ``begin`` is where the release's about sections start."""
    hits = []
    matches = [*ABOUT_HEADER.finditer(text, begin), *ABOUT_GLUED.finditer(text, begin)]
    headers = [(m.start(1), m.group(1)) for m in matches] + _glued_about_spellings(text, begin)
    for start, header in headers:
        header = TRAILING_PAREN.sub("", header).rstrip(" :")
        parts = [header]
        if " and the " in header:  # "About Acme and the Acme Institute"
            parts = header.split(" and the ")
        elif legal := LEGAL_FORM_AND.search(header):  # "About Quarn Fuels, Inc. and Vell"
            parts = [header[: legal.start(1)], header[legal.end(1) :]]
        offset = start
        for part in parts:
            at = text.find(part, offset)
            offset = at + len(part)
            name = part.strip()
            words = name.split()
            if not words or not words[0][:1].isupper() or len(words) > 8:
                continue
            first = words[0].rstrip(".").lower()
            if first in knowledge.titles or _bare(words[-1]) in knowledge.role_words:
                continue  # "About Dr. Jane Doe" is a person; "About the X Token" a product
            if any(c in name for c in "$#@") or name.lower() in {"us", "the company", "the author"}:
                continue
            if _about_a_person(name, knowledge):
                continue  # "About Jane Roe" on a consultant's release: the model reads her
            hits.append(_hit(text, at, at + len(name), knowledge, "about"))
    return hits


def _about_a_person(name: str, knowledge: Knowledge) -> bool:
    """A heading "About Jane Roe" names a person: two or three words, a given name first,
    none that marks a body."""
    words = name.split()
    return (
        len(words) in (2, 3)
        and words[0].casefold() in knowledge.given_names
        and not any(_bare(w) in knowledge.org_marks for w in words)
        and looks_like_person(name, knowledge)
    )


# "The Law Offices of Jane Q. Roe, P.C.": a practice named after its lawyer is one body.
LAW_OFFICE = re.compile(
    r"\b(Law[ ](?:Offices?|Firm|Group)[ ]of[ ](?:[A-Z][\w’'-]*\.?[ ]){1,3}[A-Z][\w’'-]+"
    r"(?:,?[ ](?:P\.C\.|PC|PLLC|LLC|LLP|P\.A\.|PA)(?![\w.]))?)"
)


def from_law_offices(text: str, begin: int = 0) -> list[Hit]:
    """Law practices named after a lawyer ("Law Offices of Jane Roe, P.C."): the whole name
    is the organisation, the lawyer's name in it no separate mention."""
    return [
        Hit(m.start(1), m.end(1), m.group(1), "organization", "pattern")
        for m in LAW_OFFICE.finditer(text, begin)
    ]


def from_camel_case(text: str, begin: int = 0) -> list[Hit]:
    """CamelCase brand names ("BrightQuill") used at least twice: organisations. A single use
    is left to the model (it may be a product)."""
    found = [m for m in CAMEL.finditer(text, begin) if not NAME_PREFIXES.match(m.group(1))]
    uses = Counter(m.group(1) for m in found)
    return [
        Hit(m.start(1), m.end(1), m.group(1), "organization", "pattern")
        for m in found
        if uses[m.group(1)] >= 2
    ]


# ---- refining organisation mentions -------------------------------------------------------
# Words that make up the name of a unit, post or section rather than of an organisation
# ("Board of Directors", "Business Development", "President & CEO").
GENERIC_UNIT = DEPARTMENTS | {
    "directors",
    "director",
    "advisory",
    "co-chair",
    "vice",
    "chief",
    "senior",
    "officer",
    "officers",
    "head",
    "management",
    "administration",
    "government",
    "regulatory",
    "council",
    "members",
    "member",
    "committee",
    "staff",
    "leadership",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cmo",
    "president",
    "chair",
    "chairman",
    "legislative",
    "co-founder",
    "founder",
    "attn",
    "hq",
    "headquarters",
}
PREPOSITIONS = {"of", "for", "at", "with"}
POSSESSIVE_SPLIT = re.compile(r"['’]s ")
GERUND = re.compile(r"([A-Z][a-z]+ing) (?=[A-Z])")
TRAILING_POSTS = frozenset({"fellow", "fellows", "grantee", "grantees", "alumnus", "alumni"})
CODE_CHARS = re.compile(r"[{}=;<>]")
TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:and|of|for|the|&|at|with|y|et|de))+$")


def is_generic_unit(name: str, knowledge: Knowledge) -> bool:
    """ "Board of Directors", "Business Development", "President & CEO": a unit or a post."""
    words = [w.strip(",.()").lower() for w in name.split()]
    # A title after "of" names a field, not a post: "Department of Justice", "Office of the
    # Governor" are organisations.
    after_of = words.index("of") if "of" in words else len(words)
    content = [(i, w) for i, w in enumerate(words) if w and w not in CONNECTOR_WORDS]
    return bool(content) and all(
        w in GENERIC_UNIT or w in knowledge.role_words or (w in knowledge.titles and i < after_of)
        for i, w in content
    )


def _comma_cuts(name: str) -> list[tuple[int, int]]:
    """Pieces of a list run together by the model ("Acme Labs, Brightwell Partners", or with a
    slash between names, "UCLA/Quarn Medical Center"); a legal form after the comma (", Inc.")
    stays with its name, and so does a partnership name ("Abel, Brook, Cray & Dane LLP")."""
    if PARTNER_NAME.match(name) and LAW_FIRM.search(name):
        return [(0, len(name))]
    pieces, start = [], 0
    for m in re.finditer(r", |/|\.[ ](?=[A-Z])", name):
        if m.group() == "/" and not _slash_joins_names(name[start : m.start()], name[m.end() :]):
            continue
        # "Brooklyn FC. North Quarn Group": a sentence ended inside the span; "Acme Co. Ltd",
        # "Jane Q. Roe" and "U.S. Bank" keep their dots.
        if m.group().startswith(".") and SHORT_FORM_DOT.search(name, 0, m.start() + 1):
            continue
        if SUFFIX_TAIL.match(name[m.start() :]):
            continue
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(name)))
    return pieces


AT_OR_FROM = re.compile(r"[ ](at|from)[ ]")


def _preposition_cuts(name: str, knowledge: Knowledge, known: set[str]) -> list[tuple[int, int]]:
    """Pieces of a model span run across "at" or "from" into a body: "Business from Towson
    University" is the university; "Fuqua School of Business at Duke University" is the
    school and the university. A place after "at" keeps the name whole ("University of
    Illinois at Chicago")."""
    m = AT_OR_FROM.search(name)
    if m is None or not _org_shaped(name[m.end() :], knowledge, known):
        return [(0, len(name))]
    if m.group(1) == "from":
        return [(m.end(), len(name))]
    if _org_shaped(name[: m.start()], knowledge, known):
        return [(0, m.start()), (m.end(), len(name))]
    return [(0, len(name))]


# A word whose full stop marks a short form, not a sentence's end.
SHORT_FORM_DOT = re.compile(
    r"(?:\b(?:Inc|Co|Corp|Ltd|St|Jr|Sr|Dr|Mr|Mrs|Ms|Bros|No|Mt|Ft|Ave|Blvd|Dept|Univ)|"
    r"(?<![\w.])[A-Za-z]|\.[A-Za-z])\.$"
)


def _slash_joins_names(left: str, right: str) -> bool:
    """ "UCLA/Quarn Medical Center", "Quarn Medical Center/Vell Medical School": a slash
    between two capitalised names, one of two words or more ("AC/DC", "Producer/Owner" stay
    whole)."""
    right = right.split(", ")[0].split("/")[0]
    sides = (left.split(), right.split())
    return (
        all(side and side[0][:1].isupper() for side in sides)
        and max(len(side) for side in sides) >= 2
        # "Reading/North Reading Chamber": one word before the slash shares what follows,
        # unless it is a name in capitals of its own ("UCLA/Quarn Medical Center").
        and (len(sides[0]) >= 2 or sides[0][0].isupper())
        and not left.endswith(" ")
    )


# "Boston-based", "New York-based": a location modifier before a name, never part of it.
BASED = re.compile(r"^(?:[A-Z][\w.]*[ ])*?[A-Z][\w.]*-based[ ]+")
PERSON_OF = re.compile(r"^(.+?)[ ](?:of|at|from)[ ]+(?:the[ ]+)?(?=\S)")
# Words that open a post written after a name and a comma.
POSTS = frozenset(
    {"ceo", "cfo", "coo", "cto", "cmo", "vp", "svp", "evp", "avp", "officer", "director"}
    | {"manager", "president", "chairman", "chairwoman", "chair", "founder", "co-founder"}
    | {"cofounder", "head", "executive", "senior", "chief", "vice", "deputy", "general"}
)
POST_OPENERS = {"senior", "vice", "chief", "head", "executive", "deputy", "associate", "managing"}
AND = re.compile(r"[ ](?:and|\+)[ ]+(?:the[ ]+)?")
# What an agency offers, written after a plus in its own name ("Quarn Marketing + PR").
SERVICE_INITIALS = frozenset({"PR", "IR", "HR", "AI", "IT"})
# Awards, prizes and medals are named like organisations ("National Medal of Science", "Acme
# Innovation Award", "Queen Mab Prize for Poetry") but are not ones.
AWARD = re.compile(
    r"\b(?:Awards?|Prizes?|Medals?|Trophy|Grant|Scholarship)\b(?:[ ](?:of|for|in|de)\b.*)?$"
)
# Events, works and programmes named like bodies ("Quarnby Heart Walk", "the 25th Anniversary
# Party", "Digital Readiness Ranking", "Quarn Aid Program"): what a body holds, publishes or
# runs, not the body.
EVENT_OR_WORK = re.compile(
    r"\b(?:Walk|Party|Gala|Ranking|Rankings|Report|Reports|Yearbook|Sessions?|Webinar"
    r"|Tournament|Marathon|Festival|Summit|Show|Expo|Program|Programme|Campaign"
    # Gatherings, named after what they gather ("Quarn Healthcare Conference", "Biotech
    # Showcase"); a lone "Congress" or "Forum" may be the body itself.
    r"|(?<=[ ])(?:Conference|Forum|Symposium|Convention|Congress|Showcase|Hackathon|Week"
    # Observances and parades ("Hispanic Heritage Month", "Overdose Awareness Day").
    r"|Month|Awareness[ ]Day|Parade|Sweepstakes|Cup"
    # Tournaments and races ("Quarnby Open", "Vesk Invitational", "Hunger Walk Run"), shows
    # and meals ("Poe Death Exhibit", "Caucus Luncheon").
    r"|Open|Classic|Invitational|Championships?|Run|Exhibit|Exhibition|Luncheon|Games"
    # Prize-givings and contests ("Quarn Awards Ceremony", "Vesk Whiskey Competition").
    r"|Ceremony|Banquet|Competition"
    # Socials and retreats ("Vesk Happy Hour", "Quarn Fan Fest", "Wellness Retreat").
    r"|Retreat|Fest|Happy[ ]Hour|Afterparty|Mixer|Meetup|Bootcamp))\W?$"
    # "Quarn Storytelling Campaign for the Vell Museum": a campaign, whatever it is for.
    r"|(?<=[ ])Campaigns?(?:[ ](?:for|of|to)\b.*)?$"
)
# "Investment Banking Firm" + " of the Year": an award's title; a name ending in a year
# ("Quarn Xpo 2024", "Young University Rankings 2024") names an event or a ranking; a notice
# heading ends in "Disclaimer".
OF_THE_YEAR = re.compile(r"[ ]of[ ]the[ ]Year\b")
YEAR_OR_NOTICE_END = re.compile(r"[ ](?:(?:19|20)\d\d|Disclaimer|Disclaimers)$")


def is_award_or_dated(text: str, end: int, name: str) -> bool:
    """An organisation span that an award's "of the Year" follows, or that ends in a year or
    in "Disclaimer"."""
    return bool(OF_THE_YEAR.match(text, end) or YEAR_OR_NOTICE_END.search(name))


# Last words that make a span a product, not its maker ("Quarn Coin", "Vesk Ultra GPU").
PRODUCT_END_WORDS = frozenset(
    {"Coin", "Coins", "Token", "Tokens", "App", "Wallet", "GPU", "CPU", "NPU", "Chipset"}
)
# Modal verbs no body's name holds: a headline's clause read as a name ("Quarn Coin Could
# Soar").
MODALS = frozenset({"Could", "Would", "Should", "Might", "Must"})


def is_product_or_clause(name: str) -> bool:
    """An organisation span ending in a product's word or holding a modal verb."""
    words = name.split()
    return words[-1] in PRODUCT_END_WORDS or any(w in MODALS for w in words[1:])


TITLE_GERUND = re.compile(
    r"(?:Celebrat|Bring|Build|Creat|Empower|Transform|Help|Mak|Driv|Shap"
    r"|Unlock|Elevat|Honor|Honour|Support|Advanc|Embrac|Connect|Inspir|Redefin)ing"
)
ORG_END_WORD = re.compile(
    r"\b(?:Partners|Foundation|Group|Inc\.?|LLC|Company|Association|Institute|Network|Alliance"
    r"|Coalition|Council|Center|Centre|Fund|Society|Club|Academy|School|University)$"
)
# Illnesses, named like bodies in health releases ("Amyotrophic Lateral Sclerosis").
CONDITION = re.compile(
    r"(?<=[ -])(?:Sclerosis|Syndrome|Disease|Disorder|Dystrophy|Carcinoma|Lymphoma|Leukemia"
    r"|Leukaemia|Fibrosis|Atrophy|Cardiomyopathy|Myopathy|Neuropathy|Hepatitis|Anemia)$"
)
# "... Summit Bangkok", "... Conference 2026": a gathering named with where or when it is held.
GATHERING_THEN_WHERE = re.compile(
    r"[ ](?:Summit|Conference|Forum|Symposium|Convention|Expo|Festival|Week|Show)"
    r"[ ]((?:19|20)\d\d|[A-Z][\w.-]+(?:[ ][A-Z][\w.-]+)?)$"
)


# Mines and the projects that explore or build them ("Eagle Quarn Tungsten Project", "El
# Quarn Mine", "Vell Massif"): sites, named in mining and energy releases like bodies.
SITE = re.compile(
    r"\b(?:Gold|Silver|Copper|Lithium|Uranium|Tungsten|Nickel|Zinc|Cobalt|Graphite|Iron|"
    r"Rare[ ]Earths?|Gold-Silver|Silver-Gold|Copper-Gold|Gold-Copper|Polymetallic|Mining|"
    r"Mineral|Exploration|Solar|Wind|Hydro|Geothermal|Oil|Gas|LNG)[ ]Project$"
    r"|(?<=[ ])(?:Mine|Deposit|Massif|Trend|Claims)$"
)


def is_event_or_work(name: str, gazetteer: Gazetteer | None = None) -> bool:
    name = name.strip()
    if EVENT_OR_WORK.search(name) or SITE.search(name) or CONDITION.search(name):
        return True
    # "Celebrating Quarn Heritage Across ...": a campaign's or a talk's title opens with a
    # gerund; a name that does ("Reading Partners") ends as bodies do.
    first = name.split(" ", 1)[0]
    if " " in name and TITLE_GERUND.fullmatch(first) and not ORG_END_WORD.search(name):
        return True
    where = GATHERING_THEN_WHERE.search(name)
    if where is None:
        return False
    tail = where.group(1)
    return tail.isdigit() or (gazetteer is not None and gazetteer.known(tail) is not None)


CLAUSE_WORDS = frozenset({"That", "Who", "Which", "Whose", "Where"})
SUPERLATIVES = frozenset({"Most", "Best", "Top", "Fastest", "Greatest", "Largest"})
PERSON_AWARD = re.compile(r"\b(?:Awards?|Prizes?|Medals?|Trophy)\b(?:[ ](?:of|for|in)\b.*)?$")
# Sentence adverbs and participles that open a sentence in Title case ("However, ...",
# "Additionally, ...", "Headquartered in ..."): the model sometimes tags them as names.
SENTENCE_OPENERS = {
    "however",
    "additionally",
    "consequently",
    "furthermore",
    "moreover",
    "meanwhile",
    "therefore",
    "nevertheless",
    "nonetheless",
    "instead",
    "otherwise",
    "indeed",
    "finally",
    "likewise",
    "similarly",
    "accordingly",
    "hence",
    "thus",
    "together",
    "today",
    "overall",
    "plus",
    "also",
    "currently",
    "previously",
    "recently",
    "headquartered",
    "founded",
    "based",
    "located",
    "established",
    # Prepositions and time words that open a sentence or a bullet ("* During a visit",
    # "Now, the brand ...").
    "during",
    "now",
    "after",
    "before",
    "since",
    "while",
    "when",
    "here",
    "there",
    "yesterday",
    "tomorrow",
}


# Role words that name a unit or a thing, not a post a person holds: a model "person" span
# with one of them ("Common Language Initiative") is no person run into a post.
NOT_POSTS = {
    "initiative",
    "project",
    "program",
    "programme",
    "platform",
    "solutions",
    "strategy",
    "method",
    "token",
    "coin",
    "phase",
    "therapy",
    "writing",
    "psychology",
    "bachelor",
    "master",
    "degree",
    "team",
    "department",
    "division",
    "committee",
    "relations",
    "inquiries",
    "contact",
    "contacts",
}


def post_start(words: list[str], knowledge: Knowledge) -> int | None:
    """Index of the word where a post follows a person's name without a comma ("Jane Roe
    Senior Advisor"), from the third word on; None when there is none. Only a post word cuts:
    unit words ("Initiative", "Program") are part of what the span names."""
    return next(
        (i for i, w in enumerate(words) if i >= 2 and _is_post_word(w, knowledge)),
        None,
    )


def _is_post_word(word: str, knowledge: Knowledge) -> bool:
    return (
        (word.lower() in knowledge.role_words and word.lower() not in NOT_POSTS)
        or _bare(word) in knowledge.titles
        or _bare(word) in POST_OPENERS
    )


def post_end(words: list[str], knowledge: Knowledge) -> int:
    """How many words at the start of a name are the post it follows and what the post is of
    ("Co-Founder Jane Roe", "Chief Executive Officer Jane Roe", "Quarnby Mayor Jane Roe",
    "Acme President Jane Roe"): the words up to the last post word that leaves two or more;
    0 when there is none."""
    posts = [i for i, w in enumerate(words) if _is_post_word(w, knowledge)]
    return next((i + 1 for i in reversed(posts) if len(words) - i - 1 >= 2), 0)


def headline_honorifics(text: str, headline_end: int) -> list[Hit]:
    """ "Mr. Jane Roe Appointed ..." in the headline: the words after an honorific, up to the
    headline's verb, are a person (the body may name her only as "Ms. Roe")."""
    hits = []
    for m in HEADLINE_HONORIFIC.finditer(text, 0, headline_end):
        words = m.group(1).split()
        cut = next((i for i, w in enumerate(words) if w in HEADLINE_VERBS), len(words))
        if 2 <= cut <= 3:
            name = " ".join(words[:cut])
            hits.append(Hit(m.start(1), m.start(1) + len(name), name, "person", "pattern"))
    return hits


def headline_posts(text: str, headline_end: int, knowledge: Knowledge) -> list[Hit]:
    """ "Q&A with Jane Roe, Author of ...": in the headline, a given name and a family name
    with a post after the comma are a person (the model reads Title Case headlines badly);
    "..., CEO & Founder at Quarn Strategic Solutions": where the post is held is a body."""
    people = _names_before_posts(text, 0, headline_end, knowledge)
    hits = list(people)
    for person in people:
        post = POST_AT.match(text, person.end + 2, headline_end)
        if post and any(is_person_post(w, knowledge) for w in post.group(1).split()):
            hits.append(_hit(text, post.start(2), post.end(2), knowledge))
    return hits


# A post of Title Case words, "&" and "and", then "at" and where it is held.
POST_AT = re.compile(
    rf"((?:[A-Z][\w-]*|&|and)(?:[ ](?:[A-Z][\w-]*|&|and)){{0,9}})[ ]at[ ]({RUN_BODY})"
)


def body_name_posts(text: str, begin: int, knowledge: Knowledge) -> list[Hit]:
    """ "Romain Quarnet, CEO and chairperson of Vesk Corp., was ...": a sentence or a line
    that opens with a given name and a family name, a comma and a post names a person."""
    return [
        h
        for h in _names_before_posts(text, begin, len(text), knowledge)
        if SENTENCE_START.search(text, max(0, h.start - 3), h.start)
    ]


def _names_before_posts(text: str, begin: int, end: int, knowledge: Knowledge) -> list[Hit]:
    hits = []
    for m in NAME_POST.finditer(text, begin, end):
        name = m.group(1)
        post = m.group(2).split()[:3]  # "Chief Revenue Officer"
        if given_name_first(name, knowledge) and any(is_person_post(w, knowledge) for w in post):
            hits.append(Hit(m.start(1), m.end(1), name, "person", "pattern"))
    return hits


NAME_POST = re.compile(
    r"(?<![\w’'-])([A-Z][a-z]+(?:[ ][A-Z]\.)?[ ][A-Z][a-z][\w’'-]*)(?:,|[ ][–—-])[ ]([A-Z][\w-]*"
    r"(?:[ ][A-Za-z][\w-]*){0,2})"
)
SENTENCE_START = re.compile(r"(?:^|[.!?][ ]|\n)$")
HEADLINE_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?[ ]((?:[A-Z][a-z]+[ ]?){2,4})")
def headline_verb_at(words: list[str]) -> int | None:
    """Index of the first headline verb after a name's first two words ("Jane Roe Joins"),
    or None."""
    return next((i for i, w in enumerate(words) if i >= 2 and w in HEADLINE_VERBS), None)


HEADLINE_VERBS = frozenset(
    {"Joins", "Named", "Names", "Appoints", "Appointed", "Announces", "Launches", "Welcomes"}
    | {"Hires", "Promotes", "Promoted", "Opens", "Acquires", "Expands", "Celebrates", "Wins"}
    | {"Receives", "Interviews", "Leads", "Returns", "Unveils", "Honored", "Honors", "Elected"}
    | {"Nominated", "Offers", "Releases", "Publishes", "Introduces", "Debuts", "Presents"}
    | {"Reveals", "Awarded", "Recognized", "Selected", "Shares", "Signs", "Earns"}
)


def headline_people(hits: list[Hit], headline_end: int, knowledge: Knowledge) -> list[Hit]:
    """ "Jane Quarn Roe Offers a ...": a model person in the headline run into the headline's
    verb is the name before the verb when it opens with a given name (the body may name her
    only as "Roe")."""
    out = []
    for hit in hits:
        if hit.label != "person" or hit.source != "ner" or not 0 <= hit.start < headline_end:
            continue
        words = hit.text.split()
        verb = headline_verb_at(words)
        if verb is None or verb > 3:
            continue
        name = " ".join(words[:verb])
        if given_name_first(name, knowledge) and _bare(words[verb - 1]) not in knowledge.org_tails:
            out.append(Hit(hit.start, hit.start + len(name), name, "person", "pattern"))
    return out


def _opening(hit: Hit, name: str) -> Hit:
    """The hit cut to ``name``, the words it opens with (same label and source)."""
    return Hit(hit.start, hit.start + len(name), name, hit.label, hit.source)


def _word_before_given_name(words: list[str], knowledge: Knowledge) -> int:
    """1 when a plain word that is no given name runs into a full name after it ("Promoted
    Jane Roe", "Charismatic Jane Roe": a lost line break or a Title Case heading), else 0."""
    if len(words) < 3 or not knowledge.given_names or not knowledge.lexicon:
        return 0
    first, second = words[0], words[1]
    if first.casefold() in knowledge.given_names or second.casefold() not in knowledge.given_names:
        return 0
    # "Raja Al Quarni": a particle that is a given name too ("Al") belongs to the family name.
    if second.casefold() in NAME_PARTICLES:
        return 0
    plain = first[:1].isupper() and first[1:].islower() and first.isalpha()
    return 1 if plain and is_common(first, knowledge.lexicon) else 0


GLUED_WORDS = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]+)[ ]")


def _glued_before_given_name(name: str, knowledge: Knowledge) -> int:
    """How many characters of a plain word or a firm's ending glued to a given name open a
    person span ("CreativeEd Roe", "TherapeuticsKarsten Roe"); 0 for a name written so
    ("MacKenzie Roe", "DeShawn Roe")."""
    m = GLUED_WORDS.match(name)
    if (
        m is None
        or SURNAME_PREFIX.match(name)
        or m.group(2).casefold() not in knowledge.given_names
    ):
        return 0
    lead = m.group(1)
    return (
        len(lead) if is_common(lead, knowledge.lexicon) or _bare(lead) in knowledge.org_tails else 0
    )


def trim_people(hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """A person span the model ran into the post before or after it ("Co-Founder Jane Roe",
    "Jane Roe Senior Advisor") is cut to the name; one that runs a known name into what it
    owns ("Alibaba’s Tmall") goes."""
    out = []
    people = {(h.start, h.end) for h in hits if h.label == "person" and h.source == "pattern"}
    ruled = {(h.start, h.end) for h in hits if h.source not in ("ner", "pattern")}
    for hit in hits:
        # "Alibaba’s Tmall" read as a person: the owner is a name a rule or a list knows.
        owned = OWNED.search(hit.text) if hit.source == "ner" and hit.start >= 0 else None
        if hit.label == "person" and owned and (hit.start, hit.start + owned.start()) in ruled:
            continue
        if hit.label == "organization" and hit.source == "ner" and hit.start >= 0:
            # "said Co-Founder Jane Roe" read as an organisation: the attribution says whose
            # name follows the post.
            words = hit.text.split()
            lead = post_end(words, knowledge)
            if lead and (hit.end - len(" ".join(words[lead:])), hit.end) in people:
                continue
        if hit.label == "person" and hit.source == "ner" and hit.start >= 0:
            if glued := _glued_before_given_name(hit.text, knowledge):
                # "TherapeuticsJane Roe": a heading or a firm's name glued on by a lost break.
                hit = Hit(hit.start + glued, hit.end, hit.text[glued:], "person", hit.source)
            words = hit.text.split()
            # "Jane Roe Joins Acme": a headline's verb ends the name.
            verb = headline_verb_at(words)
            if verb is not None:
                name = " ".join(words[:verb])
                hit = _opening(hit, name)
                words = words[:verb]
            lead = (
                post_end(words, knowledge)
                or _word_before_given_name(words, knowledge)
                # "At Quarnbench, we ...", "With QuarnFarm, earning ...": a sentence's opener.
                or int(len(words) > 1 and words[0].lower() in OPENING_WORDS)
            )
            if lead:
                name = " ".join(words[lead:])
                if hit.text.endswith(name):
                    start = hit.end - len(name)
                    hit = Hit(start, hit.end, name, "person", hit.source)
                    words = words[lead:]
            cut = post_start(words, knowledge)
            if cut is not None:
                # "Jane Roe — Founder": the dash before the post goes with it, and so does
                # the "as" of "Jane Roe as Executive Vice President".
                name = " ".join(words[:cut]).rstrip(" ,;:–—-")
                name = TRAILING_PREPOSITION.sub("", name)
                if name and hit.text.startswith(name):
                    hit = _opening(hit, name)
        elif hit.label == "person" and hit.source == "pattern" and hit.start >= 0:
            words = hit.text.split()
            if _word_before_given_name(words, knowledge):  # "* Promoted Jane Roe to ..."
                name = " ".join(words[1:])
                hit = Hit(hit.end - len(name), hit.end, name, "person", hit.source)
        out.append(hit)
    return out


# "a PhD in Applied Decision Sciences from ...", "a BS in Systems Engineering": a field of
# study after a degree, not an organisation.
FIELD_CUE = re.compile(
    r"(?:\b(?:degrees?|diploma|doctorate|majors?|majored|specialization|concentration|"
    r"Masters?|Master['’]s|Bachelors?|Bachelor['’]s|PhD|Ph\.D\.|MBA|M\.B\.A\.|EdD|Ed\.D\.|"
    r"BS|BA|MS|MA|MSc|BSc|BEng|MEng|B\.Eng|M\.Eng|B\.S\.|B\.A\.|M\.S\.|M\.A\.|"
    r"(?:Master|Bachelor|Doctor|Associate)[ ]of[ ](?:\w+[ ]){0,2}?\w+)[ ]in)[ ]+(?:the[ ]+)?$"
)


def is_field_of_study(text: str, start: int) -> bool:
    """The span at ``start`` follows "<degree> in": a field of study."""
    return bool(FIELD_CUE.search(text[max(0, start - 60) : start]))


def only_org_words(name: str, knowledge: Knowledge) -> bool:
    """ "Institute", "Capital Partners": organisation endings alone name nothing; a
    publication's title may be made of them ("Consulting Magazine", "Capital Gazette")."""
    words = [_bare(w) for w in name.split() if w.lower() not in CONNECTOR_WORDS]
    if len(words) > 1 and words[-1] in PUBLICATION_ENDINGS:
        return False
    return bool(words) and all(w in knowledge.org_tails for w in words)


def is_award(name: str, label: str = "organization", knowledge: Knowledge | None = None) -> bool:
    """ "National Medal of Science", "Acme Legacy Award": an award, not an organisation (nor,
    for the prize words, a person). Organisations also do not name themselves with a clause
    ("Brands That Matter") or a superlative of plain words ("Most Influential Company")."""
    pattern = AWARD if label == "organization" else PERSON_AWARD
    if pattern.search(name.strip()):
        return True
    if label != "organization":
        return False
    words = name.split()
    if any(w in CLAUSE_WORDS for w in words[1:]):
        return True
    return (
        knowledge is not None
        and len(words) >= 3
        and words[0] in SUPERLATIVES
        and all(is_common(w, knowledge.lexicon) for w in words if w.lower() not in CONNECTOR_WORDS)
    )


# "a leading global Contract Development and Manufacturing Organization": after an indefinite
# article, a Title-case run ending in a word for a kind of organisation describes one.
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)[ ](?:[a-z][\w-]*[ ]){0,4}$")
KIND_NOUNS = {
    "organization",
    "organisation",
    "company",
    "firm",
    "provider",
    "manufacturer",
    "developer",
    "agency",
    "institution",
    "nonprofit",
    "non-profit",
    "charity",
    "network",
    "producer",
    "supplier",
    "distributor",
    "operator",
    "platform",
    "consultancy",
}


def is_description(text: str, start: int, end: int) -> bool:
    """The span after "a"/"an" (and lower-case words) ends in a kind of organisation: it
    says what something is, it does not name it."""
    words = text[start:end].split()
    return (
        len(words) >= 2
        and words[-1].lower() in KIND_NOUNS
        and bool(_INDEFINITE.search(text[max(0, start - 60) : start]))
    )


def described_acronyms(text: str, hits: list[Hit]) -> set[str]:
    """ "a Site Management Organization (SMO)": the acronym of a description is a term too."""
    out = set()
    for h in hits:
        m = _ACRONYM_AFTER.match(text, h.end) if h.start >= 0 else None
        if m and h.label == "organization" and is_description(text, h.start, h.end):
            out.add(m.group(1))
    return out


_ACRONYM_AFTER = re.compile(r"[ ]\(([A-Z]{2,8})\)")


# Post words that can also end an organisation's name ("Palm Quarn School Board").
ORG_POST_ENDINGS = frozenset({"board", "head", "master", "member", "members"})


def ends_in_post(name: str, knowledge: Knowledge) -> bool:
    """ "Coach & Behavioral Scientist", "Licensed Captains", "Fractional VP": a phrase of two
    or more words ending in a post (or its plural), or one word of two posts ("Producer/
    Owner"), describes people, it names no organisation."""
    words = name.split()
    if not words:
        return False
    head, of, _ = name.partition(" of ")
    if of and has_org_suffix(head, knowledge):
        return False  # "Association of Quarn Journalists": a body of people with that post
    posts = knowledge.role_words - NOT_POSTS - ORG_POST_ENDINGS
    # "Committee Co-Chair", "Producer/Owner": a shared post, or two posts in one word.
    parts = words[-1].strip(",.").lower().removeprefix("co-").split("/")
    for last in parts:
        single = last[:-1] if last.endswith("s") else last
        if last in knowledge.org_suffixes or single in knowledge.org_suffixes:
            return False
        if not (last in posts or single in posts or single == "captain"):
            return False
    return len(words) >= 2 or len(parts) >= 2


def is_sentence_opener(text: str, start: int, end: int) -> bool:
    """A single word opening a sentence that is a sentence adverb or participle ("However,",
    "Headquartered in"), or any word ending in -ly followed by a comma ("Notably,")."""
    word = text[start:end]
    if " " in word or not word[:1].isupper():
        return False
    before = text[max(0, start - 80) : start].rstrip(" \t")
    if before and before[-1] not in '.!?\n:;”"*-–—':
        return False
    low = word.lower()
    return low in SENTENCE_OPENERS or (low.endswith("ly") and text[end : end + 1] == ",")


def _has_head(words: list[str], knowledge: Knowledge) -> bool:
    """Two words of ``words`` form an organisation head ("School of", "Center for")."""
    return any(f"{w} {n}" in knowledge.org_heads for w, n in pairwise(words))


def _org_shaped(piece: str, knowledge: Knowledge, known: set[str]) -> bool:
    words = piece.split()
    if not words:
        return False
    last = _bare(words[-1])
    headed = _has_head(words, knowledge)
    if (
        key(piece) not in known
        and last not in knowledge.org_tails | knowledge.org_suffixes
        and not headed  # "Brill School of Design"
    ):
        return False
    # "University Commission" names no one: some word must not be an organisation word.
    return any(
        _bare(w) not in knowledge.org_tails
        and _bare(w) not in GENERIC_UNIT
        and w.lower() not in CONNECTOR_WORDS
        for w in words
    )


# A legal form that ends a name: at the end of a span, or before "and" and the next name.
LEGAL_FORM = r"Inc|LLC|Ltd|Corp|PLC|GmbH|AG|LLP"
LEGAL_FORM_END = re.compile(rf",?[ ](?:{LEGAL_FORM}|S\.A)\.?$")
FIRM_OF_PARTNERS = re.compile(
    rf"(?:[ ]&[ ](?:Co\.|Company|Associates|Partners)|{LEGAL_FORM_END.pattern})"
)
LEGAL_FORM_AND = re.compile(rf"(?:{LEGAL_FORM})\.?([ ]and[ ])(?=[A-Z])")


def _and_cuts(
    name: str, knowledge: Knowledge, known_orgs: set[str], known_people: set[str]
) -> list[tuple[int, int]]:
    """Pieces of a name that joins two organisations with "and" ("Acme Partners and Brightwell
    Capital", "Boston-based Acme and Denver-based Brightwell Ventures", "Jane Roe and Acme
    Strategies"): split when both sides are organisation-shaped (an organisation ending, or
    named on its own elsewhere in the release), when one side is a person named elsewhere, when
    a "<place>-based" modifier opens the right side, or when a title opens the right side ("Acme
    Education and Senior Vice Provost for ..."). A person piece is dropped."""
    pieces: list[tuple[int, int]] = []
    start = 0
    if m := BASED.match(name):
        start = m.end()
    for m in AND.finditer(name, start):
        left = name[start : m.start()]
        right_start = m.end()
        based = BASED.match(name[right_start:])
        right_core_start = right_start + (based.end() if based else 0)
        right = name[right_core_start:]
        first_right = right.split()[0] if right.split() else ""
        left_person = key(left) in known_people
        title_led = len(right.split()) > 1 and (
            _bare(first_right) in knowledge.titles
            or _bare(first_right) in knowledge.role_words
            or _bare(first_right) in POST_OPENERS
        )
        # "Acme Collision and Acme Auto Glass" beside "Acme" alone: two units of one maker.
        shared = (
            len(left.split()) > 1
            and len(right.split()) > 1
            and left.split()[0] == first_right
            and key(first_right) in known_orgs
        )
        # "Quarn Fuels, Inc. and Vell Fusion": a legal form ends the name before it.
        legal_left = bool(LEGAL_FORM_END.search(left)) and first_right[:1].isupper()
        # "Department of Fish and Wildlife": two plain fields of one name.
        plain_field = " " not in right.strip() and is_common(right, knowledge.lexicon)
        if plain_field and FIELD_END.search(left):
            continue
        # "Legacy Painting and Renovating, Inc.": one plain word and a legal form is the end of
        # one firm's name, no firm of its own.
        core = LEGAL_FORM_END.sub("", right).strip(" ,")
        if core != right.strip() and " " not in core and is_common(core, knowledge.lexicon):
            continue
        # "Acme + Brightwell Agency": a plus joins a brand and its agency when one side is a
        # body the release names or shapes like one ("HeyDay Marketing + PR" is one name).
        plus = (
            m.group(0).strip() == "+"
            and right.strip() not in SERVICE_INITIALS
            and (
                _org_shaped(left, knowledge, known_orgs)
                or _org_shaped(right, knowledge, known_orgs)
            )
        )
        # "at Stripe and Uber": two one-word names, one a well-known firm's.
        famous_pair = (
            len(left.split()) == len(right.split()) == 1
            and left.strip() != right.strip()
            and bool({left.strip(), right.strip()} & knowledge.known_org_names)
        )
        split = (
            plus
            or famous_pair
            or based is not None
            or title_led
            or shared
            or legal_left
            or (
                _org_shaped(right, knowledge, known_orgs)
                and (left_person or _org_shaped(left, knowledge, known_orgs))
            )
        )
        if not split or not left.strip():
            continue
        if not left_person:
            pieces.append((start, m.start()))
        start = right_core_start
        if title_led:
            # "Senior Vice Provost for Acme University": the post goes, the place it is held
            # stays (no preposition: the whole post goes).
            post = re.search(r"[ ](?:of|for|at|with)[ ]+(?:the[ ]+)?", name[start:])
            start = start + post.end() if post else len(name)
    if start < len(name):
        pieces.append((start, len(name)))
    return pieces


def _doubled(span: str) -> int | None:
    """ "Acme Labs Acme Labs" (an About header run into its first sentence): length of the
    first copy, or None."""
    words = span.split()
    n = len(words)
    if n >= 2 and n % 2 == 0 and words[: n // 2] == words[n // 2 :]:
        return len(" ".join(words[: n // 2]))
    return None


# "Quarnby School District", "Vell Health System": an institution word the name ended at,
# then the word for the body that runs it.
INSTITUTION_END = re.compile(
    r"(?:School|Schools|Hospital|Health|Water|Fire|Library|Park|Parks|Transit|University|"
    r"College|Utility|Sanitation|Irrigation|Conservation)$"
)
BODY_AFTER = re.compile(r"[ ](?:District|Board|System|Authority)\b")


# "... Department of Fish" + " and Wildlife": a name whose "of/for" field ends where a
# second plain field joins it; "DFW Car" + " and Toy Museum": plain words up to a body word.
FIELD_END = re.compile(r"[ ](?:of|for)[ ][A-Z][a-z]+$")
# Where the name's words stop: punctuation, or a word in lower case.
_NAME_STOP = r"(?=[ ]?[,.;:)]|[ ][a-z(])"
AND_FIELD = re.compile(rf"[ ]and[ ]([A-Z][a-z]+){_NAME_STOP}")
AND_BODY = re.compile(rf"[ ]and[ ]((?:[A-Z][a-z]+[ ]){{1,2}}([A-Z][a-z]+)){_NAME_STOP}")
IN_FIELD = re.compile(
    rf"[ ](?:in|on|for|of)[ ](?:the[ ])?((?:[A-Z][a-z]+[ ]){{0,2}}[A-Z][a-z]+){_NAME_STOP}"
)


def extend_across_and(
    text: str, hits: list[Hit], knowledge: Knowledge, gazetteer: Gazetteer
) -> None:
    """An organisation span the model stopped at "and", "in", "on", "for" or "of" takes the
    rest of its name: a second plain field after an "of/for" field ("Society for Ethics" + "
    and Humanities"), plain words up to an institution word ("Quarn Car" + " and Toy
    Museum"), or the plain field of a body ("Certifying Board" + " in Medical Records",
    "State Council" + " on the Arts")."""
    lexicon = knowledge.lexicon
    for hit in hits:
        if hit.label != "organization" or hit.start < 0:
            continue
        if FIELD_END.search(hit.text) and (m := AND_FIELD.match(text, hit.end)):
            words = [m.group(1)]
        elif m := AND_BODY.match(text, hit.end):
            words = m.group(1).split()
            if m.group(2).lower() not in INSTITUTION_ENDS | {"museum", "center", "centre"}:
                continue
        elif (
            _bare(hit.text.split()[-1]) in INSTITUTION_ENDS
            and (m := IN_FIELD.match(text, hit.end))
            and not gazetteer.candidates(m.group(1))  # "School" + " in Santa Rosa": a place
        ):
            words = m.group(1).split()
        else:
            continue
        if WHEN_TAIL.search(text, hit.start, m.end(1)):
            continue  # "Quarn Foundation" + " on Monday": when, not its field
        if all(is_common(w, lexicon) for w in words):
            hit.end = m.end(1)
            hit.text = text[hit.start : hit.end]


def extend_institutions(text: str, hits: list[Hit]) -> None:
    """An organisation span cut after its institution word takes the body word after it
    ("Quarnby School" + " District")."""
    for hit in hits:
        if hit.label != "organization" or hit.start < 0 or not INSTITUTION_END.search(hit.text):
            continue
        if m := BODY_AFTER.match(text, hit.end):
            hit.end = m.end()
            hit.text = text[hit.start : hit.end]


# Words after a name, through a connector the model stops at, up to an acronym in brackets:
# "... Center for Excellence" + " in Desert Agriculture (YCEDA)".
TAIL_TO_ACRONYM = re.compile(
    rf"((?:[ ](?:in|on|at|of|for|and|&|the)(?:[ ]{CAP}){{1,4}})+)[ ]?\([“\"]?([A-Z]{{2,8}})[”\"]?\)"
)


def extend_to_acronym(text: str, hits: list[Hit]) -> None:
    """An organisation span cut before a connector takes the words up to the acronym it
    defines, when the acronym spells the longer name's initials ("Yuma Center for
    Excellence" + " in Desert Agriculture (YCEDA)")."""
    for hit in hits:
        if hit.label != "organization" or hit.start < 0:
            continue
        m = TAIL_TO_ACRONYM.match(text, hit.end)
        if m and initials(hit.text + m.group(1)) == m.group(2):
            # The acronym vouches for the whole span, "in" and all: no shape rule for model
            # spans applies to it.
            hit.end += len(m.group(1))
            hit.text = text[hit.start : hit.end]
            hit.source = "acronym"


# A fund's series number in Roman numerals is part of its name ("Quarn Growth Fund II"); a
# lower-case word after it makes the "I" a pronoun opening a clause ("... Fund I think").
SERIES_NUMERAL = re.compile(r"[ ](I{1,3}|IV|VI{0,3}|IX|X)(?![\w’'-])(?![ ]+[a-z])")
SERIES_HOLDERS = frozenset({"Fund", "Partners", "Ventures", "Capital", "Trust", "Holdings"})
# An exchange-traded fund's name ends in "ETF", which the model leaves out ("Quarn Copper
# Miners" + " ETF").
FUND_TAIL = re.compile(r"[ ](?:ETF|ETN)\b(?![’'-])")


def extend_to_series_numeral(text: str, hits: list[Hit]) -> None:
    """An organisation ending in a fund's word takes the Roman numeral after it; one followed
    by "ETF" takes that."""
    for hit in hits:
        if hit.label != "organization" or hit.start < 0:
            continue
        m = FUND_TAIL.match(text, hit.end)
        if m is None and hit.text.rsplit(" ", 1)[-1] in SERIES_HOLDERS:
            m = SERIES_NUMERAL.match(text, hit.end)
        if m:
            hit.end = m.end()
            hit.text = text[hit.start : hit.end]


def extend_to_known_names(text: str, hits: list[Hit]) -> None:
    """A model organisation that the words before it make into a name the release uses
    elsewhere ("Quarn" + "Global Inc.", where "Quarn Global Inc." stands) takes those words;
    a model person whose first word ends a person named elsewhere takes the word before it
    ("Jane" + "Ann Roe", where "Jane Ann" stands)."""
    known = {key(h.text) for h in hits if h.label == "organization" and h.start >= 0}
    # "Jane Ann" named alone and "Ann Roe" as read: "Jane Ann Roe", a double given name.
    people = {key(h.text) for h in hits if h.label == "person" and h.start >= 0}
    for hit in hits:
        if hit.label == "person" and hit.source == "ner" and hit.start >= 0:
            lead = LEADING_WORDS.search(text, max(0, hit.start - 30), hit.start)
            first = hit.text.split()[0] if hit.text.split() else ""
            if lead and len(hit.text.split()) >= 2:
                word = lead.group(0).split()[-1]
                if key(f"{word} {first}") in people:
                    hit.start -= len(word) + 1
                    hit.text = text[hit.start : hit.end]
            continue
        if hit.label != "organization" or hit.source != "ner" or hit.start < 0:
            continue
        lead = LEADING_WORDS.search(text, max(0, hit.start - 60), hit.start)
        if lead is None:
            continue
        words = lead.group(0).split()
        # Not past a determiner or a sentence's first word ("The Acme" opens a sentence).
        if any(w in DETERMINERS for w in words):
            words = words[max(i for i, w in enumerate(words) if w in DETERMINERS) + 1 :]
        for n in range(len(words), 0, -1):
            longer = " ".join(words[-n:]) + " " + hit.text
            if key(longer) in known:
                hit.start -= len(longer) - len(hit.text)
                hit.text = text[hit.start : hit.end]
                break


DETERMINERS = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "Their", "About"})
LEADING_WORDS = re.compile(r"(?:[A-Z][\w&.-]*[ ]){1,3}$")
# A standard's code ("ISO 9001", "IEC 62304") names a norm, not the body that wrote it.
STANDARD_CODE = re.compile(r"(?:ISO|IEC|ASTM|ANSI|EN|IEEE)(?:[ /-]?[A-Z]{0,3})?[ ]?\d[\d.:-]*")


def refine_orgs(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """Cut organisation mentions found by the model or the rules down to the name: lists split
    at commas and at "and" between two organisations, an unclosed parenthesis cut off ("Acme
    Institute (AI"), a role or unit before "of/for/at" dropped ("Co-Founder of Acme", "Policy
    for Acme Global"), a possessive owner dropped ("Acme's Board of Directors"), a leading title
    dropped ("CFO Acme Labs"), a doubled name halved ("Acme Labs Acme Labs"); spans that are
    code, a post, a unit ("Board of Directors") or an award are not organisations."""
    known_orgs = {key(h.text) for h in hits if h.label == "organization" and " and " not in h.text}
    known_people = {key(h.text) for h in hits if h.label == "person"}
    out: list[Hit] = []
    for hit in hits:
        if hit.label != "organization" or hit.source not in ("ner", "pattern") or hit.start < 0:
            out.append(hit)
            continue
        if CODE_CHARS.search(hit.text) or STANDARD_CODE.fullmatch(hit.text):
            continue
        if text[hit.start - 2 : hit.start] == ", " and _bare(hit.text.split()[0]) in POSTS:
            continue  # "Jane Roe, SVP Operations & Fleet Solutions at Acme": her post
        # "Abel, Brook, Cray & Dane" written the same way twice or more is one name, not a
        # list the model ran together.
        repeated = PARTNER_NAME.match(hit.text) and text.count(hit.text) >= 2
        # "Hospitality, Resort and Timeshare Group" (``listed_unit_names``) is one name too.
        whole = repeated or LISTED_UNIT_NAME.fullmatch(hit.text)
        pieces = [(0, len(hit.text))] if whole else _comma_cuts(hit.text)
        if hit.source == "ner":
            pieces = [
                (a + c, a + d)
                for a, b in pieces
                for c, d in _preposition_cuts(hit.text[a:b], knowledge, known_orgs)
            ]
        for a, b in pieces:
            piece = hit.text[a:b]
            if text[hit.start + b : hit.start + b + 6] == "-based" and " and " in piece:
                # "Acme Partners and Ostend" + "-based Brightwell": the last item is a place.
                b = a + piece.rindex(" and ")
                piece = hit.text[a:b]
            for c, d in _and_cuts(piece, knowledge, known_orgs, known_people):
                # "Jane Roe of Acme Group": a person named elsewhere, then where she works.
                of = PERSON_OF.match(piece[c:d])
                if of and key(of.group(1)) in known_people:
                    c += of.end()
                elif of and _person_of_firm(of.group(1), knowledge):
                    # "represented by Tanner Roe of Quarn International": her, then her firm.
                    p_start = hit.start + a + c
                    name = of.group(1)
                    out.append(Hit(p_start, p_start + len(name), name, "person", "pattern"))
                    c += of.end()
                start, end = hit.start + a + c, hit.start + a + d
                for s_, e_ in _owner_cut(text, start, end, knowledge, known_orgs):
                    refined = _refine_one(text, s_, e_, hit, knowledge)
                    if refined is not None:
                        out.append(refined)
    return _whole_repeated_names(text, out)


def _person_of_firm(name: str, knowledge: Knowledge) -> bool:
    """Two or three words opening with a given name, no well-known body's name ("Morgan
    Stanley") and no body's word last ("North Quarnby Chamber"), before "of"/"at" in a body's
    span."""
    return (
        len(name.split()) in (2, 3)
        and given_name_first(name, knowledge)
        and name not in knowledge.known_org_names
        and _bare(name.split()[-1]) not in knowledge.org_words
    )


def _whole_repeated_names(text: str, hits: list[Hit]) -> list[Hit]:
    """Pieces of a repeated comma name ("Bones", "Cray & Dane" inside "Abel, Bones, Cray &
    Dane") are mentions of the whole name wherever it is written out."""
    names = {
        h.text
        for h in hits
        if h.label == "organization" and PARTNER_NAME.match(h.text) and text.count(h.text) >= 2
    }
    if not names:
        return hits
    spans = sorted(
        (m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)
    )
    out: list[Hit] = []
    covered: set[tuple[int, int]] = set()
    for hit in hits:
        span = next((sp for sp in spans if sp[0] <= hit.start and hit.end <= sp[1]), None)
        if hit.label != "organization" or hit.source not in ("ner", "pattern") or span is None:
            out.append(hit)
        elif span not in covered:
            covered.add(span)
            out.append(Hit(span[0], span[1], text[span[0] : span[1]], "organization", hit.source))
    return out


def _owner_cut(
    text: str, start: int, end: int, knowledge: Knowledge, known: set[str]
) -> list[tuple[int, int]]:
    """ "Acme University's Brill School of Law": an owner and what it owns, two organisations,
    when what follows the possessive is organisation-shaped and the owner is one too (it has an
    organisation ending, or is named elsewhere in the release without the possessive, or what
    it owns opens with an organisation head: "X's Brill School of Law"). What it owns must be a
    name: a head, or a word that is no common English word ("X's Law School" stays whole).
    Eponyms stay whole ("Cure Quorvel's Fund", "Brill Quorvel's Disease Center")."""
    span = text[start:end]
    m = POSSESSIVE_SPLIT.search(span)
    if m is None:
        return [(start, end)]
    owner, owned = span[: m.start()], span[m.end() :]
    owner_words, owned_words = owner.split(), owned.split()
    if owner_words and owner_words[-1] in (*PLURAL_OWNER_NOUNS, "People"):
        return [(start, end)]  # "X Children's Hospital": one institution, not an owner
    if (
        key(owner) in known
        and owned_words
        and all(is_common(w, knowledge.lexicon) for w in owned_words if w[:1].isupper())
        and not _has_head(owned_words, knowledge)
        and _bare(owned_words[-1]) not in knowledge.org_tails
    ):  # "Acme Clinic's Concierge Medicine" beside "Acme Clinic": a programme of Acme Clinic
        return [(start, start + m.start())]
    headed = _has_head(owned_words, knowledge)
    if is_generic_unit(owned, knowledge) or not (headed or _org_shaped(owned, knowledge, known)):
        return [(start, end)]
    proper = any(
        w[:1].isupper()
        and not is_common(w, knowledge.lexicon)
        and _bare(w) not in knowledge.org_tails
        for w in owned_words
    )
    if not owner_words or not (headed or proper):
        return [(start, end)]  # "X's Law School": a generic unit of X
    named_alone = re.search(rf"(?<![\w’']){re.escape(owner)}(?![\w]|['’]s)", text)
    if not (headed or named_alone or _bare(owner_words[-1]) in knowledge.org_tails):
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]


def _after_post(text: str, start: int, knowledge: Knowledge) -> bool:
    """ "Director of |Communication for X": the span follows a post and "of/for"."""
    before = text[max(0, start - 40) : start].split()
    return (
        len(before) >= 2
        and before[-1].lower() in ("of", "for")
        and (_bare(before[-2]) in POSTS or _bare(before[-2]) in knowledge.titles)
    )


def _unit_cut(
    text: str, start: int, words: list[tuple[int, int, str]], i: int, knowledge: Knowledge
) -> bool:
    """Whether the unit or post before the preposition at ``words[i]`` goes: always after a
    post ("Chair of the X Committee"), but a name made of unit words ("National Board of Trial
    Advocacy") keeps them unless what follows is organisation-shaped ("Business Development at
    Acme Group") or the span follows a post ("Director of Communication for X")."""
    before = [_bare(w[2]) for w in words[:i]]
    if any(w in POSTS or w in knowledge.titles for w in before if w not in DEPARTMENTS):
        return True
    after = " ".join(w[2] for w in words[i + 1 :])
    after = after[4:] if after.startswith("the ") else after
    proper = any(not is_common(w, knowledge.lexicon) for w in after.split() if w[:1].isupper())
    return proper or _after_post(text, start, knowledge) or _org_shaped(after, knowledge, set())


def _defined_acronym(text: str, start: int, end: int) -> bool:
    """ "Business Leadership Council (BLC)": a name defined with its initials is a name, even
    when every word of it is a unit word."""
    m = re.match(r"\s*\(([A-Z]{2,6})\)", text[end : end + 12])
    if m is None:
        return False
    initials = "".join(w[0] for w in text[start:end].split() if w[0].isupper())
    return m.group(1) == initials


# A title that opens bodies' names as an adjective ("General Federation of ...", "General
# Electric"): no post before the name.
ADJECTIVE_TITLES = frozenset({"general"})


def _refine_one(text: str, start: int, end: int, hit: Hit, knowledge: Knowledge) -> Hit | None:
    span = text[start:end]
    if span.startswith(("About ", "ABOUT ")) and len(span) > 6:
        start += 6
        span = text[start:end]
    if (half := _doubled(span)) is not None:
        end = start + half
        span = text[start:end]
    paren = span.find("(")
    if paren > 0 and ")" not in span[paren:]:
        end = start + paren
        span = text[start:end]
    if (m := POSSESSIVE_SPLIT.search(span)) and is_generic_unit(span[m.end() :], knowledge):
        # "Acme's Board of Directors", "Acme's HQ": the unit goes, its owner stays.
        owner = span[: m.start()]
        if not owner or not owner[:1].isupper() or is_generic_unit(owner, knowledge):
            return None
        end = start + m.start()
        span = text[start:end]
    if (g := GERUND.match(span)) and is_common(g.group(1), knowledge.lexicon):
        # "Supporting Acme Clinic's mission" opening a sentence: the verb is no part of a name
        # the release writes elsewhere without it.
        rest = span[g.end() :]
        before = text[max(0, start - 80) : start].rstrip(" \t")
        if (not before or before[-1] in '.!?\n“"') and text.count(rest) >= 2:
            start += g.end()
            span = rest
    words = _words(span, start)
    if _head_at(span, knowledge.org_heads) is None:
        for i, (_s, _e, word) in enumerate(words[:-1]):
            if word.lower() in PREPOSITIONS and i > 0:
                before = " ".join(w[2] for w in words[:i])
                if is_generic_unit(before, knowledge) and _unit_cut(
                    text, start, words, i, knowledge
                ):
                    j = i + 1
                    if j < len(words) - 1 and words[j][2].lower() == "the":
                        j += 1
                    start = words[j][0]
                break
    first = next((w for w in words if w[0] >= start), None)
    while (
        first is not None
        and _bare(first[2]) in knowledge.titles
        and _bare(first[2]) not in ADJECTIVE_TITLES
        and first[1] < end
    ):
        nxt = text[first[1] : end]
        start = first[1] + len(nxt) - len(nxt.lstrip())
        first = next((w for w in words if w[0] >= start), None)
    if (t := TRAILING_CONNECTOR.search(text[start:end])) is not None:
        end = start + t.start()
        if (p := TRAILING_PAREN.search(text[start:end])) is not None and p.start() > 0:
            end = start + p.start()  # "Bitcoin (BTC) and": the short form goes with the "and"
    tail = text[start:end].split()
    if (
        len(tail) >= 3
        and _bare(tail[-1]) in TRAILING_POSTS
        and _bare(tail[-2]) in knowledge.org_tails
    ):  # "the Acme Boost Fund Fellow": her post after the fund's name
        end = start + text[start:end].rindex(" ")
    span = text[start:end]
    parts = span.split()
    if (  # "BUSINESS LEADERSHIP COUNCIL BLC": a heading and the initials it stands for
        len(parts) >= 3
        and parts[-1].isupper()
        and parts[-1] == "".join(w[0] for w in parts[:-1] if w[0].isupper())
    ):
        end = start + span.rindex(" ")
    new = trimmed_hit(text, start, end, "organization", hit.source, knowledge)
    if new is None or (
        is_generic_unit(new.text, knowledge) and not _defined_acronym(text, new.start, new.end)
    ):
        return None
    if (new.start, new.end) == (hit.start, hit.end):
        return hit
    new.canonical, new.aliases = hit.canonical, hit.aliases
    return new


# "Acme Ridge appoints Jane Roe ...", "Acme Ridge welcomes ...": who appoints, hires or
# acquires in a release is an organisation, even when its name reads like a person's
# ("Stradley Ronon", "Crete United").
APPOINTER = re.compile(
    r"^[ ](?:appoints|names|welcomes|hires|promotes|taps|elects|acquires|has[ ]appointed|"
    r"has[ ]named|has[ ]hired|has[ ]acquired|announced[ ]the[ ]appointment|"
    r"announces[ ]the[ ]appointment)\b"
)


def appointers(text: str, hits: list[Hit], knowledge: Knowledge) -> set[str]:
    """Keys of model "person" names that appoint, hire or acquire someone in the text."""
    found = set()
    names = {h.text for h in hits if h.label == "person" and h.source == "ner" and h.start >= 0}
    for name in names:
        for m in word_pattern(name, r"\w-", r"\w-").finditer(text):
            before = text[max(0, m.start() - 30) : m.start()].split()
            if before and _bare(before[-1]) in knowledge.titles:
                continue  # "Governor Jane Roe appoints ...": a person after all
            if APPOINTER.match(text[m.end() : m.end() + 40]):
                found.add(key(name))
                break
    return found


# "the Jean C. and James W. Crystal Professor of Neurology", "the Ada Roe Chair in X": a named
# professorship or chair; the names in it are donors, not people in the release.
NAMED_CHAIR = re.compile(
    r"\bthe[ ]((?:(?:[A-Z][\w.'’-]*|and|&)[ ]){1,10}?)"
    r"(?:Distinguished[ ])?(?:Professor|Professorship|Chair|Fellow|Lecturer)\b"
    r"(?=[ ](?:of|in|and|for)\b)"
)


def named_chairs(text: str) -> list[tuple[int, int]]:
    """Spans of the donor names in named professorships and chairs."""
    return [(m.start(1), m.end(1)) for m in NAMED_CHAIR.finditer(text)]


# "1110 Bonifant St.", "44 Harrow Lane": a street address, not a name.
STREET = re.compile(
    r"\b(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Pkwy|Parkway|"
    r"Ct|Court|Pl|Place|Hwy|Highway|Suite|Ste)\.?$"
)


# Words that end a street's name and no person's or firm's ("Quarn Hubbard Way", "Vell Str.").
STREET_ONLY = re.compile(
    r"[ ](?:Street|Str|Avenue|Ave|Boulevard|Blvd|Road|Way|Parkway|Pkwy|St\.|Dr|Rd|Ln"
    r"|Tollway|Highway|Hwy|Freeway|Expressway|Turnpike)\.?$"
)


TITLE_BEFORE = re.compile(
    r"\b(?:Senator|Sen\.|Representative|Rep\.|Mr\.|Mrs\.|Ms\.|Dr\.|Mayor|Judge|Governor"
    r"|Gov\.|Commissioner|Councilmember)[ ]$"
)


def is_street_address(text: str, start: int, end: int) -> bool:
    """A span after a house number that ends like a street name, or one that ends in a word
    only streets end in."""
    before = text[max(0, start - 12) : start].rstrip()
    span = text[start:end]
    if STREET_ONLY.search(span):
        # "Senator Jane Street": a title before it makes it a person's name.
        return TITLE_BEFORE.search(text[max(0, start - 16) : start]) is None
    # The house number before the span or, when the model took it in, inside it.
    numbered = re.search(r"\d+[A-Za-z]?$", before) or re.match(r"\d+[A-Za-z]?[ ]", span)
    return bool(STREET.search(span)) and bool(numbered)


# Buildings and rooms where events take place. A "Center" is one only with an event word before
# it ("Convention Center"); a community or medical centre is as often an organisation.
VENUE_END = re.compile(
    r"(?:\b(?:Convention|Expo|Exhibition|Conference|Events?|Civic|Performing[ ]Arts)[ ]"
    r"Cent(?:er|re)|\b(?:Hotel|Casino|Ballroom|Arena|Stadium|Lounge|Theat(?:er|re)|Amphitheat(?:er|re)|"
    r"Coliseum|Fairgrounds|Ballpark|Auditorium|Headquarters|HQ))$"
)
ONLY_VENUE_END = re.compile(
    r"[ ](?:Stadium|Amphitheat(?:er|re)|Coliseum|Ballpark|Fairgrounds|Ballroom)$"
)
# How an event's place is introduced: "at the X", "to the X from", "Location: X", "venue, X".
VENUE_BEFORE = re.compile(r"(?:\b(?:at|to|inside|Location:|venue,)(?:[ ]the)?|Venue:)[ ]$")


BULLET_ITEM = re.compile(r"(?m)^[ \t]*[*•·▪‣-][ \t]+(\S[^\n]*)$")
ITEM_HEAD_END = re.compile(r"[ ]\(|[ ][-–—][ ]|:[ ]|,[ ]|$")
ACRONYM_WORD = re.compile(r"[A-Z]{2,5}(?:/[A-Z]{2,5})?")
# Endings that make a name of plain words an organisation's all the same ("Sunrise Bank").
INSTITUTION_ENDS = frozenset(
    {"bank", "foundation", "association", "institute", "university", "college", "school"}
    | {"society", "council", "church", "hospital", "agency", "department", "ministry", "club"}
    | {"authority", "commission", "group", "company", "corporation", "trust", "fund"}
)


# Heads of institutions, "Universiti" and "Universidad" among them, for two joined by "and".
INSTITUTION_HEADS = frozenset(
    {"university", "universiti", "universidad", "université", "universität", "college"}
    | {"institute", "hospital", "academy", "school", "seminary"}
)


# "US National Institutes of Health": a country's short name written before a known body.
COUNTRY_PREFIX = re.compile(r"(?:U\.S\.|US|USA|U\.K\.|UK|United States)[ ]")


def cut_country_prefix(hits: list[Hit], knowledge: Knowledge) -> None:
    """A country's name before a well-known body's name ("US National Institutes of
    Health") is no part of it, unless the body is known with it ("U.S. Army")."""
    known = knowledge.known_org_names
    for hit in hits:
        m = COUNTRY_PREFIX.match(hit.text)
        if (
            hit.label == "organization"
            and hit.start >= 0
            and m is not None
            and hit.text not in known
            and hit.text[m.end() :] in known
        ):
            hit.aliases.append(hit.text)  # the spelling written stays one of the body's
            hit.start += m.end()
            hit.text = hit.text[m.end() :]


def paired_institutions(hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """ "Quarn Universiti Sains and Vesk Valley University" read as one name: two
    institutions joined by "and" are two bodies, each with a head word of its own; so are
    two well-known bodies joined by "&" or "and" ("Walmart & Target")."""
    out: list[Hit] = []
    known = knowledge.known_org_names
    for hit in hits:
        left, sep, right = hit.text.partition(" and ")
        if not sep:
            left, sep, right = hit.text.partition(" & ")
        if (
            hit.label == "organization"
            and hit.start >= 0
            and sep
            and " and " not in right
            and " & " not in right
            and (
                (
                    sep == " and "
                    and any(_bare(w) in INSTITUTION_HEADS for w in left.split())
                    and any(_bare(w) in INSTITUTION_HEADS for w in right.split())
                )
                or (left in known and right in known)
            )
        ):
            right_start = hit.start + len(left) + len(sep)
            out.append(Hit(hit.start, hit.start + len(left), left, hit.label, hit.source))
            out.append(Hit(right_start, hit.end, right, hit.label, hit.source))
            continue
        out.append(hit)
    return out


def _plain_phrase(name: str, knowledge: Knowledge) -> bool:
    """Every word a plain English word, an acronym or a joiner ("PR & Communications",
    "Organic & Paid Social"), at least one a plain word, the last no institution's."""
    content = [w.strip(",.;:()") for w in name.split()]
    content = [w for w in content if w and w != "&" and w.lower() not in FUNCTION_WORDS]
    plain = 0
    for word in content:
        # "COACHING SESSIONS", "MONETARY GRANT": a plain word in capitals is as plain.
        if word.isupper() and len(word) >= 4 and word.isalpha():
            word = word.capitalize()
        if ACRONYM_WORD.fullmatch(word):
            continue
        # "Community-Driven", "Gold-backed": each part a plain word, the first capitalised.
        parts = word.split("-") if word.count("-") == 1 else [word]
        parts_plain = all(
            (part[:1].isupper() if i == 0 else part[:1].isalpha())
            and part[1:].islower()
            and is_common(part, knowledge.lexicon)
            for i, part in enumerate(parts)
        )
        if not parts_plain:
            return False
        plain += 1
    # A strong organisation ending makes a name ("Quarn Laboratories", "Plain Relief
    # International"), however plain its other words.
    return (
        plain > 0
        and content[-1].lower() not in INSTITUTION_ENDS
        and not _org_end(name, knowledge, strong=True)
    )


def service_lists(text: str, hits: list[Hit], knowledge: Knowledge) -> set[int]:
    """Ids of organisations read inside a bulleted list of services or topics: a list of
    three or more items whose heads are mostly plain phrases ("* PR & Communications", "*
    Direct Mail Campaigns (print and digital)"). A plain phrase there, named nowhere else,
    is an item of the list, not a name; a real name ("Quarnby Labs") is no plain phrase."""
    if not knowledge.lexicon:
        return set()
    spans: list[tuple[int, int]] = []
    for run in _bullet_runs(text):
        heads = [ITEM_HEAD_END.split(r.group(1), maxsplit=1)[0] for r in run]
        if len(run) >= 3 and 3 * sum(_plain_phrase(h, knowledge) for h in heads) >= 2 * len(run):
            # Each item up to a spaced dash: what follows one ("- Jane Roe, COO of Acme
            # Plain Method") credits someone, and names as a credit does.
            for r in run:
                dash = re.search(r"[ ][-–—][ ]", r.group(1))
                spans.append((r.start(1), r.start(1) + dash.start() if dash else r.end(1)))
    # The same list run into a sentence: "Managed Services, IT Consulting & Strategy, Virtual
    # CIO, Secure AI, Cloud Services and more".
    for m in INLINE_LIST.finditer(text):
        cued = SERVICES_BEFORE.search(text, max(0, m.start() - 80), m.start()) or MORE_AFTER.match(
            text, m.end()
        )
        if not cued:
            continue  # "Recognized by Dateline, The Today Show, CNN, Court TV, ...": names
        items = list(re.finditer(TITLE_RUN, m.group()))
        if 3 * sum(_plain_phrase(i.group(), knowledge) for i in items) >= 2 * len(items):
            spans += [(m.start() + i.start(), m.start() + i.end()) for i in items]
    if not spans:
        return set()
    return {
        id(h)
        for h in hits
        if h.label == "organization"
        and h.source in ("ner", "pattern")
        and in_spans(h, spans)
        and _plain_phrase(h.text, knowledge)
        and _times_named(text, h.text) == 1
    }


def _times_named(text: str, name: str) -> int:
    """How often ``name`` stands in ``text`` as a whole word."""
    return len(word_pattern(name).findall(text))


def _bullet_runs(text: str, item_line: re.Pattern[str] = BULLET_ITEM) -> list[list[re.Match[str]]]:
    """Runs of consecutive bulleted lines (blank lines between them allowed)."""
    runs: list[list[re.Match[str]]] = []
    for item in item_line.finditer(text):
        if runs and not text[runs[-1][-1].end() : item.start()].strip():
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


# A short line with no sentence in it: an item of a list written without bullets, one name
# to a line ("Atlas Health System" / "Brightwell Labs" / ...).
BARE_ITEM = re.compile(r"(?m)^[ \t]*([A-Z0-9][^\n.!?:;,“”\"]{1,58}[^\n.!?:;,“”\" ])[ \t]*$")
MIN_BARE_RUN = 4


def _list_runs(text: str) -> list[list[re.Match[str]]]:
    """Bulleted runs of three or more lines, and runs of four or more bare short lines."""
    runs = [run for run in _bullet_runs(text) if len(run) >= 3]
    runs += [run for run in _bullet_runs(text, BARE_ITEM) if len(run) >= MIN_BARE_RUN]
    return runs


# A heading that says what a bulleted list holds: "EVENT SPONSORS", "Our partners:".
SPONSOR_HEADING = re.compile(
    r"(?i)\b(?:sponsors?|partners|members|exhibitors|supporters|donors|underwriters"
    r"|vendors|investors|funders)\b[^\n]{0,20}:?[ \t]*$"
)


def from_sponsor_lists(text: str, knowledge: Knowledge) -> list[Hit]:
    """The items of a bulleted list under a heading of sponsors, partners, members or the
    like ("EVENT SPONSORS" then "* Quarnby General Store") are organisations: each item a
    short name on its own, not a person's ("* Supervisor Jane Roe" stays the model's)."""
    hits: list[Hit] = []
    for run in _bullet_runs(text):
        line_end = run[0].start() - 1
        before = text[: max(0, line_end)].rstrip("\n")
        heading = before[before.rfind("\n") + 1 :]
        if not heading.strip() or len(heading) > 60 or not SPONSOR_HEADING.search(heading):
            continue
        for item in run:
            name = item.group(1).strip().rstrip(".;,")
            words = name.split()
            if not 1 <= len(words) <= 6 or not NAME_HEAD.fullmatch(name):
                continue
            if any(w.casefold() in knowledge.given_names for w in words[:-1]) and len(words) >= 2:
                continue  # a person's name, maybe after a post
            hits.append(
                Hit(item.start(1), item.start(1) + len(name), name, "organization", "pattern")
            )
    return hits


NAME_HEAD = re.compile(
    r"(?:[A-Z0-9]|[a-z]+[A-Z])[\w.&'’+-]*(?:[ ](?:of|for|and|&|the|de|[A-Z0-9][\w.&'’+-]*)){0,5}"
)


def from_name_lists(
    text: str, knowledge: Knowledge, gazetteer: Gazetteer, hits: list[Hit]
) -> list[Hit]:
    """Heads of a bulleted list of names ("* Quarnby: “Noisy rooms...”", "* Brellwick Labs –
    gold sponsor"), or, in a list of categories, the names after the last colon ("* Best in
    Class: Innovation: Quarnsoft"): in a run of three or more items whose heads (or tails)
    are mostly names, no plain phrases, each one that is no person and no place is an
    organisation."""
    people = {key(h.text) for h in hits if h.label == "person"}
    out = []
    for run in _list_runs(text):
        for names in (
            _list_names(run, _item_head, knowledge),
            _list_names(run, _item_tail, knowledge),
        ):
            if not names:
                continue
            for start, end, name in names:
                if key(name) in people or gazetteer.known(name) is not None:
                    continue
                if given_name_first(name, knowledge):
                    continue
                out.append(Hit(start, end, name, "organization", "pattern"))
            break
    return out


def _item_head(item: str) -> tuple[int, str]:
    """An item's head: up to a colon, dash, comma or bracket."""
    return 0, ITEM_HEAD_END.split(item, maxsplit=1)[0].rstrip(":")


def _item_tail(item: str) -> tuple[int, str]:
    """An item's tail: what follows its last colon ("" when it has none)."""
    cut = item.rfind(": ")
    return (cut + 2, item[cut + 2 :].rstrip(". ")) if cut > 0 else (0, "")


def _list_names(
    run: list[re.Match[str]], part: Callable[[str], tuple[int, str]], knowledge: Knowledge
) -> list[tuple[int, int, str]]:
    """The name-shaped parts (``part`` of each item) of a run, if at least three are read and
    two in three of them are names, not plain phrases; else none."""
    read: list[tuple[int, int, str]] = []
    for r in run:
        offset, name = part(r.group(1))
        if not name or NAME_HEAD.fullmatch(name) is None:
            continue
        if any(c.isdigit() for c in name) or WEEKDAY_WORD.match(name):
            continue
        start = r.start(1) + offset
        read.append((start, start + len(name), name))
    names = [h for h in read if not _plain_phrase(h[2], knowledge)]
    # Items whose part is no name shape ("7-Quarn", a sentence) count neither way.
    if len(read) < 3 or 3 * len(names) < 2 * len(read):
        return []
    return read


WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


PAREN_TAIL = re.compile(r"((?:[ ][A-Z][a-z]+){1,4})\)")


def in_title_case_notice(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """A span that opens a bracketed Title Case notice whose other words are plain words
    ("(U.S. Cell Phones Only)", "(Acme Members Only)"): the model cut the notice, it named
    no organisation."""
    if text.rfind("(", max(0, start - 2), start) < 0:
        return False
    m = PAREN_TAIL.match(text, end)
    return m is not None and all(
        is_common(w, knowledge.lexicon) and w.lower() not in knowledge.org_suffixes
        for w in m.group(1).split()
    )


SHORT_FORM_AFTER = re.compile(r"\b([A-Z][a-z]{3,})[ ]\($")


def short_form_of_a_word(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """ "Biotechnology (BioTech)", "Biomedical Sciences (BioMed)": a bracketed short form whose
    letters run, in order, through the plain word before it, is that word's, not a name."""
    if text[end : end + 1] != ")":
        return False
    m = SHORT_FORM_AFTER.search(text[max(0, start - 40) : start])
    if m is None or not is_common(m.group(1), knowledge.lexicon):
        return False
    word, letters = iter(m.group(1).lower()), text[start:end].lower()
    return letters.isalpha() and all(c in word for c in letters)


DOUBLED = re.compile(r"([A-Z][\w&'’-]{2,})[ ]\1\b")
GLUED_PLACE = re.compile(r"(?<=[a-z])[A-Z][a-z]+$")


# A post held in the body, run into its name: "Quarn Media VP of Research".
POST_OF_TAIL = re.compile(
    r"(?<=\w)[ ](?:(?:Senior|Executive|Vice|Deputy|Assistant|Associate)[ ])*"
    r"(?:VP|SVP|EVP|Vice[ ]President|Director|Manager|Chief[ ]\w+[ ]Officer)[ ]of[ ].+$"
)


ADJECTIVE_TAIL = re.compile(r"[ ](?:and|&)[ ](?:International|National|Global|Regional|Local)$")
LOWER_WORD_AFTER = re.compile(r"[ ][a-z]")
WHERE_LISTED = re.compile(r"[A-Z][\w.]*-(?:listed|headquartered|registered|quoted)[ ]+(?=[A-Z])")


def span_cuts(
    text: str, start: int, name: str, label: str, gazetteer: Gazetteer, knowledge: Knowledge
) -> tuple[int, int, str]:
    """How far to move a person's or organisation's span start and end, and its label after:
    what lost line breaks glued to it, a heading glued before it, or for an organisation a
    unit's name before a person ("Director of " + "Compliance Jane Roe": the person), a
    post before the body ("Owner of Quarn Treasures"), where it is listed ("London-listed")
    or an adjective after "and" that opens a phrase ("... and International bestselling")."""
    cut_start, cut_end = glued_cut(name, gazetteer)
    if not (cut_start or cut_end):
        cut_start = heading_glue_start(name, knowledge)
    if label == "organization" and not (cut_start or cut_end):
        # "London-listed Quarn Bank Group", "Nasdaq-listed Vesk Inc.": where it trades or sits.
        if (where := WHERE_LISTED.match(name)) and len(name) > where.end():
            return where.end(), 0, label
        # "Quarn Academy and International bestselling author": the adjective opens a phrase.
        tail = ADJECTIVE_TAIL.search(name)
        if tail and LOWER_WORD_AFTER.match(text, start + len(name)):
            return 0, len(tail.group()), label
        if lead := unit_before_person(text, start, name, knowledge):
            return lead, 0, "person"
        # "Quarn Park Foundation on Monday": when, not part of the name.
        if tail := WHEN_TAIL.search(name):
            return 0, len(tail.group()), label
        # "SRS Capital Markets Senior" + " Managing Principal Jane Roe": the rank is her post's.
        if (rank := RANK_TAIL.search(name)) and POST_AFTER_RANK.match(text, start + len(name)):
            return 0, len(rank.group()), label
        cut_start = post_of_institution(name, knowledge)
        if not cut_start and (tail := POST_OF_TAIL.search(name)):
            cut_end = len(name) - tail.start()  # "Quarn Media VP of Research": her post
        elif not cut_start:
            cut_end = owner_cut(name, knowledge)
    return cut_start, cut_end, label


WHEN_TAIL = re.compile(
    rf"[ ]on[ ](?:{WEEKDAY_WORD.pattern}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:[ ]\d{1,2})?)$"
)
# Words of rank that open a post ("Senior Managing Principal").
_RANK = r"(?:Senior|Executive|Chief|Managing|Associate|Assistant|Deputy)"
RANK_TAIL = re.compile(rf"[ ]{_RANK}$")
POST_AFTER_RANK = re.compile(
    r"[ ](?:Managing|Vice|Director|Partner|Principal|Officer|President|Manager|Counsel|Editor"
    r"|Analyst|Associate|Advisor|Adviser|Consultant|Engineer|Scientist)\b"
)
OWNED = re.compile(r"['’]s[ ][A-Z]")


RANK_HEAD = re.compile(rf"{_RANK}[ ]")


def is_post_phrase(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """ "Senior Equity Research" + " Analyst, Quarn JMP": a rank, a field and a post word
    after the span make a post, not a body; so do plain words after a comma ("Jane Roe,
    Data Protection" + " Officer at Quarn")."""
    if not POST_AFTER_RANK.match(text, end):
        return False
    if RANK_HEAD.match(text, start, end):
        return True
    return text.endswith(", ", 0, start) and _plain_words(text[start:end], knowledge) is not None


def owner_cut(name: str, knowledge: Knowledge) -> int:
    """How much to cut off a body's span after its possessive, when what owns is itself named
    like a body and what is owned follows ("Quarn Partnership’s Clean Harbor Initiative",
    "QuarnNEF’s Energy Outlook"): the programme or report is no part of the name. A plain
    owner keeps the whole ("Nationwide Children's Hospital", "Bob’s Red Mill")."""
    m = OWNED.search(name)
    if m is None:
        return 0
    owner = name[: m.start()]
    owner_words = owner.split()
    body_like = (bool(owner_words) and _bare(owner_words[-1]) in knowledge.org_tails) or (
        " " not in owner and (re.search(r"[a-z][A-Z]", owner) is not None or owner.isupper())
    )
    return len(name) - m.start() if body_like and len(owner) > 1 else 0


def glued_cut(name: str, gazetteer: Gazetteer) -> tuple[int, int]:
    """How far to move a name's start and end to cut what lost line breaks glued to it
    (``names.unglue``, else ``doubled_or_town_glued``) or a code the model read with it
    (``code_after_institution``)."""
    cut = unglue(name)
    if cut == (0, 0):
        cut = doubled_or_town_glued(name, gazetteer)
    if cut == (0, 0):
        cut = (place_owner(name, gazetteer), 0)
    return cut if cut != (0, 0) else (0, code_after_institution(name, gazetteer))


# A long plain word with the next line's first word glued to it: "Key Responsibilities" +
# "Quarnex, a ..." read as "Key ResponsibilitiesQuarnex". Brands glue short words ("PayPal",
# "BlackRock"); a heading's last word of nine letters or more is no part of one.
HEADING_GLUE = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{8,})(?=[A-Z])")


def heading_glue_start(name: str, knowledge: Knowledge) -> int:
    """Where the name starts after a heading that lost its line break ("Statements from
    LeadershipJane Roe" -> "Jane Roe"); 0 when no heading is glued to it."""
    start = 0
    for m in HEADING_GLUE.finditer(name):
        if is_common(m.group(1), knowledge.lexicon):
            start = m.end()
    return start


# "Co-Director and Principal Faculty of the ": posts (capitalised words and conjunctions) and
# "of (the)" before the body they are posts of.
POSTS_OF = re.compile(
    r"^((?:[A-Z][\w-]*|and|&)(?:[ ](?:[A-Z][\w-]*|and|&)){0,5})[ ]of[ ](?:the[ ])?"
)


def post_of_institution(name: str, knowledge: Knowledge) -> int:
    """How many characters of a post opening an organisation span to cut ("Co-Director and
    Principal Faculty of the Quarn Stem Cell Institute"): a post, its words and "of the"
    before a name that ends in an organisation word, or nothing but posts and "of" before a
    name ("Owner of Quarn Treasures"), or posts before a firm's name ("Managing Partner
    Quarn & Company")."""
    m = POSTS_OF.match(name)
    if m is None:
        return _leading_posts(name, knowledge)
    post = m.group(1).split()
    if not is_person_post(post[0], knowledge):
        return 0
    rest = name[m.end() :].split()
    # "Owner of Quarn Treasures": nothing but a post before "of".
    only_posts = all(_is_post_word(w, knowledge) or w in ("and", "&") for w in post)
    if len(rest) >= 2 and (_bare(rest[-1]) in knowledge.org_tails or only_posts):
        return m.end()
    return 0


def _leading_posts(name: str, knowledge: Knowledge) -> int:
    """ "Managing Partner Quarn & Company": posts before a name with a firm's ending."""
    words = name.split(" ")
    lead = 0
    while lead < len(words) - 1 and _is_post_word(words[lead], knowledge):
        lead += 1
    if lead == 0 or _bare(words[lead - 1]) in POST_OPENERS:
        return 0  # "Senior Quarn & Co.": an opener alone is no post
    rest = " ".join(words[lead:])
    # Only a legal form vouches: a post word may open a name ("Creator Sports Network").
    return len(name) - len(rest) if FIRM_OF_PARTNERS.search(rest) else 0


PLACE_OWNER = re.compile(r"([A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)['’]s[ ](?=[A-Z])")


def place_owner(name: str, gazetteer: Gazetteer) -> int:
    """How many characters of a country's or state's possessive opening a name to cut
    ("Quarnland’s Legislative Yuan", "Texas’s Jane Roe"): the place owns it, it is not part
    of its name."""
    m = PLACE_OWNER.match(name)
    if m is None:
        return 0
    place = gazetteer.known(m.group(1))
    return m.end() if place is not None and place.kind in ("country", "subdivision") else 0


# "accepted to Quarnby University ED": an admission round's code after a school's name.
INSTITUTION_CODE = re.compile(
    r"\b(?:University|College|School|Institute|Academy)"
    r"(?:[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)?[ ]([A-Z]{2,4})$"
)


def code_after_institution(name: str, gazetteer: Gazetteer) -> int:
    """How many characters of a short code in capitals after an institution's word to cut;
    a place's code ("Quarn College USA") stays."""
    m = INSTITUTION_CODE.search(name)
    if m is None or gazetteer.known(m.group(1)) is not None:
        return 0
    return len(m.group(1)) + 1


def doubled_or_town_glued(name: str, gazetteer: Gazetteer) -> tuple[int, int]:
    """How far to move a name's start and end: past a doubled first word ("Acme Acme Labs":
    a header run into its line; "Walla Walla", a place, stays) and off a town glued to a
    one-word CamelCase name ("QuarnWireAustin": a contact line without its breaks)."""
    if (m := DOUBLED.match(name)) and gazetteer.known(m.group(0)) is None:
        return len(m.group(1)) + 1, 0
    # "Quarn Pharmaceuticals Quarn": a header, then its paragraph opening with the short name
    # ("Quarn Bank of Quarn" is a name).
    words = name.split(" ")
    if len(words) >= 3 and words[-1] == words[0] and words[-2].lower() not in FUNCTION_WORDS:
        return 0, len(words[-1]) + 1
    town = GLUED_PLACE.search(name)
    glued = town is not None and " " not in name and INNER_CAPITAL.search(name[: town.start()])
    if town is not None and glued and gazetteer.cities(town.group(0)):
        return 0, len(town.group(0))
    return 0, 0


INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def venues(text: str, hits: list[Hit], given_names: frozenset[str] = frozenset()) -> set[int]:
    """Ids of model organisations that name a venue ("at the Quarn Convention Center", "at
    Quarn Hotel in ..."): where an event is held, not who holds it. Labels, like subscribers,
    treat a venue as a place at most; the organisation reading is dropped when some mention
    of the name is introduced as a venue."""
    named = [h for h in hits if h.label == "organization" and h.start >= 0]
    venue_keys = {
        key(h.text)
        for h in named
        if h.source in ("ner", "pattern")
        and VENUE_BEFORE.search(text[max(0, h.start - 14) : h.start])
        and (VENUE_END.search(h.text) or STREET_NUMBER_AFTER.match(text, h.end))
    }
    # Some ends name a venue wherever it stands ("the Quarn Family Amphitheater").
    venue_keys |= {
        key(h.text)
        for h in named
        if h.source in ("ner", "pattern") and ONLY_VENUE_END.search(h.text)
    }
    out = {id(h) for h in named if h.source in ("ner", "pattern") and key(h.text) in venue_keys}
    # A hotel chain's name with more words is one of its hotels ("the Quarnby Marriott
    # Marquis", "Hilton Union Square"), read by the model as a firm or a person.
    out |= {
        id(h)
        for h in hits
        if h.label in ("organization", "person")
        and h.source in ("ner", "pattern")
        and HOTEL_CHAIN.search(h.text)
        and " " in h.text.strip()
        # "Jane Marriott": a person named like a chain.
        and h.text.split()[0].casefold() not in given_names
    }
    return out


# "at the Quarn Hall, 333 Vell Street": a venue given with its street address.
STREET_NUMBER_AFTER = re.compile(r",[ ]\d{1,5}[ ][A-Z]")
HOTEL_CHAIN = re.compile(
    r"\b(?:Hilton|Marriott|Hyatt|Sheraton|Westin|Ritz-Carlton|InterContinental|Fairmont|"
    r"Wyndham|Radisson|Four[ ]Seasons|Mandarin[ ]Oriental)\b"
)


FUNCTION_WORDS = CONNECTOR_WORDS | {
    "a",
    "an",
    "to",
    "in",
    "on",
    "by",
    "with",
    "from",
    "you",
    "your",
}
# A name is read after these ("an analyst at X", "the X", "founder of X", "rated by X"); a
# heading or a feature name is not.
NAME_CONTEXT = {"the", "at", "of", "from", "by", "to", "through", "with", "for", "joined", "join"}
# A name is the subject of a reporting or business verb; a heading runs into a sentence.
SUBJECT_VERB = re.compile(
    r"[ ](?:announce[sd]|said|says|acted|launche[sd]|reported|reports|acquired|appoint(?:s|ed)|"
    r"name[sd]|welcome[sd]|hire[sd]|promote[sd]|partnered|partners[ ]with|has|is|was)\b"
)
TITLE_RUN = r"[A-Z][\w'’.-]*(?:[ ](?:of|and|&|for|the)?[ ]?[A-Z][\w'’.-]*)*"
NEXT_ITEM = re.compile(rf"[ ]?(?:,[ ]+(?:and[ ]+|&[ ]+)?|[ ]+(?:and|&)[ ]+)({TITLE_RUN})")
PREV_ITEM = re.compile(rf"({TITLE_RUN})(?:,[ ]+(?:and[ ]+|&[ ]+)?|[ ]+(?:and|&)[ ]+)$")
# What says an inline list holds services: a word for them and "including" before it, or
# "and more" after it.
SERVICES_BEFORE = re.compile(
    r"\b(?:services|offerings|solutions|capabilities|specialties|disciplines|practice[ ]areas)"
    r"\b[^.;:]{0,25}?(?:including|such[ ]as|like|include|includes|:)[ ]+$"
)
MORE_AFTER = re.compile(r"[ ]+(?:and[ ]more|and[ ]others|etc)\b")
# Five or more title-case items in one sentence, split by commas (the last may follow "and").
INLINE_LIST = re.compile(
    rf"(?<![\w&])(?:{TITLE_RUN}),[ ](?:{TITLE_RUN},[ ]){{3,}}(?:and[ ])?(?:{TITLE_RUN})"
)


# Organisation endings that are also what a firm offers ("Commerce Services", "Battery
# Storage Systems"): after plain words alone they end a phrase as often as a name.
GENERIC_ENDINGS = frozenset(
    {"services", "systems", "solutions", "software", "resources", "technologies", "health"}
    | {"energy", "marketing", "media", "finance", "insurance", "consulting", "engineering"}
    | {"logistics", "strategies", "supplies", "supply", "designs", "networks", "network"}
    | {"construction", "manufacturing", "transportation", "transport", "markets", "brands"}
)


# Short forms a release writes in capitals as it writes plain words in Title Case.
TECH_TERMS = frozenset({"AI", "EV", "EVs", "IoT", "SaaS", "AR", "VR", "XR", "ML", "API", "5G"})


def registered_slogan(text: str, start: int, name: str, knowledge: Knowledge) -> bool:
    """ "Quarn - the Resale Company®": after "the", plain words and a firm's ending with a
    trademark sign are a slogan, not a registered name ("the Quarn Foundation®" is one)."""
    return (
        text.endswith("the ", 0, start)
        and name not in knowledge.known_org_names
        and _plain_words(name, knowledge, endings=False) is not None
    )


def _plain_words(name: str, knowledge: Knowledge, endings: bool = True) -> list[str] | None:
    """The content words of ``name`` when it is made only of plain capitalised English words
    (and, with ``endings``, names no organisation ending); else None."""
    content = []
    raws = name.split()
    for i, raw in enumerate(raws):
        word = re.sub(r"['’]s$", "", raw.strip(',.:;()"“”'))
        if not word or word.lower() in FUNCTION_WORDS:
            continue
        if word in TECH_TERMS and i < len(raws) - 1:
            # "EV Charging projects"; last, it is a firm's mark ("Blue Quarn AI").
            content.append(word)
            continue
        # "Full-Service": each part a plain word.
        for part in word.split("-") if word.count("-") == 1 else [word]:
            if not (part[:1].isupper() and part[1:].islower() and part.isalpha()):
                return None  # an acronym, CamelCase, a number: not a plain word
            lower = part.lower()
            if (
                endings
                and lower not in GENERIC_ENDINGS
                and (lower in knowledge.org_tails or lower in knowledge.org_suffixes)
            ):
                return None
            if not is_common(part, knowledge.lexicon):
                return None
        content.append(word)
    return content


# Endings of nouns of quality, state or action ("Scalability", "Alignment", "Expertise").
ABSTRACT_ENDING = re.compile(r"(?:ity|ness|ment|tion|sion|ance|ence|ism|ure|ise)s?$")


def is_abstract_noun(word: str, knowledge: Knowledge) -> bool:
    """A plain word that names a quality, state or action, and no organisation's ending
    ("Insurance", "Association")."""
    lower = word.lower()
    return bool(ABSTRACT_ENDING.search(lower)) and not _org_end(lower, knowledge)


def _org_end(name: str, knowledge: Knowledge, strong: bool = False) -> bool:
    """``name`` ends in an organisation's word, singular or plural ("Organizations"); with
    ``strong``, one that no plain phrase ends in ("Institute", "Inc."; not "Services")."""
    last = name.split()[-1].strip(",.").lower() if name.split() else ""
    if strong and last in GENERIC_ENDINGS:
        return False
    return any(
        word in knowledge.org_tails or word in knowledge.org_suffixes
        for word in (last, last.removesuffix("s"))
    )


BODY_OF = re.compile(r"([A-Z][a-z]+)[ ]of[ ][A-Z]")


def common_word_orgs(text: str, hits: list[Hit], knowledge: Knowledge) -> set[int]:
    """Ids of organisation hits that are phrases of common words, not names: section headings
    and feature lists run into the text ("Vulnerability Management", "Protecting Businesses
    from ...", "Billing & Payments, Rapid Coding"). Such a span (two or more plain English
    words, no organisation ending, not opening with "The") is dropped when it occurs once in the
    release, is not read where a name is read ("at X", "the X", "founder of X", "the platform
    X", "X's", "X announced", "X is"), does not follow a post ("Jane Roe, Senior Officer,
    Plain Words") and is not listed beside a name that is not such a phrase ("A, Plain Words
    and Brightquill")."""
    if not knowledge.lexicon:
        return set()
    # "Acme Collision" beside "Acme" named alone: a unit of a named maker, not a phrase.
    makers = {h.text for h in hits if h.label == "organization" and " " not in h.text}
    out: set[int] = set()
    for h in hits:
        if h.label != "organization" or h.start < 0 or h.source not in ("ner", "pattern"):
            continue
        if h.text in knowledge.known_org_names:
            continue  # "Google", "Target": a well-known body's name, however plain its words
        if " " not in h.text and any(
            f"{h.text} {ending}" in knowledge.known_org_names for ending in CORPORATE_ENDINGS
        ):
            continue  # "Caterpillar" as the model reads it: "Caterpillar Inc.", well known
        # A name seldom opens with "A": "A National Network of Plain Support" is a heading,
        # whatever word it ends in.
        article = h.text.startswith(("A ", "An "))
        words = _plain_words(h.text, knowledge, endings=not article)
        if words is None or h.text.startswith("The "):
            continue
        # One plain word is a phrase only as the model's reading, named once ("a lifelong
        # Hoosier", "the Member Perks program"); a rule found it for a reason.
        if len(words) < 2 and (len(h.text.split()) > 1 or h.source != "ner"):
            continue
        if len(words) > 1 and h.text.split()[0] in makers:
            continue
        # "North Quarnby Chamber of Commerce": a body's word before "of" heads a body's name.
        head = BODY_OF.search(h.text)
        if head and not article and head.group(1).lower() in knowledge.org_words:
            continue
        # "Korean Economic Daily": a publication; "Turner & Townsend": two family names.
        last = h.text.split()[-1].lower()
        if last in PUBLICATION_ENDINGS or _surname_partners(h.text, knowledge):
            continue
        # Plain words ending in an abstract noun ("Organizational Alignment", "Valuation
        # Adjustment") name a quality or a practice however often and wherever they stand,
        # unless the release calls them a firm ("acquired Quarn Asset Management, a ...
        # firm") and names them again.
        abstract = len(words) > 1 and is_abstract_noun(words[-1], knowledge)
        if abstract and _times_named(text, h.text) > 1 and _described_as_firm(text, h.text):
            continue
        if not abstract:
            if _times_named(text, h.text) > 1:
                continue
            before = text[max(0, h.start - 40) : h.start].split()
            prev = before[-1].lower() if before and text[h.start - 1 : h.start] == " " else ""
            if prev in NAME_CONTEXT or prev in knowledge.org_nouns:
                continue
            if text[h.end : h.end + 2] in ("'s", "’s") or SUBJECT_VERB.match(text, h.end):
                continue
        items = []
        if (m := NEXT_ITEM.match(text, h.end)) and (
            len(words) > 1 or re.match(r",|[ ](?:and|&)[ ]", text[m.end() : m.end() + 5])
        ):  # a single word before ", Jane Roe said" opens no list
            items.append(m.group(1))
        if m := PREV_ITEM.search(text[max(0, h.start - 80) : h.start]):
            items.append(m.group(1))
            if any(w.lower().strip(",&") in knowledge.role_words for w in m.group(1).split()):
                continue  # a roster line: "Jane Roe, Senior Officer, Plain Words"
        # A neighbour is a name when it is not plain words or ends as an organisation does
        # ("..., Quarn Donors Association, Plain Life America, ...": a list of bodies).
        if any(
            _plain_words(i, knowledge, endings=False) is None or _org_end(i, knowledge)
            for i in items
        ):
            continue
        out.add(id(h))
    return out


def _surname_partners(name: str, knowledge: Knowledge) -> bool:
    """Two family names joined by "&", a partnership's style ("Turner & Townsend")."""
    left, sep, right = name.partition(" & ")
    return bool(sep) and all(
        part.isalpha() and part[:1].isupper() and part.casefold() in knowledge.surnames
        for part in (left, right)
    )


# "Quarn Asset Management, a New York-based wealth management firm": an appositive that
# calls the name a firm.
FIRM_APPOSITIVE = re.compile(
    r",[ ](?:a|an|the)[ ][^.;,()\n]{0,60}?\b(?:firm|company|provider|agency|bank|fund|manager"
    r"|practice|consultancy|studio|group|platform|startup|developer|maker|operator|lender)\b"
)


def _described_as_firm(text: str, name: str) -> bool:
    return any(
        FIRM_APPOSITIVE.match(text, m.end()) for m in word_pattern(name).finditer(text)
    )


# A post and "of", or a post and a comma, before a unit's name: "Director of Talent
# Relations", "Senior Manager, Channel Partnerships, Acme".
POST_BEFORE_UNIT = re.compile(r"(?:^|[ ])([A-Za-z-]+)(?:[ ]of|,)[ ]$")
# Posts held in a unit of a body; "Founder of", "CEO of", "Chairman, ..." are held in the
# body itself ("Founder, Rise & Shine").
UNIT_POSTS = frozenset(
    {"director", "head", "manager", "lead", "leader", "vp", "svp", "evp", "avp", "analyst"}
)
# "Senior Vice President of Managed Care", "Executive Vice President for Homeland Security":
# a vice president heads a unit, named by plain words.
VICE_PRESIDENT_OF = re.compile(r"\bVice[ -]President[ ](?:of|for)[ ](?:the[ ])?$")
# A unit noun after the name: "in its Utilities, Power & Energy Capital Markets team".
UNIT_AFTER = re.compile(
    r"[ ](?:team|teams|group|division|department|unit|practice|segment|desk|industry|"
    r"industries|sector|sectors)\b"
)


def unit_before_person(text: str, start: int, name: str, knowledge: Knowledge) -> int:
    """How many characters of an organisation span name the unit of a post before a person
    ("Director of " + "Compliance Jane Roe"); 0 when the span is no unit and name."""
    before = POST_BEFORE_UNIT.search(text[max(0, start - 40) : start])
    if before is None or before.group(1).lower() not in knowledge.role_words:
        return 0
    words = name.split()
    for i in range(1, len(words) - 1):
        person = " ".join(words[i:])
        if (
            len(words) - i <= 3
            and words[i].casefold() in knowledge.given_names
            and given_name_first(person, knowledge)
            # "Era Helium": no one; "Fletcher", a plain word, is a surname of the lists too.
            and (
                not is_common(words[-1], knowledge.lexicon)
                or words[-1].casefold() in knowledge.surnames
            )
            and _plain_words(" ".join(words[:i]), knowledge, endings=False) is not None
        ):
            return len(name) - len(person)
    return 0


# "17 Sustainable Development Goals", "Phase 2", "Citations 1": a count or a number with
# plain words, a list's item or a step, no body ("Channel 4" and "Studio 54" are names).
NUMBERED = re.compile(r"^\d{1,3}[ ](?P<after>.+)$|^(?P<before>.+?)[ ]\d{1,3}(?:\.\d)?$")
NUMBERED_NAMES = frozenset({"channel", "studio", "club", "station", "area", "route", "pier"})


def numbered_phrase(name: str, knowledge: Knowledge) -> bool:
    """Plain words with a number before or after them (see ``NUMBERED``)."""
    m = NUMBERED.match(name.strip())
    if m is None:
        return False
    words = m.group("after") or m.group("before")
    if any(w.lower() in NUMBERED_NAMES for w in words.split()):
        return False
    return _plain_words(words, knowledge, endings=True) is not None


def departments(text: str, hits: list[Hit], knowledge: Knowledge) -> set[int]:
    """Ids of organisation hits of plain words that name a unit or a field of work, not a
    body: after a post ("Head of Creative Technology", "Senior Manager, Channel
    Partnerships") or before a word for a unit or trade ("Green Tech and Financial Services
    industries")."""
    out: set[int] = set()
    for h in hits:
        if h.label != "organization" or h.start < 0 or h.source not in ("ner", "pattern"):
            continue
        words = _plain_words(h.text, knowledge, endings=False)
        if words is None:
            continue
        window = text[max(0, h.start - 40) : h.start]
        before = POST_BEFORE_UNIT.search(window)
        # A long run of plain words after "Director of" names a body more often.
        after_post = len(words) <= 4 and (
            (before is not None and before.group(1).lower() in UNIT_POSTS)
            or VICE_PRESIDENT_OF.search(window) is not None
        )
        # "Restructuring and Reorganization Practice Group": a law firm's unit.
        practice = h.text.endswith((" Practice Group", " Practice Groups"))
        if after_post or practice or UNIT_AFTER.match(text, h.end):
            out.add(id(h))
    return out


# "Girl Scouts of Southeast Florida", "United Way of Greater Quarnby": an organisation's
# chapter is named by the organisation and the place it serves.
CHAPTER_OF = re.compile(
    r"[ ]of[ ](?:the[ ])?((?:(?:Greater|Northern|Southern|Eastern|Western|Central|North|South|"
    r"East|West|Northeast|Northwest|Southeast|Southwest|Upstate|Metro|Metropolitan)[ ])?"
    r"([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b(?![ ]?[A-Z&'’-])"
)


CHAPTER_WORD = re.compile(r"[ ](?:Society|Chapter|Club|Guild|League)$")
CHAPTER_CITY = re.compile(r"[ ](([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b(?![ ]?[A-Z&'’-])")


def chapters(text: str, hits: list[Hit], gazetteer: Gazetteer) -> list[Hit]:
    """An organisation followed by "of <a place the gazetteer knows>", or a society or club
    followed by the place alone, is named with the place (a chapter); the place and whatever
    else lay inside that span go with it."""
    out = list(hits)
    for hit in hits:
        # "Quarn Roofing, Inc. of Tulsa": a legal form ends the firm's name; where it is follows.
        if hit.label != "organization" or hit.start < 0 or LEGAL_FORM_END.search(hit.text):
            continue
        m = CHAPTER_OF.match(text, hit.end)
        # "CFA Society Los Angeles": a society's or club's chapter named by its city alone.
        if m is None and CHAPTER_WORD.search(hit.text):
            m = CHAPTER_CITY.match(text, hit.end)
        if m is None or gazetteer.known(m.group(2)) is None:
            continue
        end = m.end(1)
        chapter = Hit(hit.start, end, text[hit.start : end], "organization", hit.source)
        out = [h for h in out if not (h.start >= 0 and hit.start <= h.start and h.end <= end)]
        out.append(chapter)
    return sorted(out, key=lambda h: h.start)


# Words naming a unit or a programme run by an organisation.
UNIT_WORDS = frozenset(
    {"program", "programme", "initiative", "project", "division", "unit", "department", "lab"}
    | {"laboratory", "team", "office", "center", "centre", "school", "institute", "clinic"}
)
BOARD_OF = re.compile(
    r"(?:Board[ ]of[ ])?(?:Governors|Regents|Trustees|Directors|Overseers|Visitors)[ ]"
    r"(?:for|of)[ ](?:the[ ])?(?=[A-Z])"
)
INNER_POSSESSIVE = re.compile(r"['’]s[ ]")


PLURAL_NOUN_OWNERS = (*PLURAL_OWNER_NOUNS, "People", "Veterans", "Workers")


def owners_of_units(hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """ "University of Quarn’s Race Track Program": an organisation, by its ending or its
    head, owning a unit or programme is named without it; "Regents for the X University
    System": a board is named by the organisation it governs."""
    # Names the release uses on their own, without a possessive after them.
    alone = {
        key(h.text)
        for h in hits
        if h.label == "organization" and h.start >= 0 and not INNER_POSSESSIVE.search(h.text)
    }
    out = []
    for hit in hits:
        board = BOARD_OF.match(hit.text) if hit.label == "organization" else None
        if board and hit.start >= 0 and board.end() < len(hit.text):
            # "(Board of) Regents for the University System of X": the board's organisation.
            start = hit.start + board.end()
            hit = Hit(start, hit.end, hit.text[board.end() :], "organization", hit.source)
        m = INNER_POSSESSIVE.search(hit.text)
        # "Federation of Women's Clubs": a plural noun's possessive is inside the name.
        if m and hit.text[: m.start()].endswith(PLURAL_NOUN_OWNERS):
            m = None
        if hit.label == "organization" and hit.start >= 0 and m:
            owner, unit = hit.text[: m.start()], hit.text[m.end() :]
            words = owner.split()
            is_org = has_org_suffix(owner, knowledge) or _has_head(words, knowledge)
            if is_org and unit.split() and unit.split()[-1].lower() in UNIT_WORDS:
                hit = _opening(hit, owner)
            elif key(owner) in alone and unit.split() and hit.source in ("ner", "pattern"):
                # "Quarn’s BrokerView", "QRA's Plain Division": what a body the release names
                # on its own has; the thing is a body itself only by a strong ending
                # ("Quarn.com’s Quarn Research Institute").
                out.append(_opening(hit, owner))
                if _org_end(unit, knowledge, strong=True):
                    start = hit.start + m.end()
                    out.append(Hit(start, hit.end, unit, "organization", hit.source))
                continue
        out.append(hit)
    return out


def _surname_in_s(word: str, lexicon: frozenset[str]) -> bool:
    """ "Holmes", "Jones": a word the lexicon knows whole but not without its "s" is a
    surname, no plural ("Elizabeth Holmes" is a person, not a team of Elizabeth, NJ)."""
    lower = word.lower()
    return lower in lexicon and lower[:-1] not in lexicon and lower[:-2] not in lexicon


# "played for the Denver Quarnhawks", "the San Francisco 49ers": a team, named by its city and
# a plural.
TEAM = re.compile(
    r"(?:\b(?:the|for|with|by|against|former|of|and)|[,&])[ ]((?:[A-Z][a-z]+[ ]){1,3}"
    r"(?:\d+ers|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?[a-rt-z]s))\b(?![ ][A-Z])"
)


def from_teams(
    text: str,
    gazetteer: Gazetteer,
    lexicon: frozenset[str] = frozenset(),
    begin: int = 0,
    knowledge: Knowledge | None = None,
) -> list[Hit]:
    """A city the gazetteer knows followed by a capitalised plural names a team (not in the
    Title Case headline, which ``begin`` skips). A given name and a surname of the name
    lists ("Gil Roberts", Gil being a town too) name a person."""
    hits = []
    for m in TEAM.finditer(text, begin):
        words = m.group(1).split(" ")
        if knowledge is not None and given_and_family_name(words, knowledge):
            continue
        for k in (1, 2, 3):
            city, rest = " ".join(words[:k]), words[k:]
            if not rest or len(rest) > 2 or _surname_in_s(rest[-1], lexicon):
                continue
            if any(p.kind == "city" for p in gazetteer.candidates(city)):
                if gazetteer.known(" ".join(rest)) is None:
                    hits.append(Hit(m.start(1), m.end(1), m.group(1), "organization", "pattern"))
                break
    return hits


# A mine's, a mill's or a project's site: named by its end word or a lower-case one after it.
SITE_END = re.compile(r"[ ](?:Project|Projects|Mine|Mines|Mill|Deposit|Property|Prospect)$")
SITE_WORD_AFTER = re.compile(r"[ ](?:project|mine|mill|deposit|property|prospect)\b")
# Where the site is ("... in Brazil", ", located in ...") or whose it is ("its ...").
SITE_PLACE_AFTER = re.compile(r",?[ ](?:located[ ])?in[ ](?:the[ ])?[A-Z]")
SITE_OWNER_BEFORE = re.compile(
    r"\b(?:its|their|our|company['’]s)[ ](?:[\w-]+[ ]){0,3}$"
    # "Phase I of the Quarn Project", "a $1 billion contract for the Quarn North Project".
    r"|\b(?:[Pp]hase[ ](?:[IVX]+|\d+)[ ]of|[Cc]ontract[ ]for)[ ](?:the[ ])?$"
)


def sites(text: str, hits: list[Hit], subjects: frozenset[str], knowledge: Knowledge) -> set[int]:
    """Ids of organisation hits that name a mine, a mill or a project's site ("its Quarn
    Project in Quebec", "the Vesk Mill in Utah", "its Quarn Plain mine"), not a body, at every
    mention once one says so; a name with its own About section or a well-known one stays
    ("The Quarn Project" charity)."""
    named = [
        h
        for h in hits
        if h.label == "organization"
        and h.start >= 0
        and h.source in ("ner", "pattern")
        and key(h.text) not in subjects
        and h.text not in knowledge.known_org_names
    ]
    site_keys: set[str] = set()
    heads: set[str] = set()
    for h in named:
        head = h.text
        if site_end := SITE_END.search(h.text):
            head = h.text[: site_end.start()]
        elif SITE_WORD_AFTER.match(text, h.end) is None:
            continue
        # Any mention may say so, the model's reading of it or not.
        for m in re.finditer(re.escape(h.text), text):
            end = m.end()
            if site_end is None:  # "its Quarn project": the site's word after the name
                if (after := SITE_WORD_AFTER.match(text, m.end())) is None:
                    continue
                end = after.end()
            if SITE_PLACE_AFTER.match(text, end) or SITE_OWNER_BEFORE.search(
                text, max(0, m.start() - 60), m.start()
            ):
                site_keys.add(key(h.text))
                heads.add(key(head))
                break
    # "Quarn" alone then names the site too, as the model reads it; a rule's reading of
    # "Quarn, a mining company" keeps the firm.
    return {
        id(h)
        for h in named
        if key(h.text) in site_keys or (key(h.text) in heads and h.source == "ner")
    }


def product_lines(hits: list[Hit], knowledge: Knowledge, fewest: int = 3) -> set[int]:
    """Ids of the model's or a rule's organisations that are a brand's products: three or more
    names that open with a word the release also uses alone as a name and add words no
    firm ends in ("Quarn Especial", "Quarn Negra", "Quarn Oro" beside "Quarn"). A brand
    names its range so; firms of one family carry a firm's ending ("Quarn Labs", "Quarn
    Foundation") and stay."""
    # The brand alone, however the model read it there ("Quarn" as a person or a place).
    bodies = {key(h.text) for h in hits if h.label != "date" and " " not in h.text.strip()}
    lines: dict[str, list[Hit]] = {}
    for h in hits:
        words = h.text.split()
        if (
            h.label == "organization"
            and h.source in ("ner", "pattern")
            and h.start >= 0
            and len(words) >= 2
            and key(words[0]) in bodies
            and not has_org_suffix(h.text, knowledge)
            and _bare(words[-1]) not in knowledge.org_tails  # "Quarn Labs", "Quarn Research"
            and words[-1] not in ENSEMBLES  # "Quarn FC", "Quarn Strumica FC": its clubs
        ):
            lines.setdefault(key(words[0]), []).append(h)
    return {
        id(h) for line in lines.values() if len({key(h.text) for h in line}) >= fewest for h in line
    }


# Molecular notation that the model reads as organisations in biotech releases: a protein
# change ("MFN2Arg94Gln"), a codon after its amino acid ("Arg-TGA"), an RNA codon ("UAG").
AMINO = r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)"
PROTEIN_CHANGE = re.compile(rf"{AMINO}\d+(?:{AMINO}|Ter)")
CODON = re.compile(rf"(?:{AMINO}-)?[ACGT]{{3}}|[ACGU]*U[ACGU]*")
# "CMT1A", "CMT2A": a condition's subtypes or a gene family's members, by one stem.
SUBTYPE = re.compile(r"([A-Z]{2,5})\d{1,2}[A-Z]?")


def molecular_codes(hits: list[Hit]) -> set[int]:
    """Ids of the model's organisations that are molecular notation: protein changes, and
    codons or subtype codes when the release writes two or more of one shape ("UAA", "UAG";
    "CMT1A", "CMT2A"). One such code alone may be a body's acronym ("UGA")."""
    orgs = [
        h
        for h in hits
        if h.label == "organization" and h.source in ("ner", "pattern") and h.start >= 0
    ]
    codons = {h.text for h in orgs if len(h.text) <= 7 and CODON.fullmatch(h.text)}
    stems = Counter(m.group(1) for t in {h.text for h in orgs} if (m := SUBTYPE.fullmatch(t)))
    return {
        id(h)
        for h in orgs
        if PROTEIN_CHANGE.search(h.text)
        or (h.text in codons and len(codons) >= 2)
        or ((m := SUBTYPE.fullmatch(h.text)) is not None and stems[m.group(1)] >= 2)
    }

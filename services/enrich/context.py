"""Rules that read the words around a candidate: where a name stands says what it is.

- A repost footer ("The post <headline> appeared first on <site>.") repeats the headline;
  like the headline, the model's reading of it is not used.
- A web address ("site.com/Handle") is not a name, nor any piece of it.
- "Jane Roe (Acme Ventures)": a name in parentheses right after a person is where the
  person works, an organisation.
- "Jane Roe, MD, medical director": a credential after a name is not a state, and the
  name before it is a person, not a "City, ST" place.
- A person named inside the name of an event, award, fund or building ("the Jane Roe
  Workhorse Seminar") is not a person in the release.
- What a "person" stands in says it is none: a work's title ("two books: Xyz Abc: A Guide"),
  a product ("the Xyz Abc Token", "its Xyz Abc ecosystem"), a publisher ("published by Xyz
  Abc"), a neighbourhood of a known city ("Midtown Xyzville").
- "the western portion of Xyzton", "the heart of Xyz Park": what a portion or the heart of
  is, is a place.

Pure functions of the analysis text and the hits, like ``candidates``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

import pycountry

from services.enrich.candidates import SEASONS, Hit
from services.enrich.gazetteer import Gazetteer, Place
from services.enrich.knowledge import Knowledge, key, written_at_least
from services.enrich.lexicon import is_common
from services.enrich.names import ENSEMBLES, given_name_first, has_org_suffix, looks_like_person

REPOST_FOOTER = re.compile(r"\bThe post (\S.{3,400}?) appeared first on [^\n]{2,60}?\.")
# A bare web address given as where to go ("visit Quarnby.com", "at Quarnby.com").
WEB_DESTINATION = re.compile(
    r"\b(?:[Vv]isit|at|to|see|via|on|or)[ ]"
    r"((?:www\.)?[A-Za-z0-9](?>[\w-]*)\.(?:com|org|net|io|co|ai))\b(?![/.]\w)"
)
# Starts only where a word starts and reads each label atomically: a long run of word
# characters is tried once, not once per position (quadratic on a 900,000-letter line).
URL = re.compile(
    r"(?<![\w.-])(?:https?://|www\.)?(?>[\w-]+)(?:\.(?>[\w-]+))*?"
    r"\.(?:com|org|net|io|co|ai|gov|edu|us|uk)/\S*",
    re.IGNORECASE,
)
AFFILIATION = re.compile(r"[ ]\(([A-Z][\w.&'’-]*(?:[ ](?:[A-Z&][\w.&'’-]*|of|and|for))*)\)")
CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday"}
    | SEASONS
)
# Credentials written without periods after a name; a few spell a US state ("MD", "MA").
CREDENTIALS = frozenset(
    {"MD", "DO", "MS", "MA", "PA", "RN", "NP", "DC", "DDS", "DMD", "PhD", "MPH", "MBA", "JD"}
)
CREDENTIAL_AFTER = re.compile(
    r",[ ]((?:" + "|".join(sorted(CREDENTIALS)) + r"))"
    # then a lower-case word, or more letters: "PhD", a fellowship ("FAAHPM").
    r"(?:,[ ](?=[a-z])|,[ ](?:[A-Z]{2,7}|Ph\.?D\.?|[A-Z]\.[A-Z]\.)(?![\w]))"
)
# "Jane Roe, M.D., M.H.S., FAHA, FACC, is ...": a run of degrees and fellowships after a name.
# It opens with a dotted degree or a known credential; the rest are dotted or capital letters.
_DOTTED = r"[A-Z][a-z]{0,3}\.(?:[ ]?[A-Z][a-z]{0,3}\.)+"
CREDENTIAL_CHAIN = re.compile(
    rf"(?:,[ ](?:{_DOTTED}|" + "|".join(sorted(CREDENTIALS)) + rf"))"
    rf"(?:,[ ](?:{_DOTTED}|[A-Z]{{2,6}}|Ph\.?D\.?)(?![\w.]))*"
)
# Nouns that end the name of an event, award, fund, chair or building a person's name opens
# ("the Jane Roe Workhorse Seminar", "the Jane Roe Memorial Fund").
EPONYM_ENDINGS = frozenset(
    {"seminar", "seminars", "lecture", "lectures", "symposium", "award", "awards", "prize"}
    | {"scholarship", "scholarships", "fellowship", "fund", "foundation", "memorial"}
    | {"classic", "invitational", "tournament", "cup", "stadium", "arena", "hall", "pavilion"}
    | {"conference", "series", "festival", "center", "centre", "institute", "library"}
    | {"hospital", "building", "wing", "suite", "chair", "professorship", "program"}
    | {"airport", "bridge", "museum", "theater", "theatre", "auditorium", "terminal"}
    | {"school", "college", "university", "academy", "highway", "parkway"}
    # A trade's firm named after its founder ("Benjamin Quarn Plumbing").
    | {"plumbing", "roofing", "painting", "heating", "landscaping", "remodeling", "realty"}
    | {"dental", "bakery", "catering", "motors", "automotive", "jewelers"}
)
EPONYM_TAIL = re.compile(r"[ ]((?:[A-Z][\w'’-]*[ ]){0,3}[A-Z][\w'’-]*)")


# "US$25,000", "HK$ 3 million": a currency's mark; "US/Eastern", "Europe/London": a time zone's
# name (IANA). Neither names the place as a subject of the release.
CURRENCY_OR_ZONE = re.compile(r"[ ]?[$€£¥]|/[A-Z][a-z]")


def currency_or_zone(text: str, hit: Hit) -> bool:
    """A place spelled as part of a currency or a time zone ("US$", "US/Pacific"), or a
    currency's code before an amount read as a body ("AED 9.6 billion")."""
    if hit.start < 0:
        return False
    if hit.label == "organization":
        return hit.text in currency_codes() and AMOUNT_AFTER.match(text, hit.end) is not None
    return hit.label == "place" and bool(CURRENCY_OR_ZONE.match(text, hit.end))


AMOUNT_AFTER = re.compile(r"[ ]?\d")


@functools.cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes ("AED", "EUR")."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def in_spans(hit: Hit, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= hit.start and hit.end <= b for a, b in spans)


def outside(
    hits: list[Hit], spans: Iterable[tuple[int, int]], labels: tuple[str, ...]
) -> list[Hit]:
    """``hits`` without the model's and the patterns' ``labels`` hits inside ``spans``."""
    spans = list(spans)
    return [
        h
        for h in hits
        if h.label not in labels or h.source not in ("ner", "pattern") or not in_spans(h, spans)
    ]


def footer_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the headline repeated in a repost footer."""
    return [(m.start(1), m.end(1)) for m in REPOST_FOOTER.finditer(text)]


# Eight or more words in capitals in a row: a legal notice written in capitals ("NEITHER THE
# QUARN EXCHANGE NOR ITS REGULATION SERVICES PROVIDER ACCEPTS ..."), whose capitals mark
# no names.
SHOUTED = re.compile(r"(?:\b[A-Z][A-Z'’-]*\b[,;:()]*[ ]+\(?){7,}[A-Z][A-Z'’-]*\b")


def shouted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of runs of eight or more words in capitals (a notice written in capitals)."""
    return [m.span() for m in SHOUTED.finditer(text)]


# A sign, or the letters written out after the name ("Quarnix (TM)", "QuarnPod TM").
TRADEMARK = re.compile(r"[™®]|\((?:TM|R)\)|(?<=\w)[ ]TM\b")


def trademarked(text: str, start: int, end: int) -> bool:
    """The span holds a trademark sign or one follows it ("Quarn™ Kit", "Quarnix®")."""
    return bool(TRADEMARK.search(text, start, min(len(text), end + 5)))


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses with a path ("site.com/Handle", "www.x.org/events/...") and of
    bare addresses given as where to go ("visit Quarnby.com", "learn more at Quarnby.com":
    where, not who; "Quarnby.com launches ..." still names the firm)."""
    spans = [(m.start(), m.end()) for m in URL.finditer(text)]
    for m in WEB_DESTINATION.finditer(text):
        spans.append(m.span(1))
    return spans


def affiliations(
    text: str, hits: list[Hit], gazetteer: Gazetteer, knowledge: Knowledge
) -> list[Hit]:
    """ "Jane Roe (Acme Ventures)": the name in parentheses after a person is an organisation,
    unless it is a place, a post, a person or the person's own initials. A name opening with
    a given name that the model or a list rule called a firm is that person ("founded by
    Jane Roe (Acme Ventures), John Doe (Quarn Labs)")."""
    people = {
        key(h.text) for h in hits if h.label == "person" and text[h.start - 1 : h.start] != "("
    }
    out: list[Hit] = []
    named: list[Hit] = []
    for hit in hits:
        if hit.start < 0 or hit.source not in ("ner", "pattern"):
            continue
        if hit.label == "person":
            if not looks_like_person(hit.text, knowledge):
                continue
        elif hit.label != "organization" or not given_name_first(hit.text, knowledge):
            continue
        m = AFFILIATION.match(text, hit.end)
        if m is None:
            continue
        name = m.group(1)
        words = name.split()
        initials = "".join(w[0] for w in hit.text.split())
        if (
            len(name) < 2
            # Capitals: a district, a state or a short form ("Rep. Jane Roe (NY-04)", "Quarn
            # Labs (QL)"); a firm's own word ("Jane Roe (Roe)") is no sign either.
            or (name.isupper() or (hit.label == "organization" and name in hit.text))
            or name == initials
            or words[0].lower() in CALENDAR
            or re.fullmatch(r"[A-Z][a-z]{0,3}\.", name)
            or key(name) in people
            or gazetteer.candidates(name)
            or any(w.strip(".,").lower() in knowledge.titles for w in words)
            or any(w.lower() in knowledge.role_words for w in words)
            # A party and a state: "(D-TX)", "(R-Texas)", "(D-Md.)".
            or re.fullmatch(r"[A-Z]-(?:[A-Z]{2}|[A-Z][a-z]{1,11}\.?)", name)
        ):
            continue
        out.append(Hit(m.start(1), m.end(1), name, "organization", "pattern"))
        named.append(hit)
    spans = {(h.start, h.end) for h in out}
    people_spans = {(h.start, h.end) for h in named}
    for hit in hits:  # the model's reading of the same words ("Zanox" as a person) yields
        if hit.label == "person" and (hit.start, hit.end) in spans:
            hit.label = "organization"
        elif hit.label == "organization" and (hit.start, hit.end) in people_spans:
            hit.label = "person"
    return out


def credential_spans(
    text: str, hits: list[Hit], gazetteer: Gazetteer, knowledge: Knowledge
) -> list[tuple[int, int]]:
    """ "Jane Roe, MD, medical director": the spans of credentials after a person-shaped name
    the gazetteer does not know; that name, if the model called it a place, becomes a person,
    and so does a firm the model saw in a name that opens with a given name ("Jane Roe, PhD,
    MBA")."""
    spans: list[tuple[int, int]] = []
    for hit in hits:
        if hit.start < 0 or hit.source not in ("ner", "pattern"):
            continue
        if hit.label not in ("person", "place") and not (
            hit.label == "organization" and given_name_first(hit.text, knowledge)
        ):
            continue
        m = CREDENTIAL_AFTER.match(text, hit.end)
        if m is None or not looks_like_person(hit.text, knowledge):
            continue
        if hit.label == "organization":
            hit.label = "person"
        elif hit.label == "place":
            if gazetteer.candidates(hit.text):
                continue
            hit.label, hit.place = "person", None
        spans.append((m.start(1), m.end(1)))
    return spans


def credential_chains(text: str, hits: list[Hit]) -> list[tuple[int, int]]:
    """The spans of degree and fellowship runs after people's names ("FAHA, FACC"): letters
    there are credentials, not organisations."""
    spans = []
    for hit in hits:
        if hit.label == "person" and hit.start >= 0:
            m = CREDENTIAL_CHAIN.match(text, hit.end)
            if m is not None and m.end() > m.start():
                spans.append((m.start(), m.end()))
    return spans


def eponyms(text: str, hits: list[Hit]) -> set[int]:
    """ids of person hits of the model or of the known people that open the name of an
    event, award, fund or building ("Thurgood Marshall Airport")."""
    out: set[int] = set()
    for hit in hits:
        if hit.label != "person" or hit.source not in ("ner", "alias") or hit.start < 0:
            continue
        m = EPONYM_TAIL.match(text, hit.end)
        # "Jane Roe Band Summer Campout": the band named after her, not a mention of her.
        if m and (
            m.group(1).split()[-1].lower() in EPONYM_ENDINGS or m.group(1).split()[0] in ENSEMBLES
        ):
            out.add(id(hit))
    return out


# A person's span ending in one of these names a facility, fund or event after the person
# ("Jane Roe Concierge Medicine Suite"); "Hall" or "Chair" may be a surname, so not those.
FACILITY_ENDINGS = EPONYM_ENDINGS - {"hall", "cup", "classic", "series", "wing", "chair", "bridge"}
# A "person" ending in a drink, a room or a park is a product or a place ("Quarn Cellars
# Wines", "Vesk Screening Room", "Quarn Molera State Park").
PRODUCT_OR_ROOM_ENDINGS = frozenset(
    {"tequila", "wines", "wine", "vodka", "whiskey", "whisky", "bourbon", "gin", "rum", "beer"}
    | {"room", "rm", "lounge", "studio"}
    # A work about or by the person ("Netflix's Mr. Quarn Documentary").
    | {"documentary", "biopic", "podcast", "album", "memoir", "docuseries"}
)
OCCASION_ENDINGS = frozenset({"day", "week", "month", "night", "weekend"})
# An honour named after its giver ends no person's name ("Quarn Scholar", "Vesk Fellows").
HONOUR_NOUNS = frozenset({"scholar", "scholars", "fellow", "fellows", "laureate", "laureates"})
# Nouns for a group of people end no person's name.
GROUP_NOUNS = frozenset({"children", "kids", "women", "men", "people", "families", "veterans"})
# A "person" ending in a publication's word is the publication ("Family Wealth Report").
PUBLICATION_ENDINGS = frozenset(
    {"report", "journal", "magazine", "review", "gazette", "weekly", "daily", "tribune"}
    | {"times", "herald", "chronicle", "courier", "monthly", "quarterly"}
)
# Words that say a title follows: "two books: <Title>: A Guide", "the podcast <Title>".
WORK_WORDS = re.compile(
    r"\b(?:books?|novels?|memoirs?|podcasts?|albums?|films?|documentar(?:y|ies)|episodes?"
    r"|(?:en)?titled|guides?|shows?|series|songs?|singles?|plays?|monographs?)\b[^.!?\n]{0,60}$",
    re.IGNORECASE,
)
SUBTITLE_AFTER = re.compile(r":[ ]+[A-Z0-9“\"]")
# A product or platform word after a "person" ("the Xyz Abc Token", "its Xyz Abc ecosystem")
# or ending it ("Xyz Smart Chain").
PRODUCT_WORDS = frozenset(
    {"token", "tokens", "coin", "coins", "ecosystem", "platform", "app", "protocol", "wallet"}
    | {"blockchain", "chain", "network", "marketplace", "metaverse"}
)
PRODUCT_AFTER = re.compile(r"[ ]([A-Za-z]+)\b")
OWNER_BEFORE = re.compile(r"\b(?:its|their|our)[ ]$", re.IGNORECASE)
PUBLISHER_BEFORE = re.compile(
    r"\b(?:published|distributed|released)[ ]by[ ](?:[A-Z][\w&'’.-]*[ ]?){0,4}(?:/[ ]?)?$"
    r"|\bpublisher[ ]$",
)
# Words that open a neighbourhood's name before a city's ("Midtown Xyzville").
AREA_HEADS = frozenset(
    {"midtown", "downtown", "uptown", "greater", "old", "central", "upper", "lower", "inner"}
)
AREA_OF = re.compile(
    r"\b(?:(?:northern|southern|eastern|western|central)[ ])?"
    r"(?:portion|side|edge|corner|heart|outskirts|suburbs)[ ]of[ ](?:the[ ])?"
    r"([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})\b(?![’'&-]|[ ][A-Z&])"
)
# Not "Jane Roe, Sr. Director of ...": "Sr." before a post is "Senior".
GENERATION_AFTER = re.compile(
    r",?[ ](?:Jr(?:\.|\b)|Sr\.(?![ ](?:Director|Vice|Manager|Editor|Analyst|Engineer|Consultant|"
    r"Advisor|Adviser|Partner|Counsel|Associate|Account|Product|Program|Project|Marketing|"
    r"Sales|Software|Research|Scientist|Specialist|Lecturer|Fellow|Principal)\b)|II|III|IV)"
    r"(?![\w])"
)
AREA_AFTER = re.compile(r"[ ](?:neighbou?rhood|district|area|community)\b")


def plural_plain_noun(word: str, knowledge: Knowledge, shortest: int = 5) -> bool:
    """A plain noun in the plural that no surname list holds ("Essentials", "Solutions"; not
    "Williams" or "Rivers")."""
    lower = word.lower()
    return (
        len(lower) >= shortest
        and lower.endswith("s")
        and not lower.endswith("ss")
        and lower.removesuffix("s") in knowledge.lexicon
        and lower not in knowledge.surnames
        and lower.removesuffix("s") not in knowledge.surnames
    )


def person_shapes(text: str, hits: list[Hit], knowledge: Knowledge | None = None) -> list[Hit]:
    """Model person spans read by their last word: a facility or fund name is dropped, and a
    publication is an organisation."""
    out: list[Hit] = []
    for hit in hits:
        if hit.label == "person" and hit.source == "ner" and hit.start >= 0 and " " in hit.text:
            words = hit.text.split()
            last = words[-1].lower()
            if len(words) >= 3 and last in OCCASION_ENDINGS:
                continue  # "Purple Heart Day": an occasion
            if last in FACILITY_ENDINGS or last.rstrip("'’s") in GROUP_NOUNS | HONOUR_NOUNS:
                continue  # "Xyz Abc Arena"; "Xyz Children's" (a hospital's short name)
            if last.rstrip(".") in PRODUCT_OR_ROOM_ENDINGS or hit.text.endswith(" State Park"):
                continue
            if last in PUBLICATION_ENDINGS:
                hit.label = "organization"
            elif (
                knowledge is not None
                and len(words) >= 3
                and plural_plain_noun(words[-1], knowledge)
                and is_common(words[-2], knowledge.lexicon)
                and words[-2].casefold() not in knowledge.surnames
            ):
                # "Marie Quarn Essentials": a brand's range. Two words are too often a
                # person's ("Tom Hanks": WordNet holds famous family names as nouns).
                hit.label = "organization"
            elif (
                knowledge is not None
                and plural_plain_noun(words[-1], knowledge, shortest=4)
                and written_at_least(last, text, 2)
            ):
                continue  # "Bob Wigs" in a release that sells "wigs": a product's name
        out.append(hit)
    return out


def _city_area(name: str, gazetteer: Gazetteer) -> bool:
    """ "Midtown Xyzville": an area word before a city the gazetteer knows; "Quarnia Hill
    Country": a state or country the gazetteer knows before a word for a region. (A compass
    word before a state or country, "Northern New Jersey", is ``candidates.retype``'s.)"""
    words = name.split()
    if len(words) > 1 and words[-1] in REGION_TAILS:
        return any(gazetteer.known(" ".join(words[:n])) is not None for n in range(1, len(words)))
    return (
        len(words) > 1
        and words[0].lower() in AREA_HEADS
        and any(p.kind == "city" for p in gazetteer.candidates(" ".join(words[1:])))
    )


# Words that end a region's name after its state or country ("Texas Hill Country").
REGION_TAILS = frozenset({"Country", "Coast", "Panhandle", "Lowlands", "Highlands", "Plains"})


# "its existing location in Annapolis.": where something stands, lives or is held.
WHERE_IN = re.compile(
    r"\b(?:located|based|headquartered|locations?|offices?|stores?|clinics?|facility|facilities"
    r"|homes?|lives?|living|residents?|born|raised|held|opened|opening|open)[ ]in[ ]$"
)


def _town_where_things_are(text: str, hit: Hit, gazetteer: Gazetteer) -> Place | None:
    """The city a one-word model person or body names when the gazetteer knows it as one and
    it stands after "located in" or "a location in" and before a comma or a full stop."""
    if (
        hit.source != "ner"
        or hit.label not in ("person", "organization")
        or hit.start < 0
        or " " in hit.text
        or text[hit.end : hit.end + 1] not in (".", ",", ";")
        or WHERE_IN.search(text, max(0, hit.start - 30), hit.start) is None
    ):
        return None
    cities = gazetteer.cities(hit.text)
    return cities[0] if cities else None


def person_contexts(text: str, hits: list[Hit], gazetteer: Gazetteer) -> list[Hit]:
    """Model person spans read by what stands around them: a work's title or a product is
    dropped, a publisher is an organisation, a neighbourhood of a known city is a place."""
    out: list[Hit] = []
    for hit in hits:
        if hit.label == "organization" and hit.source == "ner" and _city_area(hit.text, gazetteer):
            hit.label = "place"  # "Downtown Xyzville" read as an organisation
        if town := _town_where_things_are(text, hit, gazetteer):
            hit.label, hit.place = "place", town
        if hit.label != "person" or hit.source != "ner" or hit.start < 0:
            out.append(hit)
            continue
        before = text[max(0, hit.start - 80) : hit.start]
        words = hit.text.split()
        nxt = PRODUCT_AFTER.match(text, hit.end)
        if SUBTITLE_AFTER.match(text, hit.end) and WORK_WORDS.search(before):
            continue  # "two books: Xyz Abc: A Guide for ..."
        if (nxt and nxt.group(1).lower() in PRODUCT_WORDS) or OWNER_BEFORE.search(before):
            continue  # "the Xyz Abc Token", "its Xyz Abc ecosystem"
        if len(words) > 1 and words[-1].lower() in PRODUCT_WORDS:
            hit.label = "organization"  # "Xyz Smart Chain"
        elif PUBLISHER_BEFORE.search(before):
            hit.label = "organization"  # "published by Xyz / Abc Def"
        elif _city_area(hit.text, gazetteer):
            hit.label = "place"  # "Midtown Xyzville"
        out.append(hit)
    return out


def areas_of(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """ "the western portion of Xyzton", "the heart of Xyz Park": the name is a place. A model
    person or organisation of exactly that span becomes one; a name nothing found is added."""
    out: list[Hit] = []
    for m in AREA_OF.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if has_org_suffix(name, knowledge) or key(name) in knowledge.not_entities:
            continue
        same = [h for h in hits if h.start == a and h.end == b]
        if any(h.label == "place" for h in same):
            continue
        if same:
            for h in same:
                if h.source == "ner" and h.label in ("person", "organization"):
                    h.label = "place"
        elif not any(h.start < b and a < h.end for h in hits if h.start >= 0):
            out.append(Hit(a, b, name, "place", "pattern"))
    return hits + out


# Honorifics and the offices written before a surname alone ("President Roe's address").
HONORIFIC_BEFORE = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame|Sen|Gov|Rep)\.?[ ]$"
    r"|\b(?:President|Senator|Governor|Mayor|Congressman|Congresswoman|Judge|Justice"
    r"|Chancellor|Premier|Minister|Secretary|Ambassador|Admiral|General)[ ]$"
)


def honorific_surnames(text: str, hits: list[Hit]) -> None:
    """ "Dr. Roe" read as an organisation: one word after an honorific is a person's surname
    (clustered with the person's full name)."""
    for hit in hits:
        if (
            hit.label == "organization"
            and hit.source in ("ner", "pattern")
            and hit.start >= 0
            and " " not in hit.text
            and hit.text[:1].isupper()
            and not hit.text.isupper()
            and HONORIFIC_BEFORE.search(text, max(0, hit.start - 12), hit.start)
        ):
            hit.label = "person"


def titled_works(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """A model organisation of plain words just after a word that announces a title ("his
    podcast, After the Crash,") is the title, not an organisation."""
    out: list[Hit] = []
    for hit in hits:
        if (
            hit.label == "organization"
            and hit.source == "ner"
            and hit.start >= 0
            and knowledge.lexicon
            and all(is_common(w.strip(",.'’"), knowledge.lexicon) for w in hit.text.split())
            and WORK_WORDS.search(text[max(0, hit.start - 40) : hit.start])
        ):
            continue
        out.append(hit)
    return out


def generations(text: str, hits: list[Hit]) -> None:
    """ "Jane Roe, Sr.": the generation after a model person span is part of the name."""
    for hit in hits:
        m = GENERATION_AFTER.match(text, hit.end) if hit.start >= 0 else None
        if hit.label == "person" and hit.source == "ner" and m is not None:
            hit.end = m.end()
            hit.text = text[hit.start : hit.end]


def areas(text: str, hits: list[Hit]) -> None:
    """ "the Quorvale Ranch neighborhood": a model organisation named as an area is a place."""
    for hit in hits:
        if (
            hit.label == "organization"
            and hit.source == "ner"
            and hit.start >= 0
            and (
                AREA_AFTER.match(text, hit.end)
                and text[max(0, hit.start - 4) : hit.start] == "the "
            )
        ):
            hit.label = "place"


def joined_orgs(text: str, hits: list[Hit]) -> list[Hit]:
    """Two organisation spans that overlap without one holding the other ("Out Front Theatre"
    from a rule, "Front Theatre Company" from the model) are one name: their union, when no
    comma, line or sentence break lies inside it."""
    orgs = sorted(
        (
            h
            for h in hits
            if h.label == "organization" and h.start >= 0 and h.source in ("ner", "pattern")
        ),
        key=lambda h: (h.start, -h.end),
    )
    out: list[Hit] = []
    for a, b in itertools.pairwise(orgs):
        # The rule's start (leading noise already cut) and the model's end.
        if a.source == "pattern" and b.source == "ner" and a.start < b.start < a.end < b.end:
            union = text[a.start : b.end]
            if not re.search(r"[,;\n]|[.!?][ ]", union):
                out.append(Hit(a.start, b.end, union, "organization", "pattern"))
    return hits + out


def title_case(line: str) -> bool:
    """Most words longer than three letters are capitalised ("Gift Establishes the Acme
    Suite; Ribbon Cutting Held on Aug. 8")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# Small words a title leaves in lower case; a subheading holds one ("Gains and Trait Yield"),
# a line naming a firm or a contact seldom does.
TITLE_SMALL_WORDS = frozenset({"of", "and", "the", "to", "with", "for", "in", "on", "at", "by"})


def on_subheading(text: str, start: int, end: int) -> bool:
    """The span lies on a line of its own in title case that holds a small word in lower case
    and no sentence end: a subheading ("Field Trials Confirm Yield Gains and Trait
    Heritability"), which the model reads as badly as a headline. List items are no
    subheadings."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if not line or line[0] in "-*•" or line[-1] in '.!?;,"”':
        return False
    words = line.split()
    return 3 <= len(words) <= 14 and title_case(line) and any(w in TITLE_SMALL_WORDS for w in words)

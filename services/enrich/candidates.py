"""Candidate mentions of one release: the NER model's spans, gazetteer hits and pattern rules,
trimmed, typed and filtered, before they are grouped into entities (``cluster``).

Every function here is pure: text and already-loaded resources in, ``Hit`` objects out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import ahocorasick

from services.enrich.gazetteer import Gazetteer, Place
from services.enrich.knowledge import Knowledge, key, word_pattern
from services.enrich.lexicon import is_common
from services.enrich.names import (
    ARTICLES,
    CREDIT_BEFORE,
    DETERMINERS,
    ENSEMBLES,
    HONORIFIC_BEFORE,
    KIN_BEFORE,
    NAME_PARTICLES,
    OPENING_WORDS,
    POSSESSIVE,
    SPEAKS_AFTER,
    TRAILING_FUNCTION_WORDS,
    capitalised_role,
    given_and_family_name,
    given_name_first,
    has_org_suffix,
    initials,
    is_person_post,
    is_title,
    known_surname,
    listed_beside,
    looks_like_person,
    named_like_person,
    person_cue,
    trim,
    undotted_initials,
)

# Model labels that name no entity the pipeline keeps (works, events, products, laws).
UNNAMED_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
NER_LABELS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",  # an organisation when it ends like one ("the Wilson Center"), else dropped
    "DATE": "date",
    "MONEY": "money",
}
# Country names that are also given names: taken from the gazetteer scan only when the NER
# model agrees, or when no capitalised word stands next to them ("Jordan Smith" is a person).
PERSONLIKE_PLACES = {"Chad", "Jordan", "Georgia", "Israel", "Niger", "Guinea", "Victoria"}
FIRM_PAIR_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+)[ ]&[ ]$")
# A world region ending a name: a firm's regional arm ("Quarn Middle East"), no one's name.
REGIONAL_ARM = re.compile(
    r"[ ](?:Middle[ ]East|Europe|Asia(?:[ ]Pacific)?|Africa|Americas|Latin[ ]America|EMEA"
    r"|APAC|MENA|North[ ]America)$"
)
# Corporate suffixes the model often leaves outside an ORG span ("Acme Corp" + ", Inc.").
SUFFIX_TAIL = re.compile(
    # "Acme Software Pvt" + ". Ltd.": the model stops at the abbreviation's full stop.
    r"^(?:,|\.(?=\s(?:Ltd|Limited)\b))?\s(?:Inc\.|Inc\b|LLC(?:\b|(?=[A-Z]))|L\.L\.C\.|Ltd\.|Ltd\b|Limited\b"
    r"|Corp\.|Corp\b|Corporation\b|"
    r"Co\.|PLC\b|plc\b|AG\b|GmbH\b|S\.A\.(?:\sde\sC\.V\.?)?|N\.V\.|B\.V\.|LP\b|L\.P\.|LLP\b|SE\b|"
    r"Sociedad\sAn[óo]nima(?:\sde\sCapital\sVariable)?|Soci[ée]t[ée]\sAnonyme|S\.A\.S\.|SAS\b|"
    r"P\.A\.|P\.C\.|PLLC\b|P\.L\.L\.C\.)"
)
DOMAIN_NAME = re.compile(
    r"(?<![\w@/.-])([A-Z][A-Za-z0-9-]*[a-z0-9][A-Za-z0-9-]*\.(?:com|ai|io|net|co))\b"
)
CITY_STATE = re.compile(
    r"(?<![\w-])((?:[A-Z][a-zA-Z'’-]+|[A-Z]{2,})(?:[ ](?:[A-Z][a-zA-Z'’-]+|[A-Z]{2,})){0,2}),[ ]"
    r"([A-Z]{2}\b|(?:[A-Z][a-z]{0,4}\.){1,2}(?:[A-Z][a-z]{0,3}\.)?)"
)
CITY_REGION = re.compile(
    r"(?<![\w-])([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){0,2}),[ ]"
    r"([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})\b"
)
# Contact lines that lost their breaks glue a city to the word before it and a web address to
# the region after it ("NewsWireAustin, Texaswww.example.com"); the gazetteer vouches for both.
CITY_REGION_GLUED = re.compile(
    r"(?<=[a-z])([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){0,2}),[ ]([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
)
WEB_GLUE = re.compile(r"(?:www|http)[a-z]*$")
DEMONYM_END = re.compile(r"[ ](?:Islanders?|Americans?|Yorkers?|Europeans?|Africans?)$")
_DAY = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?:day|nesday|urday|\.)?"
WEEKDAYS = re.compile(rf"{_DAY}(?:[ ]?[-–][ ]?{_DAY})?")
STREET_TYPE = re.compile(r"(?:St|Ave|Rd|Blvd|Dr|Ln|Pkwy|Hwy|Ct|Pl|Way|Ter|Cir)\.?[ ](?=[A-Z])")
# A programme's, a drug's or a measure's code: capitals, then two digits or more ("QRX003",
# "NPV10", "TNX-102"); no body is named so ("3M", "MI6" have fewer).
CODE = re.compile(r"[A-Z]{2,5}-?\d{2,4}[A-Za-z]?")
SHORT_FORM_LIST = re.compile(r"[A-Z]{2,3}(?:(?:,[ ]?|/)[A-Z]{2,3})+")
ENDS_IN_INITIAL = re.compile(r"[ ][A-Z]\.?$")
# What may follow a name that really ends in its initial ("Tharun T., our lead engineer",
# "Marvin K. and his team"): punctuation, a lower-case word or the line's end, not a family
# name the model left out ("Jane Q. Vell").
AFTER_WHOLE_NAME = re.compile(r"[ \t]*(?:[,;:)\u2013\u2014]|[a-z]|\n|$)")
NAME_LIST = re.compile(r",[ ](?!(?:Jr|Sr|II|III|IV)\b)[A-Z]")
STREET_END = re.compile(r"[ ](?:St|Ave|Blvd|Rd|Hwy|Pkwy|Dr|Ln)\.?$")
# An address run together with a town ("Alder Blvd Quarnby City"); "St" and "Dr" open names
# too ("St. John", "Dr. Roe"), so only the unmistakable forms count inside a name.
STREET_INSIDE = re.compile(r"[ ](?:Ave|Blvd|Hwy|Pkwy|Avenue|Boulevard)\.?[ ]")
DEGREE_NAME = re.compile(r"(?:D\.[ ]?Phil|Ph\.[ ]?D|Ed\.[ ]?D|Psy\.[ ]?D|Pharm\.[ ]?D)\.?")
TICKER = re.compile(
    r"\((?:NYSE(?:[ ](?:American|Arca|MKT))?|NASDAQ\w*|Nasdaq\w*|OTC\w*|TSXV?|TSX-V"
    r"|TSX[ ]Venture|CSE|CNSX|NEO|ASX|LSE|AIM|AMEX|CBOE|Cboe|Euronext(?:[ ][A-Z]\w+)?|XETRA"
    r"|FWB|FSE|HKEX|SGX|KOSDAQ|KRX|JSE|NSE|BSE|TASE|SIX)(?:-[A-Z]{1,3})?"  # "NASDAQ-GS"
    r"\s*:\s*([A-Z][A-Z.]{0,6})(?:\s*[;,]\s*([A-Z][A-Z.]{0,6}))*(?:\s*(?:and|&)\s*([A-Z.]+))?"
)
SYMBOL = re.compile(r"\bsymbols?\s+[“\"]?([A-Z]{2,6})\b")
BULLET_PERSON = re.compile(
    r"(?m)^[ \t]*[*•·-][ \t]+"
    r"([A-Z][\w.'’-]+(?:[ ](?:[A-Z][\w.'’-]+|van|von|de|der|da|di|la|le)){1,4})"
    r"(?:[ \t]+[—–-][ \t]+|[,;][ \t]+)([^\n]+)$"
)
# The same roster run into one line, as archives join a list: "Speakers: • Jane Doe, Partner
# at Acme • John Roe, Chief Officer, Vesk". Only a round bullet marks an item inside a line
# (a dash or an asterisk there is punctuation); an item runs to the next bullet.
INLINE_BULLET_PERSON = re.compile(
    r"(?<=[ \t:])[•▪][ \t]+"
    r"([A-Z][\w.'’-]+(?:[ ](?:[A-Z][\w.'’-]+|van|von|de|der|da|di|la|le)){1,4})"
    r"(?:[ \t]+[—–-][ \t]+|[,;][ \t]+)[^\n•▪]+"
)
# Forms of address (not posts) that may open a name the model read as an organisation.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame", "h.e", "his excellency"}
    | {"her excellency", "hon", "datuk", "dato", "dato'", "datin", "tan sri", "puan sri"}
    | {"tengku", "tunku", "ybhg", "yb", "sheikh", "sheikha"}
)
Ents = list[tuple[int, int, str]]
# Capitalised words that Title Case headings use and bodies' names do not.
HEADING_WORDS = frozenset(
    {"To", "Toward", "Towards", "Between", "They", "Your", "Their", "How", "Why", "What"}
    | {"Ahead", "Both", "Into", "Is", "Are", "Will", "Can"}
)


def _heading(name: str) -> bool:
    words = name.split()
    return len(words) >= 3 and any(w in HEADING_WORDS for w in words[1:])


# A country's short name and a plural noun for people ("US Investors", "UK Residents").
COUNTRY_PEOPLE = re.compile(
    r"(?:U\.S\.|US|USA|U\.K\.|UK|EU)[ ](?:Investors|Residents|Citizens|Customers|Consumers"
    r"|Users|Taxpayers|Shareholders|Voters|Workers|Employees|Patients|Students|Veterans|Buyers)"
)
DIRECTION_WORD = re.compile(r"(?:North|South|East|West)(?:east|west)?")
DIRECTION = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|"
    r"Northeast|Northwest|Southeast|Southwest|Upstate|Downstate|Coastal)(?:ern)?\s+"
)
CONNECTORS = {
    "of",
    "and",
    "for",
    "on",  # "Council on Foreign Relations", "Commission on Human Rights"
    "the",
    "&",
    "de",
    "du",
    "des",
    "la",
    "le",
    "del",
    "y",
    "et",
    "van",
    "von",
    "da",
    "di",
    "der",
    "den",
    "los",
    "las",
    "el",
}
PAREN_ALIAS = re.compile(r"^\s*\(([^()]{1,120})\)")
QUOTED = re.compile(r"[“\"]([^”\"]{1,60})[”\"]")
LETTERS = re.compile(r"[A-Za-z]")
# A line, an item of a list bulleted inline, or a part of a line that a spaced dash divides
# ("Talk Title - Jane Roe, founder").
LINE_PART = re.compile(r"(?:(?![ ][-–—][ ])[^\n•▪◦‣])+")
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
ACRONYM_PAIR = re.compile(r"[A-Z]{2,}(?:/[A-Z]{2,})+")
WORD = re.compile(r"[A-Za-z][\w-]*")
SENTENCE_STOP = re.compile(
    r"(?<![A-Z])(?<!\bCorp)(?<!\bBros)(?<!\bIntl)(?<!\bAssn)(?<!\bDept)(?<!\bUniv)"
    r"(?<=[a-z]{3})\.[ ]+(?=[A-Z])"
)
NAME_BREAK = re.compile(rf"{SENTENCE_STOP.pattern}|(?<=[a-z]{{2}})/(?=[A-Z][a-z])")
PLURAL_OWNER_NOUNS = ("Children", "Women", "Men")
PLURAL_OWNERS = tuple(f"{noun}{mark}s" for noun in PLURAL_OWNER_NOUNS for mark in "’'")
PLURAL_POSSESSIVE = re.compile(r"(?:['’]s)?(?:[ ][A-Z][\w'’-]*){1,5}")
INITIAL = re.compile(r"\s[A-Z]\.\s")
# A plant is where a company makes things, not the company ("Quarnby Engine Plant").
FACILITY_WORDS = frozenset(
    {"plant", "plants", "factory", "factories", "bridge", "tunnel", "highway", "expressway"}
    | {"campus", "campuses"}
)
TITLE_WITH_SUBTITLE = re.compile(r"^\S+(?:[ ]\S+)*:[ ]\S+(?:[ ]\S+){2,}$")
TRADEMARK = re.compile(r"[®™]$")
OWNED_BY_GENERIC = re.compile(r"([A-Z][a-z]+)['’]s[ ]")
LAW = re.compile(r"\bAct(?:\s+of\s+\d{4})?$")
# Script code and postal lines the model reads as names ("AdButler.ads.push({handler",
# "NY 10007").
# Code, a state and ZIP code, a fiscal period ("4Q24", "Q3 2025", "FY2026", "1H25"), a listing.
JUNK = re.compile(
    r"[{}=;<>]|\b[A-Z]{2} \d{5}\b"
    r"|^(?:[1-4]Q|Q[1-4]|[12]H|H[12])[ ]?(?:FY)?['’]?\d{2}(?:\d{2})?$|^FY[ ]?['’]?\d{2}(?:\d{2})?$"
    # A ticker with its exchange ("NASDAQ: QRVN"): a listing, not a name.
    r"|^[A-Z]{2,10}(?:[ ][A-Z]{2,10}|-[A-Z]{1,3})?:[ ]?[A-Z][A-Z.]{0,6}$"
    # The end of a phone number or a time of day run into the words after it ("777-3057
    # Company Website", "3:00pm Moderated").
    r"|^\d{3}-\d{4}\b|^\d{1,2}:\d{2}[ ]?(?:[ap]\.?m\.?)?[ ]"
)


@dataclass
class Hit:
    start: int
    end: int
    text: str
    label: str  # person | organization | place | date | money
    source: str  # ner | gazetteer | pattern | alias | acronym | dateline | contact | ...
    place: Place | None = None
    canonical: str | None = None  # from an alias table or the gazetteer
    aliases: list[str] = field(default_factory=list)  # defined in "(“X”)" right after it


def trimmed_hit(
    text: str, start: int, end: int, label: str, source: str, knowledge: Knowledge
) -> Hit | None:
    start, end = trim(text, start, end, knowledge, person=label == "person")
    if end - start < 2 and label not in ("date", "money"):
        return None
    return Hit(start, end, text[start:end], label, source)


def joined_people(text: str, ents: Iterable[tuple[int, int, str]]) -> Ents:
    """Two PERSON spans separated by one space are one long name the model cut in two
    ("Datuk Jane Binti Roe" + "Abdul Karim")."""
    out: Ents = []
    for start, end, label in ents:
        if out and label == "PERSON" and out[-1][2] == "PERSON":
            gap = text[out[-1][1] : start]
            # "Katinka van" + "der" + "Merwe": particles of the family name between them.
            if gap == " " or (
                gap[:1] == " "
                and gap[-1:] == " "
                and 1 <= len(gap.split()) <= 2
                and all(w in NAME_PARTICLES for w in gap.split())
            ):
                out[-1] = (out[-1][0], end, label)
                continue
        out.append((start, end, label))
    return out


def _proper_word(word: str, knowledge: Knowledge) -> bool:
    """A surname of the name lists ("Moore") or no plain word at all ("Sayago")."""
    return word.casefold() in knowledge.surnames or not is_common(word, knowledge.lexicon)


def reshape_orgs(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """Organisation spans reshaped where they run into a person or leave out a first word:
    "Secretary of the Quarn Caucus Zel Ruiz" is cut before the person (returned as a new
    hit), "inQuarn" + " Group LLC" takes the lower-camel-case word before it."""
    people = []
    for h in hits:
        if h.label != "organization" or h.start < 0:
            continue
        cut = org_then_person(h.text, knowledge) if h.source in ("ner", "pattern") else None
        if cut:
            people.append(Hit(h.start + cut, h.end, h.text[cut:], "person", h.source))
            h.end = h.start + cut - 1
        h.start = lower_camel_start(text, h.start) if h.start > 0 else h.start
        h.text = text[h.start : h.end]
    return people


def lower_camel_start(text: str, start: int) -> int:
    """Where an organisation starts that opens with a word in lower camel case the model or a
    rule left out ("inQuarn" + " Group LLC"): that word's start, else ``start``."""
    before = text[max(0, start - 24) : start]
    lead = LOWER_CAMEL_BEFORE.search(before)
    return start - len(before) + lead.start(1) if lead else start


LOWER_CAMEL_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))([a-z]{1,4}[A-Z][a-z]+[A-Za-z]*)[ ]\Z")
GIVEN_BEFORE = re.compile(r"(?<![\w’'-])([A-ZÀ-Ý][a-zß-ÿ]+)[ ]$")


def titled_person_start(span: str, knowledge: Knowledge) -> int | None:
    """An organisation span that is an honorific and a person's name ("H.E. Jane Roe",
    "Dr. Jane Roe"), or posts and a name that opens with a given name or ends in a surname
    ("CEO and Founder Jane Roe", "Councilmembers Zel Ruiz"), is a person: where the name
    starts in the span, or None."""
    first, _, rest = span.partition(" ")
    if rest and first.rstrip(".").lower() in HONORIFICS & knowledge.titles:
        person = looks_like_person(rest, knowledge) and not has_org_suffix(rest, knowledge)
        return 0 if person else None
    words = span.split(" ")
    lead = 0
    while lead < len(words) - 2 and (
        is_person_post(words[lead].removesuffix("s"), knowledge)
        or (lead > 0 and words[lead] in ("and", "&"))
    ):
        lead += 1
    if lead == 0 or words[lead - 1] in ("and", "&") or len(words) - lead > 3:
        return None
    name = " ".join(words[lead:])
    return len(span) - len(name) if named_like_person(name, knowledge) else None


def org_then_person(span: str, knowledge: Knowledge) -> int | None:
    """Where the person starts in an organisation span that runs a body's name into the
    name of a person ("Secretary of the Quarn Caucus Zel Ruiz", "founder of The Quarn Club
    Aurelio Roe de Vell"): the part before ends like an organisation, the part after opens
    with a given name. None when the span is one name."""
    words = span.split(" ")
    for n in (2, 3, 4):
        if len(words) - n < 2:
            break
        head, name = " ".join(words[:-n]), " ".join(words[-n:])
        if not has_org_suffix(head, knowledge) or has_org_suffix(name, knowledge):
            continue
        if given_name_first(name, knowledge) and (
            known_surname(words[-1], knowledge) or not is_common(words[-1], knowledge.lexicon)
        ):
            return len(head) + 1
    return None


# One capitalised word after a lower-case word or an article, right before a county's name.
COUNTY_GIVEN_NAME = re.compile(r"(?:^|[ ](?:a|an|the|[a-z]+))[ ]([A-Z][a-z]+)[ ]$")
# A US ZIP code (ZIP+4 too) inside a span the model read as one place.
POSTAL_CODE = re.compile(r"[ ]\d{5}(?:-\d{4})?\b")


GLUED_CREDENTIAL = re.compile(r"(?:MD|DO|RN|NP|PhD|DDS|DMD|DNP|DPM|FNP|PA-C)(?=[A-Z][a-z])")


def from_ner(text: str, ents: Iterable[tuple[int, int, str]], knowledge: Knowledge) -> list[Hit]:
    hits = []
    for start, end, ner_label in joined_people(text, ents):
        label = NER_LABELS.get(ner_label)
        # "Jane Quarn was recognized ..." read as a work or an event: a given name and a
        # surname, nothing else, is a person (a title in quotes is dropped later).
        if (
            label is None
            and ner_label in UNNAMED_LABELS
            and len(text[start:end].split()) in (2, 3)
            and given_name_first(text[start:end], knowledge)
            and not in_quotes(text, start, end)  # "her hit “Love Come Down”": a title
        ):
            label = "person"
        if label is None:
            continue
        if label == "organization" and text[start:end].rstrip(".").lower() in knowledge.titles:
            continue  # "YBhg", "H.E." alone: an honorific, not a name
        if (
            label == "organization"
            and (lead := titled_person_start(text[start:end], knowledge)) is not None
        ):
            label, start = "person", start + lead
        if label == "person" and text[start:end].rsplit(" ", 1)[-1] in ENSEMBLES:
            label = "organization"  # "Jane Roe Band": a group named after its leader
        if label == "person" and firm_pair_before(text, start, knowledge):
            continue  # "Barnes & Noble Quarnton": a firm's second name and its branch
        if label == "person" and quoted_title(text, start, end, knowledge):
            continue  # "“Luca Meets Quarn”": a book's or a song's title in quotes
        if label == "person" and REGIONAL_ARM.search(text, start, end):
            label = "organization"  # "Quarn Middle East": a firm's arm for a region
        if label == "facility":
            if not has_org_suffix(text[start:end], knowledge):
                continue
            label = "organization"
        if label == "organization" and (m := SUFFIX_TAIL.match(text[end : end + 24])):
            end += m.end()
        # "Julie Roe, MDHowell, New Jersey": a doctor's degree with a lost line break after it.
        if (m := GLUED_CREDENTIAL.match(text, start, end)) and text.endswith(", ", 0, start):
            start = m.end()
        if label == "place" and (m := POSTAL_CODE.search(text, start, end)) and m.start() > start:
            end = m.start()  # "Illinois 60603 U.S.A.": an address's state, then its ZIP code
        # "an Anne Arundel County judge" read as "Arundel County": a county named after a
        # person keeps her given name.
        if (
            label == "place"
            and text.endswith(" County", start, end)
            and (given := COUNTY_GIVEN_NAME.search(text, max(0, start - 20), start))
        ):
            start = given.start(1)
        if label in ("person", "organization") and (m := PLURAL_POSSESSIVE.match(text, end)):
            # "Nicklaus Children's" + " Hospital Foundation": the possessive of a plural
            # noun opens the rest of an institution's name.
            span = text[start:end]
            if span.endswith(PLURAL_OWNERS) or (
                span.endswith(PLURAL_OWNER_NOUNS) and text[end : end + 2] in ("'s", "’s")
            ):
                end, label = m.end(), "organization"
        # A span across a line break, an inline bullet or a spaced dash joins two items of a
        # list ("Acme\n\n- Jane Doe", "Acme • Jane Doe", "Keynote - Jane Doe"): each is its own
        # candidate.
        # "Natalia Roe" read as "Roe" alone: the given name right before it, when what the
        # model read opens with no plain word ("Major Announcements" is no one's name).
        given = GIVEN_BEFORE.search(text, max(0, start - 20), start) if label == "person" else None
        if (
            given
            and given.group(1).casefold() in knowledge.given_names
            and _proper_word(text[start:end].split(" ")[0], knowledge)
            and not firm_pair_before(text, given.start(1), knowledge)
        ):
            start = given.start(1)
        for part_start, part_end in _span_parts(text, start, end):
            hit = trimmed_hit(text, part_start, part_end, label, "ner", knowledge)
            if hit is not None:
                if hit.label == "person":
                    name = person_then_known_org(known_person_then_words(hit.text, knowledge),
                                                 knowledge)  # fmt: skip
                    hit.end = hit.start + len(name)
                    hit.start += owner_before_person(name, knowledge)
                    hit.text = text[hit.start : hit.end]
                hits.append(hit)
    return hits


def owner_before_person(name: str, knowledge: Knowledge) -> int:
    """How many characters of ``name`` are an owner's possessive before a person ("Quarn
    Media’s Jane Roe"): up to the given name after the last possessive, else 0."""
    cut = 0
    for m in re.finditer(r"['’]s[ ]", name):
        rest = name[m.end() :]
        if " " in rest and rest.split()[0].casefold() in knowledge.given_names:
            cut = m.end()
    return cut


def person_then_known_org(name: str, knowledge: Knowledge) -> str:
    """A byline's person run into the well-known outlet after it ("by Jane Quarnby Reuters"):
    the person's name alone; else ``name``."""
    words = name.split()
    for n in range(2, len(words)):
        if " ".join(words[n:]) in knowledge.known_org_names:
            return " ".join(words[:n])
    return name


def known_person_then_words(name: str, knowledge: Knowledge) -> str:
    """A well-known person's name run into plain words of a title-case headline ("Jane
    Quarnby Declare Victory" in a quoted story title): the person's name alone; else
    ``name``."""
    words = name.split()
    for n in range(2, len(words)):
        # The word after no surname ("Martin Luther" + "King" is a longer name).
        if (
            " ".join(words[:n]) in knowledge.person_names
            and words[n].casefold() not in knowledge.surnames
            and all(is_common(w, knowledge.lexicon) for w in words[n:])
        ):
            return " ".join(words[:n])
    return name


def in_quotes(text: str, start: int, end: int) -> bool:
    """The span is all that a pair of quotation marks holds (a comma or full stop before the
    closing mark, as American style puts it)."""
    return text[start - 1 : start] in ("“", '"') and re.match(r"[,.]?[”\"]", text[end:]) is not None


def firm_pair_before(text: str, start: int, knowledge: Knowledge) -> bool:
    """A capitalised word that is no given name and an ampersand right before ``start``
    ("Barnes & "): what follows is a firm's second name, not a person's."""
    firm = FIRM_PAIR_BEFORE.search(text, max(0, start - 30), start)
    return firm is not None and firm.group(1).casefold() not in knowledge.given_names


def quoted_title(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """All that quotation marks hold, three words or more with a plain word inside that is
    no given name ("“Luca Meets Quarn”"): a work's title, not a person's name."""
    words = text[start:end].split()
    return (
        len(words) >= 3
        and in_quotes(text, start, end)
        and any(
            is_common(w, knowledge.lexicon)
            and w.casefold() not in knowledge.given_names
            and w.lower() not in NAME_PARTICLES
            for w in words[1:-1]
        )
    )


def _span_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines and list items of a model span; acronyms joined by a slash ("QRA/QIPC",
    a member of both bodies) are one part each."""
    for line in LINE_PART.finditer(text[start:end]):
        a, b = start + line.start(), start + line.end()
        if ACRONYM_PAIR.fullmatch(text[a:b]):
            for acronym in re.finditer(r"[A-Z]+", text[a:b]):
                yield a + acronym.start(), a + acronym.end()
            continue
        # "Riyadh. Quarn Arabia": a full stop after a word (not an abbreviation) ends a
        # sentence, and the span with it; in a span of several words, "Jane Roe/Quarn
        # Media/Vesk", a slash between names lists them ("Roe/Poe" alone may be one firm).
        breaks = NAME_BREAK if " " in text[a:b] else SENTENCE_STOP
        for stop in breaks.finditer(text, a, b):
            yield a, stop.start()
            a = stop.end()
        yield a, b


def from_gazetteer(text: str, gazetteer: Gazetteer) -> list[Hit]:
    hits = []
    for start, end, surface in gazetteer.scan(text):
        if surface in PERSONLIKE_PLACES and _next_to_capitalised(text, start, end):
            continue
        places = gazetteer.candidates(surface)
        if places:
            hits.append(Hit(start, end, surface, "place", "gazetteer", place=places[0]))
    return hits


@functools.lru_cache(maxsize=4096)
def _whole_word(surface: str) -> re.Pattern[str]:
    # "FDA-cleared", "SEC-registered": the body acts in the participle, and is named.
    return re.compile(rf"(?<![\w.-]){re.escape(surface)}(?![\w])(?!-(?![a-z]+ed\b))")


def from_aliases(text: str, knowledge: Knowledge) -> list[Hit]:
    """Organisation aliases ("DoD") and well-known organisations ("Rio Tinto") as whole
    words, case-sensitive."""
    aliases = knowledge.org_aliases
    return [
        Hit(start, end, text[start:end], "organization", "alias", canonical=aliases[name])
        for start, end, name in _known_names(text, aliases)
        if not _advisory_field(text, start, end)
    ]


# A media advisory's fields ("WHO: Eligible applicants ...", "WHAT:", "WHEN:").
ADVISORY_FIELDS = frozenset({"WHO", "WHAT", "WHEN", "WHERE", "WHY", "HOW"})


def _advisory_field(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a media advisory's field label, not the acronym of a body."""
    return text[start:end] in ADVISORY_FIELDS and text[end : end + 1] == ":"


def _known_names(text: str, names: Mapping[str, str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each of ``names`` written in ``text`` as whole words; "Kohl’s"
    written with a typographer's apostrophe is the known "Kohl's" (same length)."""
    plain = text.replace("’", "'")
    for last, name in _alias_matcher(names).iter(plain):
        start = last + 1 - len(name)
        if _whole_word(name).match(plain, start):
            yield start, last + 1, name


_MATCHERS: dict[int, tuple[Mapping[str, str], ahocorasick.Automaton]] = {}


def _alias_matcher(aliases: Mapping[str, str]) -> ahocorasick.Automaton:
    """One automaton per alias table (a worker has one), built at its first use."""
    cached = _MATCHERS.get(id(aliases))
    if cached is not None and cached[0] is aliases:
        return cached[1]
    automaton = ahocorasick.Automaton()
    for surface in aliases:
        automaton.add_word(surface, surface)
    if aliases:
        automaton.make_automaton()
    _MATCHERS[id(aliases)] = (aliases, automaton)
    return automaton


def from_known_people(text: str, knowledge: Knowledge) -> list[Hit]:
    """Well-known people ("Rita Moreno") as whole words, case-sensitive: the model skips
    famous names in lists of shows and guests."""
    hits = []
    for start, end, _name in _known_names(text, knowledge.person_names):
        # "The Jane Roe Show", "The Jane Roe network": a title named after the person.
        if text[max(0, start - 4) : start] == "The ":
            continue
        # "Tito Roe Jr.": the son of the famous name, written in full.
        stop = end + (m.end() if (m := GENERATION_AFTER.match(text[end : end + 7])) else 0)
        hits.append(Hit(start, stop, text[start:stop], "person", "alias"))
    return hits


GENERATION_AFTER = re.compile(r",?[ ](?:Jr\.|Sr\.|Jr\b|Sr\b|II\b|III\b|IV\b)")


# Places to stay that end a name the model reads as a person's ("The Quarnby Hotel").
LODGING_WORDS = frozenset({"hotel", "hotels", "resort", "resorts", "motel", "apartments", "inn"})


def famous_surnames(knowledge: Knowledge, gazetteer: Gazetteer) -> frozenset[str]:
    """The last words of the known people's names that are no given name, place or known
    body's name ("Beethoven", "Musk"; not "Washington", "Ford", "Jordan")."""
    orgs = {key(n) for n in knowledge.known_orgs} | {key(n) for n in knowledge.org_aliases}
    lasts = {n.split()[-1] for n in knowledge.known_people if " " in n.strip()}
    return frozenset(
        last
        for last in lasts
        if last[:1].isupper()
        and last.isalpha()
        and last.casefold() not in knowledge.given_names
        and key(last) not in orgs
        and gazetteer.known(last) is None
    )


def _opens_sentence_at(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


# A family name alone, and what may follow it: a possessive ("Brahms’ Violin Concerto").
CAPITALISED_WORD = re.compile(r"(?<![\w.&'’-])[A-Z][a-z]{2,}(?![\w&-])")
POSSESSIVE_AFTER = re.compile(r"['’]s?[ ]+(\S)")


# Words before a famous maker's family name that play or credit the maker's works.
WORKS_PLAYED = frozenset(
    {"perform", "performs", "performing", "performed", "play", "plays", "playing", "played"}
    | {"conduct", "conducts", "conducting", "conducted", "featuring", "features"}
)


POLITICIANS_AFTER = re.compile(
    r"[ ](?:administration|campaign|allies|supporters|presidency|victory|tariffs|agenda|rally"
    r"|voters|loyalists|appointees?|nominees?|impeachment)\b"
)


def from_famous_surnames(text: str, knowledge: Knowledge) -> list[Hit]:
    """A famous person named by the family name alone ("President Trump", "Beethoven’s
    innovations", "Musk said"): a person where a post or form of address comes before it, a
    speech verb after it, or a possessive after it (before a word in lower case when the
    name is also a plain word: "King’s College" is a body)."""
    hits = []
    for m in CAPITALISED_WORD.finditer(text):
        word = m.group()
        if word not in knowledge.famous_surnames:
            continue
        if text[m.end() : m.end() + 1] == "." and word.lower() in knowledge.titles:
            continue  # "Sen. Jane Roe": a title's short form, not Amartya Sen
        before = text[max(0, m.start() - 40) : m.start()]
        previous = before.split()[-1] if before.strip() else ""
        post = is_person_post(previous.rstrip(".,"), knowledge)
        # "Meanwhile, Trump ...", "The Trump administration": no part of a longer name.
        opens = previous.endswith((",", ";", ":")) or previous.lower() in ("the", "a", "an")
        if previous[:1].isupper() and not post and not opens:
            continue  # "Donald Trump", "Quarn Musk Labs": part of a longer name
        titled = post or HONORIFIC_BEFORE.search(before) is not None
        # "the Trump administration", "Trump allies": a politician's name before what is his.
        speaks = (
            SPEAKS_AFTER.match(text, m.end()) is not None
            or POLITICIANS_AFTER.match(text, m.end()) is not None
        )
        possessive = POSSESSIVE_AFTER.match(text, m.end())
        # A family name that is also a plain word (WordNet holds "trump" and "gandhi" as well
        # as "court") needs more: a post before it, a speech verb where no sentence opens
        # ("... ,” Musk said"), or a possessive before a word in lower case and no article
        # before it ("Gandhi’s movement", not "the Court’s ruling").
        # "performing Rachmaninoff", "a work by Quarnowski": a maker's works played.
        works = previous.lower() in WORKS_PLAYED
        if is_common(word, knowledge.lexicon):
            cued = (
                titled
                or works
                or (speaks and not _opens_sentence_at(text, m.start()))
                or (
                    possessive is not None
                    and possessive.group(1).islower()
                    and previous.lower() not in ("the", "a", "an")
                )
            )
        else:
            cued = titled or speaks or possessive is not None or works
        if cued:
            hits.append(Hit(m.start(), m.end(), word, "person", "roster"))
    return hits


def person_names(knowledge: Knowledge, gazetteer: Gazetteer) -> dict[str, str]:
    """The known people matched in text: names of two words or more that no known
    organisation and no place shares ("Walt Disney", "Santa Claus" stay with the rules)."""
    orgs = {key(n) for n in knowledge.known_orgs} | {key(n) for n in knowledge.org_aliases}
    return {
        name: name
        for name in knowledge.known_people
        if " " in name.strip() and key(name) not in orgs and gazetteer.known(name) is None
    }


def org_names(knowledge: Knowledge, gazetteer: Gazetteer) -> dict[str, str]:
    """The alias table with the well-known organisations added as their own names. A known
    name of one word that is also a plain word, a given name or a place ("Vale", "Morgan",
    "Adelaide") is left to the model and the rules, which read it in context; one in capitals
    ("NASA") is matched unless it names a place."""
    names: dict[str, str] = {}
    for name in knowledge.known_orgs:
        # Matching is case-sensitive: "NASA" or "PBS" in capitals is never the plain word
        # or given name the lexicon holds in lower case.
        plain = not name.isupper() and (
            is_common(name, knowledge.lexicon) or name.casefold() in knowledge.given_names
        )
        if " " not in name and (plain or gazetteer.known(name) is not None):
            continue
        names[name] = name
        # "Blackrock", "Tradingview": writers drop a camel-case name's inner capitals; the
        # name so written is still no plain word.
        if CAMEL_NAME.fullmatch(name) and not is_common(name, knowledge.lexicon):
            names.setdefault(name.capitalize(), name)
    for name in knowledge.known_orgs:
        # "Alibaba" for "Alibaba Group": a firm is named without its corporate ending, when
        # what is left is no plain word, given name, family name or place.
        head, _, ending = name.partition(" ")
        if (
            ending in CORPORATE_ENDINGS
            and len(head) >= 4
            and head not in knowledge.known_org_names
            and not is_common(head, knowledge.lexicon)
            and head.casefold() not in knowledge.given_names
            and head.casefold() not in knowledge.surnames
            and gazetteer.known(head) is None
        ):
            names.setdefault(head, name)
    names.update(knowledge.org_aliases)
    return names


# Endings a firm is often named without ("Alibaba Group" as "Alibaba").
CORPORATE_ENDINGS = frozenset(
    {"Group", "Holdings", "Inc.", "Inc", "Corporation", "Corp.", "Company", "Limited", "Ltd"}
    | {"Ltd.", "plc", "PLC", "LLC", "AG", "SE", "S.A.", "N.V.", "SA", "NV"}
)


CAMEL_NAME = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]{2,}")


def from_patterns(text: str, gazetteer: Gazetteer) -> list[Hit]:
    hits = []
    for m in DOMAIN_NAME.finditer(text):
        hits.append(Hit(m.start(1), m.end(1), m.group(1), "organization", "pattern"))
    for m in CITY_STATE.finditer(text):
        state = gazetteer.abbreviation(m.group(2))
        if state is None:
            continue
        city_name, city_start = m.group(1), m.start(1)
        # "Quarnby University, California State University": a list of bodies, no town.
        if city_name.split()[-1].lower() in INSTITUTION_NOUNS:
            continue
        # "6900 W 119th St Overland Park, KS": the street's type word belongs to the street.
        street = STREET_TYPE.match(city_name)
        if street and re.search(r"\d", text[max(0, city_start - 12) : city_start]):
            city_name, city_start = city_name[street.end() :], city_start + street.end()
        cities = [c for c in gazetteer.cities(city_name) if c.subdivision == state.subdivision]
        city = (
            cities[0]
            if cities
            else Place(city_name, "city", country=state.country, subdivision=state.subdivision)
        )
        hits.append(Hit(city_start, m.end(1), city_name, "place", "pattern", place=city))
        hits.append(Hit(m.start(2), m.end(2), m.group(2), "place", "pattern", place=state))
    hits += _cities_of_regions(text, gazetteer)
    return hits


def _cities_of_regions(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """ "Copenhagen, Denmark", "Holland, Michigan": a city the gazetteer knows in the country
    or state written after it is that city, whatever the model called it."""
    hits = []
    for m in [*CITY_REGION.finditer(text), *CITY_REGION_GLUED.finditer(text)]:
        # "Austin, Texas Governor ...": the longest run of words after the comma that is a
        # country or state.
        words = m.group(2).split(" ")
        words[-1] = WEB_GLUE.sub("", words[-1]) or words[-1]
        region, region_end = None, m.end(2)
        for n in range(len(words), 0, -1):
            found = gazetteer.known(" ".join(words[:n]))
            if found is not None and found.kind in ("country", "subdivision"):
                region, region_end = found, m.start(2) + len(" ".join(words[:n]))
                break
            if found is not None:
                break  # "Vancouver, West Vancouver": a place of its own after the comma
        if region is None:
            continue
        cities = gazetteer.cities_in(m.group(1), region)
        # A town too small for the gazetteer, introduced as a place ("for Quarnby, Texas"),
        # in a state or province written out; not a state or country of a list of them ("in
        # Utah, California and Washington").
        own = gazetteer.known(m.group(1))
        if (
            not cities
            and region.kind == "subdivision"
            and PLACE_PREPOSITION.search(text[max(0, m.start(1) - 12) : m.start(1)])
            and not (own is not None and own.kind in ("country", "subdivision"))
            # "at Quarnby University, California State University": bodies, no town
            and m.group(1).split()[-1].lower() not in INSTITUTION_NOUNS
        ):
            cities = [Place(m.group(1), "city", region.country, region.subdivision)]
        if cities:
            hits.append(Hit(m.start(1), m.end(1), m.group(1), "place", "pattern", place=cities[0]))
            name = text[m.start(2) : region_end]
            hits.append(Hit(m.start(2), region_end, name, "place", "pattern", place=region))
    return hits


# "a Quarnby-based firm": the name before "-based" is where something is.
BASED_IN = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})-based\b")


def from_based(text: str, gazetteer: Gazetteer, knowledge: Knowledge) -> list[Hit]:
    """Places written as "X-based": one the gazetteer knows, or a name that is no common
    word ("Cloud-based", "Plant-based" are no places)."""
    hits = []
    for m in BASED_IN.finditer(text):
        name = m.group(1)
        known = gazetteer.known(name)
        if known is None and any(is_common(w, knowledge.lexicon) for w in name.split()):
            continue
        hits.append(Hit(m.start(1), m.end(1), name, "place", "pattern", place=known))
    return hits


PLACE_PREPOSITION = re.compile(
    r"\b(?:in|for|of|from|near|to|at|outside|around|across|throughout|serving)[ ]$"
)


def yield_to_places(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """Model spans that swallowed a place the gazetteer or a "City, ST" pattern found: a date
    around a place ("the Georgia summer") goes, and a name opening with the state of a "City,
    ST" ("Austin, TX CME") starts after the state."""
    places = [h for h in hits if h.label == "place" and h.source in ("gazetteer", "pattern")]
    if not places:
        return hits
    states = {
        h.start: h.end
        for h in places
        if h.source == "pattern" and h.place is not None and h.place.kind == "subdivision"
    }
    out: list[Hit] = []
    for hit in hits:
        if hit.source == "ner" and hit.label in ("date", "money"):
            if any(p.start < hit.end and hit.start < p.end for p in places):
                continue
        elif hit.source == "ner" and hit.start in states and hit.end > states[hit.start]:
            rest = trimmed_hit(text, states[hit.start], hit.end, hit.label, "ner", knowledge)
            if rest is not None:
                out.append(rest)
            continue
        out.append(hit)
    return out


def tickers(text: str) -> set[str]:
    """Stock symbols ("(NASDAQ: HOFT)", "under the symbol “NEHC”"): never organisations."""
    out: set[str] = set()
    for m in TICKER.finditer(text):
        out.update(g for g in m.groups() if g)
    out.update(m.group(1) for m in SYMBOL.finditer(text))
    return out


def symbols_not_names(text: str, knowledge: Knowledge) -> frozenset[str]:
    """The stock symbols (``tickers``) that name no body here: a well-known body called by
    its symbol elsewhere in the text ("JLL (NYSE: JLL) ... JLL announced") keeps its name."""
    listed = tickers(text)
    listings = [(m.start(), m.end()) for m in TICKER.finditer(text)]
    listings += [(m.start(), m.end()) for m in SYMBOL.finditer(text)]
    named = {
        symbol
        for symbol in listed & knowledge.known_org_names
        if any(
            not any(a <= m.start() < b for a, b in listings)
            for m in word_pattern(symbol).finditer(text)
        )
    }
    return frozenset(listed - named)


INLINE_BULLET_NAME = re.compile(
    r"(?:(?<=[ \t:])|^)[•▪][ \t]+"
    r"([A-Z][\w.'’-]+(?:[ ](?:[A-Z][\w.'’-]+|van|von|de|der|da|di|la|le)){1,3})"
    r"(?=[ \t]*(?:[•▪]|$))",
    re.MULTILINE,
)


def from_bullets(text: str, knowledge: Knowledge, gazetteer: Gazetteer | None = None) -> list[Hit]:
    """Roster lines, a common release format: "* Jane Doe — Chief Officer, Acme Labs",
    "* Jane Doe, MBA, Acme Labs", "* Jane Doe; Tucson, Arizona". A place list ("* New York,
    NY") is no roster."""
    hits = []
    # "Patrons: Jane Roe • John Poe • Ann Lee": names alone between bullets, each a person
    # when it opens with a given name (a list of plain items reads the same).
    for m in INLINE_BULLET_NAME.finditer(text):
        if given_name_first(m.group(1), knowledge) and _roster_person(m.group(1), knowledge,
                                                                      gazetteer):  # fmt: skip
            hits.append(Hit(m.start(1), m.end(1), m.group(1), "person", "pattern"))
    for m in INLINE_BULLET_PERSON.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip():  # not the line's own bullet
            person = trimmed_hit(text, m.start(1), m.end(1), "person", "pattern", knowledge)
            if person is not None and _roster_person(person.text, knowledge, gazetteer):
                hits.append(person)
    for m in BULLET_PERSON.finditer(text):
        name = m.group(1)
        if gazetteer is not None and gazetteer.known(name) is not None:
            continue
        # "* County Court Judge Jane Roe, ...": the post before the name is no part of it.
        person = trimmed_hit(text, m.start(1), m.end(1), "person", "pattern", knowledge)
        if person is None or not _roster_person(person.text, knowledge, None):
            continue  # "* Quarn Casino - Best Welcome Bonus": no person, so no affiliation
        hits.append(person)
        tail = m.group(2).rstrip()
        last = tail.rsplit(",", 1)[-1]
        offset = m.start(2) + len(tail) - len(last)
        # "* Jane Roe, Acme Realty | Vesk Advisors": each affiliation a bar parts is one body.
        for part in AFFILIATION_BAR.split(last):
            org = part.strip()
            # "* Jane Roe; Tucson, Arizona": where the person lives, not where she works.
            place = gazetteer is not None and gazetteer.known(org) is not None
            if org and org[0].isupper() and not is_role(org, knowledge) and not place:
                start = offset + last.find(part) + part.find(org)
                hits.append(Hit(start, start + len(org), org, "organization", "pattern"))
    return hits


# A bulleted line that holds a name alone, or a name and a dash ("* Jane A. Roe",
# "* Jo Poe – Up and Coming").
NAME_BULLET = re.compile(
    r"(?m)^[ \t]*[*•·-][ \t]+([A-Z][\w.'’-]*(?:[ ](?:[A-Z][\w.'’-]*|van|von|de|der|da|di|la|le))"
    r"{1,3})(?:,[ ](?:Jr|Sr|II|III)\.?)?(?:[ \t]+[—–-][ \t][^\n]*)?[ \t]*$"
)


def from_name_bullets(text: str, knowledge: Knowledge, gazetteer: Gazetteer) -> list[Hit]:
    """A bulleted list of names alone ("* M. Blake Roe", "* Jane A. Poe"): where most of its
    items read as people by their given names or middle initials, each such item is a person
    (a list of products or towns does not read so)."""
    items = [
        m for m in NAME_BULLET.finditer(text) if _roster_person(m.group(1), knowledge, gazetteer)
    ]
    vouched = [m for m in items if _named_in_full(m.group(1), knowledge)]
    if len(vouched) < 3 or len(vouched) * 5 < len(items) * 3:
        return []
    return [Hit(m.start(1), m.end(1), m.group(1), "person", "pattern") for m in vouched]


def _named_in_full(name: str, knowledge: Knowledge) -> bool:
    """ "Jane Roe", "M. Blake Roe", "Jane A. Roe", "Bindu Ann Roe": a given name opens the
    name or follows an initial, or a middle initial or given name stands inside it."""
    words = name.split()
    given = [w.casefold() in knowledge.given_names for w in words]
    initial = [DOTTED_INITIALS.fullmatch(w) is not None for w in words]
    return given[0] or (initial[0] and given[1]) or any(
        initial[i] or given[i] for i in range(1, len(words) - 1)
    )


def _roster_person(name: str, knowledge: Knowledge, gazetteer: Gazetteer | None) -> bool:
    """A roster item's name that reads as a person's: not a place, person-shaped, and not a
    term defined ("* Workplace Evaluation - policies and practices")."""
    return (
        (gazetteer is None or gazetteer.known(name) is None)
        and looks_like_person(name, knowledge)
        and not common_words_no_given_name(name, knowledge, most=6)
    )


AFFILIATION_BAR = re.compile(r"[ ]\|[ ]")


# A reference list's authors, Vancouver style: "[1] Roe J, Poe-Lee AB, Quarn T. Title. ..."
_CITED = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?[ ][A-Z]{1,3}"
CITATION_AUTHORS = re.compile(
    rf"(?m)^[ \t]*(?:\[\d{{1,3}}\][ ]?|\d{{1,3}}\.[ ])?"
    rf"({_CITED}(?:,[ ]{_CITED})+)(?:,[ ]et[ ]al)?\."
)
CITED_AUTHOR = re.compile(_CITED)


def from_citations(text: str) -> list[Hit]:
    """The authors of a numbered reference ("Roe J, Poe-Lee AB, Quarn T."), as written."""
    hits = []
    for m in CITATION_AUTHORS.finditer(text):
        for author in CITED_AUTHOR.finditer(m.group(1)):
            start = m.start(1) + author.start()
            end = start + len(author.group())
            hits.append(Hit(start, end, author.group(), "person", "citation"))
    return hits


NICKNAME = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) "
    r"(?:\(([A-Z][A-Za-z.]{1,10})\)|[\"“']([A-Z][a-z]{1,10})[\"”'])"
    r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# "Jane and John Roe", "Mika and Brian Roe": a couple sharing the surname written once.
COUPLE = re.compile(
    r"(?<![\w.’'-])([A-Z][a-z]{1,15}) (?:and|&) ([A-Z][a-z]{1,15}(?: [A-Z]\.)? "
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?))\b(?![ ][A-Z&]|['’])"
)


# "co-authored by Senators Roe, Poe-Lee, and Jane Quill": a plural post, then the people who
# hold it, by surname or full name.
_UP = "A-ZÁÉÍÓÚÑÜ"
_ROSTER_NAME = rf"[{_UP}][\w’'-]+(?:[ ](?:[{_UP}]\.|[{_UP}][\w’'-]+)){{0,2}}"
# The posts, one each; the plural a roster opens with adds "s" ("Senators", "Sens.").
ROSTER_POSTS = (
    "Senator", "Sen.", "Representative", "Rep.", "Assemblymember", "Councilmember",
    "Commissioner", "Supervisor", "Dr.",
)  # fmt: skip
_PLURAL_POSTS = "|".join(
    re.escape(p[:-1] + "s." if p.endswith(".") else p + "s") for p in ROSTER_POSTS
)
ROSTER = re.compile(
    rf"\b(?:{_PLURAL_POSTS})[ ]"
    rf"({_ROSTER_NAME}(?:,[ ]{_ROSTER_NAME})*,?[ ](?:and|&)[ ]{_ROSTER_NAME})(?![\w’'-])"
)
_ROSTER_SEP = re.compile(r",[ ](?:and[ ]|&[ ])?|[ ](?:and|&)[ ]")
ROSTER_POST = re.compile(rf"(?:{'|'.join(re.escape(p) for p in ROSTER_POSTS)})[ ]")


# "the four co-founders — Ann Poe, Jo Lee and Jane Roe —": a plural noun for people, a dash
# or a colon, then a list of names of two or three words each.
_LISTED_NAME = rf"[{_UP}][\w’'-]+(?:[ ](?:[{_UP}]\.|[{_UP}][\w’'-]+)){{1,2}}"
_PEOPLE_NOUNS = (
    r"\b(?:co-?founders|founders|speakers|panelists|panellists|honorees|honourees|winners"
    r"|recipients|finalists|partners|attorneys|lawyers|trustees|executives|hosts|authors"
    r"|artists|members|judges"
)
PEOPLE_LIST = re.compile(
    rf"{_PEOPLE_NOUNS})[ ]?[—–:-][ ]?"
    rf"({_LISTED_NAME}(?:,[ ]{_LISTED_NAME}){{1,}},?[ ](?:and|&)[ ]{_LISTED_NAME})(?![\w’'-])"
)
# "led by experienced investors Ann Poe and Jo Lee": two names right after such a noun.
PEOPLE_PAIR = re.compile(
    rf"{_PEOPLE_NOUNS}|investors|entrepreneurs|siblings|brothers|sisters|twins|doctors"
    r"|physicians|scientists|researchers|co-?hosts|co-?authors)[ ]"
    rf"({_LISTED_NAME}[ ](?:and|&)[ ]{_LISTED_NAME})(?![\w’'-])(?![ ][A-Z])"
)

# "top touring engineers, including Eddie Roe (...)": one name a plural noun for people
# introduces.
PEOPLE_INCLUDING = re.compile(
    rf"{_PEOPLE_NOUNS}|engineers|producers|musicians|designers|developers|scientists"
    r"|researchers|doctors|physicians|investors|entrepreneurs|athletes|players|coaches)"
    rf",?[ ](?:including|such[ ]as|like)[ ]({_LISTED_NAME})(?=[ ]?[(,.;])"
)


def from_people_lists(text: str, knowledge: Knowledge) -> list[Hit]:
    """Each name of a list a plural noun for people introduces after a dash or colon is a
    person when every item is shaped like one (a list of firms has legal forms or firm
    words); so is one name that opens with a given name after "engineers, including"."""
    hits = []
    for m in [*PEOPLE_LIST.finditer(text), *PEOPLE_PAIR.finditer(text)]:
        items = [Hit(a, b, item, "person", "pattern") for a, b, item in _list_items(text, m)]
        if all(
            looks_like_person(h.text, knowledge) and not has_org_suffix(h.text, knowledge)
            and h.text.split()[-1].lower() not in knowledge.org_tails
            and h.text not in knowledge.known_org_names
            for h in items
        ):
            hits += items
    for m in PEOPLE_INCLUDING.finditer(text):
        if given_name_first(m.group(1), knowledge):
            hits.append(Hit(m.start(1), m.end(1), m.group(1), "person", "pattern"))
    return hits


# "Edward, Managing Partner at Quarn Ventures, said": one name opening a sentence, then a
# comma and a post.
ONE_NAME_POST = re.compile(
    r"(?m)(?:^|(?<=[a-z]{3}[.!?][ ])|(?<=[.!?][”\"][ ]))([A-Z][a-z]{2,15}),[ ]"
    r"(?!(?:the|a|an)\b)([^,.;:\n]{2,60})"
)


def from_one_name_posts(text: str, knowledge: Knowledge) -> list[Hit]:
    """A person the release names by one name, given a post right after it ("Daya,
    Co-founder and CTO of Quarnex, ..."): a given name, or a word no plain English word. Not
    after an initial or "Mr." (a family name), nor before an article ("Quarnex, the trusted
    advisor ...": a firm described)."""
    hits = []
    for m in ONE_NAME_POST.finditer(text):
        name = m.group(1)
        known = name.casefold() in knowledge.given_names
        if not known and is_common(name, knowledge.lexicon):
            continue  # "Today, CEO Jane Roe said"
        post = m.group(2).split()[:3]
        # "Managing Partner": a role word in capitals after the comma is a post too.
        if any(is_person_post(w, knowledge) or capitalised_role(w, knowledge) for w in post):
            hits.append(Hit(m.start(1), m.end(1), name, "person", "roster"))
    return hits


# "Ltd. Sebastien (604) 555-0134", "Contact: Mira, +44 20 ...": one name right before a
# phone number, at a line's or a clause's start; "Grownups, too! - Eric, Amazon Review": one
# name signing a quote or a review after a dash.
ONE_NAME_PHONE = re.compile(
    r"(?:^|(?<=[.:,;][ ])|(?<=\n))([A-Z][a-z]{2,15}),?[ ]+(?=\(?\+?\d[\d ().-]{7,}\d)", re.M
)
ONE_NAME_SIGNED = re.compile(r"(?<=[!.?”\"])[ ]*[-–—][ ]?([A-Z][a-z]{2,15})(?=,[ ]|[ ]*\n|$)", re.M)


def from_one_name_signatures(
    text: str, knowledge: Knowledge, gazetteer: Gazetteer | None = None
) -> list[Hit]:
    """A person named by a given name alone where a contact line gives a phone number after
    it, or where it signs a quote or a review; a given name of the name lists that is no
    plain English word ("Sebastien", not "Grace"), nor a country, a region or a city of
    100,000 people ("Austin (512) 555-0134" is a city's line; a village of the name is no
    matter)."""
    hits = []
    for m in [*ONE_NAME_PHONE.finditer(text), *ONE_NAME_SIGNED.finditer(text)]:
        name = m.group(1)
        if name.casefold() not in knowledge.given_names or is_common(name, knowledge.lexicon):
            continue
        places = gazetteer.candidates(name) if gazetteer is not None else []
        if any(p.kind != "city" or p.population >= 100_000 for p in places):
            continue
        hits.append(Hit(m.start(1), m.end(1), name, "person", "roster"))
    return hits


def words_treated_as_people(
    text: str, words: list[Hit], people: list[Hit], knowledge: Knowledge
) -> set[str]:
    """The one-word hits' texts that some place in ``text`` treats as a person's name: a
    speech verb, a relation, a list beside ``people`` ("Mark, Robyne, and their son")."""
    spans = [(h.start, h.end) for h in people if h.start >= 0]
    # Each word once: the model reads a given name it takes for a body at every mention, and
    # every scan below already covers all of them.
    return {
        word
        for word in {h.text for h in words}
        if any(
            person_cue(text, m.start(), m.end(), spans, knowledge)
            for m in word_pattern(word).finditer(text)
        )
    }


def named_people_spans(people: list[Hit], knowledge: Knowledge) -> list[tuple[int, int]]:
    """Spans of the people named in two words or more that are no run of plain words."""
    return [
        (h.start, h.end)
        for h in people
        if h.start >= 0
        and " " in h.text.strip()
        and not common_words_no_given_name(h.text, knowledge)
    ]


def from_rosters(text: str) -> list[Hit]:
    """The people a plural post introduces ("Senators Roe, Poe and Quill"), each a person
    however short the name: the post vouches for them all."""
    hits = []
    for m in ROSTER.finditer(text):
        for start, end, item in _list_items(text, m):
            # "Senators Roe and Senator Jane Poe": the post repeated before the last name.
            if lead := ROSTER_POST.match(item):
                start, item = start + lead.end(), item[lead.end() :]
            hits.append(Hit(start, end, item, "person", "roster"))
    return hits


def _list_items(text: str, m: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, item) of each name in the list ``m`` holds as its first group, split at
    commas and "and"."""
    pos = m.start(1)
    for item in _ROSTER_SEP.split(m.group(1)):
        start = text.index(item, pos)
        pos = start + len(item)
        yield start, pos, item


# "said Acme CEO Jon Beam.": a post in capitals, then a given name and a family name that
# no capitalised word follows.
POSTED_NAME = re.compile(
    r"(?<![\w’'-])([A-Z][\w-]*)[ ]([A-Z][a-z]+(?:[ ][A-Z]\.)?[ ][A-Z][a-z][\w’'-]*)(?![\w’'-])"
    r"(?![ ](?:[A-Z]|of\b|&))"
)


def from_posted_names(text: str, knowledge: Knowledge) -> list[Hit]:
    """A person the model may pass over after her post ("Acme CEO Jon Beam"): the post and a
    given name of the name lists vouch for her."""
    hits = []
    for m in POSTED_NAME.finditer(text):
        # "Mayor Brandon Roe’s SUV": the possessive is no part of her name.
        name = POSSESSIVE.sub("", m.group(2))
        if not is_person_post(m.group(1), knowledge) or not given_name_first(name, knowledge):
            continue
        hits.append(Hit(m.start(2), m.start(2) + len(name), name, "person", "pattern"))
    return hits


# "Director/Writer: Jane Roe", "Producers: Jane Roe and John Doe", "Moderator: Jane Roe, CEO":
# a credit or a panel role, a colon, then the people who hold it.
CREDIT = re.compile(
    r"\b(?:Directors?|Writers?|Producers?|Executive[ ]Producers?|Director/Writer|"
    r"Writer/Director|Cinematographer|Composer|Editor|Cast|Starring|Hosts?|Moderators?|"
    r"Panelists?|Speakers?|Judges?|Honorees?|Award|Winners?|Recipients?):[ ]"
)
_CREDIT_NAME = re.compile(rf"[{_UP}][\w’'-]+(?:[ ](?:[{_UP}]\.|[{_UP}][\w’'-]+)){{1,3}}")
_CREDIT_SEP = re.compile(r",[ ](?:and[ ])?|[ ](?:and|&)[ ]|;[ ]")
# A film's genre run into the last name of its credits ("Jane Roe Narrative, 90 min.").
GENRE_AFTER = re.compile(
    r"[ ](?:Narrative|Documentary|Comedy|Drama|Animation|Experimental|Horror|Thriller)"
    r"(?=,?[ ]\d)"
)


def from_credits(text: str, knowledge: Knowledge) -> list[Hit]:
    """The people a credit or panel role names after a colon, up to the first item that is
    no person's name (a post, a firm, a sentence)."""
    hits = []
    for m in CREDIT.finditer(text):
        pos = m.end()
        while name := _CREDIT_NAME.match(text, pos):
            end = name.end()
            if genre := GENRE_AFTER.search(text, name.start(), end + 12):
                end = min(end, genre.start())
            # "... Jane Roe Producers: John Doe": the next credit starts inside the run.
            if (label := CREDIT.search(text, name.start(), end + 2)) and label.start() < end:
                end = label.start() - 1
            span = text[name.start() : end]
            if not named_like_person(span, knowledge):
                break
            hits.append(Hit(name.start(), end, span, "person", "pattern"))
            sep = _CREDIT_SEP.match(text, end)
            if sep is None:
                break
            pos = sep.end()
    return hits


# A name whose family name is written in capitals, as East Asian releases write it, after a
# form of address: "Dr. CHOI Yuk-Lin", "Mr. WANG Tao", "Prof. Nancy IP", "Dr. John CHAN
# Cho-Chak". The model reads such names as firms or splits them.
CAPS_SURNAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame)\.?[ ](?:the[ ]Hon\.?[ ])?"
    r"((?:[A-Z]{2,12}(?:[ ][A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,2}"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ][A-Z]{2,12}(?:[ ][A-Z][a-z]+-[A-Z]?[a-z]+)?))"
    r"(?![\w’'-])"
)


def from_capitalised_surnames(text: str) -> list[Hit]:
    """People whose family name is in capitals, after a form of address (``CAPS_SURNAME``);
    the form of address vouches for them."""
    return [
        Hit(m.start(1), m.end(1), m.group(1), "person", "roster")
        for m in CAPS_SURNAME.finditer(text)
    ]


# A news digest's credit at a paragraph's end: the reporters, a slash, their outlet ("...
# the vote. Jane Roe and John Poe/The Quarnby Sun.").
BYLINE_OUTLET = re.compile(
    rf"/((?:The[ ])?[{_UP}][\w.&’'-]*(?:[ ](?:of[ ]|the[ ])?[{_UP}][\w.&’'-]*){{0,5}}?)"
    r"\.?[ \t]*(?:\n|$)"
)
SENTENCE_END = re.compile(r"[.!?][”\"’)]?[ ]+")


# A byline on a line of its own: "By Jane Roe", "By Jane Roe, The Quarnby Sun".
BYLINE_LINE = re.compile(
    rf"(?m)^By[ ]+({_CREDIT_NAME.pattern})"
    rf"(?:,[ ]+((?:The[ ])?[{_UP}][\w.&’'-]*(?:[ ][{_UP}][\w.&’'-]*){{0,4}}))?[ \t]*$"
)


def from_bylines(
    text: str, knowledge: Knowledge, model_people: frozenset[tuple[int, int]] = frozenset()
) -> list[Hit]:
    """The reporters (people) and the outlet (an organisation) of each byline: "By Jane Roe,
    The Quarnby Sun" on a line of its own, or a credit "Jane Roe and John Poe/The Quarnby
    Sun." that ends a paragraph, where everything between the previous sentence's end and
    the slash is people's names. A byline's name the model read as a person (``model_people``,
    spans) is one though the name lists lack it ("By Gerelyn Quarn, Benzinga")."""
    hits: list[Hit] = []
    for m in BYLINE_LINE.finditer(text):
        if named_like_person(m.group(1), knowledge) or m.span(1) in model_people:
            # "By Jane Roe Reuters": the outlet run on without a comma is no part of her name.
            reporter = person_then_known_org(m.group(1), knowledge)
            hits.append(
                Hit(m.start(1), m.start(1) + len(reporter), reporter, "person", "pattern")
            )
            if m.group(2):
                outlet = m.group(2)
                hits.append(Hit(m.start(2), m.end(2), outlet, "organization", "pattern"))
    for m in BYLINE_OUTLET.finditer(text):
        slash = m.start()
        pos = text.rfind("\n", 0, slash) + 1  # the paragraph's start, or its last sentence's
        for end in SENTENCE_END.finditer(text, pos, slash):
            pos = end.end()
        people = []
        while name := _CREDIT_NAME.match(text, pos, slash):
            if not named_like_person(name.group(), knowledge):
                break
            people.append(Hit(name.start(), name.end(), name.group(), "person", "pattern"))
            if name.end() == slash:
                pos = slash
                break
            sep = _CREDIT_SEP.match(text, name.end(), slash)
            if sep is None:
                break
            pos = sep.end()
        if people and pos == slash:
            outlet = m.group(1).rstrip(".")
            hits += people
            outlet_end = m.start(1) + len(outlet)
            hits.append(Hit(m.start(1), outlet_end, outlet, "organization", "pattern"))
    return hits


def with_credits(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """``hits`` with the credited people (``from_credits``) and the reporters and outlets of
    bylines (``from_bylines``) added: the model runs a credited name into the label before
    it or the words after it ("Moderator: Jane Roe", "Jane Roe Narrative, 90 min.", "Roe/The
    Quarnby Sun"), so the credit's reading replaces the model's spans it overlaps."""
    model_people = frozenset(
        (h.start, h.end) for h in hits if h.label == "person" and h.source == "ner"
    )
    credited = (
        from_credits(text, knowledge)
        + from_bylines(text, knowledge, model_people)
        + from_capitalised_surnames(text)
    )
    if not credited:
        return hits
    spans = [(h.start, h.end) for h in credited]
    kept = [
        h for h in hits if h.source != "ner" or not any(h.start < b and a < h.end for a, b in spans)
    ]
    return kept + credited


def from_nicknames(text: str) -> list[Hit]:
    """ "Juan Carlos (JC) Moreno": one person, "JC" one more spelling of him. Three or more
    capitals that are the initials of the words before them define a name's short form
    ("Quarn Power Ventures (QPV) Announces"), no nickname."""
    hits = []
    for m in NICKNAME.finditer(text):
        given, start = m.group(1), m.start()
        first, _, rest = given.partition(" ")
        if rest and first.lower() in HONORIFICS:  # "Mr Jun (JJ) Quarn": the name after it
            given, start = rest, start + len(first) + 1
        full = f"{given} {m.group(4)}"
        nickname = m.group(2) or m.group(3)
        if m.group(4) in TRAILING_FUNCTION_WORDS:
            continue  # "Acme (ACME) To Open": a title-case line, no name
        if given.split()[0] in ARTICLES:
            continue  # "The Quarn (Vesk) Mark": a title and its maker, no name
        if m.group(2) and len(nickname) >= 3 and nickname.isupper():
            before = WORD.findall(text, max(0, m.start(2) - 120), m.start(2))
            if "".join(w[0] for w in before[-len(nickname) :]).upper() == nickname:
                continue
        hits.append(
            Hit(start, m.end(), text[start : m.end()], "person", "pattern", canonical=full,
                aliases=[nickname])
        )  # fmt: skip
    return hits


PLURAL_ADDRESS = frozenset({"drs", "messrs", "mmes"})
NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w’'-]*|\b(?:de|del|da|di|van|von|la|le|dos))[ ]$")


def couples(text: str, hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """ "Mika and Brian Roe": when "Brian Roe" is a person and "Mika" a given-name-shaped word
    that nothing else reads as an organisation or a known place, Mika Roe is a person too."""
    people = {(h.start, h.end) for h in hits if h.label == "person"}
    out = []
    # "Mary & Tom Quarnby" read whole as one firm or one person: two given names and a
    # family name are a couple all the same; the second person is read here.
    for h in hits:
        whole_pair = h.label in ("organization", "person") and h.source == "ner"
        m = COUPLE.fullmatch(h.text) if whole_pair else None
        if (
            m is not None
            and h.start >= 0
            and m.group(1).casefold() in knowledge.given_names
            and given_name_first(m.group(2), knowledge)
        ):
            start = h.start + m.start(2)
            out.append(Hit(start, h.end, m.group(2), "person", "pattern"))
            people.add((start, h.end))
        # "Karlie Roe & Riley Poe" read whole: two people named in full, each opening with a
        # given name ("Fish & Richardson", one word a side, is a firm's pair of names).
        pair = TWO_FULL_NAMES.fullmatch(h.text) if whole_pair and h.start >= 0 else None
        base, plain_ones = h.start, 0  # where ``pair`` was read; family names maybe plain
        # "Dom Roe &" + "Rob Freedman of Acme": the model stopped at the joint and vouches for
        # the first name; the second may then end in a plain word ("freedman").
        if pair is None and whole_pair and h.start >= 0 and h.text.endswith(("&", " and")):
            pair = TWO_FULL_NAMES.match(text, h.start)
            base, plain_ones = 0, 1
        # "Fleet Professional and Fleet Technician": a plain word is no family name.
        if (
            pair
            and all(given_name_first(n, knowledge) for n in pair.groups())
            and sum(plain_not_surname(n.split()[-1], knowledge) for n in pair.groups())
            <= plain_ones
        ):
            for i in (1, 2):
                a, b = base + pair.start(i), base + pair.end(i)
                out.append(Hit(a, b, pair.group(i), "person", "pattern"))
                people.add((a, b))
    read_whole = couple_firms(out, hits)
    others = [
        h
        for h in hits
        if (h.label == "organization" and (h.start, h.end) not in read_whole)
        or h.place is not None
    ]
    for m in COUPLE.finditer(text):
        if (m.start(2), m.end(2)) not in people:
            continue
        a, b = m.span(1)
        given = m.group(1)
        if given.lower() in knowledge.titles:
            continue
        # A common word is a given name only when the name lists know it ("Dick", "Mary",
        # "Grace"; not "Sales and John Roe"); a pair the model read whole passed the same
        # test above.
        if (
            is_common(given, knowledge.lexicon)
            and given.lower() not in knowledge.nicknames
            and given.casefold() not in knowledge.given_names
        ):
            continue
        if any(h.start <= a and b <= h.end for h in others):
            continue
        before = NAME_BEFORE.search(text[max(0, a - 20) : a])
        # "Drs Ann and Bob Roe", "Honorary Chairs Ann and Bob Roe": a form of address or a
        # post before the pair, not the end of another name.
        word = before.group().strip().rstrip(".") if before else ""
        # A sentence's opening word is no name's end either ("When Ann and Bob Roe began").
        opener = word.lower() in OPENING_WORDS or word.lower() in PLURAL_ADDRESS
        if word and not is_person_post(word, knowledge) and not opener:
            continue  # "Poncho de Quarn and Marcela Vell": the end of a name, no given name
        name = f"{given} {m.group(3)}"
        out.append(Hit(a, b, given, "person", "pattern", canonical=name))
    return out


_FULL_NAME = r"[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,2}"
TWO_FULL_NAMES = re.compile(rf"({_FULL_NAME}) (?:&|and) ({_FULL_NAME})")


ESTATE_OF = re.compile(r"(?:[Tt]he[ ])?(?:Estate|estate)[ ]of[ ](.+)")


def estates_of_people(hits: list[Hit], knowledge: Knowledge) -> list[Hit]:
    """ "the Estate of Ella Quarn" read as a body: the person whose estate it is, named in full
    with a given name first, is the name the release gives (the hit is cut to her name)."""
    out = []
    for h in hits:
        m = ESTATE_OF.fullmatch(h.text) if h.label == "organization" and h.start >= 0 else None
        if m is None or not given_name_first(m.group(1), knowledge):
            out.append(h)
            continue
        start = h.start + m.start(1)
        out.append(Hit(start, h.end, m.group(1), "person", "pattern"))
    return out


def couple_firms(second: list[Hit], hits: list[Hit]) -> set[tuple[int, int]]:
    """Spans of the organisation hits that end in one of the ``second`` people read above."""
    ends: dict[int, list[str]] = {}
    for h in second:
        ends.setdefault(h.end, []).append(h.text)
    return {
        (h.start, h.end)
        for h in hits
        if h.label == "organization" and any(h.text.endswith(t) for t in ends.get(h.end, []))
    }


def couples_read_as_firms(hits: list[Hit]) -> set[int]:
    """Ids of model organisations or people that are a couple ("Al & Jessica Quarn" read as
    one firm by the "&"), where the second name is a person: the people ``couples`` reads
    win."""
    people = {(h.start, h.end) for h in hits if h.label == "person"}
    out: set[int] = set()
    for h in hits:
        if h.label not in ("organization", "person") or h.source != "ner" or h.start < 0:
            continue
        m = COUPLE.fullmatch(h.text) or TWO_FULL_NAMES.fullmatch(h.text)
        if m and (h.start + m.start(2), h.end) in people:
            out.add(id(h))
    return out


# Academic degrees written with periods: never places ("M.D." is not Maryland, "D.O." no state).
DEGREES = frozenset(
    {"M.D.", "D.O.", "B.A.", "B.S.", "M.A.", "M.S.", "Ph.D.", "J.D.", "D.D.S.", "D.M.D."}
    | {"M.B.A.", "R.N.", "Ed.D.", "Pharm.D.", "Psy.D.", "B.Sc.", "M.Sc.", "LL.M.", "LL.B."}
)


def degree_or_title_place(text: str, hit: Hit, knowledge: Knowledge) -> bool:
    """A place hit that is a degree ("M.D.", "B.A.") or a title abbreviation ("Brig. Gen.")."""
    if hit.label != "place" or hit.start < 0:
        return False
    if hit.text in DEGREES:
        return True
    return (
        hit.text.lower() in knowledge.titles
        and text[hit.end : hit.end + 1] == "."
        and hit.text[:1].isupper()
    )


def lowercase_words(text: str) -> set[str]:
    # Not the labels of web and mail addresses ("visit acme.com", "jo@acme.com"): a company's
    # name in its domain is no common word.
    return set(re.findall(r"(?<![\w.@/])([a-z][a-z'-]{2,})(?![\w]|\.[a-z])", text))


def is_role(name: str, knowledge: Knowledge) -> bool:
    """A job title or other common-noun phrase rather than a name."""
    return any(w.strip(",.").lower() in knowledge.role_words for w in name.split())


def _plain_word_edge(name: str, knowledge: Knowledge) -> bool:
    """A name opening with a plain word in "-ing" or ending in one in "-ly" that no name list
    holds ("Leveraging Quarn", "Vesk X. Previously"; not "Sterling Roe" or "Jane Kelly")."""
    words = name.split()

    def plain(word: str, ending: str) -> bool:
        return (
            word.isalpha()
            and word.lower().endswith(ending)
            and plain_not_surname(word, knowledge)
            and word.casefold() not in knowledge.given_names
        )

    return len(words) >= 2 and (plain(words[0], "ing") or plain(words[-1], "ly"))


def _defines_initials(name: str, aliases: list[str]) -> bool:
    short = initials(name)
    return len(short) >= 3 and short in aliases


def common_noun_phrase(name: str, lowered: set[str], knowledge: Knowledge) -> bool:
    """True when every Title-case word of ``name`` also occurs in lower case in the release
    ("Joint Venture", "Advisory Board", "Bobby Token"): a phrase, not a proper name."""
    words = [w.strip(",.()'’") for w in name.split()]
    content = [w for w in words if w and w.lower() not in CONNECTORS]
    checked = [w for w in content if w[:1].isupper() and w[1:].islower()]
    if not checked or len(checked) < len(content):
        return False
    if all(w.lower() in lowered or w.lower() in knowledge.role_words for w in checked):
        return True
    # "Transit Authorities", "Credit Card Owners": a plural that is no organisation ending,
    # its words used in lower case in either number ("authority", "owner").
    last = checked[-1].lower()
    if checked[-1] != content[-1] or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    if last in knowledge.org_tails or last in knowledge.org_suffixes:
        return False
    return all(
        any(form in lowered for form in word_forms(w.lower())) or w.lower() in knowledge.role_words
        for w in checked
    )


def word_forms(word: str) -> tuple[str, ...]:
    """A lower-case word and its singular or plural ("authorities" / "authority")."""
    if word.endswith("ies") and len(word) > 4:
        return (word, word[:-3] + "y")
    if word.endswith("es") and word[-3:-2] in ("s", "x", "z", "h"):
        return (word, word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return (word, word[:-1])
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        return (word, word[:-1] + "ies")
    return (word, word + "s", word + "es")


def well_formed(name: str, label: str) -> bool:
    """Every word of a name starts upper-case (or is camelCase like "iQor"), connectors aside;
    spans opening on a lower-case word are the model's misreadings ("el único", "notre")."""
    words = name.split()
    if not words:
        return False
    for i, word in enumerate(words):
        bare = word.strip("“”\"'’(),")
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit() or any(c.isupper() for c in bare[1:]):
            continue
        if i > 0 and bare.lower() in CONNECTORS and label != "place":
            continue
        return False
    return True


def attach_aliases(text: str, hits: list[Hit]) -> None:
    """``Acme Corp. (“Acme” or the “Company”)``, ``North Wales Police (NWP)``: the names
    defined in a parenthesis right after an organisation become its aliases."""
    for hit in hits:
        if hit.label != "organization":
            continue
        m = PAREN_ALIAS.match(text[hit.end : hit.end + 130])
        if not m or ":" in m.group(1):  # "(NYSE: ACME)" is a ticker, not an alias
            continue
        inner = m.group(1)
        names = QUOTED.findall(inner) or [inner.strip()]
        for name in names:
            name = name.strip(" ,;")
            if name and name[0].isupper() and len(name) <= 40 and name.lower() != "company":
                hit.aliases.append(name)


# Degrees written with full stops: credentials after a name, never a body.
# "non-Acme", "anti-Quarn": a lower-case prefix that negates or opposes the name after it.
NEGATED = re.compile(r"(?:non|anti|pro|pre|post|ex)-")
# One hyphened word that describes ("Customer-Focused", "AI-Powered"), never a name.
COMPOUND_ADJECTIVE = re.compile(
    r"[\w.&]+-(?:[Ff]ocused|[Dd]riven|[Bb]ased|[Pp]owered|[Ll]ed|[Oo]wned|[Cc]entric|[Ff]riendly"
    r"|[Rr]eady|[Oo]riented|[Ee]nabled|[Ff]irst)"
)
DOTTED_DEGREE = re.compile(
    r"(?:M\.D|Ph\.D|M\.P\.H|Sc\.D|D\.O|R\.N|M\.B\.A|J\.D|M\.S|B\.S|B\.A|M\.A|D\.D\.S|D\.M\.D"
    r"|Pharm\.D|Ed\.D|Psy\.D|D\.N\.P|M\.S\.N|B\.S\.N)\.?"
)


PARTY_DISTRICT = re.compile(r"[DRI]-(?:\d{1,2}(?:st|nd|rd|th)|[A-Z]{2})")
SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})


def initial_ended_names(
    text: str, hits: list[Hit], knowledge: Knowledge
) -> frozenset[tuple[int, int]]:
    """Spans of people named by a given name and one initial with no family name after it
    ("Tharun T., our lead engineer"): how the person is named, not a name cut short."""
    whole: set[tuple[int, int]] = set()
    for h in hits:
        words = h.text.split()
        if (
            h.label == "person"
            and h.start >= 0
            and len(words) == 2
            and h.text.endswith(".")
            and ENDS_IN_INITIAL.search(h.text)
            and words[0].casefold() in knowledge.given_names
            and AFTER_WHOLE_NAME.match(text, h.end)
        ):
            whole.add((h.start, h.end))
    return frozenset(whole)


def keep(
    hit: Hit,
    knowledge: Knowledge,
    symbols: frozenset[str] = frozenset(),
    lowered: frozenset[str] = frozenset(),
    subjects: frozenset[str] = frozenset(),
    whole_names: frozenset[tuple[int, int]] = frozenset(),
) -> bool:
    """Drop what is never an entity: wire names, boilerplate words, tickers, job titles,
    common-noun phrases and junk spans. ``subjects`` (keys of names with their own "About"
    section) are kept even when they look like a wire name ("About TechWire");
    ``whole_names`` are the spans of people named by a given name and an initial."""
    if hit.label in ("date", "money"):
        return True
    name = hit.canonical or hit.text
    if not LETTERS.search(name) or "\n" in name or "http" in name or "@" in name:
        return False
    if key(name) in knowledge.not_entities or name in symbols or JUNK.search(name):
        return False
    if PARTY_DISTRICT.fullmatch(name):
        return False  # "Rep. Jane Roe (D-8th)", "(R-TX)": a party and a district or state
    if hit.label == "organization" and name in knowledge.token_symbols:
        return False  # "BTC", "USDT": a coin named by its symbol
    if hit.label != "place" and (NEGATED.match(name) or COMPOUND_ADJECTIVE.fullmatch(name)):
        return False  # "non-FCC" stations, a "Customer-Focused" approach: words about a name
    if hit.label == "organization" and DOTTED_DEGREE.fullmatch(name):
        return False  # "M.D.", "Sc.D." read off "Jane Roe, M.D., Sc.D., Quarn University"
    if knowledge.is_wire(name) and key(name) not in subjects:
        return False
    if hit.source == "roster":
        return True  # "Senators Roe and Poe": the post vouches for each name
    if hit.source in ("ner", "pattern") and knowledge.is_demonym(name):
        return False  # "Latinas", "Puerto Ricans": a group of people, not a body or a place
    if hit.source in ("ner", "pattern") and hit.place is None:
        if not well_formed(name, hit.label):
            return False
        # "Citizens Commission on Human Rights (CCHR)": a body that gives its own short form
        # is a name, though the release uses its words in lower case too.
        own_short_form = hit.label == "organization" and _defines_initials(name, hit.aliases)
        if not own_short_form and common_noun_phrase(name, set(lowered), knowledge):
            return False
        if hit.label == "person" and is_role(name, knowledge):
            return False
    ruled_person = hit.label == "person" and hit.source in ("pattern", "contact")
    if ruled_person and common_words_no_given_name(name, knowledge, most=6):
        return False  # "Human Resources", "Corporate Webpage": plain words, no one's name
    if hit.label == "place" and hit.place is None and hit.source == "ner":
        if any(c.isdigit() for c in name):
            return False  # "V6", "Acme24": a model, a handle or a code, not a place it knows
        if " " not in name and is_common(name, knowledge.lexicon):
            return False  # "the Bay", "the Valley": a common word the gazetteer does not know
        if " " not in name and name.casefold() in knowledge.given_names:
            return False  # "Maria and Jose as Yolanda": a given name, a character's or a
            # person's; a real town of that name the gazetteer would know
        if (
            " " not in name
            and any(c.isupper() for c in name[1:])
            and not SURNAME_PREFIX.match(name)
        ):
            return False  # "QRX", "SuperNODE", "BRELLWICK": an acronym or brand, not a place
    if hit.label == "place" and name.casefold() in SEASONS and name.casefold() in lowered:
        return False  # "Spring & Summer Spending" beside "last spring": a season, not Spring, TX
    if hit.label == "place" and DIRECTION_WORD.fullmatch(name):
        return False  # "North" of "North and South America": half of a shared name
    if hit.label == "place" and hit.place is None and DEMONYM_END.search(name):
        return False  # "Pacific Islander", "New Yorkers": people of a place, not the place
    if hit.label == "organization" and hit.source == "ner" and TITLE_WITH_SUBTITLE.search(name):
        return False  # "Plain Words: Doing More With Less": a talk's or a work's title
    if hit.label == "organization" and hit.source == "ner" and WEEKDAYS.fullmatch(name):
        return False  # "Sun-Thurs": opening hours
    if hit.label == "organization" and PLURAL_ACRONYM.match(name):
        return False  # "SMEs", "OEMs": a plural common noun, not one organisation
    if hit.label == "organization" and ("$" in name or "%" in name or CODE.fullmatch(name)):
        return False  # "~$1.5B LNG", "NPV10%": an amount or a measure; "QRX003": a code
    if hit.label == "organization" and SHORT_FORM_LIST.fullmatch(name):
        return False  # "AE, SE", "PM/PO": posts' short forms in a list, no body
    if hit.label == "organization" and COUNTRY_PEOPLE.fullmatch(name):
        return False  # "qualified US Investors": people of a country, no body
    if hit.label == "organization" and hit.source in ("ner", "pattern") and _heading(name):
        return False  # "A Step Toward Improved Patient Care": a Title Case subheading
    if (
        hit.label == "organization"
        and hit.source == "ner"
        and name.isalpha()
        and name[1:].islower()
        and name.casefold() in knowledge.given_names
        and not is_common(name, knowledge.lexicon)
    ):
        return False  # "Julie" alone, no one named in full: a first name, no firm
    owner = OWNED_BY_GENERIC.match(name) if hit.label == "organization" else None
    if owner and owner.group(1).lower() in knowledge.org_nouns:
        return False  # "Company’s Scientific Advisory Board": a part of the firm, no name
    if hit.label == "organization" and hit.source in ("ner", "pattern"):
        words = name.split()
        if len(words) > 1 and PLURAL_ACRONYM.match(words[-1]) and "of" not in words:
            return False  # "Bitcoin and Ethereum ETFs": a kind of product
        if words[-1].lower() in FACILITY_WORDS:
            return False  # "Quarnby Auto Plant", "Quarn Bridge": a structure, no organisation
        if TRADEMARK.search(name) and all(
            is_common(w.strip("®™,."), knowledge.lexicon) for w in words
        ):
            return False  # "Keep Clean®": a slogan, not an organisation
    if hit.label in ("person", "organization") and LAW.search(name):
        return False  # "Securities Exchange Act": a law
    if hit.label == "person" and (
        STREET_END.search(name) or STREET_INSIDE.search(name) or DEGREE_NAME.fullmatch(name)
    ):
        return False  # "Jefferson St", "Alder Ave. Quarnby": a street; "D. Phil.": a degree
    if hit.label == "organization" and " " not in name:
        post = name.strip(",.").lower().removeprefix("co-").removeprefix("vice-")
        if post in knowledge.role_words or post in knowledge.titles:
            return False  # "Co-President", "Co-Founder": a post
    if (
        hit.label == "person"
        and hit.source != "citation"
        and ENDS_IN_INITIAL.search(name)
        and (hit.start, hit.end) not in whole_names
    ):
        return False  # "David A.": a name cut after its middle initial
    if hit.label == "person" and NAME_LIST.search(name):
        return False  # "Mary, Mark": given names in a list, not one person
    if hit.label == "person" and name.split()[-1].islower():
        return False  # "Vidéo de la": a person's name does not end in a particle
    if hit.label == "person" and name.split()[-1] in DETERMINERS:
        return False  # "Sell My" of "Sell My House Fast": no name ends in "My" or "Our"
    if hit.label == "person" and _plain_word_edge(name, knowledge):
        return False  # "Leveraging Quarn", "Vesk X. Previously": a verb or an adverb
    if hit.label == "person" and not looks_like_person(name, knowledge):
        # A single word may still be a surname of a person named earlier: kept for clustering.
        return " " not in name.strip() and name[:1].isupper() and name.isalpha()
    return not (hit.label != "place" and name.islower())


def retype(hit: Hit, gazetteer: Gazetteer, knowledge: Knowledge) -> Hit:
    """Fix the model's type where the text says otherwise."""
    if hit.label in ("date", "money"):
        return hit
    if hit.label == "person" and (
        any(w.rstrip(".,").lower() in knowledge.org_suffixes for w in hit.text.split()[1:])
        or (" " not in hit.text and _camel(hit.text))
    ):
        hit.label = "organization"  # "Orla Bex Consulting & Coaching", "BrightQuill"
    if hit.label == "person" and hit.source == "ner" and hit.text in knowledge.known_org_names:
        hit.label = "organization"  # "his purchase of Twitter": a well-known body
    if (
        hit.label == "person"
        and hit.source == "ner"
        and " " in hit.text
        and (
            hit.text.split()[-1] in ENSEMBLES
            or (
                ((last := hit.text.split()[-1].lower()) in knowledge.org_marks
                 or last in LODGING_WORDS)
                and last not in knowledge.surnames  # "Jane Power", "John Law"
            )
        )
    ):
        hit.label = "organization"  # "Quarn Wellness", "Vesk Hotel", "Quarn FC": a body's end
    if hit.label == "place" and hit.place is None and " " not in hit.text and _camel(hit.text):
        hit.label = "organization"
    if hit.label == "place" and hit.text.startswith("The ") and gazetteer.candidates(hit.text[4:]):
        hit.start, hit.text = hit.start + 4, hit.text[4:]  # "The United States" opens a sentence
    if hit.label == "place" and hit.place is None and (m := DIRECTION.match(hit.text)):
        rest = hit.text[m.end() :]
        # "East Bay": a region named by a direction and a plain word, not a town called "Bay".
        places = gazetteer.candidates(rest) if not is_common(rest, knowledge.lexicon) else []
        if places:  # "Southeast New Mexico" is in New Mexico
            hit.start, hit.text, hit.place = hit.start + m.end(), hit.text[m.end() :], places[0]
    if hit.label == "place" and hit.place is None:
        last = hit.text.split()[-1].lower()
        if has_org_suffix(hit.text, knowledge) or CLUB_OR_FIRM_END.search(hit.text):
            hit.label = "organization"  # "Quarnby United", "Goldquarncorp": a club, a firm
        elif " " in hit.text and last in knowledge.org_marks:
            hit.label = "organization"  # "Resolvd AI", "Quarn Labs": no town of that name
        else:
            places = gazetteer.candidates(hit.text)
            hit.place = places[0] if places else None
            # "a Susan Quellwin": a given name and a surname that is no plain word, in no
            # gazetteer, is a person ("Lake Charles", "Santa Clara" open with no given name).
            words = hit.text.split()
            if (
                hit.place is None
                and hit.source == "ner"
                and len(words) in (2, 3)
                and given_name_first(hit.text, knowledge)
                and not is_common(words[-1], knowledge.lexicon)
            ):
                hit.label = "person"
    elif (
        hit.label == "organization"
        and hit.source == "ner"
        and (m := DIRECTION.match(hit.text))
        and not has_org_suffix(hit.text, knowledge)
        and (places := [p for p in gazetteer.candidates(hit.text[m.end() :]) if p.kind != "city"])
    ):  # "Southern Nevada" read as an organisation: a part of Nevada
        hit.start, hit.text = hit.start + m.end(), hit.text[m.end() :]
        hit.label, hit.place = "place", places[0]
    elif hit.label in ("person", "organization") and hit.source in ("ner", "pattern"):
        # A country or state the model or a rule called a person or organisation ("Mexico" as
        # ORG, "Dallas, Texas, the company ..." read as an appositive).
        places = [p for p in gazetteer.candidates(hit.text) if p.kind != "city"]
        if places and not has_org_suffix(hit.text, knowledge):
            hit.label, hit.place = "place", places[0]
    return hit


# A football club's last word, or a firm's word glued to the end of a one-word name.
CLUB_OR_FIRM_END = re.compile(
    r"[ ](?:United|FC|AFC|Athletic|Rovers|Wanderers|Hotspur|Albion)$|^[A-Z][a-z]{2,}corp$"
)


def _next_to_capitalised(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    prev_word = before[-1] if before and text[start - 1 : start] == " " else ""
    next_word = after[0] if after and text[end : end + 1] == " " else ""
    return any(w[:1].isupper() and w.isalpha() for w in (prev_word, next_word))


CAMEL_WORD = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2}[a-z]*)(?:[A-Z][a-z0-9]+)+")
SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Lo|Van|Von|St|Fitz|Al|El)[A-Z]")


def _camel(word: str) -> bool:
    """CamelCase ("BrightQuill"), not a prefixed surname ("McAllister", "DeWitt")."""
    return bool(CAMEL_WORD.fullmatch(word)) and not SURNAME_PREFIX.match(word)


ACRONYM_USE = re.compile(r"(?<![\w.-])([A-Z]{2,5})(?![\w.-])(?=(\s[a-z][a-z-]+)?)")


SUBJECT_FOLLOWERS = frozenset(
    {"is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "may"}
    | {"might", "shall", "should", "does", "did", "and", "or", "to", "in", "on", "at", "for"}
    | {"with", "by", "of", "from", "as", "that", "which", "who", "also", "today", "said"}
    | {"says", "announced", "announces", "offers", "provides", "engages", "received"}
    | {"produces", "strives", "serves", "helps", "works", "continues", "remains", "plans"}
)
DEFINED_ACRONYM = re.compile(r"\([“\"]?([A-Z]{2,5})[”\"]?\)")


def modifier_acronyms(text: str) -> set[str]:
    """Acronyms the release mostly uses as a modifier ("HPC workloads", "EV charging"): terms,
    not organisation names, unless defined or aliased elsewhere."""
    uses: dict[str, list[bool]] = {}
    for m in ACRONYM_USE.finditer(text):
        follower = (m.group(2) or "").strip()
        # "Acme is ...", "Acme will ...", "Acme and ...": the acronym is the subject, not a
        # modifier of the next word.
        modifier = bool(follower) and follower not in SUBJECT_FOLLOWERS
        uses.setdefault(m.group(1), []).append(modifier)
    defined = set(DEFINED_ACRONYM.findall(text))
    return {a for a, flags in uses.items() if sum(flags) * 2 >= len(flags) and a not in defined}


TERM_DEFINITION = re.compile(r"((?:[a-z][a-z-]*[ ]){1,6})\([“\"]?([A-Z]{2,6})[”\"]?\)")


def term_acronyms(text: str) -> set[str]:
    """Acronyms defined by words in lower case ("high-performance computing (HPC)",
    "a decentralized exchange (“DEX”)"): terms, not organisation names."""
    out: set[str] = set()
    for m in TERM_DEFINITION.finditer(text):
        acronym = m.group(2).lower()
        parts = [p for w in m.group(1).split() for p in w.split("-") if p]
        parts = [p for p in parts if p not in ("of", "and", "for", "the")]
        # Two words or more: one lower-case word before a bracket ("the brellow (BRW) line")
        # may be a brand's own spelling.
        if any(_spells(acronym, parts[-n:]) for n in range(2, min(len(acronym), len(parts)) + 1)):
            out.add(m.group(2))
    return out


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` is the first letters of ``words`` in order, each word perhaps
    giving more letters from inside it ("glioblastoma multiforme" spells "gbm")."""
    if not words:
        return not acronym
    if not acronym or acronym[0] != words[0][0]:
        return False
    word, rest = words[0], words[1:]
    # The letters this word gives after its first: none, or a run of its inner letters.
    for taken in range(len(acronym)):
        if _inner(acronym[1 : 1 + taken], word[1:]) and _spells(acronym[1 + taken :], rest):
            return True
    return False


def _inner(letters: str, word: str) -> bool:
    """Whether ``letters`` appear in ``word`` in order."""
    found = iter(word)
    return all(ch in found for ch in letters)


TITLED_TERM = re.compile(
    r"((?:[A-Z][\w-]*,?[ ](?:(?:and|&|of|for|the)[ ])?){1,7})\([“\"]?([A-Z]{2,8})[”\"]?\)"
)
# Words that make a defined Title Case name an institution's ("Securities and Exchange
# Commission (SEC)"), not a term's ("Security Event Management (SEM)").
INSTITUTION_NOUNS = frozenset(
    {"commission", "agency", "administration", "association", "authority", "board", "bureau"}
    | {"council", "committee", "department", "ministry", "office", "organization"}
    | {"organisation", "federation", "alliance", "union", "institute", "foundation", "society"}
    | {"university", "college", "school", "bank", "fund", "trust", "group", "company"}
    | {"corporation", "network", "coalition", "league", "center", "centre", "service", "club"}
    | {"services", "police", "army", "navy", "government", "exchange", "institution"}
    # Firms' own nouns: "Competitive Power Ventures (CPV)" is a company, not a term.
    | {"ventures", "partners", "holdings", "capital", "associates", "advisors", "advisers"}
    | {"industries", "laboratories", "labs", "therapeutics", "pharmaceuticals", "enterprises"}
    | {"solutions", "technologies"}
)


# The reach a firm's name may end with ("Quarn Healthcare Global"), which no term ends with.
FIRM_REACH_WORDS = frozenset({"Global", "Worldwide", "International"})


TERM_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def titled_terms(text: str, knowledge: Knowledge) -> list[tuple[int, int, str]]:
    """Title Case terms defined by an acronym of their initials ("Software Development Kit
    (SDK)", "Name, Image and Likeness (NIL)"): every word plain English and none an
    institution's noun. Each as its span and its acronym: what the model read inside one is
    no name, nor is the acronym elsewhere ("FTZ status")."""
    spans = []
    for m in TITLED_TERM.finditer(text):
        # Each part of a hyphenated word gives its initial ("Third-Party Risk Management
        # (TPRM)").
        found = list(TERM_WORD.finditer(m.group(1)))
        words = [w.group() for w in found]
        acronym = m.group(2).lower()
        for n in range(len(acronym), len(words) + 1):
            tail = words[-n:]
            content = [w for w in tail if w.lower() not in ("and", "of", "for", "the")]
            if "".join(w[0] for w in content).lower() != acronym:
                continue
            # "Survey Healthcare Global (SHG)": a firm's last word ends no term.
            if tail[-1] not in FIRM_REACH_WORDS and all(
                is_common(w, knowledge.lexicon) and w.lower() not in INSTITUTION_NOUNS
                for w in content
            ):
                # The tail's own first word, not an earlier word that contains it.
                start = m.start(1) + found[len(words) - n].start()
                end = m.start(1) + len(m.group(1).rstrip(", "))
                spans.append((start, end, m.group(2)))
            break
    return spans


def is_heading_org(text: str, hit: Hit, knowledge: Knowledge) -> bool:
    """A model ORG span that is a whole line of three or more words without an organisation
    ending is a section heading ("Notice Regarding Forward Statements"), not a name; so is a
    model or rule span opening a heading with a participle (``participle_heading``)."""
    if hit.source not in ("ner", "pattern") or hit.label != "organization" or hit.start < 0:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start : hit.start].strip() and participle_heading(
        text[hit.start : line_end], hit.text, knowledge
    ):
        return True
    if hit.source != "ner" or len(hit.text.split()) < 3:
        return False
    # The span fills its line, or the rest of it after a Title-case lead and a colon
    # ("Packaging Innovation: Hemp-Based Solutions for Supply Chains").
    lead = text[line_start : hit.start]
    alone = not lead.strip() or bool(HEADING_LEAD.fullmatch(lead))
    whole = alone and not text[hit.end : line_end].strip(" .:")
    return whole and not has_org_suffix(hit.text, knowledge)


HEADING_LEAD = re.compile(r"[A-Z][\w'’-]*(?:[ ](?:[A-Z&][\w'’-]*|and|of|for|the)){0,4}:[ ]+")


PARTICIPLE = re.compile(r"^[A-Z][a-z]+(?:ed|ing)$")


def participle_heading(line: str, name: str, knowledge: Knowledge) -> bool:
    """ "Optimized Logistics with Transparent Pricing": a short line without a sentence end,
    opening with a participle of a plain verb and going on with a lower-case word after the
    model's span, is a heading, not a name."""
    words = name.split()
    rest = line[len(name) :].split()
    return (
        len(words) >= 2
        and bool(PARTICIPLE.match(words[0]))
        and len(line.split()) <= 10
        and not line.rstrip().endswith(".")
        and ". " not in line
        and bool(rest)
        and rest[0][:1].islower()
        and is_common(words[0], knowledge.lexicon)
        and all(is_common(w.strip(",.'’"), knowledge.lexicon) for w in words[1:])
    )


def made_by_orgs(
    hits: list[Hit], subjects: frozenset[str], knowledge: Knowledge | None = None
) -> None:
    """A "person" whose first word is a one-word name the release uses on its own as an
    organisation (twice or more, or in its own About section) is that organisation's product
    or unit ("Acme Glider" beside "Acme"), not a person."""
    uses = Counter(h.text for h in hits if h.label == "organization" and " " not in h.text)
    # A word also read as a person on its own is a given name ("David and Scott" read as two
    # organisations beside "Scott A. Roe"), and a middle initial marks a person's name.
    alone = {h.text for h in hits if h.label == "person" and " " not in h.text}
    # A name the text itself calls a person ("Jane Roe was appointed chief officer").
    vouched = {key(h.text) for h in hits if h.label == "person" and h.source == "pattern"}
    for h in hits:
        if h.label != "person" or h.source not in ("ner", "pattern") or key(h.text) in vouched:
            continue
        first = h.text.split()[0] if " " in h.text else ""
        if not first or first in alone or INITIAL.search(h.text):
            continue
        # "Dustin Hawkins ... Dustin is thrilled": a given name and a family name make a
        # person, who is then called by the given name (which the model may read as a body).
        if knowledge is not None and given_and_family_name(h.text.split(), knowledge):
            continue
        if uses[first] >= 2 or (uses[first] and key(first) in subjects):
            h.label = "organization"


LEGAL_END = re.compile(
    r"(?:,?[ ](?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|Company|PLC|plc|GmbH|AG|LLP)\.?)$"
)


def firms_a_rule_named_as_people(hits: list[Hit], knowledge: Knowledge) -> None:
    """A name a person rule found ("We Quarnate, Founder ...") whose first word is no given
    name is an organisation when the release calls it one more often than a person ("We
    Quarnate, a leading mediation firm", "at We Quarnate")."""
    as_org = Counter(key(h.text) for h in hits if h.label == "organization")
    as_person = Counter(key(h.text) for h in hits if h.label == "person")
    for h in hits:
        if h.label != "person" or h.source != "pattern" or " " not in h.text.strip():
            continue
        first = h.text.split()[0].strip(".,")
        if len(first) <= 2 or first.casefold() in knowledge.given_names:
            continue
        if as_org[key(h.text)] > as_person[key(h.text)]:
            h.label = "organization"


def persons_named_as_orgs(hits: list[Hit]) -> None:
    """A model "person" that only the model calls one is an organisation when the release
    names an incorporated organisation opening with it ("Sea Quarn" beside "Sea Quarn
    Services, Inc.", or with a place after it: "Sea Quarn Ireland") or calls it an
    organisation more often than a person."""
    vouched = {key(h.text) for h in hits if h.label == "person" and h.source != "ner"}
    vouched |= {key(h.canonical) for h in hits if h.label == "person" and h.canonical}
    orgs = [h.text for h in hits if h.label == "organization"]
    as_org = Counter(key(t) for t in orgs)
    as_person = Counter(key(h.text) for h in hits if h.label == "person")
    incorporated = [t for t in dict.fromkeys(orgs) if LEGAL_END.search(t)]
    # A rule read it as an organisation ("Quarn Nordisk, a global healthcare company").
    ruled = {key(h.text) for h in hits if h.label == "organization" and h.source != "ner"}
    places = {h.text for h in hits if h.label == "place"}
    for h in hits:
        k = key(h.text)
        if h.label != "person" or h.source != "ner" or " " not in h.text or k in vouched:
            continue
        # "Sea Quarn Ireland" beside "Sea Quarn LLC": the firm's arm in a place.
        firm, _, last = h.text.rpartition(" ")
        arm = last in places and " " in firm
        if (
            as_org[k] > as_person[k]
            or k in ruled
            or any(t.startswith(h.text + " ") or (arm and t.startswith(firm + " "))
                   for t in incorporated)
        ):
            h.label = "organization"


def lone_words_as_orgs(text: str, hits: list[Hit], knowledge: Knowledge) -> None:
    """A one-word model person that is no given name and no surname of a person the release
    names in full, written after a word that introduces a party ("partners with Quarnex",
    "provided by Quarnex", "acquire Quarnex"), is an organisation: a person's first mention
    gives the whole name."""
    surnames = {
        key(h.text.split()[-1]) for h in hits if h.label == "person" and len(h.text.split()) >= 2
    }
    for h in hits:
        if h.label != "person" or h.source != "ner" or h.start < 0 or " " in h.text.strip():
            continue
        k = key(h.text)
        if k in surnames or k.casefold() in knowledge.given_names or not h.text[:1].isupper():
            continue
        if is_common(h.text, knowledge.lexicon):
            continue  # "with Python": a plain word's name is a product's as often as a firm's
        if CREDIT_BEFORE.search(text, max(0, h.start - 40), h.start):
            continue  # "photo by Kanchanara on Unsplash": a photographer's one name
        if PARTY_BEFORE.search(text, max(0, h.start - 30), h.start):
            h.label = "organization"


PARTY_BEFORE = re.compile(r"\b(?:with|by|from|acquire|acquired|acquiring)[ ]$")


def given_names_as_orgs(hits: list[Hit], knowledge: Knowledge) -> None:
    """A one-word model organisation that is the given name of a person the release names in
    full ("Whitney's leadership" beside "Whitney Roe") is that person, when no rule calls
    the word an organisation (the model may, at every mention)."""
    firsts = {
        key(h.text.split()[0])
        for h in hits
        if h.label == "person" and len(h.text.split()) >= 2 and h.start >= 0
    }
    ruled = {key(h.text) for h in hits if h.label == "organization" and h.source != "ner"}
    for h in hits:
        k = key(h.text)
        if (
            h.label == "organization"
            and h.source == "ner"
            and " " not in h.text.strip()
            and k in firsts
            and k not in ruled
            and (k in knowledge.given_names or not is_common(k, knowledge.lexicon))
        ):
            h.label = "person"


# "Roe", "Roe-Poe", "McRoe", "O’Roe".
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
BARE_INITIAL = re.compile(r"[A-Z]\.?")
PERSON_NAME_WORD = re.compile(
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z][a-z]?[A-Z][a-z]+|[A-Z]['’][A-Z][a-z]+"
)


def orgs_named_as_people(text: str, hits: list[Hit], knowledge: Knowledge) -> None:
    """A model organisation spelled like a person ("Chase Quinlan": a given name, maybe a
    second one, and a word that is no common word, no organisation word) is that person when
    the text treats it as one: a post follows or precedes it ("Jane Roe, Audit Partner, ...",
    "chief officer, Jane Roe, brings"), an honorific or a speech verb stands by it, it stands
    in a list of people ("Ann Poe, Jo Lee and Jane Roe"), or its last word alone is a person
    at least twice ("... Roe said"; this also outweighs an "About Jane Roe" section, and
    vouches for a given name the name list lacks)."""
    if not knowledge.given_names:
        return
    people = [h for h in hits if h.label == "person" and h.start >= 0]
    surnames = Counter(key(h.text) for h in people if " " not in h.text.strip())
    full_names = [(h.start, h.end) for h in people if " " in h.text.strip()]
    for h in hits:
        if h.label != "organization" or h.source not in ("ner", "pattern", "about") or h.start < 0:
            continue
        # "Bianca de la Quarn": the particles of a family name count for no word.
        words = [w for w in h.text.split() if w not in NAME_PARTICLES]
        # "S.W. Quarn": initials open a name; a post or a speech verb beside it must vouch.
        initialled = len(words) == 2 and DOTTED_INITIALS.fullmatch(words[0]) is not None
        if not 2 <= len(words) <= 3 or not all(
            PERSON_NAME_WORD.fullmatch(w) or (0 < i < len(words) - 1 and BARE_INITIAL.fullmatch(w))
            for i, w in enumerate(words)
            if not (initialled and i == 0)
        ):
            continue
        first, last = words[0], words[-1]
        if initialled:
            if not is_common(last, knowledge.lexicon) and person_cue(
                text, h.start, h.end, full_names, knowledge
            ):
                h.label = "person"
            continue
        # "Fran R Quarn": a given name, a middle initial and a family name no plain word.
        if (
            len(words) == 3
            and BARE_INITIAL.fullmatch(words[1])
            and first.casefold() in knowledge.given_names
            and not is_common(last, knowledge.lexicon)
            and last.lower() not in knowledge.org_tails
        ):
            h.label = "person"
            continue
        # "said Mr. Narin Quarnsuk": a form of address for a man or a woman names a person,
        # whatever name lists hold the name ("Dr." may open a firm: "Dr. Roe Productions").
        if MISTER_BEFORE.search(text, max(0, h.start - 6), h.start) and not (
            has_org_suffix(h.text, knowledge) or last.lower() in knowledge.org_tails
        ):
            h.label = "person"
            continue
        # "his wife, Robyne Quarles": a relation names a person, whatever lists hold the name.
        if KIN_BEFORE.search(text, max(0, h.start - 40), h.start) and not any(
            is_common(w, knowledge.lexicon) for w in words
        ):
            h.label = "person"
            continue
        # A middle word is a second given name ("Anna Maria Quarnsby").
        if len(words) == 3 and words[1].casefold() not in knowledge.given_names:
            continue
        named_alone = surnames[key(last)] >= 2
        given_first = first.casefold() in knowledge.given_names
        # "Jane Murphy says", "said Dr. Jane Murphy": speech or an honorific vouches for a
        # given name and a surname that is also a plain word (WordNet's "murphy").
        spoken = given_first and (
            SPEAKS_AFTER.match(text, h.end) is not None
            or HONORIFIC_BEFORE.search(text[max(0, h.start - 6) : h.start]) is not None
        )
        # The surname no plain word, unless the text uses it alone as a person (the lexicon,
        # from WordNet, holds some famous surnames in lower case).
        # A surname of the name lists vouches like a given name ("Suly Castillo").
        if (last.lower() in knowledge.lexicon and not (named_alone or spoken)) or not (
            given_first
            or (named_alone and not is_common(first, knowledge.lexicon))
            or (known_surname(last, knowledge) and not is_common(first, knowledge.lexicon))
        ):
            continue
        if has_org_suffix(h.text, knowledge) or last.lower() in knowledge.org_tails:
            continue
        after = text[h.end : h.end + 60]
        post = re.match(r",[ ]([^,.;()\n]{2,50})", after)
        in_list = listed_beside(text, h.start, h.end, full_names)
        by_post = post is not None and (
            any(
                w.strip("&").lower() in knowledge.role_words or is_person_post(w, knowledge)
                for w in post.group(1).split()
            )
            # "Jane Quarn, care navigator, Acme": a given name, then a post in lower case.
            or (given_first and LOWER_POST_AFTER.match(after))
        )
        cue = person_cue(text, h.start, h.end, full_names, knowledge)
        # "a panel with Jane Quarn from Acme": a given name, then where the person works;
        # "Jane Quarn appointed chief strategy officer": a given name given a post.
        works_at = (given_first or known_surname(last, knowledge)) and (
            WORKS_AT.match(after)
            or (
                (appointed := GIVEN_POST.match(after)) is not None
                and any(w in knowledge.role_words for w in appointed.group(1).split())
            )
        )
        if by_post or in_list or named_alone or cue or works_at:
            h.label = "person"


WORKS_AT = re.compile(r"[ ](?:from|at)[ ][A-Z]")
MISTER_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss)\.?[ ]$")
LOWER_POST_AFTER = re.compile(
    r",[ ](?!(?:a|an|the|which|who|and|or|but|its|their|inc|llc)\b)[a-z][a-z-]+(?:[ ][a-z][a-z-]+)"
    r"{0,3},[ ][A-Z]"
)
GIVEN_POST = re.compile(
    r"[ ](?:was[ ]|has[ ]been[ ])?(?:appointed|named|promoted|elected)[ ](?:as[ ])?"
    r"(?:the[ ]|its[ ]|our[ ])?((?:[a-z][a-z-]+[ ]?){1,4})"
)


def people_named_as_places(hits: list[Hit]) -> None:
    """A model place the gazetteer does not know, spelled like a person the release names,
    is that person ("Chloe Cole" read as a place once, "said Chloe Cole" elsewhere)."""
    people = {key(h.text) for h in hits if h.label == "person" and " " in h.text.strip()}
    for h in hits:
        if h.label == "place" and h.source == "ner" and h.place is None and key(h.text) in people:
            h.label = "person"
    # Conversely, a model person of several words spelled like a place the gazetteer knows and
    # the release names as one ("the Grimaldi Forum in Quarn Carlo" beside "said of Quarn
    # Carlo") is that place, unless a rule vouches for the person.
    places = {key(h.text): h.place for h in hits if h.label == "place" and h.place is not None}
    vouched = {key(h.text) for h in hits if h.label == "person" and h.source != "ner"}
    for h in hits:
        if h.label != "person" or h.source != "ner" or " " not in h.text.strip():
            continue
        k = key(h.text)
        if k in places and k not in vouched:
            h.label, h.place = "place", places[k]


def orgs_named_as_places(hits: list[Hit], knowledge: Knowledge) -> None:
    """A model organisation without an organisation ending that is spelled like a place the
    release names as a place at least as often ("the Quorvale facility" beside "in Quorvale,
    Ohio") is that place; so is a rule's organisation ("Manager of the Quorvale site") spelled
    like a place the gazetteer knows."""
    places = {key(h.text): h.place for h in hits if h.label == "place"}
    as_place = Counter(key(h.text) for h in hits if h.label == "place")
    as_org = Counter(key(h.text) for h in hits if h.label == "organization")
    # "Quorvale, Ohio" written out with a town the gazetteer knows settles it, however often
    # the model read "Quorvale’s hotels" as a firm.
    anchored = {
        key(h.text)
        for h in hits
        if h.label == "place" and h.source == "pattern" and h.place and h.place.kind == "city"
    }
    for h in hits:
        k = key(h.text)
        if (
            h.label == "organization"
            and (h.source == "ner" or (h.source == "pattern" and places.get(k) is not None))
            and k in places
            and (as_place[k] >= as_org[k] or k in anchored)
            and not has_org_suffix(h.text, knowledge)
        ):
            h.label, h.place = "place", places[k]


TOWN_END = re.compile(r"[ ]*(?:$|[.;:)\n]|,[ ]+(?:and[ ]|who|where))")
TOWN_REGION = re.compile(r",[ ]+([A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)")
# Below this a town's name is as likely a company's (cities of 15,000 and more are listed).
TOWN_POPULATION = 100_000


def towns_after_orgs(
    text: str, hits: list[Hit], gazetteer: Gazetteer, knowledge: Knowledge
) -> None:
    """ "Johns Hopkins Hospital, Baltimore", "Quarn Labs, Huntsville": a model organisation
    right after an organisation and a comma, spelled like a place the gazetteer knows, is
    where that organisation is."""
    org_ends = {h.end for h in hits if h.label == "organization" and h.start >= 0}
    for h in hits:
        if h.label != "organization" or h.source not in ("ner", "pattern") or h.start < 2:
            continue
        if text[h.start - 2 : h.start] != ", " or has_org_suffix(h.text, knowledge):
            continue
        if h.start - 2 not in org_ends and not has_org_suffix(
            text[max(0, h.start - 62) : h.start - 2], knowledge
        ):
            continue
        # The place ends the phrase, or its state or country follows: an item of a list of
        # companies goes on with another.
        if not TOWN_END.match(text, h.end):
            region = TOWN_REGION.match(text, h.end)
            known = region and gazetteer.known(region.group(1))
            if not known or known.kind not in ("country", "subdivision"):
                continue
        place = gazetteer.known(h.text)
        if place and (place.kind != "city" or place.population >= TOWN_POPULATION):
            h.label, h.place = "place", place


def places_named_as_orgs(hits: list[Hit]) -> None:
    """A place the gazetteer does not know that is also the name, or the first word of the
    name, of an organisation in the same release ("Acme" beside "Acme Labs") is that
    organisation."""
    org_keys: set[str] = set()
    for h in hits:
        if h.label == "organization":
            org_keys.add(key(h.text))
            org_keys.add(key(h.text.split()[0]) if h.text.split() else "")
    for h in hits:
        if h.label == "place" and h.place is None and h.source == "ner" and key(h.text) in org_keys:
            h.label = "organization"


def is_phrase_not_person(
    name: str,
    hits: list[Hit],
    knowledge: Knowledge,
    text: str | None = None,
    people: Sequence[tuple[int, int]] = (),
) -> bool:
    """ "Black Swans", "Heart Attack", "Spirit Guide": a model "person" of common words, the
    first no given name, named once or twice and never called a person by the text itself
    (a post, a speech verb or a form of address by one of its mentions in ``text``, or a
    list beside one of ``people``, names that open with a given name: "Ann Poe, Norm Roe,
    Jo Lee"), is a phrase in Title Case."""
    if any(h.source not in ("ner", "echo") for h in hits):
        return False
    if name.split()[-1] in LANDFORMS:
        return True  # "Quarn Peak", "One River": a mountain or a river the model took
    if len(hits) > 2 or not common_words_no_given_name(name, knowledge):
        return False
    return text is None or not any(
        person_cue(text, m.start(), m.end(), list(people), knowledge)
        for m in word_pattern(name).finditer(text)
    )


def named_like_a_product(
    name: str, hits: list[Hit], knowledge: Knowledge, text: str, people: Sequence[tuple[int, int]]
) -> bool:
    """ "Quarn Mathica" beside "the Mathica notebook" and "into Mathica": a model person whose
    family name the text also writes alone as a thing's name (after "the" and before a plain
    word), and that nothing calls a person, is a product and its maker's name."""
    words = name.split()
    if len(words) < 2 or any(h.source not in ("ner", "echo") for h in hits):
        return False
    last = words[-1].strip(".,")
    if last in knowledge.famous_surnames:
        return False  # "the Trump administration"
    thing = re.compile(rf"\bthe[ ]{re.escape(last)}[ ]([a-z]+)\b")
    if not any(is_common(m.group(1), knowledge.lexicon) for m in thing.finditer(text)):
        return False
    spans = [m.span() for m in word_pattern(name).finditer(text)]
    spans += [m.span() for m in word_pattern(last).finditer(text)]
    return not any(person_cue(text, a, b, list(people), knowledge) for a, b in spans)


# An endowed post named after its donor: "the Jane Roe Chair of Pediatrics", "Jane Roe
# Professor of Law", "the Jane Roe Endowed Chair".
NAMED_CHAIR_AFTER = re.compile(
    r"[ ](?:(?:Endowed|Distinguished)[ ])?(?:Chair|Professor|Professorship)[ ](?:of|in)[ ][A-Z]"
    r"|[ ](?:Endowed|Distinguished)[ ](?:Chair|Professorship)\b"
)


# "Huntington's disease", "Parkinson’s syndrome": a condition named after a person.
DISEASE_AFTER = re.compile(r"['’]s[ ](?:disease|syndrome|law|palsy|sarcoma|lymphoma)\b")


def named_condition(text: str, hit: Hit) -> bool:
    """A model name, or a famous family name read by its possessive ("Parkinson’s disease"),
    that only names a condition after the person who described it."""
    return (
        hit.source in ("ner", "roster")
        and hit.label in ("person", "organization", "place")
        and hit.start >= 0
        and DISEASE_AFTER.match(text, hit.end) is not None
    )


def named_chair(text: str, hit: Hit) -> bool:
    """A model person whose name is the name of an endowed chair or professorship."""
    return (
        hit.label == "person"
        and hit.source == "ner"
        and hit.start >= 0
        and NAMED_CHAIR_AFTER.match(text, hit.end) is not None
    )


def cut_titled_names(hits: list[Hit], knowledge: Knowledge) -> None:
    """A body's name run into a title or a post and a given name ("About Quarn Law Firm" and
    its paragraph "Attorney Kelvin Roe holds ..." read as "Quarn Law Firm Attorney Kelvin"):
    the name ends before the title."""
    for h in hits:
        if h.label != "organization" or h.start < 0:
            continue
        words = h.text.split(" ")
        for i in range(1, len(words) - 1):
            title = words[i].rstrip(".")
            if (
                (is_title(title, knowledge) or is_person_post(title, knowledge))
                and words[i + 1].casefold() in knowledge.given_names
            ):
                h.text = " ".join(words[:i])
                h.end = h.start + len(h.text)
                break


def family_names(hits: list[Hit]) -> set[str]:
    """The last words of the people the hits name in full."""
    return {h.text.split()[-1] for h in hits if h.label == "person" and " " in h.text.strip()}


def families_read_as_bodies(text: str, hits: list[Hit]) -> set[int]:
    """Ids of the one-word organisation hits that stand for people the release names in
    full: a family name that a rule read as a body where the model read a person ("Crystal
    Roe, founder of Quarn - Roe, a former producer, ..."), and a family in the plural ("the
    Roes")."""
    family = family_names(hits)
    people = {(h.start, h.end) for h in hits if h.label == "person" and h.source == "ner"}
    out = set()
    for h in hits:
        if h.label != "organization" or h.start < 0 or " " in h.text:
            continue
        read_as_person = h.source == "pattern" and (h.start, h.end) in people
        plural = h.text.endswith("s") and text[: h.start].endswith("the ")
        if (read_as_person and h.text in family) or (plural and h.text[:-1] in family):
            out.add(id(h))
    return out


def surnames_read_as_places(hits: list[Hit]) -> set[int]:
    """Ids of the place hits of a word that is the family name of a person the release names
    in full, where the model reads that word alone as a person at least once ("Sheila Roe
    Jordan ... explained Jordan": the person, not the country)."""
    family = family_names(hits)
    read_as_person = {
        h.text for h in hits if h.label == "person" and h.source == "ner" and h.text in family
    }
    return {id(h) for h in hits if h.label == "place" and h.text in read_as_person}


# Landform words that end a place's name and no person's ("Bay" and "Hill" end both).
LANDFORMS = frozenset(
    {"Peak", "Mountain", "Mountains", "River", "Creek", "Valley", "Canyon", "Glacier"}
    | {"Island", "Islands", "Falls", "Ridge", "Plateau", "Peninsula", "Lagoon", "Fjord"}
    | {"Desert", "Volcano", "Wilderness", "Lake", "Harbor", "Harbour", "Mainland", "Prefecture"}
)


def unvouched_contact_name(name: str, knowledge: Knowledge) -> bool:
    """A contact block's capitalised run that no name list vouches for and that holds a plain
    word no surname list knows ("Quarnex Wallet", "Contracting Vesk", "Toll Free"): the run
    of a firm's or a product's words, not a person. A given name first ("Jane Quarnby") or
    surnames throughout ("Wentong Wu") keep it."""
    words = [w.strip(".,'’") for w in name.split()]
    if not words or not knowledge.given_names:
        return False
    first = words[0].casefold()
    if first in knowledge.given_names or first in knowledge.nicknames or len(first) <= 2:
        return False  # a given name, a nickname or an initial ("E. Quarn Roe") first
    return any(plain_not_surname(w, knowledge) for w in words)


def named_by_email(name: str, emails: Iterable[str]) -> bool:
    """Whether a contact's e-mail address spells the name ("Meir Quarn" and
    "mquarn@", "meir.quarn@", "quarnm@"): the address vouches for a person whose words the
    name lists do not know."""
    words = [re.sub(r"[^a-z]", "", w.casefold()) for w in name.split()]
    if len(words) < 2 or not all(words):
        return False
    given, family = words[0], words[-1]
    spellings = {given + family, given[0] + family, family + given, family + given[0]}
    return any(
        re.sub(r"[^a-z]", "", e.split("@", 1)[0].casefold()) in spellings
        for e in emails
        if "@" in e
    )


def plain_not_surname(word: str, knowledge: Knowledge) -> bool:
    """A plain English word that no surname list holds ("Wallet"; not "Hunt" or "King")."""
    return is_common(word, knowledge.lexicon) and word.casefold() not in knowledge.surnames


def common_words_no_given_name(name: str, knowledge: Knowledge, most: int = 3) -> bool:
    """Two to ``most`` common words (each part of a hyphened one too), the first no given
    name: "Heart Attack", "Wide-Mouth Design", not "Rose Hill"."""
    words = [w.strip(".,'’") for w in name.split()]
    if not 2 <= len(words) <= most or not knowledge.given_names:
        return False
    first = words[0].casefold()
    if first in knowledge.given_names or first in knowledge.nicknames:
        return False
    if undotted_initials(words, knowledge):
        return False  # "EB Kelly"
    return all(is_common(p, knowledge.lexicon) for w in words for p in w.split("-") if p)


def name_before_org(name: str, org_keys: Collection[str]) -> str:
    """A person's name with the start of an organisation's name the release uses cut off
    ("Jane Roe Quarn Cow" of "Jane Roe" and "Quarn Cow Media": a contact block run
    together); the name as it is when no organisation starts inside it."""
    words = name.split()
    # Two words of the organisation at least: a surname alone may name the person's firm
    # ("Jose Luis Ruiz" beside "Ruiz Productions").
    for i in range(2, len(words) - 1):
        tail = key(" ".join(words[i:]))
        if any(o == tail or o.startswith(tail + " ") for o in org_keys):
            return " ".join(words[:i])
    return name


def people_before_orgs(text: str, hits: list[Hit]) -> None:
    """Model people of three or more words that run into an organisation the release names
    are cut before it ("CONTACT: Jane Roe Great Quarn Media ...")."""
    org_keys = {key(h.text) for h in hits if h.label == "organization" and " " in h.text}
    for h in hits:
        if h.label == "person" and h.source == "ner" and h.start >= 0 and h.text.count(" ") >= 2:
            name = name_before_org(h.text, org_keys)
            if name != h.text:
                h.end = h.start + len(name)
                h.text = text[h.start : h.end]


def unplaced_words(
    text: str, hits: list[Hit], gazetteer: Gazetteer, lexicon: frozenset[str] = frozenset()
) -> set[int]:
    """Ids of the model's one-word places the gazetteer does not know, or knows only as a
    small town named by a plain word ("a Buy rating": Buy, a town of 26,000), and nothing in
    the text places: a town is written "Quarnby, Texas", "in Quarnby" or in a list beside
    known places ("Arlington, Quarnby and Vell"); a foreign word the model read as a place
    ("Abuela", "Sueño") is not."""
    known = [(h.start, h.end) for h in hits if h.label == "place" and h.place is not None]
    out = set()
    for h in hits:
        if h.label != "place" or h.source != "ner" or h.start < 0:
            continue
        if h.place is not None and not _plain_small_town(h.text, h.place, lexicon):
            continue
        if " " in h.text.strip():
            continue
        after = REGION_NEXT.match(text, h.end)
        if after and gazetteer.region(after.group(1)) is not None:
            continue
        if PLACE_PREPOSITION.search(text[max(0, h.start - 14) : h.start]):
            continue
        if listed_beside(text, h.start, h.end, known):
            continue
        out.add(id(h))
    return out


REGION_NEXT = re.compile(r",[ ]([A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)")
SMALL_TOWN = 50_000


def _plain_small_town(name: str, place: Place, lexicon: frozenset[str]) -> bool:
    return place.kind == "city" and place.population < SMALL_TOWN and is_common(name, lexicon)

"""Typing evidence the release itself gives about a name, beyond its own spelling.

- A list whose items are mostly organisations ("companies including Acme, Brightwell
  Labs and Quorvane") is a list of organisations: an item the model missed or called a person
  is one too.
- A name whose squashed lower-case form is a web or e-mail domain of the release
  ("Tallow Ridge" beside tallowridge.com) is the organisation behind that domain.
- Attribution patterns name people ("said Jane Roe", "Jane Roe has joined", a quote followed
  by "Jane Roe, CEO ...").

Pure functions of the analysis text (and already-found hits), like ``candidates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from services.enrich.candidates import BYLINE_OUTLET, LANDFORMS, Hit, plain_not_surname
from services.enrich.gazetteer import Gazetteer, Place
from services.enrich.knowledge import Knowledge, key, word_pattern
from services.enrich.lexicon import is_common
from services.enrich.names import (
    CREDIT_BEFORE,
    HONORIFIC_BEFORE,
    INSTRUMENTS,
    NOT_LOWER_POSTS,
    OPENING_WORDS,
    REPEATED,
    given_name_first,
    has_org_suffix,
    is_person_post,
    is_title,
    known_surname,
    looks_like_person,
    named_like_person,
    person_cue,
    surname_vouched,
)
from services.enrich.orgrules import LEGAL_FORM, _strip_noise, _words, post_end, post_start

_UPPER = "A-ZÀ-ÖØ-Þ"
# Inside an item "and" would swallow the next item; "&" stays ("Barnes & Noble").
_ITEM_CONN = r"(?:of|for|&|the|de|del|la|du|des|van|von|da|di)"
# A word of a name: a capitalised word (with its trademark sign), an initial before the next
# word ("A. Raphael"), a letter alone, or a number with letters ("3M").
_WORD = (
    rf"(?:[{_UPPER}][\w.&-]*\w[®™]?|[{_UPPER}]\.?(?=[ ]+[{_UPPER}])|[{_UPPER}]"
    rf"|\d+[A-Za-z][\w-]*)"
)
# One list item: a capitalised run ("Amherst Pierpont", "Kohl’s", "MKS (Electro Scientific
# Industries)"), optionally after "the".
_ITEM = (
    rf"(?:the[ ])?({_WORD}(?:[ ](?:{_ITEM_CONN}[ ])?{_WORD}){{0,5}}\.?(?:['’]s(?=,|[ ]and\b))?)"
    rf"(?:[ ]\([^()\n]{{1,60}}\))?"
)
# ", & " before the last item is a list's "and" ("Al Roe, & Willie Poe"); a bare "&" stays
# inside an item.
# After "and", only words that lead into a name ("and the", "and its partner"); a verb there
# ("..., and earned the Quarn Prize") ends the list.
_AND_LEAD = (
    r"(?:the|its|their|his|her|our|other|also|finally|lastly|fellow|partner|partners|a|an"
    r"|most|more|recently|then|now|later|even|especially|notably|including)"
)
_SEP = rf"(?:,[ ]&[ ]|,[ ]|,?[ ]and[ ](?:{_AND_LEAD}[ ]){{0,2}}?)"
LIST = re.compile(rf"(?<![\w.@/#$’'-]){_ITEM}(?:{_SEP}{_ITEM}){{2,24}}")
ITEM_RE = re.compile(_ITEM)
# "by leading manufacturers Acme and Brill Systems": two names right after a plural noun for
# organisations.
SPONSOR_CUE = re.compile(
    r"\b(?:sponsored|presented|powered|underwritten|funded|backed)[ ]by[ ]+(?:the[ ]+)?$"
)
PAIR = re.compile(rf"(?<![\w.@/#$’'-]){_ITEM}[ ]and[ ]{_ITEM}")
PAIR_CUE = re.compile(
    r"\b(manufacturers|makers|vendors|suppliers|partners|companies|firms|investors|lenders"
    r"|brands|clients|customers|sponsors|retailers|distributors|insurers|banks|subsidiaries)"
    r"(?:[ ](?:globally|worldwide|nationwide|internationally|already|today))?"
    r",?[ ](?:(?:such[ ]as|including|like)[ ])?$"
)
LIST_CUE = re.compile(
    r"\b(?:including|such as|companies|firms|clients|customers|partners|investors|"
    r"brands|organi[sz]ations|institutions|banks|funds|backers|sponsors|like)\b[^.\n]{0,30}$"
)
DOMAIN = re.compile(
    r"(?:https?://|www\.|@|\b)((?:[a-z0-9-]+\.)*?([a-z0-9][a-z0-9-]{2,62}))"
    r"\.(?:com|net|org|io|ai|co|us|uk|ca|de|fr|es|it|app|tech|bio|health|biz|info|eu|global)\b",
    re.IGNORECASE,
)
_NAME = rf"[{_UPPER}][\w'’-]+(?:[ ][{_UPPER}]\.)?(?:[ ][{_UPPER}][\w'’-]+){{1,3}}"
ATTRIBUTION = re.compile(
    rf"(?:\b(?:said|says|added|stated|commented|explained|noted|according to)[ ]({_NAME})"
    rf"(?=[,.;]|[ ]of\b|[ ]at\b|$)"
    rf"|(?<![\w’'-])({_NAME})(?=[ ](?:has|have|will)[ ](?:joined|been[ ]appointed|been[ ]named)\b)"
    # A closing quotation mark: a curly one, or a straight one after the quote's last
    # punctuation (a straight one after a space opens the next quote: ". \"This Day, we").
    rf"|(?:”|(?<=[,.!?])\")[ ]*\n*[ ]*({_NAME})(?=,[ ])"
    rf"|\b(?:appoints|appointed|names|named|welcomes|welcomed|hires|hired|promotes|promoted)"
    rf"[ ]({_NAME})(?=[ ](?:as|to)\b))",
    re.MULTILINE,
)


def _squash(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def domain_labels(texts: Iterable[str]) -> set[str]:
    """Second-level labels of the web and e-mail domains in ``texts``, squashed
    ("acme-labs.com" -> "acmelabs")."""
    out: set[str] = set()
    for text in texts:
        for m in DOMAIN.finditer(text):
            out.add(_squash(m.group(2)))
    return out


def matches_domain(name: str, domains: set[str]) -> bool:
    squashed = _squash(name)
    return len(squashed) >= 4 and squashed in domains


def from_domains(text: str, domains: set[str], knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """Capitalised runs whose squashed form is a domain of the release: organisations."""
    if not domains:
        return []
    hits = []
    for m in re.finditer(rf"(?<![\w.@/#$’'-]){_WORD}(?:[ ]{_WORD}){{0,3}}", text[begin:]):
        words = _words(m.group(), begin + m.start())
        # Every sub-run, longest first; the run may carry leading noise ("At Tallow Ridge").
        first = _strip_noise(words, knowledge)
        for i in range(first, len(words)):
            done = False
            for j in range(len(words) - 1, i - 1, -1):
                start, end = words[i][0], words[j][1]
                name = text[start:end].rstrip(".,")
                if matches_domain(name, domains) and not name.isupper():
                    # A person's own site ("janeroe.com"; "Dr. Jane Roe" of "drjaneroe.com")
                    # names the person, not a firm.
                    if named_like_person(name, knowledge) or HONORIFIC_BEFORE.search(
                        text[max(0, start - 6) : start]
                    ):
                        done = True
                        break
                    hits.append(Hit(start, start + len(name), name, "organization", "pattern"))
                    done = True
                    break
            if done:
                break
    return hits


# Endings of nouns for an activity or a discipline ("Powder Coating", "Metal Fabrication").
ACTIVITY_ENDINGS = ("ing", "tion", "sion", "ment", "ance", "ence", "ics", "ogy", "ery")


def _category(name: str, knowledge: Knowledge) -> bool:
    """ "Transit Authorities", "Police Departments": plain Title-case words ending in a plural
    that is no organisation ending; "Powder Coating", "Metal Fabrication": common words ending
    in a noun for an activity (a service, not a company)."""
    words = name.split()
    if not words or not all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words):
        return False
    last = words[-1].lower()
    if last in knowledge.org_tails or last in knowledge.org_suffixes:
        return False
    if last.endswith(ACTIVITY_ENDINGS) and knowledge.lexicon:
        return all(is_common(w, knowledge.lexicon) for w in words)
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _list_items(m: re.Match[str]) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    for im in ITEM_RE.finditer(m.group()):
        a, b = im.start(1), im.end(1)
        # "With Acme and Brill, ...": a sentence's opening word is not part of the first item
        # (a later item keeps its first word: "Acme, Brill and Under Quarn").
        if not items and (lead := LEADING_WORD.match(im.group(1))):
            a += lead.end()
        items.append((m.start() + a, m.start() + b))
    return _inner_ands_joined(m.string, items)


def _inner_ands_joined(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a list with commas, an "and" without a comma before an item that is not the last
    joins words of one name ("Acme Hotel, Quarn Food and Fuel Association, Brill Co. and
    Vell"): only the last item comes after a bare "and"."""
    if not any(text[b:c].startswith(",") for (_a, b), (c, _d) in pairwise(items)):
        return items
    out = [items[0]]
    comma_before = False  # the join before the current last item is a comma
    for i, (c, d) in enumerate(items[1:], start=1):
        joint = text[out[-1][1] : c]
        if joint == " and " and comma_before and i < len(items) - 1:
            out[-1] = (out[-1][0], d)
            continue
        comma_before = joint.startswith(",")
        out.append((c, d))
    return out


LEADING_WORD = re.compile(
    r"(?:With|For|From|At|By|In|On|To|As|And|Or|But|Our|Its|Their|This|These|Today|When"
    r"|While|After|Before|During|Since|Via|Through|Under|Both|Like|Including)[ ](?=[A-Z0-9])"
)


def _is_category_list(text: str, items: list[tuple[int, int]], knowledge: Knowledge) -> bool:
    plural = sum(_category(text[a:b], knowledge) for a, b in items)
    return plural >= 3 and plural * 5 >= len(items) * 3


def category_items(text: str, knowledge: Knowledge, begin: int = 0) -> list[tuple[int, int]]:
    """Spans of the plural items of a list of kinds of things ("Transit Authorities, Water
    Utility Boards, Police Departments and Hospitals"): three or more, and at least 60 % of
    the list, are plain Title-case plurals. They are categories, not names. So is every item
    of a list that a noun for kinds opens ("segments, including D&O, E&O, Cyber & Crime"), and
    every business function of a list of them (``_business_functions``)."""
    spans = []
    for m in LIST.finditer(text, begin):
        items = _list_items(m)
        spans += _business_functions(text, items)
        if CATEGORY_CUE.search(text, max(0, m.start() - 40), m.start()):
            # "advisors from SaaS and cybersecurity sectors, including Jane Roe (CEO, Acme)":
            # people, not kinds.
            if not any(_given_name_item(text[a:b], knowledge) for a, b in items):
                spans += items
        elif len(items) >= 3 and _is_category_list(text, items, knowledge):
            spans += [(a, b) for a, b in items if _category(text[a:b], knowledge)]
    return spans


# A noun for kinds of business, then "including" or "such as", right before a list.
CATEGORY_CUE = re.compile(
    r"\b(?:segments|lines|sectors|verticals|specialties|specialities|disciplines|categories"
    r"|practice[ ]areas|therapeutic[ ]areas|modalities|asset[ ]classes)['’]?,?[ ]"
    r"(?:including|such[ ]as|like)[ ]$"
)


# Words of a business function ("Legal, HR, Facilities, IT and Compliance", "Market Access,
# Commercial Operations and Medical Affairs"): a list of them names a portfolio, not bodies.
# fmt: off
BUSINESS_FUNCTION_WORDS = frozenset({
    "legal", "hr", "it", "compliance", "facilities", "finance", "accounting", "marketing",
    "sales", "operations", "engineering", "procurement", "human", "resources", "research",
    "development", "r&d", "regulatory", "quality", "manufacturing", "medical", "clinical",
    "affairs", "commercial", "market", "access", "administration", "security",
    "communications", "strategy", "product", "supply", "chain", "logistics", "tax", "audit",
    "treasury", "risk", "technology", "data", "design", "customer", "service", "support",
    "partnerships", "investor", "relations", "public", "policy", "government", "safety",
    "payroll", "benefits", "talent", "acquisition", "recruiting", "and", "&",
})
# fmt: on


def _business_functions(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items that name business functions, when three or more of a list's items and at
    least four in five of them do ("Legal, HR, Facilities, IT and Compliance")."""
    functions = [(a, b) for a, b in items if _business_function(text[a:b])]
    return functions if len(functions) >= 3 and len(functions) * 5 >= len(items) * 4 else []


def _business_function(name: str) -> bool:
    words = name.rstrip(".").casefold().split()
    return 0 < len(words) <= 3 and all(w in BUSINESS_FUNCTION_WORDS for w in words)


def _list_cue(text: str, start: int) -> str | None:
    """What opens the list at ``start``: "sponsor" ("sponsored by"), "noun" (a noun for
    organisations: "companies like", "partners such as") or nothing."""
    if SPONSOR_CUE.search(text[max(0, start - 30) : start]):
        return "sponsor"
    return "noun" if PAIR_CUE.search(text[max(0, start - 40) : start]) else None


def cued_list_items(text: str, begin: int = 0) -> set[tuple[int, int]]:
    """Spans of the items of lists that a noun for organisations opens ("Cannabis companies
    like Coastal Quarn, Highway Brill Distribution, ...", "sponsored by ..."): the noun says
    what every item is, however plain its words."""
    spans: set[tuple[int, int]] = set()
    for m in LIST.finditer(text, begin):
        if _list_cue(text, m.start()) is not None:
            for a, b in _list_items(m):
                # The last item as read may take the sentence's full stop; its name does not.
                spans |= {(a, b), (a, b - 1)} if text[b - 1] == "." else {(a, b)}
    return spans


# A legal form standing alone as a list item ("Quarn Consulting, Inc."): the body rules' forms.
LEGAL_ITEM = re.compile(rf"(?:{LEGAL_FORM}|Co|plc|S\.A|N\.V)\.?")


def _with_legal_forms(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """List items with a legal form joined to the item before it: the comma before "Inc." is
    the name's own ("Quarn Consulting, Inc. and Roe" lists two names, not three)."""
    out: list[tuple[int, int]] = []
    for a, b in items:
        if out and LEGAL_ITEM.fullmatch(text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def from_lists(text: str, hits: list[Hit], knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """Items of a list that is mostly organisations are organisations (new pattern hits)."""
    out: list[Hit] = []
    positioned = [h for h in hits if h.start >= 0]
    for m in LIST.finditer(text, begin):
        items = _with_legal_forms(text, _list_items(m))
        if len(items) < 3 or _is_category_list(text, items, knowledge):
            continue
        # "Jane Roe, Chief Officer, Acme": an appositive chain with a post, not a list.
        if any(_is_post(text[a:b], knowledge) for a, b in items):
            continue
        kinds = [_item_kind(text, a, b, positioned, knowledge) for a, b in items]
        opener = _list_cue(text, m.start())
        if opener == "sponsor":
            out += _sponsors(text, items, kinds, positioned, knowledge)
            continue
        # "companies like Acme, Quarn, Tessaly and Brill": the noun says what every item is,
        # one the model read as a place included (a brand named after one).
        if opener == "noun":
            out += _sponsors(text, items, kinds, positioned, knowledge, places_too=True)
            continue
        # "Jane Roe, Xyz Abc and John Doe of Acme Co.": a list of people, each maybe "of" where
        # they work, is read by the names before "of".
        heads = [_without_full_stop(text, *_name_before_of(text, a, b)) for a, b in items]
        head_kinds = [_item_kind(text, a, b, positioned, knowledge) for a, b in heads]
        people, orgs = head_kinds.count("person"), head_kinds.count("organization")
        # A long list of people keeps its few items the model called organisations ("guests
        # included Jane Roe, Tarvel Osk, ...": the model reads an unfamiliar name as a firm).
        # "Kelly Roe, Stan Roe, and MaryAnn Poe": beside two people, a body the model read
        # that opens with a given name is one more person.
        named = all(
            kind != "organization" or _given_name_item(text[a:b], knowledge)
            for (a, b), kind in zip(heads, head_kinds, strict=True)
        )
        if people >= 2 and (orgs == 0 or named or (people >= 4 and people >= 3 * orgs)):
            out += _people_of_list(text, heads, head_kinds, positioned, knowledge)
            continue
        if kinds[0] == "person" and kinds.count("person") == 1:
            continue  # "Jane Roe, Innovation Secretariat, Acme": a name and its appositives
        orgs = kinds.count("organization")
        if kinds.count("place") or orgs == 0:
            continue
        cue = bool(LIST_CUE.search(text[max(0, m.start() - 60) : m.start()]))
        if not (orgs * 2 >= len(items) or (cue and orgs >= 1 and "person" not in kinds)):
            continue
        for (a, b), kind in zip(items, kinds, strict=True):
            name = text[a:b]
            if name.islower() or name in knowledge.titles:
                continue
            if _person_item(name, kind, knowledge):
                continue
            # Every item, so that one the model did type keeps the list as its evidence (an
            # acronym named once, "IBM", is then not an unexplained acronym).
            out.append(Hit(a, b, name, "organization", "pattern"))
    for m in PAIR.finditer(text, begin):
        pair_cue = PAIR_CUE.search(text[max(0, m.start() - 40) : m.start()])
        if not pair_cue:
            continue
        items = [m.span(1), m.span(2)]
        kinds = [_item_kind(text, a, b, positioned, knowledge) for a, b in items]
        # "iconic brands Jane Roe and John Doe": brands named after people are brands.
        brands = pair_cue.group(1) == "brands" and "place" not in kinds
        if not brands and ("organization" not in kinds or "person" in kinds or "place" in kinds):
            continue
        for a, b in items:
            name = text[a:b]
            last = name.split()[-1].lower().rstrip(".")
            if name.endswith(".") and not (len(last) <= 4 and last in knowledge.org_suffixes):
                name, b = name[:-1], b - 1  # the sentence's full stop, not "Inc."
            if not _is_post(name, knowledge):
                out.append(Hit(a, b, name, "organization", "pattern"))
    return out


def _sponsors(
    text: str,
    items: list[tuple[int, int]],
    kinds: list[str | None],
    hits: list[Hit],
    knowledge: Knowledge,
    places_too: bool = False,
) -> list[Hit]:
    """ "sponsored by Acme, Xyz Kitchen and Abc Appliances": with one item an organisation and
    none a place (unless ``places_too``), every item is a sponsor, except a person something
    besides the model names (an attribution, a contact line) or shapes (``_person_item``)."""
    if "organization" not in kinds or ("place" in kinds and not places_too):
        return []
    vouched = {key(h.text) for h in hits if h.label == "person" and h.source not in ("ner",)}
    return [
        Hit(a, b, text[a:b], "organization", "pattern")
        for (a, b), kind in zip(items, kinds, strict=True)
        if key(text[a:b]) not in vouched and not _person_item(text[a:b], kind, knowledge)
    ]


def _person_item(name: str, kind: str | None, knowledge: Knowledge) -> bool:
    """ "the likes of Quarnco, Jane Roe and John Doe", "investors such as Quarn Labs, Marc Roe
    (Vell Labs)": a given name and a surname (no plain word: "Alberta Innovates") the model
    did not read as a firm stay people in a list of firms."""
    return (
        kind != "organization"
        and given_name_first(name, knowledge)
        and not is_common(name.split()[-1], knowledge.lexicon)
    )


def _given_name_item(name: str, knowledge: Knowledge) -> bool:
    """A list item shaped like a person's name that opens with a given name of the lists and
    ends in no word of a firm's name."""
    return given_name_first(name, knowledge) and name.split()[-1].lower() not in knowledge.org_tails


def _people_of_list(
    text: str,
    items: list[tuple[int, int]],
    kinds: list[str | None],
    hits: list[Hit],
    knowledge: Knowledge,
) -> list[Hit]:
    """ "designs by Jane Roe, Xyz Abc and John Doe": in a list of people, an item shaped like
    a name that nothing else read, or that the model called a place the gazetteer does not
    know, is a person too."""
    out = []
    for (a, b), kind in zip(items, kinds, strict=True):
        name = text[a:b]
        inside = [h for h in hits if h.start < b and a < h.end]
        unread = all(h.label == "place" and h.place is None for h in inside)
        model_org = kind == "organization" and all(
            h.label == "organization" and h.source == "ner" for h in inside
        )
        if (
            ((kind is None and unread) or model_org)
            and looks_like_person(name, knowledge)
            and not has_org_suffix(name, knowledge)
        ):
            out.append(Hit(a, b, name, "person", "pattern"))
    return out


def _without_full_stop(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence's full stop after the last item goes; an initial's stays ("Jane Q.")."""
    if text[b - 1] == "." and len(text[a:b].split()[-1]) > 3:
        return a, b - 1
    return a, b


def _name_before_of(text: str, a: int, b: int) -> tuple[int, int]:
    """The span of an item up to " of " ("John Doe of Acme Co." -> "John Doe")."""
    cut = text.find(" of ", a, b)
    return (a, cut) if cut > a else (a, b)


def _is_post(name: str, knowledge: Knowledge) -> bool:
    return any(
        w.strip(",.&").lower() in knowledge.role_words
        or w.strip(",.&") in knowledge.titles
        or (w[:1].isupper() and is_person_post(w, knowledge))  # "Managing Partners"
        for w in name.split()
    )


def _item_kind(
    text: str, start: int, end: int, hits: list[Hit], knowledge: Knowledge
) -> str | None:
    """What the other rules and the model said about the list item at [start, end)."""
    inside = [h for h in hits if h.start >= start and h.end <= end and h.end - h.start >= 2]
    if any(
        h.label == "place" and h.place is not None and (h.start, h.end) == (start, end)
        for h in inside
    ):
        return "place"
    if any(h.label == "organization" for h in inside):
        return "organization"
    if has_org_suffix(text[start:end], knowledge):
        return "organization"
    if any(h.label == "person" and (h.start, h.end) == (start, end) for h in inside):
        return "person"
    return None


def from_attributions(text: str, knowledge: Knowledge, begin: int = 0) -> list[Hit]:
    """People named by how the release attributes words or posts to them."""
    hits = []
    for m in ATTRIBUTION.finditer(text, begin):
        group = next(g for g in range(1, 5) if m.group(g))
        start, end = m.start(group), m.end(group)
        name = m.group(group)
        words = name.split()
        # "About Acme Global Trade, LLC" after a closing quote: a heading and a company.
        if words[0] == "About" or LEGAL_AFTER.match(text, end):
            continue
        # "said Co-Founder Jane Roe": the post before the name goes.
        lead = post_end(words, knowledge)
        if lead:
            name = " ".join(words[lead:])
            start = end - len(name)
            words = words[lead:]
        if is_title(words[0], knowledge):
            continue
        # "said Jane Roe Senior Advisor at Acme": the post after the name, without a comma.
        cut = post_start(words, knowledge)
        if cut is not None:
            words = words[:cut]
            name = " ".join(words)
            end = start + len(name)
        hits += _person(name, start, end, knowledge)
    # "Jane Roe as Managing Director of Sales", "appointed Jane Roe as its Chief ...": a name
    # the release gives a post to.
    for m in AS_POST.finditer(text, begin):
        if JOINED_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue  # "Jane Roe joined Orca Quarn as Chief ...": what she joined
        name, start = _without_opener(m.group(1), m.start(1), knowledge)
        post = m.group(3).split()
        if not any(is_person_post(w, knowledge) for w in post):
            continue
        if m.group(2) == "to" and post[-1].lower() not in PROMOTED_TO:
            continue
        hits += _person(name, start, m.end(1), knowledge)
    # "seasoned advisor Jane Roe", "industry veteran Jane Roe": a noun for a person, in lower
    # case, just before the name.
    for m in NOUN_BEFORE.finditer(text, begin):
        name = m.group(1)
        hits += _person(name, m.start(1), m.end(1), knowledge)
    # "Jane Roe, executive director of Acme", "Jane Roe is a senior executive": a name
    # followed by its post in lower case.
    for m in TITLED_POST.finditer(text, begin):
        name, start = _without_opener(m.group(1), m.start(1), knowledge)
        if not any(is_person_post(w, knowledge) for w in re.split(r"[ /]", m.group(2))):
            continue
        hits += _person(name, start, m.end(1), knowledge)
    for m in [*LOWER_POST.finditer(text, begin), *IS_POST.finditer(text, begin)]:
        name, start = m.group(1), m.start(1)
        # "Representative: Jane Roe Jane Roe is ...": a heading run into its paragraph.
        if (twice := REPEATED.fullmatch(name)) and " " in twice.group(1):
            name, start = twice.group(1), m.end(1) - len(twice.group(1))
        post = m.group(2).split()
        if not any(w in knowledge.role_words and w not in NOT_LOWER_POSTS for w in post):
            continue
        if "by" in post:
            continue  # "Quarn Bistro, led by executive chef ...": the post is another's
        hits += _person(name, start, m.end(1), knowledge)
    return hits


# Credentials between a name and its post: "Jane Roe, M.D., M.P.H., is ...", "Jane Roe, PhD,".
_CREDENTIALS = r"(?:,[ ](?:(?:[A-Z][a-zA-Z]?\.){1,4}|[A-Z][A-Za-z]{1,5}))*"
LOWER_POST = re.compile(
    rf"(?<![\w’'-])({_NAME}){_CREDENTIALS},[ ](?:(?:a|an|the)[ ])?"
    rf"((?:senior[ ]|vice[ ]|chief[ ]|executive[ ]|managing[ ]|"
    rf"co-|associate[ ]|assistant[ ]|deputy[ ]|interim[ ]|general[ ]|founding[ ])*"
    rf"[a-z][a-z-]+(?:[ ][a-z][a-z-]+){{0,2}})(?=[ ,.;])"
)
JOINED_BEFORE = re.compile(r"\b(?:joined|joins|joining|rejoined|rejoins)[ ]$")
AS_POST = re.compile(
    rf"(?<![\w’'-])({_NAME})[ ](as|to)[ ](?:(?:its|the|our|their|his|her|a|an|new|interim)[ ])*"
    rf"([A-Z][\w&-]*(?:[ ](?:[A-Z][\w&-]*|of|&)){{0,5}})"
)
# "promoted Jane Roe to Managing Director": after "to" only a post that ends in one of these
# ("to Complement B2C Strategy" is no post).
PROMOTED_TO = frozenset(
    {"director", "officer", "president", "partner", "chair", "chairman", "chairwoman"}
    | {"manager", "head", "lead", "principal", "ceo", "cfo", "coo", "cto", "cmo", "counsel"}
    | {"advisor", "adviser", "executive", "associate", "analyst", "vp", "svp", "evp"}
    | {"secretary", "treasurer", "dean", "provost", "editor", "engineer", "scientist"}
)
# Lower-case nouns for a person that may stand just before a name ("advisor Jane Roe").
# Nouns that also name a company's relation ("partner", "member", "client") are left out.
PERSON_NOUNS = (
    "advisor|adviser|founder|co-founder|cofounder|chairman|chairwoman|president|ceo|cfo|coo|cto"
    "|analyst|author|editor|engineer|scientist|consultant|strategist|coach|spokesperson"
    "|spokesman|spokeswoman|producer|artist|singer|actor|actress|designer|chef|photographer"
    "|entrepreneur|investor|attorney|lawyer|professor|researcher|physician|surgeon|pastor"
    "|comedian|rapper|musician|songwriter|filmmaker|veteran|expert|pioneer|legend|icon|host"
    "|journalist|novelist|poet|historian|economist|psychologist|therapist|mentor|athlete"
    "|guitarist|drummer|vocalist|panelist|moderator|philanthropist|activist|educator"
    "|native|resident|alumna|alumnus|sensation|star|superstar"
    # Performers and makers of music and stage work ("soloist Jane Roe", "Maestro Jane Roe").
    "|[Mm]aestro|conductor|soloist|pianist|violinist|violist|cellist|soprano|mezzo-soprano"
    "|tenor|baritone|composer|choreographer|bassist|saxophonist|trumpeter|percussionist"
    "|harpist|flutist|clarinetist|organist|concertmaster|playwright|dancer|ballerina"
)
NOUN_BEFORE = re.compile(
    rf"(?<![\w-])(?:{PERSON_NOUNS})[ ]({_NAME})(?=[,.;:)]|[ ][a-z(]|$)", re.MULTILINE
)


def _person(name: str, start: int, end: int, knowledge: Knowledge) -> list[Hit]:
    """A person's hit for a name the text vouches for, if it is shaped like a person's name
    once a sentence's opening word or a title is off ("At Quarn Prep, we ...",
    "Brigadier-General Jane Roe"); an organisation's if its last word marks a body."""
    first, _, rest = name.partition(" ")
    if rest and (first.lower() in OPENING_WORDS or is_title(first, knowledge)):
        name, start = rest, start + len(first) + 1
    if name.endswith(("'s", "’s")):  # "author Jane Roe's latest book": her name
        name, end = name[:-2], end - 2
    if not looks_like_person(name, knowledge) or has_org_suffix(name, knowledge):
        return []
    # "At Legend Biotech, Gavel grew ...": a name ending in a body's word that is no family
    # name is the body where the person works.
    last = name.split()[-1]
    body_word = last.lower().rstrip(".") in knowledge.org_marks
    if body_word and last.casefold() not in knowledge.surnames:
        return [Hit(start, end, name, "organization", "pattern")]
    return [Hit(start, end, name, "person", "pattern")]


def _without_opener(name: str, start: int, knowledge: Knowledge) -> tuple[str, int]:
    """ "With Jane Roe", "Board Members Jane Roe": a capitalised word opening the sentence,
    or a post before the name, is no part of it."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in OPENING_WORDS:
        name, start = rest, start + len(first) + 1
    words = name.split(" ")
    if lead := post_end(words, knowledge):
        cut = len(" ".join(words[:lead])) + 1
        name, start = name[cut:], start + cut
    return name, start


LEGAL_AFTER = re.compile(r",?[ ](?:Inc|LLC|L\.L\.C|Ltd|Corp|PLC|LLP|GmbH)\b")
IS_POST = re.compile(
    rf"(?<![\w’'-])({_NAME}){_CREDENTIALS},?[ ](?:(?:is|was|serves[ ]as)[ ](?:a|an|the)"
    rf"|(?:is|was|has[ ]been|will[ ]be)[ ](?:appointed|named|promoted|elected|hired)"
    rf"(?:[ ](?:as|to))?(?:[ ](?:a|an|the|its|our))?)[ ]"
    rf"((?:[a-z][a-z-]*[ ]?){{1,3}})"
)
# "Jane Roe, Co-founder of Acme", "Jane Roe, CEO/co-founder at Acme", "Jane Roe, Co-President,
# Acme", "Jane Roe, EVP & CHRO, Acme": a name, a comma and a post in capitals before "of"/"at"
# or another comma.
TITLED_POST = re.compile(
    rf"(?<![\w’'-])({_NAME}),[ ]([A-Z][\w/&-]*(?:[ ](?:&[ ])?[A-Z][\w/&-]*){{0,3}})"
    rf"(?:[ ](?:of|at)[ ]|,[ ])"
)
# "offices in Ostrava, Brno and Zlin": a list of places after a word that says where.
_PLACE_WORD = r"(?:St\.|[A-Z][\w'’-]*)"
_PLACE_ITEM = rf"{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}}"
PLACE_LIST = re.compile(
    rf"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Nn]ear|[Ff]rom|[Bb]etween|[Ss]erv(?:es|ing|e)"
    rf"|(?:markets|cities|states|countries|locations|regions|areas|communities|towns|metros"
    rf"|counties|provinces|destinations|offices)(?:[ ]+(?:such[ ]as|including|like|of)|:))"
    rf"[ ]+(?:the[ ]+)?"
    rf"({_PLACE_ITEM}(?:(?:,[ ]+(?:and[ ]+|or[ ]+|&[ ]+)?|[ ]+(?:and|or|&)[ ]+){_PLACE_ITEM})+)"
)
_PLACE_SEP = re.compile(r",[ ]+(?:and[ ]+|or[ ]+|&[ ]+)?|[ ]+(?:and|or|&)[ ]+")


def from_place_lists(text: str, gazetteer: Gazetteer, knowledge: Knowledge) -> list[Hit]:
    """Items of a coordinated list after "in/across/from/..." ("satellite offices in Ostrava,
    Brno and Zlin") are places when the gazetteer knows every item, or all but one of three or
    more, or all but a third of six or more; a city the model called a person is then a
    place. Lists with an organisation ending are not lists of places."""
    hits: list[Hit] = []
    for m in PLACE_LIST.finditer(text):
        span = m.group(1)
        seps = list(_PLACE_SEP.finditer(span))
        # The list ends at the item after its last conjunction ("in Ostrava and Brno, Jane
        # Roe said"); without one it is no list ("In Ostrava, Jane Roe ...").
        last = [i for i, sep in enumerate(seps) if re.search(r"(?:and|or|&)[ ]+$", sep.group(0))]
        if not last:
            continue
        if last[-1] + 1 < len(seps):
            span = span[: seps[last[-1] + 1].start()]
            seps = seps[: last[-1] + 1]
        items: list[tuple[int, str]] = []
        pos = 0
        for sep in [*seps, None]:
            end = sep.start() if sep else len(span)
            item = span[pos:end].rstrip(".")
            items.append((m.start(1) + pos, item))
            pos = sep.end() if sep else pos
        if any(has_org_suffix(item, knowledge) for _, item in items):
            continue
        # "Dallas-Southlake": an area named by its city and a suburb is in that city.
        places = [
            gazetteer.known(item) or ("-" in item and gazetteer.known(item.split("-")[0])) or None
            for _, item in items
        ]
        places = _states_of_a_list_of_states([item for _, item in items], places, gazetteer)
        # A long list may hold a few places too small for the gazetteer ("Glyndon").
        unknown = sum(p is None for p in places)
        if unknown and (len(items) < 3 or (unknown > 1 and unknown * 3 > len(items))):
            continue
        for (start, item), place in zip(items, places, strict=True):
            hits.append(Hit(start, start + len(item), item, "place", "pattern", place=place))
    return hits


def _states_of_a_list_of_states(
    items: list[str], places: list[Place | None], gazetteer: Gazetteer
) -> list[Place | None]:
    """In a list of a country's states, an item that also names a state of that country is
    the state ("Oregon, Washington and Utah": the state, not the capital's district)."""
    states = [p for p in places if p is not None and p.kind == "subdivision"]
    countries = {p.country for p in states}
    if len(states) < 2 or len(countries) != 1:
        return places
    country = countries.pop()
    out = []
    for item, place in zip(items, places, strict=True):
        # The state of that very name, not an alias's target ("Washington" -> US-DC).
        states_named = [
            c
            for c in gazetteer.candidates(item)
            if c.kind == "subdivision" and c.country == country and c.name == item
        ]
        state = states_named[0] if states_named else None
        out.append(state or place)
    return out


# "Keiko Roe, drums", "Jo Poe - bass", "Ann Lee (violin)": the word after a name's comma,
# dash or bracket.
INSTRUMENT_AFTER = re.compile(r"(?:,|[ ]?[-–—]|[ ]?\()[ ]*([A-Za-z]+)")


def credited_people(text: str, hits: list[Hit], knowledge: Knowledge) -> None:
    """A model organisation named as a picture's credit ("photo by Jorun Vesk on ...") or
    credited with an instrument ("Keiko Vesk, drums") is a person when its words are
    person-shaped and none is a plain word or a body's mark (a studio is credited as "Vesk
    Photography")."""
    for h in hits:
        if h.label != "organization" or h.source != "ner" or h.start < 0:
            continue
        words = h.text.split()
        played = INSTRUMENT_AFTER.match(text, h.end)
        if (
            2 <= len(words) <= 3
            and (
                CREDIT_BEFORE.search(text, max(0, h.start - 40), h.start)
                or (played is not None and played.group(1).lower() in INSTRUMENTS)
            )
            and looks_like_person(h.text, knowledge)
            and not any(plain_not_surname(w, knowledge) for w in words)
            and not any(w.lower() in knowledge.org_marks for w in words)
        ):
            h.label = "person"


MIDDLE_INITIAL = re.compile(r"[A-Z]\.")


def unvouched_people(text: str, hits: list[Hit], knowledge: Knowledge) -> None:
    """A model person whose first word is no given name and that nothing in the text treats
    as a person ("Canaccord Quarn is acting as placement agent", "with Volt Mobility, which
    ...") is an organisation: two capitalised words without a known given name, a post, a
    speech verb or the surname used alone are a firm's name far more often than a person's.
    Names the text vouches for elsewhere ("said Jun Quarn", "Quarn brings") stay people."""
    if not knowledge.given_names:
        return
    people: dict[str, list[Hit]] = {}
    for h in hits:
        if h.label == "person" and h.start >= 0:
            people.setdefault(key(h.text), []).append(h)
    surnames = {k for k, group in people.items() if " " not in group[0].text.strip()}
    people_spans = [
        (h.start, h.end)
        for h in hits
        if h.label == "person" and given_name_first(h.text, knowledge)
    ]
    for group in people.values():
        words = group[0].text.split()
        first, last = words[0].strip(".,"), words[-1].strip(".,")
        if len(words) < 2 or any(h.source != "ner" for h in group):
            continue
        if len(first) <= 2 or first.casefold() in knowledge.given_names:
            continue  # an initial ("S. Quarn"), or a given name
        if any(MIDDLE_INITIAL.fullmatch(w) for w in words[1:-1]):
            continue  # "Kartiv R. Quarnwal": a middle initial marks a person's name
        if first.casefold() in knowledge.nicknames or last.casefold() in knowledge.given_names:
            continue  # a nickname, or a family name written first ("Quarn Wei")
        if key(last) in surnames or known_surname(last, knowledge):
            continue
        # Every place the name is written, not only the spans still held: a rule's reading
        # dropped earlier ("Jane Quarn, founder and designer, commented") still vouches.
        spans = {(h.start, h.end) for h in group}
        spans |= {m.span() for m in word_pattern(group[0].text).finditer(text)}
        if any(person_cue(text, a, b, people_spans, knowledge) for a, b in spans):
            continue
        if any(surname_vouched(text, (h.start, h.end), last, knowledge) for h in group):
            continue
        if last in LANDFORMS:
            continue  # "Vesk Peak": a mountain, which the person filters drop
        if any(BYLINE_OUTLET.match(text, h.end) for h in group):
            continue  # "Sapna Quarn/The Vesk Banner.": a picture's credit names its taker
        for h in group:
            h.label = "organization"

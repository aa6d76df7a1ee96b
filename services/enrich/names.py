"""Pure string rules for entity names: trimming a mention to its name, and name shapes.

A mention span is trimmed, never rewritten, so that its offsets still point at the text; the
canonical name of an entity is chosen later among its trimmed mentions (``cluster``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from services.enrich.knowledge import Knowledge, word_pattern, written_at_least
from services.enrich.lexicon import is_common

QUOTES = "\"'“”‘’«»()[]{}*_#|"
# A function word glued to a name's last letter where a space or line break was lost.
GLUED_WORD = re.compile(r"(?<=[a-z])(With|The|And|For|Is|Was|Will|Has|Of|In|At|On|To|As|This)$")
# Function words that end one-word brands in camel case ("LinkedIn", "QuarnOn"): no glue.
BRAND_ENDS = frozenset({"In", "On"})
QUOTE_END_GLUED = re.compile(r"[a-z][.!?][”\"](?=[A-Z])")
AND_POST_OPENER = re.compile(r"[ ](?:and|&)[ ](?:Vice|Senior|Deputy|Executive|Chief|Co)$")
POST_NEXT = re.compile(r"[ -](?:President|Chair|Director|Officer|Founder|Executive|Editor)\b")
LEADING_YEAR = re.compile(r"(?:19[89]\d|20[0-3]\d)[ ](?=[A-Z]\w*[ ][A-Za-z])")
CLASS_TAIL = re.compile(
    r"[ ](?:Class|Series|Tier|Phase|Type)[ ]"
    r"(?:[IVX]{1,4}[a-z]?|[A-Z]|\d{1,3}(?:[ ]?&[ ]?\d{1,3})?)$"
)
CONTACT_TAIL = re.compile(
    r"[ ](?:(?:Media|Press|Investor|Sales)[ ])?Contacts?(?:[ ](?:Information|Details|Info))?$"
)
# Last words of a music group's name, which the model reads as a person ("Jane Roe Band").
ENSEMBLES = frozenset(
    {"Band", "Orchestra", "Choir", "Chorus", "Quartet", "Quintet", "Ensemble"}
    | {"FC", "AFC", "CF", "SC"}  # a football club ("Angel Quarn FC")
    | {"Brothers", "Bros", "Bros.", "Sisters"}  # a family's firm or act ("Quarn Brothers")
)
# Words that end firms' names and no person's ("Quarn Global").
FIRM_LAST_WORDS = frozenset(
    {"Global", "Worldwide", "Casino", "Casinos", "Resort", "Resorts", "Hotel", "Hotels"}
    | {"Market", "Bakery", "Cafe", "Café", "Restaurant", "Bistro", "Brewery", "Winery"}
    | {"Learning"}  # "Sylvan Learning"
)
# A name seldom opens with an article: "Los Hijos de Quarn" is a title ("La" may open one).
ARTICLES = frozenset({"The", "A", "An", "El", "Los", "Las", "Un", "Una", "Lo"})
# Words that bill a performer before the name ("Starring Jane Roe").
BILLING = frozenset({"starring", "featuring", "introducing", "presenting"})
BULLETS = "•·▪◦‣"  # list bullets written inline ("... Equity • Jane Roe, Partner")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
NAME_PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn",
    "al", "el", "y", "dos", "das", "ter", "ten", "st.",
}
GENERATIONAL = {"jr", "sr", "ii", "iii", "iv", "v"}
LOWER_WORDS = {"of", "and", "for", "the", "&", "de", "du", "des", "la", "le", "in", "on", "at", "y"}
# Text up to a closing parenthesis that the span does not open, and the punctuation after it.
UNOPENED = re.compile(r"^[^(]*\)[\s,;:.]*")
# A sentence end inside a span, then a word that never belongs to a name.
NEXT_SENTENCE = re.compile(
    r"\.[ ]+(?:We|Our|It|Its|They|Their|He|His|She|Her|This|These|That|The|In|As|At|For|With)$"
)
REPEATED = re.compile(r"(.+?):?[ ]?(?:The[ ])?\1")
# A legal form with its period ends a name: words after it open the next sentence or heading
# ("Acme Widgets, Inc. Acme is ...", "Acme Media, Inc. Acme Kids").
AFTER_LEGAL_FORM = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|PLC|LLP|GmbH)\.(?=(?:[ ]+[A-Z][\w'’-]*){1,3}$)"
)
# "Chair of the Acme Ltd Board": the firm's board, a unit of the firm named after it.
UNIT_AFTER_LEGAL_FORM = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|LLC|PLC|LLP|GmbH)\.?(?=[ ](?:Board|Committee|Council|Team)$)"
)
_KEEP_DOT = re.compile(r"(?:\b[A-Z]|\.[A-Za-z]{1,3}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros|Cos|St))\.$")


# Words that qualify a post before it ("Honorary Chair", "Gala Co-Chairs").
POST_MODIFIERS = frozenset({"Honorary", "Gala", "Event", "Campaign", "Founding", "Interim"})


def _leading_posts(words: list[str], knowledge: Knowledge) -> int:
    """How many words open ``words`` as posts and their qualifiers before a capitalised
    rest, at least one a post that is no given name; else 0."""
    n, posts = 0, 0
    while n < len(words) - 1:
        word = words[n].rstrip(",")
        if word in POST_MODIFIERS:
            n += 1
        elif is_person_post(word, knowledge) and word.casefold() not in knowledge.given_names:
            n, posts = n + 1, posts + 1
        else:
            break
    return n if posts and words[n][:1].isupper() else 0


# A lower-case preposition or conjunction the model ran into a name's end.
TRAILING_PREPOSITION = re.compile(r"[ ](?:on|in|at|for|to|with|by|from|and|of|or|as)$")


def trim(text: str, start: int, end: int, knowledge: Knowledge, *, person: bool) -> tuple[int, int]:
    """Shrink [start, end) of ``text`` to the bare name: no quotes, possessive, trailing
    punctuation, leading ``the`` (lower case) or, for people, leading titles."""
    changed = True
    while changed and start < end:
        changed = False
        span = text[start:end]
        stripped = span.strip().strip(QUOTES + BULLETS + ",;:!?–—-®™").strip()
        if stripped != span:
            offset = span.find(stripped) if stripped else 0
            start, end = start + offset, start + offset + len(stripped)
            changed = True
            continue
        if m := POSSESSIVE.search(span):
            end -= len(m.group(0))
            changed = True
            continue
        if span.endswith(".") and not _KEEP_DOT.search(span):
            end -= 1
            changed = True
            continue
        if span.startswith("About ") and (start == 0 or text[start - 1] == "\n"):
            start += 6  # "About Acme" heading its section: the name is what follows
            changed = True
            continue
        if span.startswith("the "):
            start += 4
            changed = True
            continue
        if m := TRAILING_PREPOSITION.search(span):
            end -= len(m.group(0))  # "Colorado School of Mines on" + " Quarn's find"
            changed = True
            continue
        if m := QUOTE_END_GLUED.search(span):
            start += m.end()  # "creators.”Acme.com": a quotation's end glued to the name
            changed = True
            continue
        if not person and (m := AND_POST_OPENER.search(span)) and POST_NEXT.match(text, end):
            end -= len(m.group(0))  # "Quarn Institute and Vice" + " President of ...": a post
            changed = True
            continue
        if not person and (m := LEADING_YEAR.match(span)):
            start += m.end()  # "2025 Federation of Quarn Societies": the meeting's year
            changed = True
            continue
        first_word, _, rest = span.partition(" ")
        if rest and first_word in DETERMINERS:
            start += len(first_word) + 1  # "Their National Milk Bank": no name opens so
            changed = True
            continue
        if (
            not person
            and first_word in ROLE_NOUNS_BEFORE_FIRM
            and rest[:1].isupper()
            and _opens_sentence(text, start)
        ):
            start += len(first_word) + 1  # "Publisher Acme Books, LLC specializes in": its role
            changed = True
            continue
        if rest and first_word.lower() in OPENING_WORDS and _opens_sentence(text, start):
            start += len(first_word) + 1  # "Even the Acme Board", "Before Acme Capital"
            changed = True
            continue
        if (cut := span.find(" (")) > 0 and ")" not in span[cut:]:
            end = start + cut  # "Jane Roe (Acme Ventures": what an unclosed bracket opens
            changed = True
            continue
        if (m := UNOPENED.match(span)) and m.end() < len(span):
            start += m.end()  # "May),Las Vegas": what ends a parenthesis opened before
            changed = True
            continue
        if (m := REPEATED.fullmatch(span)) and " " in m.group(1):
            end = start + m.end(1)  # "Acme Labs Acme Labs", "Acme Labs: Acme Labs": a header
            changed = True  # run into its paragraph
            continue
        if not person and (m := UNIT_AFTER_LEGAL_FORM.search(span)):
            end = start + m.end()
            changed = True
            continue
        if m := AFTER_LEGAL_FORM.search(span):
            end = start + m.end()
            changed = True
            continue
        if not person and (m := CONTACT_TAIL.search(span)):
            end -= len(m.group(0))  # "Acme Contact Information:": the heading of its contacts
            changed = True
            continue
        if not person and (m := CLASS_TAIL.search(span)):
            end -= len(m.group(0))  # "Acme Class II", "Acme Series 7": a grade, not the name
            changed = True
            continue
        if (m := GLUED_WORD.search(span)) and not (" " not in span and m.group(1) in BRAND_ENDS):
            end -= len(m.group(1))  # "Jane RoeWith a band": the next word glued on
            changed = True
            continue
        if m := NEXT_SENTENCE.search(span):
            end -= len(m.group(0))  # "Acme X. We": the next sentence's first word
            changed = True
            continue
        incorporated = text[end : end + 5].lower() == " corp"
        if not person and incorporated and INCORPORATION_TYPE.search(span):
            end -= 2  # "a Delaware C corporation": the state and the kind of company
            changed = True
            continue
        if " " in span and span.rsplit(" ", 1)[1] in TRAILING_FUNCTION_WORDS:
            end -= len(span.rsplit(" ", 1)[1]) + 1  # "Acme (ACME) To Open Up": a title-case
            changed = True  # line's next word; no name ends in a preposition
            continue
        if not person and " " in span and span.rsplit(" ", 1)[1] in ("The", "A", "An"):
            end -= len(span.rsplit(" ", 1)[1]) + 1  # "President of Acme The deal": no firm
            changed = True  # ends in an article ("An" may end a person's name: "Li An")
            continue
        if person:
            first, _, rest = span.partition(" ")
            if _speech_opener(text, start, end, first, rest, knowledge):
                start += len(first) + 1  # "Said Jane Roe, Acme GM: “...”": the quote's verb
                changed = True
                continue
            # "Dean Francis, General Manager": a given name that is a title too ("Dean") before
            # one word is the person's given name; before a full name ("Dean Jane Roe") a title.
            if rest and is_title(first, knowledge) and not (
                first in GIVEN_NAME_TITLES and " " not in rest
            ):
                start += len(first) + 1
                changed = True
                continue
            # "latinas Jane Roe", "Starring Jane Roe": a lower-case word before the name, not
            # a particle of it, or a word billing a performer.
            lowered = first.isalpha() and first.islower() and first not in NAME_PARTICLES
            if (lowered or first.lower() in BILLING) and rest[:1].isupper():
                start += len(first) + 1
                changed = True
                continue
            words = span.split(" ")
            # Posts before the name ("Honorary Chairs Jane and John Roe", "Co-Chair Jane
            # Roe"); a post that is a given name too ("Dean Martin") opens a name instead.
            if posts := _leading_posts(words, knowledge):
                start += len(" ".join(words[:posts])) + 1
                changed = True
                continue
            # Titles of two or three words ("Vice President", "County Court Judge").
            for n in (3, 2):
                lead = " ".join(words[:n])
                if len(words) > n and lead.rstrip(".").lower() in knowledge.titles:
                    start += len(lead) + 1
                    changed = True
                    break
    return start, end


# Titles far more often written as given names in releases.
GIVEN_NAME_TITLES = frozenset({"Dean"})


# Words that open a sentence before a name and are no part of it (the model reads a
# capitalised one into the name it precedes).
OPENING_WORDS = frozenset(
    {"even", "before", "after", "since", "following", "follow", "launching", "join", "visit"}
    | {"contact", "including", "unlike", "like", "while", "when", "during", "through", "with"}
    | {"without", "under", "for", "from", "at", "by", "on", "in", "as", "also", "only", "both"}
    | {"now", "today", "yesterday", "meanwhile", "additionally", "however", "moreover"}
    | {"furthermore", "recently", "ultimately", "together", "alongside", "beyond", "despite"}
    | {"within", "throughout", "across", "among", "inside", "via", "amid"}
    # Imperatives that open a line of links ("Watch Roe's speech", "Read Roe's letter").
    | {"watch", "read", "hear", "listen", "meet"}
)


# A firm's role in the story, written before its name at a sentence's start ("Publisher Acme
# Books, LLC specializes in ...", "Distributor Quarn Foods will ...").
ROLE_NOUNS_BEFORE_FIRM = frozenset(
    {"Publisher", "Distributor", "Developer", "Manufacturer", "Retailer", "Sponsor", "Supplier"}
    | {"Vendor", "Client", "Customer", "Broker", "Lender", "Insurer", "Brokerage", "Builder"}
)


# The kind of US company after its state of incorporation ("a Delaware C corporation", "a
# Nevada S Corporation"): the letter is no part of a name.
INCORPORATION_TYPE = re.compile(r"[ ][CS]$")
# Capitalised prepositions and conjunctions a title-case line runs on with ("Acme To Open").
TRAILING_FUNCTION_WORDS = frozenset(
    {"To", "For", "With", "Of", "And", "Or", "At", "By", "From", "Into", "Onto", "Via", "As"}
    | {"Against", "Amid", "Versus"}
)


# Speech verbs that open a sentence before the speaker's name ("Said Jane Roe, Acme GM: ...").
SPEECH_OPENERS = frozenset(
    {"Said", "Says", "Added", "Adds", "Explained", "Noted", "Commented", "Stated", "Remarked"}
)
# What follows a speaker so introduced: a post and a colon or quotation mark.
QUOTE_FOLLOWS = re.compile(r"[ ]?(?:,[^.\n]{0,80})?[:“\"]")


def _speech_opener(
    text: str, start: int, end: int, first: str, rest: str, knowledge: Knowledge
) -> bool:
    """``first`` is a speech verb opening the sentence before a full name whose quotation
    follows ("Said Jane Roe, Acme GM: “...”"); "Said" alone may be a given name. A given
    name alone after it ("Said Jane, “...”") is the verb's too when the text names her
    elsewhere ("Jane Roe", "Jane's studio")."""
    return (
        first in SPEECH_OPENERS
        and (" " in rest or written_at_least(rest, text, 2))
        and rest.split()[0].casefold() in knowledge.given_names
        and _opens_sentence(text, start)
        and QUOTE_FOLLOWS.match(text, end) is not None
    )


# Possessives and quantifiers that open a phrase, never a name ("Their Quarn Bank", "Neither
# the Company").
DETERMINERS = frozenset(
    {"Their", "Its", "Our", "Your", "His", "Her", "My", "Neither", "Either", "Every", "Each"}
)


def is_title(word: str, knowledge: Knowledge) -> bool:
    """A title or honorific ("Dr.", "Brigadier"), or hyphened titles ("Brigadier-General")."""
    return all(p.rstrip(".").lower() in knowledge.titles for p in word.split("-"))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 80) : start].rstrip(" \t")
    # A dash opening its line is a list bullet ("- For Acme, this was ...").
    bullet = before[-1:] in ("-", "–") and before[-2:-1] in ("", "\n")
    return not before or before[-1] in '.!?\n:;”"*•(' or bullet


# Contact and "About" lines that lost their breaks glue a name to the words around it. Each
# pattern below finds one such joint; ``unglue`` cuts the span there.
GLUED_REPEAT = re.compile(r"([A-Z][\w&.'’-]{3,}(?:[ ][\w&.'’-]+)*?)(?:The[ ]?)?\1")
GLUED_LEAD = re.compile(r"^(?:[A-Z]{2,5}|[A-Z][a-z]+|Inc\.|LLC|Ltd\.?)(?=[A-Z][a-z0-9])")
# The glued word may open a longer post or heading ("Jane RoeChief Executive").
GLUED_TAIL = re.compile(
    r"(?:(?<=[a-z])|(?<=\bLLC)|(?<=\bInc\.)|(?<=\bLtd\.))([A-Z][a-z]+)((?:[ ][A-Z][a-z]+){0,2})$"
)
# The next sentence after a legal form's full stop ("Acme Inc. The Company's strategy"): the
# full stop ends both.
SENTENCE_AFTER_LEGAL = re.compile(
    r"(?:(?<=\bInc\.)|(?<=\bLtd\.)|(?<=\bCorp\.))[ ](?:The|This|These|Our|Its|It|We|They)\b.*$"
)
# The next sentence glued on, after a full stop, a closing quote or both ("Acme.This",
# "Innovation”The"), or any capitalised word after a full stop that ends a lower-case word
# ("Acme Funds.Roe brings ...").
GLUED_SENTENCE = re.compile(
    r"(?<=[a-z])(?:\.[”\"]?|[”\"])(?:This|The|We|Our|It|Its|These|They)$"
    r"|(?<=[a-z]{3})\.[A-Z][a-z]+$"
)
# "About Acme Group Headquartered in Quarnby, ...": a heading run into its paragraph, whose
# first word no name ends with.
GLUED_OPENER = re.compile(
    r"[ ](?:Headquartered|Founded|Established|Located|Led)$"
    # "QuarnThough primarily known for ...": a heading run into its paragraph's first word.
    r"|(?<=[a-z])(?:Though|Although|While|Whether|However|Unlike|Despite|Whereas|Leading)$"
)
_LEGAL_LEAD = frozenset({"inc.", "llc", "ltd", "ltd."})
# Posts that a glued line puts next to a name; fewer than the role words, whose "Team", "Head"
# or "Token" open and end brands written in one word ("TeamQuarn", "QuarnToken").
GLUE_POSTS = frozenset(
    {"ceo", "cfo", "coo", "cto", "cmo", "cio", "officer", "director", "president", "founder"}
    | {"chairman", "chairwoman", "executive", "manager", "chief", "vice"}
    # A contact line's labels ("Jane RoeWebsite: ...").
    | {"website", "email", "phone", "tel", "mobile"}
)


def unglue(span: str) -> tuple[int, int]:
    """How far to move the start and the end of ``span`` (start forward, end back) to cut
    every word glued to the name (see ``_unglue_once``)."""
    start, end = 0, len(span)
    while start < end:
        cut_start, cut_end = _unglue_once(span[start:end])
        if not (cut_start or cut_end):
            break
        start, end = start + cut_start, end - cut_end
    return start, len(span) - end


def _unglue_once(span: str) -> tuple[int, int]:
    """How far to move the start and the end of ``span`` (start forward, end back) to cut the
    words glued to the name: "Acme LabsAcme Labs" and "X InstituteThe X Institute" (a header
    run into its paragraph), "OfficerAcme Ltd" and "CEOAcme" (a post before), "Jane
    RoeExecutive" and "Acme LLCResearch" (a post or heading after), "Acme.This" (the next
    sentence)."""
    if (m := GLUED_REPEAT.fullmatch(span)) and span[len(m.group(1)) : len(m.group(1)) + 1] != " ":
        return 0, len(span) - len(m.group(1))
    if m := GLUED_SENTENCE.search(span) or GLUED_OPENER.search(span):
        return 0, len(m.group(0))
    if m := SENTENCE_AFTER_LEGAL.search(span):
        return 0, len(m.group(0))
    if m := GLUED_TAIL.search(span):
        after_legal_form = not span[m.start() - 1].islower()
        if after_legal_form or m.group(1).lower() in GLUE_POSTS:
            return 0, len(m.group(0))
    if (m := GLUED_LEAD.match(span)) and m.group(0).lower() in GLUE_POSTS | _LEGAL_LEAD:
        return m.end(), 0
    return 0, 0


def tokens(name: str) -> list[str]:
    return name.replace("\n", " ").split()


def looks_like_person(name: str, knowledge: Knowledge) -> bool:
    """Two to six capitalised words, no digits, no company-style word."""
    words = tokens(name)
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    if any(c in name for c in "@/&:;|•+=<>"):
        return False
    # "The Quarnsmen", "Jane Roe Band": a group, not a person; "Acme’s Canadian" a phrase.
    if words[0] in ARTICLES or words[-1] in ENSEMBLES or words[-1] in FIRM_LAST_WORDS:
        return False
    if any(POSSESSIVE.search(w) for w in words[:-1]):
        return False
    for word in words:
        bare = word.rstrip(".,").lower()
        if bare in NAME_PARTICLES or bare in GENERATIONAL:
            continue
        if not word[0].isupper():
            return False
        if bare in knowledge.org_suffixes:
            return False
    # An acronym inside ("Bitdeer AI Cloud") marks a product or company, and all-caps words
    # throughout are shouting ("KYLE KEMPER JOINS"), not a name as written in running text.
    # Undotted initials with a J ("TJ Roe", "AJ Poe") open a name as dotted ones do.
    return not any(
        w.isupper() and len(w.rstrip(".,")) >= 2 and w.rstrip(".,").lower() not in GENERATIONAL
        and "." not in w.rstrip(".")
        and not (i == 0 and undotted_initials(words, knowledge))
        for i, w in enumerate(words)
    )


# Two initials written without dots, one of them a J ("TJ", "AJ", "JD"); "NJ" is a state.
UNDOTTED_INITIALS = re.compile(r"(?!NJ)(?:[A-Z]J|J[A-Z])")
# Two capitals that are no one's initials before a family name: US state and territory codes,
# and short forms a release puts before a name ("US Steel", "AI Carter" for a product).
NOT_INITIALS = frozenset(
    {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
     "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
     "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
     "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "US", "UK", "EU", "UN", "AI",
     "IT", "HR", "TV", "VP", "AM", "PM"}
)


def undotted_initials(words: list[str], knowledge: Knowledge) -> bool:
    """A name opens with two initials written without dots: one of them a J ("TJ Roe"), or
    any two before a family name of the name lists ("EB Kelly")."""
    first = words[0]
    if UNDOTTED_INITIALS.fullmatch(first):
        return True
    return (
        len(words) == 2
        and len(first) == 2
        and first.isalpha()
        and first.isupper()
        and first not in NOT_INITIALS
        and words[1].casefold() in knowledge.surnames
    )


def given_and_family_name(words: list[str], knowledge: Knowledge) -> bool:
    """Two words: a given name, then a family name, of the name lists ("Gil Roberts")."""
    return (
        len(words) == 2
        and words[0].casefold() in knowledge.given_names
        and words[1].casefold() in knowledge.surnames
    )


def surname(name: str) -> str:
    words = [w for w in tokens(name) if w.rstrip(".,").lower() not in GENERATIONAL]
    return words[-1] if words else name


def given_name(name: str) -> str:
    words = tokens(name)
    return words[0] if words else name


def has_org_suffix(name: str, knowledge: Knowledge) -> bool:
    words = tokens(name)
    return bool(words) and words[-1].rstrip(".,").lower() in knowledge.org_suffixes


def given_name_first(name: str, knowledge: Knowledge) -> bool:
    """ "Jane Roe", "Robert S. Roe": a person-shaped name (no legal form) that opens with a
    given name."""
    return (
        looks_like_person(name, knowledge)
        and not has_org_suffix(name, knowledge)
        and given_name(name).casefold() in knowledge.given_names
    )


def initials(name: str) -> str:
    """"HR Research Institute" -> "HRRI"; capitalised words only, acronyms kept whole."""
    out = []
    for word in tokens(name):
        if word.lower() in LOWER_WORDS:
            continue
        if word.isupper() and word.isalpha():
            out.append(word)
        elif word[0].isupper():
            out.append(word[0])
    return "".join(out)


def is_acronym(name: str) -> bool:
    bare = name.replace("&", "").replace(".", "")
    return 2 <= len(name) <= 8 and bare.isupper() and " " not in name


def titlecase_if_shouting(name: str) -> str:
    """Datelines shout ("OCEAN GROVE"); a canonical name should not."""
    if name.isupper() and len(name.replace(" ", "")) > 4:
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name


# Role words that are also ordinary nouns after a company's name ("Acme, partner to ...").
NOT_LOWER_POSTS = frozenset({"partner", "member", "members", "team", "board", "leader"})


def capitalised_role(word: str, knowledge: Knowledge) -> bool:
    """A role word written in capitals ("Partner", "Member"): after a comma, a post (in lower
    case, or after "as", no more often a post than a word)."""
    return word[:1].isupper() and word.lower() in knowledge.role_words


def is_person_post(word: str, knowledge: Knowledge) -> bool:
    bare = word.strip(",.").lower()
    if "&" in bare or "/" in bare:  # "MD&CEO", "Founder/CEO": either post will do
        return any(is_person_post(part, knowledge) for part in re.split(r"[&/]", word) if part)
    bare = bare.removeprefix("co-")  # "Co-President" is a president's post
    # "Managing Partners": the post of each of the people named (capitalised, as posts are
    # written; "programs" is no post).
    plural = bare.endswith("s") and len(bare) > 3 and word[:1].isupper()
    for form in (bare, bare[:-1]) if plural else (bare,):
        post = form in knowledge.role_words and form not in NOT_LOWER_POSTS
        if post or form in knowledge.titles:
            return True
    return False


LIST_JOINT = re.compile(r",?[ ](?:and|&)[ ]|,[ ]")


def listed_beside(text: str, start: int, end: int, others: Iterable[tuple[int, int]]) -> bool:
    """Whether the name at [start, end) and one of the ``others`` spans stand next to each
    other in a list ("Ann Poe, Jo Lee and Jane Roe"), each maybe with a short note in
    brackets ("Ann Poe (London), Jo Lee (Paris)")."""
    return any(
        (0 <= start - b <= 40 and _list_joint(text[b:start]))
        or (0 <= a - end <= 40 and _list_joint(text[end:a]))
        for a, b in others
    )


ITEM_NOTE = re.compile(r"^[ ]\([^()\n]{1,30}\)")


def _list_joint(gap: str) -> bool:
    gap = ITEM_NOTE.sub("", gap, count=1)
    return len(gap) <= 6 and LIST_JOINT.fullmatch(gap) is not None


# Words that attribute speech to the name right before or after them.
SPEECH = r"(?:said|says|added|adds|noted|notes|explained|commented|stated|shared|remarked)"
SPEAKS_AFTER = re.compile(rf"[ ]{SPEECH}\b")
SPEAKS_BEFORE = re.compile(rf"\b{SPEECH}[ ]$")
# "H.E." and "HE": His or Her Excellency; "HH": His Highness.
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Mx|Dr|Prof|Sir|Dame|H\.E|HE|H\.H|HH)\.?[ ]$")
# A picture's credit names who took it: "Featured photo by Jun Quarn", "Photo credit: Jun
# Quarn", "Photograph by Jun Quarn".
CREDIT_BEFORE = re.compile(
    r"\b(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|[Pp]icture)[ ](?:[Cc]redit[ ]?:|by)[ ]$"
)
# After the name: a comma, dash or bracket and the words of a post ("Jane Roe — Chief Coach").
POST_AFTER = re.compile(r"[ ]?(?:,|[-–—]|\()[ ]*([^,.;()\n]{2,60})")
# Instruments and voices a player is credited with after the name.
INSTRUMENTS = frozenset(
    {"vocals", "vocal", "voice", "guitar", "guitars", "bass", "drums", "percussion", "piano"}
    | {"keyboards", "keys", "violin", "viola", "cello", "saxophone", "sax", "trumpet"}
    | {"trombone", "flute", "clarinet", "harp", "organ", "banjo", "mandolin", "ukulele"}
)
# A relative named after the relation: "his wife, Jane Roe", "their daughter Ann Roe".
KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Ww]hose)[ ](?:late[ ])?(?:wife|husband|spouse"
    r"|partner|son|daughter|father|mother|dad|mom|mum|brother|sister|grandson|granddaughter"
    r"|grandfather|grandmother|uncle|aunt|cousin|nephew|niece|fiancée?|twin|stepson"
    r"|stepdaughter|child|children|sons|daughters|brothers|sisters),?[ ]$"
)
LIST_ITEM_NEXT = re.compile(r",[ ](?:and|or|&)[ ]")
SHORT_FORM_AFTER = re.compile(r"^[ ]\([A-Z][A-Za-z.]{0,9}\)")
CLAUSE_STOP = re.compile(r"[.;:!?\n()“”\"]")


def person_cue(
    text: str, start: int, end: int, people: list[tuple[int, int]], knowledge: Knowledge
) -> bool:
    """Whether the text around this mention treats the name as a person's: an honorific or
    a post right before it, a post after a comma or dash, a speech verb, or a list with a
    person (``people``: spans of names that open with a given name, "John Roe and Rohit
    Quarn")."""
    before = text[max(0, start - 80) : start]
    clause = CLAUSE_STOP.split(before)[-1]
    # "Jane Roe (JR), Managing Partner": the short form in brackets is no part of what follows.
    after = SHORT_FORM_AFTER.sub("", text[end : end + 72], count=1)[:60]
    if HONORIFIC_BEFORE.search(before) or SPEAKS_BEFORE.search(before):
        return True
    if KIN_BEFORE.search(before):
        return True  # "his wife, Jane Roe", "her son Jo Roe"
    # A studio credited instead ("photo by Quarn Photography") ends in a plain word.
    last = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
    if CREDIT_BEFORE.search(before) and not is_common(last, knowledge.lexicon):
        return True
    if SPEAKS_AFTER.match(after):
        return True
    # "CEO Jun Quarn", "Minister of State for Trade, Jagrup Roe"; not "Manager of Xyz Abc".
    words = clause.split()
    if words and not words[-1].endswith(",") and is_person_post(words[-1], knowledge):
        return True
    # "Chief of Staff Jane Roe", "Head of Sales Jo Poe": a post of a plain department.
    if (
        len(words) >= 3
        and words[-2] == "of"
        and words[-1][:1].isupper()
        and is_common(words[-1], knowledge.lexicon)
        and (words[-3] in ("Chief", "Head") or is_person_post(words[-3], knowledge))
    ):
        return True
    # "Lt. Gov. Jane Roe": a title's short form ends the clause with its full stop.
    if not words and before.split() and is_title(before.split()[-1].rstrip("."), knowledge):
        return True
    # "(CEO: Jun Quarn)", "Founder: Jane Roe": a post and a colon just before the name.
    if (
        not words
        and before.rstrip().endswith(":")
        and is_person_post(before.split()[-1].strip("(:"), knowledge)
    ):
        return True
    # ("Quarnera Coach, Course Builder, and ...": an item of a list, not a post's holder.)
    next_item = LIST_ITEM_NEXT.match(text, end) is not None
    if clause.endswith(", ") and not next_item and any(is_person_post(w, knowledge) for w in words):
        return True
    post = POST_AFTER.match(after)
    post_words = post.group(1).split()[:5] if post else []
    if any(is_person_post(w, knowledge) for w in post_words):
        return True
    # "Keiko Roe, drums;", "Jo Poe - bass", "Ann Lee (violin)": a player and her instrument.
    if post_words and post_words[0].lower() in INSTRUMENTS:
        return True
    # "Jane Roe, Managing Partner of ...": after a comma, "Partner" or "Member" in capitals is
    # a post (in lower case, or after "as", no more often a post than a word).
    if after.lstrip().startswith(",") and any(
        capitalised_role(w, knowledge) for w in post_words
    ):
        return True
    return listed_beside(text, start, end, [p for p in people if p != (start, end)])


def named_like_person(name: str, knowledge: Knowledge) -> bool:
    """A person-shaped name that opens with a given name or ends in a surname of the name
    lists ("Jane Roe", "Joscelyn Ramos Campbell")."""
    return given_name_first(name, knowledge) or (
        looks_like_person(name, knowledge)
        and not has_org_suffix(name, knowledge)
        and known_surname(name.split()[-1], knowledge)
    )


def known_surname(word: str, knowledge: Knowledge) -> bool:
    """A surname of the name lists that is no plain English word ("Ruiz", "Wyatt"; not
    "Green" or "Park", which name firms as often as families)."""
    word = word.strip(".,’'")
    return word.casefold() in knowledge.surnames and word.lower() not in knowledge.lexicon


def surname_vouched(text: str, full: tuple[int, int], surname: str, knowledge: Knowledge) -> bool:
    """Whether the surname, written alone somewhere outside the full name at ``full``, is
    treated there as a person's ("said Veloz", "Veloz noted"), whatever the model read it
    as."""
    if not surname[:1].isupper():
        return False
    for m in word_pattern(surname, r"\w’'-", r"\w’'-").finditer(text):
        if full[0] <= m.start() < full[1]:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if SPEAKS_BEFORE.search(before) or SPEAKS_AFTER.match(text[m.end() : m.end() + 20]):
            return True
    return False


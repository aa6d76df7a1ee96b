"""Contacts: names, e-mails, phones, URLs and social handles.

E-mails, URLs and handles are read from the whole release (they are
unambiguous); phones and names only from contact blocks and credit lines,
where a number or a capitalised pair of words really is a phone or a person.
"""

from __future__ import annotations

import re

from services.parse import places
from shared.models import Contacts

EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,24}")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]"
    r"|(?<![@\w.])[a-z0-9][a-z0-9\-]{1,62}\.(?:com|org|net|io|ai|co|gov|edu)(?:/[^\s<>\"']*[\w/])?(?![\w@])",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.\-/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
# Phones as wires print them: +1 (973) 555-0100, 973.555.0100, +44 7943 774236.
PHONE = re.compile(
    r"(?<![\d\w])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{2,4}(?:[\s.\-]\d{2,5}){1,4}(?!\d)"
    r"|(?<!\d)\(\d{3}\)\s?\d{3}[\s.\-]\d{4}(?!\d)"
    r"|(?<!\d)\d{3}[.\-]\d{3}[.\-]\d{4}(?!\d)"
)
# A surname with a capital inside after a common prefix: "McQuarrie", "MacTavish",
# "O'Brannigan", "d'Arcy", "DeMarco", "LaPlante", "VanDoren". Tried first, so "McDonald" is one
# word and not "Mc" with the rest left behind. Only prefix + one capitalised part, so a CamelCase
# brand ("BrightQuill") still never reads as a name word.
_PREFIXED = r"(?:Mc|Mac|O['’]|[Dd]['’]|D[aeiu]|L[ae]|V[ao]n|Fitz)[A-ZÀ-Ý][a-zà-ÿ'’]+"
_HYPHENED = rf"(?:-(?:{_PREFIXED}|[A-ZÀ-Ý]?[a-zà-ÿ'’]+))*"
_NAME_WORD = rf"{_PREFIXED}{_HYPHENED}|[A-ZÀ-Ý][a-zà-ÿ'’]+{_HYPHENED}|[A-Z]\."
NAME = re.compile(rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{1,3}}")
# A run of capitalised words that may hold a name between a firm's or a post's words
# ("Quarn Publicity Jane Roe", "Contact Jane Roe", "Jane Roe Director").
NAME_RUN = re.compile(rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{1,7}}")
_FOLLOW = re.compile(
    r"\(?\s*Follow\s+(?P<name>[A-Z][\w.'’\- ]{1,60}?)\s+on\s+(?:Twitter|X|Instagram|LinkedIn|"
    r"Facebook|Threads|Bluesky|TikTok|Mastodon)\b[^)\n]*\)?",
)
_NOT_NAMES = re.compile(
    r"\b(?:Inc|LLC|Ltd|Corp|Group|Company|Media|Relations|Contact|Contacts|Details|Office|"
    r"Newsroom|Street|Suite|Avenue|Road|Marketing|Advisors|Partners|Agency|Communications|Capital|Holdings|"
    r"Investor|Press|Public|Email|Phone|Website|Twitter|Facebook|LinkedIn|Instagram|Officer|"
    r"Director|President|Manager|Chief|Head|Senior|Vice|Executive|Founder|CEO|Editor|Managing|"
    r"Principal|Coordinator|Specialist|Strategist|Spokesperson|Drive|Boulevard|Parkway|Highway|"
    r"Plaza|Floor|Building|Tower|Str|Strasse|Straße|Platz|Way|Service|Services|Publicity|PR)\b"
)
POSSESSIVE_END = re.compile(r"['’]s?$")
# A contact segment that runs as prose ("For more information on the Acme Awards program")
# names no contact unless it asks the reader to reach someone ("please contact Jane Roe").
_REACH = re.compile(r"\b(?:contact|call|e-?mail|reach|write|text|ask|speak)\b", re.IGNORECASE)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def find_phones(text: str) -> list[str]:
    phones = []
    for match in PHONE.finditer(text):
        candidate = match.group().strip()
        if 7 <= _digits(candidate) <= 15 and not re.fullmatch(
            r"(?:19|20)\d\d(?:[\s\-]\d+)?", candidate
        ):
            phones.append(candidate)
    return phones


# "City: Tortola", "Address: Quarn House, 3rd Floor": a labelled field of where, naming no
# person (up to the next label glued on or the end of the line).
_ADDRESS_FIELD = re.compile(
    r"(?:\b|(?<=[a-z]))(?:City|Country|Address|Location|State|Province|Region|Zip|Postal\s+Code)"
    r"\s*:[^\n]*?"
    r"(?=(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*:)|\n|$)"
)


def find_names(text: str) -> list[str]:
    """Person-like names in a contact block: 2-4 capitalised words, not a company or title."""
    names = []
    text = _ADDRESS_FIELD.sub("\n", text)
    for line in re.split(r"\n|,|\||:|;|\s{2,}| [-–—] ", text):
        # A phone number, an address or a link ends a name: what follows it is another field
        # ("Jane Roe (303) 555-0100 jane@quarn.com Quarn": the firm, not her family name).
        line = PHONE.sub(" ; ", EMAIL.sub(" ; ", URL.sub(" ; ", line))).strip(" ;")
        if sum(w[:1].islower() for w in line.split()) >= 4 and not _REACH.search(line):
            continue
        for match in NAME_RUN.finditer(line):
            names += _names_in_run(match.group())
    return names


def _names_in_run(run: str) -> list[str]:
    """The names in a run of capitalised words: the run itself, or, where a firm's or a
    post's word stands in it, the stretches of two to four words between such words
    ("Quarn Publicity Jane Roe" -> "Jane Roe"; "Contact Jane Roe" -> "Jane Roe")."""
    words = run.split()
    stretches: list[list[str]] = [[]]
    for word in words:
        if _NOT_NAMES.fullmatch(word.rstrip(".,")):
            stretches.append([])
        else:
            stretches[-1].append(word)
    found = []
    for stretch in stretches:
        # A long stretch is a contact block run together: its names four words at most.
        for m in NAME.finditer(" ".join(stretch)):
            name = m.group()
            # "Visit Acme Medical’s press kit": a possessive ends no contact's name.
            if len(name) <= 40 and not POSSESSIVE_END.search(name):
                found.append(name)
    return found


# A contact line naming an organisation: it ends in a legal form or an agency word, or it is
# one CamelCase word ("BrightQuill"). Labels glued in front ("Contact DetailsAcme Ltd",
# "Contact DetailsFor Acme Capital") go.
_ORG_END = re.compile(
    r"(?:\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|PLC|plc|GmbH|AG|LLP|LP|Group|"
    r"Company|Partners|Agency|Advisors|Associates|Communications|Consulting|Capital|Holdings|PR)"
    r"\.?)$"
    # A firm's national or regional arm ("Quarn UK", "Quarn North America").
    r"|\b(?:UK|USA|US|EU|Canada|Australia|Europe|Asia|North[ ]America|United[ ]States)$"
)
# "BrightQuill", "QuarnUpdateTV": one word of capitalised parts, an acronym maybe last.
_CAMEL_ONE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+){1,2}(?:[A-Z]{2,3})?|[A-Z][a-z]+[A-Z]{2,3}")
_LABEL = re.compile(
    r"^(?:(?:Media|Press|Investor|Company|Partnership|Corporate)?\s*(?:Contacts?|Inquiries|"
    r"Relations)(?:\s*Details(?:\s*for\s+)?)?|For\s+(?:media|press|more)[^:]*|Source|"
    r"Email|E-mail|Phone|Tel|Website|Company\s*Website)\s*:?\s*",
    re.IGNORECASE,
)
_ORG_WORD = re.compile(r"[A-Z0-9][\w&.'’-]*,?")


# "Brightline Communications for Zorvex", "Acme PR on behalf of Ostrel Holdings": an agency
# line naming its client.
_FOR_CLIENT = re.compile(r"\s+(?:for|on\s+behalf\s+of)\s+")


def _org_shape(line: str) -> bool:
    """A whole contact line that reads as an organisation (see ``_ORG_END``, ``_CAMEL_ONE``)."""
    words = line.split()
    if not words or len(words) > 6 or len(line) > 60:
        return False
    if not all(_ORG_WORD.fullmatch(w) or w in {"&", "and", "of", "the"} for w in words):
        return False
    return bool((_ORG_END.search(line) and len(words) > 1) or _CAMEL_ONE.fullmatch(line))


def find_organizations(text: str) -> list[str]:
    """Organisation names written on contact lines ("Jane Doe, Acme PR LLC", "Acme Ltd")."""
    orgs = []
    for line in re.split(r"\n|,(?!\s*(?:Inc|LLC|Ltd)\b)|\||;|\s{2,}| [-–—] ", text):
        line = PHONE.sub(" ", EMAIL.sub(" ", URL.sub(" ", line))).strip(" .:")
        line = _LABEL.sub("", line).strip(" .:")
        if line.startswith("About "):
            continue  # a section heading ("About the Company") run into the block
        if _org_shape(line):
            orgs.append(line)
            continue
        # An agency for a client: the agency only when it has an organisation shape itself, the
        # client only when it has one too ("Ostrel Holdings", "BrightQuill"). A bare capitalised
        # word after "for" is left out: it may be a client ("Zorvex") but as often is not one
        # ("Acme PR for Journalists"), and contact organisations become entities downstream.
        agency, _, client = _split_client(line)
        if agency and _org_shape(agency):
            orgs.append(agency)
            if client and _org_shape(client):
                orgs.append(client)
    return orgs


# Mail services whose domain names the sender's provider, not the sender's firm.
_MAIL_SERVICES = frozenset(
    {"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "aol"}
    | {"protonmail", "proton", "gmx", "zoho", "yandex", "mail", "email", "comcast"}
)
# Labels of a host that name no one: "www", a second level under a country ("co.uk").
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "ac", "gov", "edu", "ltd", "plc"})
# A legal form written after a firm's name, perhaps glued to the next line ("AGKatja").
_LEGAL_TAIL = re.compile(
    r",?[ ](?:Inc|LLC|Ltd|Limited|Corp|PLC|GmbH|AG|LLP|SA|S\.A|BV|NV)\.?(?![a-z])"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _domain_labels(addresses: list[str]) -> set[str]:
    """The labels that name a firm in e-mail and web addresses ("pcgadvisory" of
    "jane@pcgadvisory.com", "quarnpartners" of "www.quarnpartners.co.uk")."""
    labels = set()
    for address in addresses:
        host = address.rsplit("@", 1)[-1].split("//")[-1].split("/")[0].lower()
        parts = [p for p in host.split(".")[:-1] if p not in _HOST_NOISE]
        if parts and parts[-1] not in _MAIL_SERVICES:
            label = re.sub(r"[^a-z0-9]", "", parts[-1])
            if len(label) >= 5:
                labels.add(label)
    return labels


def find_domain_organizations(text: str, addresses: list[str], names: list[str]) -> list[str]:
    """Firms whose name spells the domain of a contact's address ("PCG Advisory, Inc." beside
    "jane@pcgadvisory.com"), read even where lost line breaks glued the name to a post or a
    label before it and a name after it ("CEOPCG Advisory, Inc.Email:")."""
    # Addresses blanked in place, so that offsets still point into ``text``.
    plain = URL.sub(_blank, EMAIL.sub(_blank, text))
    people = {n.casefold() for n in names}
    found = []
    for label in sorted(_domain_labels(addresses)):
        spelled = r"[ .&'’-]?".join(re.escape(c) for c in label)
        for m in re.finditer(spelled, plain, re.IGNORECASE):
            name = m.group()
            # A name of its own: a capital opens it, no lower-case letter runs on after it.
            if not name[0].isupper() or plain[m.end() : m.end() + 1].islower():
                continue
            if " " not in name or name.casefold() in people:
                continue  # one glued word is a handle or a link's text; a person is no firm
            # The legal form may have been glued to the address after it ("Inc.jane@").
            if tail := _LEGAL_TAIL.match(text, m.end()):
                name += tail.group()
            elif re.match(r"[ ][A-Z]", plain[m.end() : m.end() + 2]):
                continue  # the domain spells only the start of a longer name
            found.append(name.strip(" ,"))
    return found


# "Austin, Texas", "Bedminster, NJ 07921": where a contact sits. Contact lines that lost their
# breaks glue the city to the word before it ("NewsWireAustin, Texas") and a web address to the
# region after it ("Texaswww.example.com").
# Matched as a look-ahead so that pairs may overlap ("Acme, Toronto, Ontario").
_CITY_REGION = re.compile(
    r"(?:(?<=[a-z])|(?<![\w-]))(?=([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){0,2}),[ ]"
    r"([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?|[A-Z]{2})(?=www|http|[^\w’']|$))"
)


_PLACE_FIELD = re.compile(
    r"(?:\b|(?<=[a-z]))(City|Country)\s*:\s*([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3}?)"
    r"(?=(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*:)|\s*(?:\n|$|[,.;]))"
)


def find_places(text: str) -> list[str]:
    """ "City, Region" pairs of a contact block whose region is a US state, Canadian province
    or country (by name or postal code), written in a line or in labelled fields ("City:
    Tortola", "Country: British Virgin Islands"); the city is left for enrich to check."""
    found = []
    fields = {m.group(1): m.group(2) for m in _PLACE_FIELD.finditer(text)}
    if "Country" in fields and places.country_code(fields["Country"]):
        found.append(f"{fields.get('City', '')}, {fields['Country']}")
    for m in _CITY_REGION.finditer(URL.sub(" ", EMAIL.sub(" ", text))):
        region = m.group(2)
        if places.us_state(region) or places.ca_province(region) or places.country_code(region):
            found.append(f"{m.group(1)}, {region}")
    return found


def _split_client(line: str) -> tuple[str, str, str]:
    match = _FOR_CLIENT.search(line)
    if match is None:
        return "", "", ""
    return line[: match.start()].strip(" .:"), match.group(), line[match.end() :].strip(" .:")


def follow_line(text: str) -> re.Match[str] | None:
    """A ``(Follow NAME on Twitter: @handle)`` credit line."""
    return _FOLLOW.fullmatch(text.strip())


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def unglue_addresses(text: str) -> str:
    """A space where a lost separator glued a contact's surname to an address that opens with
    the contact's given name ("Jane Roejane@acme.com", "Jane RoeJane@acme.com")."""
    cuts: list[int] = []
    for m in EMAIL.finditer(text):
        local = m.group().split("@", 1)[0]
        given = _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if given is None:
            continue
        at = local.casefold().find(given.group(1).casefold())
        if at > 1 and local[:at].isalpha() and local[0].isupper():
            cuts.append(m.start() + at)
    for cut in reversed(cuts):
        text = f"{text[:cut]} {text[cut:]}"
    return text


# The given name before a glued surname and address: "Jane " in "Jane Roejane@acme.com".
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]{2,})[ ]$")


def extract_contacts(contact_blocks: list[str], all_text: str, credit_names: list[str]) -> Contacts:
    """Contacts of a release from its contact blocks and (for unambiguous kinds) all its text."""
    contact_blocks = [unglue_addresses(block) for block in contact_blocks]
    all_text = unglue_addresses(all_text)
    contact_text = "\n".join(contact_blocks)
    # Phones first and blanked out: contact lines are often glued together
    # ("Jim307-555-0188info@example.com") and the digits must not join the e-mail.
    phones = find_phones(contact_text)
    unglued = PHONE.sub(" ", all_text)
    emails = [m.group().strip(".") for m in EMAIL.finditer(unglued)]
    without_emails = EMAIL.sub(" ", unglued)
    urls = [m.group() for m in URL.finditer(without_emails)]
    handles = [m.group() for m in HANDLE.finditer(URL.sub(" ", without_emails))]
    names = list(credit_names) + find_names(contact_text)
    return Contacts(
        names=_dedupe(names),
        emails=_dedupe(emails),
        phones=_dedupe(phones),
        urls=_dedupe(urls),
        handles=_dedupe(handles),
        organizations=_dedupe(
            find_organizations(contact_text)
            + find_domain_organizations(contact_text, emails + urls, names)
        ),
        places=_dedupe(find_places(contact_text)),
    )

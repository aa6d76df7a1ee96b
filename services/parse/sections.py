"""Which blocks are news and which are boilerplate: About, disclaimers, contacts, furniture.

A release reads as news, then (usually) sections that are not news: "About
<Company>", forward-looking-statement disclaimers, media contacts, and after an
end marker (``###``, ``-30-``, ``- fin -``) anything else. Once a boilerplate
section has begun, later blocks belong to one of those sections, never back to
the body: that is how releases are written, and it keeps a company's boilerplate
out of the text that enrich tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import contacts as contact_rx
from .blocks import Block

_ABOUT = re.compile(
    r"^(?:about|acerca de|sobre|à propos d[e'’]|a propos d[e'’]|über|ueber|informazioni su|"
    r"chi è|over|a respeito d[eao]s?|notes? to editors?|editor'?s notes?|about the company)"
    r"(?=\s|:|$)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^(?:(?:(?:[\w\-]+\s+){0,4}?(?:regarding|concerning|on|about|to)\s+)?"
    r"forward[\s\-‐]?looking (?:statements?|information)|cautionary (?:note|statement|language)s?"
    r"|safe harbou?r|disclaimers?|legal notice|aviso legal|descargo de responsabilidad"
    r"|déclarations? prospectives?|énoncés prospectifs|mise en garde"
    r"|declaraciones (?:a futuro|prospectivas)|declarações prospectivas"
    r"|zukunftsgerichtete aussagen|haftungsausschluss|dichiarazioni previsionali"
    r"|this (?:press )?release (?:contains|includes|may contain) forward[\s\-]looking"
    r"|certain statements (?:in|contained in) this (?:press )?release)",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(?:(?:media|press|investor|investors|company|sales|pr|news|public|business)"
    r"(?:\s*(?:&|and|/)\s*|\s+))*"
    r"(?:contacts?|inquiries|enquiries|relations)(?:\s+(?:details|information|info|us|person|name))?"
    r"(?=\s*[:\-–—]|\s*$|[A-Z\d+@]|\s+[A-Z][a-z]+\s)"
    r"|^(?:for (?:more|further) information|for (?:media|press|investor) (?:inquiries|enquiries))"
    r"(?:[^.]{0,60}(?:contact|visit)[^.]{0,60})?:"
    r"|^(?:contacto(?: de prensa| para medios)?|contact presse|contacts? médias?|pressekontakt|"
    r"medienkontakt|kontakt|contatt[oi](?: stampa)?|contato(?: para imprensa)?|perscontact)\b",
    re.IGNORECASE,
)
_INLINE_ABOUT_SUBJECT = re.compile(
    r"\b(?:is|are|was|es|est|ist|è|é|is een)\s+(?:a|an|the|one|una?|une?|ein|eine|uma?|een)\b|"
    r"\bfounded\b|\bfondée?\b|\bfundad[ao]\b|\bgegründet\b",
    re.IGNORECASE,
)
_SHORT = 110
# "Über die Stadtwerke ...", "À propos de la société ...": an article before the name.
_ARTICLE = re.compile(r"(?:die|der|das|la|le|les|el|los|las|il|lo|gli|o|os|a|as|de|het)\s+[A-ZÀ-Ý]")


@dataclass
class Sections:
    body: list[Block] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    disclaimers: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)


def _is_heading_like(block: Block) -> bool:
    text = block.text
    return block.heading or (len(text) <= _SHORT and len(text.split()) <= 14)


def is_about_start(block: Block, late: bool = False) -> bool:
    text = block.text
    match = _ABOUT.match(text)
    if not match:
        return False
    rest = text[match.end() :].lstrip(" :")
    if not rest:
        return True
    if rest[0].isdigit() or (rest[0].islower() and not _ARTICLE.match(rest)):
        # "about a third of ...", "About 40 people ...": ordinary sentences.
        return False
    if _is_heading_like(block) and len(text.split()) <= 9:
        return True
    # "About Acme Inc. Acme Inc. is a ..." - a heading that lost its line break.
    # In the last part of a release "About X ..." is the boilerplate, heading or not.
    name = " ".join(rest.split()[:2])
    repeated = name in rest[len(name) : 300]
    return late or repeated or bool(_INLINE_ABOUT_SUBJECT.search(rest[:300]))


def is_disclaimer_start(block: Block) -> bool:
    return bool(_DISCLAIMER.match(block.text))


def is_contact_start(block: Block) -> bool:
    text = block.text
    if not _CONTACT.match(text):
        return False
    # A heading, or a contact line with the details glued to it.
    return len(text) <= 300 or bool(contact_rx.EMAIL.search(text))


def is_contact_like(block: Block) -> bool:
    """A short block made mostly of e-mails, phones, names and URLs."""
    text = block.text
    if len(text) > 300 or block.heading:
        return False
    if "@" not in text and sum(ch.isdigit() for ch in text) < 7:
        return False  # no e-mail and too few digits for a phone: skip the regexes
    has_detail = bool(contact_rx.EMAIL.search(text) or contact_rx.find_phones(text))
    if not has_detail:
        return False
    leftover = contact_rx.URL.sub(" ", contact_rx.EMAIL.sub(" ", contact_rx.PHONE.sub(" ", text)))
    words = [w for w in leftover.split() if any(ch.isalpha() for ch in w)]
    return len(words) <= 16 and not re.search(r"[.!?][\"”]?\s+[A-Z][a-z]+\s+\w+\s+\w+", leftover)


def split_sections(blocks: list[Block]) -> Sections:
    sections = Sections()
    state = "body"
    after_end = False
    for index, block in enumerate(blocks):
        late = index >= len(blocks) // 2
        if block.end_marker:
            after_end = True
            state = "trailer"
            continue
        if block.rule or not block.lines:
            continue
        text = block.text
        if is_disclaimer_start(block):
            state = "disclaimer"
        elif is_contact_start(block):
            state = "contact"
        elif is_about_start(block, late):
            state = "about"
        elif state == "body" and is_contact_like(block):
            sections.contacts.append("\n".join(block.lines))
            continue
        if state == "body":
            sections.body.append(block)
        elif state == "about":
            if is_contact_like(block):
                sections.contacts.append(text)
            else:
                sections.about.append(text)
        elif state == "disclaimer":
            if is_contact_like(block):
                sections.contacts.append(text)
            else:
                sections.disclaimers.append(text)
        elif state == "contact":
            if is_contact_like(block) or len(text) <= 160 or _CONTACT.match(text):
                sections.contacts.append("\n".join(block.lines))
            else:
                sections.about.append(text)
        elif after_end and is_contact_like(block):
            sections.contacts.append("\n".join(block.lines))
        # Other blocks after an end marker are archive furniture: dropped.
    return sections

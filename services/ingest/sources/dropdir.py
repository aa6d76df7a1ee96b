"""A drop directory: each file one release, never lost, never submitted twice.

    DIR/             producers drop files here (write elsewhere and rename in, or wait
                     ``settle_seconds``); names starting with '.' or ending in .tmp/.part
                     are ignored
    DIR/processing/  a file is claimed by an atomic rename into here before it is read,
                     so two runners never take the same file
    DIR/done/        submitted (or recognised as submitted before)
    DIR/rejected/    not a release; ``NAME.reason.txt`` beside it says why

A crash leaves claimed files in processing/; the next scan submits them again, and the
idempotency key (a hash of the content) makes that a no-op if they were submitted.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shared.errors import InputError
from shared.logging import get_logger
from shared.models import ContentType, Submission

log = get_logger("pressroom.sources.dropdir")

PROCESSING, DONE, REJECTED = "processing", "done", "rejected"
IGNORED_SUFFIXES = (".tmp", ".part", ".swp", ".crdownload")
TYPES = {".html": ContentType.HTML, ".htm": ContentType.HTML, ".md": ContentType.MARKDOWN,
         ".markdown": ContentType.MARKDOWN}  # fmt: skip

Submit = Callable[[Submission], tuple[str, bool]]
Decode = Callable[[bytes], str]


@dataclass
class ScanReport:
    submitted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)


def content_key(data: bytes) -> str:
    """The idempotency key of a dropped file: what it says, not what it is called."""
    return "dropdir:sha256:" + hashlib.sha256(data).hexdigest()


def submission_for(name: str, data: bytes, channels: list[str], decode: Decode) -> Submission:
    """The Submission of one file (pure); InputError when it is no release."""
    if not data.strip():
        raise InputError("file is empty")
    kind = TYPES.get(Path(name).suffix.lower(), ContentType.PLAIN)
    try:
        return Submission(
            body=decode(data), content_type=kind, channels=channels, external_id=content_key(data)
        )
    except ValueError as exc:
        raise InputError(str(exc).splitlines()[-1].strip() or "invalid release") from None


def wanted(path: Path, now: float, settle: float) -> bool:
    if not path.is_file() or path.name.startswith(".") or path.name.endswith(IGNORED_SUFFIXES):
        return False
    return now - path.stat().st_mtime >= settle


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    n = 1
    while target.exists():
        target = folder / f"{Path(name).stem}.{n}{Path(name).suffix}"
        n += 1
    return target


def claim(root: Path, now: float, settle: float) -> list[Path]:
    """Move ready files into processing/ (atomic: a file another runner took is skipped)."""
    processing = root / PROCESSING
    for sub in (PROCESSING, DONE, REJECTED):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for path in sorted(root.iterdir()):
        if not wanted(path, now, settle):
            continue
        try:
            os.rename(path, _free_name(processing, path.name))
        except FileNotFoundError:
            continue  # claimed by someone else between listing and renaming
    return sorted(p for p in processing.iterdir() if p.is_file())


def scan(
    root: Path, channels: list[str], submit: Submit, decode: Decode, settle: float = 1.0,
    now: float | None = None,
) -> ScanReport:  # fmt: skip
    """Claim, submit and file away every ready file in ``root``, and any left in
    processing/ by an earlier run."""
    report = ScanReport()
    for path in claim(root, time.time() if now is None else now, settle):
        data = path.read_bytes()
        try:
            submission = submission_for(path.name, data, channels, decode)
        except InputError as exc:
            target = _free_name(root / REJECTED, path.name)
            (target.parent / (target.name + ".reason.txt")).write_text(f"{exc}\n", "utf-8")
            os.rename(path, target)
            report.rejected.append(path.name)
            log.warning("dropdir.rejected", file=path.name, reason=str(exc))
            continue
        try:
            release_id, created = submit(submission)
        except Exception as exc:  # Redis down: keep it in processing/ for the next scan
            report.deferred.append(path.name)
            log.warning("dropdir.deferred", file=path.name, error=str(exc))
            continue
        os.rename(path, _free_name(root / DONE, path.name))
        (report.submitted if created else report.duplicates).append(path.name)
        log.info("dropdir.filed", file=path.name, release_id=release_id, new=created)
    return report


def decode_file(data: bytes) -> str:
    """UTF-8 (a BOM dropped) when it is; otherwise the charset charset-normalizer finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("file is not text in any charset that could be recognised")
    return str(best)

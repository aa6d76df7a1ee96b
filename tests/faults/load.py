"""The load: a thread that submits releases at a steady rate through the real API and
records which ones were accepted (202) and when.

A submission that meets a 503 (Redis down), a 429 or a dropped connection is retried
with the same ``external_id``, as a producer would: the API answers the same release id,
so a retry never makes a second release and an accepted release is counted once.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from tests.faults.checker import Accepted
from tests.faults.client import api_session
from tests.faults.releases import release_body

RETRY_STATUSES = {429, 502, 503, 504}


class Load:
    def __init__(
        self,
        api_url: str,
        data_dir: Path,
        run: str,
        releases: int,
        rate: float,
        poison_marker: str,
        embargo_every: int = 200,
        embargo_seconds: float = 15.0,
    ) -> None:
        self.api_url = api_url
        self.data_dir = data_dir
        self.run_id = run
        self.releases = releases
        self.rate = rate
        self.poison_marker = poison_marker
        self.embargo_every = embargo_every
        self.embargo_seconds = embargo_seconds
        self.accepted: list[Accepted] = []
        self.refused: list[tuple[int, str]] = []  # a 4xx other than 429: a bug of the suite
        self.retries = 0
        self._lock = threading.Lock()
        self._poison_seq = 0
        self._thread = threading.Thread(target=self._run, name="load", daemon=True)

    def start(self) -> Load:
        self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def snapshot(self) -> list[Accepted]:
        with self._lock:
            return list(self.accepted)

    def submit_poison(self, n: int) -> None:
        session = api_session(self.data_dir)
        for _ in range(n):
            with self._lock:
                self._poison_seq += 1
                seq = self._poison_seq
            body = release_body(seq, f"{self.run_id}-poison", self.poison_marker)
            self._submit(session, f"{self.run_id}-poison-{seq}", body, None, poison=True)

    def _run(self) -> None:
        session = api_session(self.data_dir)
        begin = time.monotonic()
        for n in range(self.releases):
            # A schedule, not a sleep per request: a stall (Redis down) is caught up after.
            pause = begin + n / self.rate - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            embargo = None
            if self.embargo_every and n % self.embargo_every == self.embargo_every // 2:
                embargo = datetime.now(UTC) + timedelta(seconds=self.embargo_seconds)
            body = release_body(n, self.run_id)
            self._submit(session, f"{self.run_id}-{n}", body, embargo, poison=False)

    def _submit(
        self,
        session: requests.Session,
        external_id: str,
        body: str,
        embargo: datetime | None,
        poison: bool,
    ) -> None:
        payload: dict[str, str] = {"body": body, "external_id": external_id}
        if embargo is not None:
            payload["embargo_until"] = embargo.isoformat()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                response = session.post(f"{self.api_url}/v1/releases", json=payload, timeout=15)
            except requests.RequestException:
                response = None
            if response is not None and response.status_code == 202:
                record = Accepted(
                    release_id=str(response.json()["id"]),
                    at=time.time(),
                    embargo_until=embargo.timestamp() if embargo else None,
                    poison=poison,
                )
                with self._lock:
                    self.accepted.append(record)
                return
            if response is not None and response.status_code not in RETRY_STATUSES:
                with self._lock:
                    self.refused.append((response.status_code, response.text[:200]))
                return
            self.retries += 1
            time.sleep(0.3)
        with self._lock:
            self.refused.append((0, f"{external_id}: no 202 within 120 s"))

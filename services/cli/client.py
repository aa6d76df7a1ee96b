"""The CLI's HTTP client of a running pressroom API; errors become one line and an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import requests
import typer


def find_api_key(env_value: str | None, key_file: Path) -> str | None:
    """PRESSROOM_API_KEY, else the key `pressroom up` left in ./var/api-key."""
    if env_value:
        return env_value.strip()
    try:
        return key_file.read_text().strip() or None
    except OSError:
        return None


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit (2: bad input; 1: the system could not do it)."""
    print(f"pressroom: {message}", file=sys.stderr)
    raise typer.Exit(code)


class ApiClient:
    def __init__(self, base_url: str, key: str | None = None, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        if key:
            self.session.headers["Authorization"] = f"Bearer {key}"

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = self.base_url + path
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.ConnectionError:
            fail(f"cannot reach the API at {self.base_url} (is `pressroom up` running?)", 1)
        except requests.RequestException as exc:
            fail(f"request to {url} failed: {exc}", 1)
        if response.status_code >= 400:
            try:
                reason = response.json().get("error") or response.text
            except ValueError:
                reason = response.text.strip()[:200]
            fail(f"{response.status_code}: {reason}", 2 if response.status_code < 500 else 1)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

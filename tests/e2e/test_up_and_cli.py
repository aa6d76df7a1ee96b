"""The whole system as a user runs it: `pressroom up`, the CLI, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from services.cli.receiver import Receiver
from shared.redis_server import free_port
from tests.support.wire import DEFENCE_RELEASE, settled, wait_for

ROOT = Path(__file__).resolve().parents[2]


def pressroom(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        capture_output=True, text=True, env=env, input=stdin, cwd=cwd or ROOT, timeout=120,
    )  # fmt: skip


def test_up_submit_deliver_and_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    api = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSROOM_")}
    env.update(PRESSROOM_DATA_DIR=str(tmp_path / "var"), PRESSROOM_API_URL=api,
               PYTHONPATH=str(ROOT))  # fmt: skip
    up = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "up", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        healthy = wait_for(lambda: _healthy(api), bool, timeout=90, every=0.5)
        assert healthy, "pressroom up did not become healthy"
        with Receiver() as rx:
            made = pressroom("subscriptions", "create", rx.url, "-c", "Military Industry", env=env)
            assert made.returncode == 0, made.stderr
            release_file = tmp_path / "navy.txt"
            release_file.write_text(DEFENCE_RELEASE, encoding="utf-8")
            started = time.monotonic()
            submitted = pressroom("submit", str(release_file), env=env)
            assert submitted.returncode == 0, submitted.stderr
            release_id = submitted.stdout.strip()
            assert release_id.startswith("rel_")
            assert rx.wait_for(lambda got: len(got) == 1, timeout=60)
            took = time.monotonic() - started
            release = rx.deliveries[0].json()["pressroom"]
            assert release["release_id"] == release_id
            assert "military-industry" in {c["slug"] for c in release["channels"]}
            print(f"submit -> delivery: {took:.2f}s")

            status = pressroom("status", release_id, env=env)
            assert status.returncode == 0
            view = json.loads(status.stdout)
            assert view["stages"]["publish"]["status"] == "done"
            assert settled(view)

            # The development admin key made on first start issues a producer key.
            assert (tmp_path / "var" / "api-key").stat().st_mode & 0o077 == 0
            made_key = pressroom("keys", "create", "acme", "-s", "submit", env=env)
            assert made_key.returncode == 0, made_key.stderr
            producer_env = {**env, "PRESSROOM_API_KEY": made_key.stdout.strip()}
            again = pressroom("submit", str(release_file), "--external-id", "a1", env=producer_env)
            assert again.returncode == 0, again.stderr
            listing = pressroom("subscriptions", "list", env=producer_env)
            assert listing.returncode == 2 and "403" in listing.stderr
            assert "acme" in pressroom("keys", "list", env=env).stdout
        # The embedded Redis keeps an append-only file under ./var.
        assert list((tmp_path / "var" / "redis").glob("appendonly.aof*"))
    finally:
        up.send_signal(signal.SIGINT)
        try:
            out, _ = up.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            up.kill()
            out, _ = up.communicate()
    assert up.returncode == 0, out
    assert "stopping" in out
    assert not _healthy(api)


def _healthy(api: str) -> bool:
    try:
        return requests.get(api + "/healthz", timeout=1).ok
    except requests.RequestException:
        return False


def test_parse_and_enrich_commands_work_offline(tmp_path: Path) -> None:
    path = tmp_path / "navy.txt"
    path.write_text(DEFENCE_RELEASE, encoding="utf-8")
    parsed = pressroom("parse", str(path))
    assert parsed.returncode == 0, parsed.stderr
    doc = json.loads(parsed.stdout)
    assert doc["dateline"]["city"] == "WASHINGTON"
    assert doc["channels"] == ["Military Industry"]

    from_stdin = pressroom("parse", "-", stdin=DEFENCE_RELEASE)
    assert json.loads(from_stdin.stdout)["headline"] == doc["headline"]

    enriched = pressroom("enrich", str(path))
    assert enriched.returncode == 0, enriched.stderr
    slugs = {c["slug"] for c in json.loads(enriched.stdout)["channels"]}
    assert {"military-industry", "chile", "united-states"} <= slugs


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = pressroom("parse", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "nope.txt" in missing.stderr

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = pressroom("parse", str(empty))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1

    bad_stage = pressroom("worker", "polish")
    assert bad_stage.returncode == 2 and "unknown stage" in bad_stage.stderr

    unreachable = pressroom("status", "rel_x", "--api", f"http://127.0.0.1:{free_port()}")
    assert unreachable.returncode == 1
    assert "cannot reach the API" in unreachable.stderr

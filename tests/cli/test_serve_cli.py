"""policylens serve as a user starts it: a real subprocess on a free port of 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from policylens.cli import app

runner = CliRunner()
COMMAND = [sys.executable, "-c", "from policylens.cli import main; main()"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_poll_starts_a_server_that_polls(tmp_path):
    port = free_port()
    env = {**os.environ, "POLICYLENS_DB": f"sqlite:///{tmp_path / 'kb.db'}"}
    process = subprocess.Popen(
        [*COMMAND, "serve", "--port", str(port), "--poll"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/alerts", timeout=5)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not come up: {process.stderr.read()}") from None
                time.sleep(0.2)
        assert page.status_code == 200 and "Polling in this server" in page.text
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "polling feeds" in stderr and "Traceback" not in stderr


def test_deliver_needs_poll_and_a_real_destination(tmp_path):
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    alone = runner.invoke(app, ["--db", db, "serve", "--deliver", "print"])
    assert alone.exit_code == 2 and "--deliver goes with --poll" in alone.output
    bad = runner.invoke(app, ["--db", db, "serve", "--poll", "--deliver", "carrier-pigeon"])
    assert bad.exit_code == 1 and "not a destination" in bad.output and "Traceback" not in bad.output

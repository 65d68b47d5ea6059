"""Global options (--json, --db, --max-bytes) work before the command and after it, for every command."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from policylens.cli import app

runner = CliRunner()
GLOBAL = {"--db", "--json", "--max-bytes"}


def leaves(command, path=()):
    for name, sub in getattr(command, "commands", {}).items():
        if hasattr(sub, "commands"):
            yield from leaves(sub, (*path, name))
        else:
            yield (*path, name), sub


COMMANDS = list(leaves(typer.main.get_command(app)))


def test_the_command_list_is_complete():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {
        "ingest",
        "extract",
        "demo",
        "targets",
        "entity",
        "search",
        "brief",
        "digest",
        "serve",
        "poll",
        "watch add",
        "feeds list",
        "alerts",
    } <= names


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=" ".join)
def test_every_command_takes_the_global_options(path):
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for option in GLOBAL:
        assert option in result.output, (path, option)


@pytest.fixture
def kb(tmp_path: Path) -> str:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "Qingdao Unveils Factory Plan\n\nBy 2028, Qingdao aims to build 40 smart factories.\n", encoding="utf-8"
    )
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    assert runner.invoke(app, ["--db", url, "ingest", str(doc)]).exit_code == 0
    return url


@pytest.mark.parametrize(
    "args",
    [
        ["targets"],
        ["conflicts"],
        ["search", "smart"],
        ["watch", "list"],
        ["feeds", "list"],
        ["alerts"],
        ["entity", "Qingdao"],
    ],
    ids=" ".join,
)
def test_json_and_db_after_the_command(kb, args):
    before = runner.invoke(app, ["--db", kb, "--json", *args])
    after = runner.invoke(app, [*args, "--json", "--db", kb])
    assert before.exit_code == after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_an_option_after_the_command_wins(kb, tmp_path):
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'other.db'}", "targets", "--db", kb, "--json"])
    assert result.exit_code == 0, result.output
    assert [t["value"] for t in json.loads(result.stdout)["targets"]] == [40]


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["--max-bytes", "-5", "ingest", "x"], "-5"),
        (["ingest", "x", "--max-bytes", "0"], "0"),
        (["extract", "x", "--max-bytes=-5"], "-5"),
    ],
)
def test_a_size_limit_must_be_positive(args, value):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: --max-bytes: {value} must be greater than 0"]


def test_the_demo_builds_into_the_global_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "mine.db"
    result = runner.invoke(app, ["--db", f"sqlite:///{target}", "--json", "demo"])
    assert result.exit_code == 0, result.stderr
    assert target.exists() and not (tmp_path / "policylens-demo.db").exists()
    assert sum(o["status"] == "stored" for o in json.loads(result.stdout)["outcomes"]) >= 8


def test_the_demo_leaves_the_environments_knowledge_base_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine.db"
    mine.write_bytes(b"not a demo")
    result = runner.invoke(app, ["--json", "demo"], env={"POLICYLENS_DB": f"sqlite:///{mine}"})
    assert result.exit_code == 0, result.stderr
    assert mine.read_bytes() == b"not a demo" and (tmp_path / "policylens-demo.db").exists()


def test_brief_without_a_db_says_so_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLICYLENS_DB", raising=False)
    doc = tmp_path / "plan.txt"
    doc.write_text("Riverside County aims to build 40 smart factories by 2028.\n", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(doc)])
    assert result.exit_code == 0, result.output
    assert "no knowledge base at sqlite:///policylens.db" in result.stderr
    assert "40" in result.stdout and not (tmp_path / "policylens.db").exists()
    kb = runner.invoke(app, ["--db", "sqlite:///policylens.db", "ingest", str(doc)])
    assert kb.exit_code == 0
    again = runner.invoke(app, ["brief", "1"])
    assert again.exit_code == 0 and "using the knowledge base sqlite:///policylens.db" in again.stderr


@pytest.mark.slow  # starts the real server process
def test_serve_on_a_busy_port_is_one_line_before_any_announcement(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from policylens.cli import main; main()",
                "--db",
                f"sqlite:///{tmp_path / 'kb.db'}",
                "serve",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ},
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: cannot serve on 127.0.0.1:{port}: Address already in use"]
    assert "serving" not in result.stdout + result.stderr

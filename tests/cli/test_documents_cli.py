"""The command line as a user drives it: real files, a real SQLite knowledge base, the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policylens.cli import app

runner = CliRunner()

PLAN = """Skip to main content

Riverside County Unveils Smart Factory Plan

Jun. 3, 2026

The Riverside County Government issued a plan on Tuesday. By 2028, the county aims to build 40 smart factories
and raise industrial output to 120 billion yuan. Last year the county had 12 smart factories.
"""


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", [[], ["ingest"], ["extract"], ["demo"]])
def test_every_command_has_help(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_ingest_stores_a_document_once(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    first = invoke("--db", db, "--json", "ingest", str(doc))
    assert first.exit_code == 0, first.output
    [row] = json.loads(first.stdout)
    assert row["status"] == "stored" and row["title"] == "Riverside County Unveils Smart Factory Plan"
    assert row["published"] == "2026-06-03"
    again = invoke("--db", db, "--json", "ingest", str(doc))
    [row2] = json.loads(again.stdout)
    assert row2["status"] == "duplicate" and row2["duplicate_of"] == row["document_id"]


def test_bad_input_is_one_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    result = invoke("--db", db, "--json", "ingest", str(tmp_path))
    assert result.exit_code == 1
    rows = {Path(r["source"]).name: r for r in json.loads(result.stdout)}
    assert rows["good.txt"]["status"] == "stored"
    assert rows["empty.txt"]["status"] == "failed" and rows["blob.bin"]["status"] == "failed"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any("empty.txt" in line for line in errors) and any("blob.bin" in line for line in errors)
    assert "Traceback" not in result.output


def test_unopenable_database_is_a_clear_error(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    result = invoke("--db", f"sqlite:///{tmp_path}/missing/dir/kb.db", "ingest", str(doc))
    assert result.exit_code == 1
    assert "error:" in result.stderr and "Traceback" not in result.output


def test_extract_writes_one_contract_file_per_document(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("extract", str(doc), "--format", "json", "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert set(data) == {"document", "quantities", "events", "entities"}
    text = data["document"]["text"]
    assert "Skip to main content" not in text
    for item in data["quantities"] + data["events"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_extract_table_names_the_document(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    result = invoke("extract", str(doc))
    assert result.exit_code == 0
    assert "Riverside County Unveils Smart Factory Plan" in result.stdout


def test_every_command_the_demo_suggests_works(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = invoke("demo", "--db", db)
    assert result.exit_code == 0, result.stderr
    suggested = [
        line.split("#")[0].split()[1:]
        for line in result.stdout.split("Next, try:")[1].splitlines()
        if line.strip().startswith("policylens")
    ]
    assert {args[2] for args in suggested} >= {"targets", "entity", "conflicts", "brief", "watch", "serve"}
    for args in suggested:
        if args[2] == "serve":  # runs until stopped: tests/cli/test_serve_cli.py starts it for real
            continue
        done = invoke(*args)
        assert done.exit_code == 0, (args, done.stderr)


def test_demo_builds_a_fresh_knowledge_base(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = invoke("--json", "demo", "--db", db)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    rows = report["outcomes"]
    assert sum(r["status"] == "stored" for r in rows) >= 8
    assert any(r["near_duplicate_of"] for r in rows), "the sample corpus carries a republished story"
    statuses = report["targets_by_status"]
    assert {"met", "missed"} <= set(statuses), "the progress report settles some of the plan's 2025 targets"
    assert report["conflicts"] >= 1, "two sources give the cluster's 2025 exports differently"
    rerun = invoke("--json", "demo", "--db", db)
    assert [r["status"] for r in json.loads(rerun.stdout)["outcomes"]] == [r["status"] for r in rows], (
        "demo starts fresh"
    )


def test_installed_entry_point_runs(tmp_path):
    exe = Path(sys.executable).with_name("policylens")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("policylens ")


def test_a_bad_environment_setting_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYLENS_MAX_BYTES", "lots")
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'kb.db'}", "ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "POLICYLENS_MAX_BYTES='lots' is not a whole number" in result.stderr
    assert "Traceback" not in result.output + result.stderr

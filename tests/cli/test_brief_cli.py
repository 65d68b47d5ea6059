"""policylens brief as a user drives it: real files, a real SQLite knowledge base, stdin, --out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policylens.cli import app

runner = CliRunner()

PLAN = """Lakeshore Approves Provincial Valve Cluster

May 12, 2026

The Lakeshore Provincial Government approved the Lakeshore-Harbor provincial advanced manufacturing cluster for industrial valves in May 2026. The cluster aims to exceed RMB 12 billion in exports by 2028, with faster export certification and new rail freight channels for manufacturers.
"""

SUMMARY = (
    "The Lakeshore Provincial Government approved a valve cluster in May 2026. "
    "The cluster aims to exceed RMB 12 billion in exports by 2028, with faster export certification."
)


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


def test_brief_has_help():
    result = invoke("brief", "--help")
    assert result.exit_code == 0 and "--audience" in result.output and "--summary" in result.output


def test_a_new_path_is_ingested_first_and_then_briefed_by_id(plan, db):
    first = invoke("--db", db, "brief", str(plan), "--as-of", "2026-07-01")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("# Lakeshore Approves Provincial Valve Cluster\n")
    assert "## What to monitor now" in first.stdout and "open (deadline ahead) as of 2026-07-01" in first.stdout
    listed = json.loads(invoke("--db", db, "--json", "ingest", str(plan)).stdout)
    assert listed[0]["status"] == "duplicate"  # the brief stored it
    by_id = invoke("--db", db, "brief", str(listed[0]["document_id"]), "--as-of", "2026-07-01")
    assert by_id.exit_code == 0 and by_id.stdout == first.stdout


def test_formats_audience_and_out_file(plan, db, tmp_path):
    out = tmp_path / "brief.html"
    result = invoke("--db", db, "brief", str(plan), "--format", "html", "--audience", "exporters", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Export-oriented traders" in page
    assert "Manufacturers and integrators" not in page
    data = json.loads(invoke("--db", db, "brief", str(plan), "-f", "json", "--as-of", "2029-01-01").stdout)
    confirmed = next(s for s in data["sections"] if s["id"] == "confirmed")  # each goal with its status
    assert any(p["data"].get("status") == "past_due_unverified" for p in confirmed["points"])
    assert json.loads(invoke("--db", db, "--json", "brief", str(plan)).stdout)["title"]


def test_the_analysts_pasted_summary_from_stdin(db):
    result = invoke(
        "--db",
        db,
        "brief",
        "--title",
        "Lakeshore approves valve cluster",
        "--when",
        "May 2026",
        "--summary",
        "-",
        "--as-of",
        "2026-07-01",
        input=SUMMARY,
    )
    assert result.exit_code == 0, result.output
    assert "rests on a user-provided summary" in result.stdout
    assert "no official source" in result.stdout
    assert "exceed RMB 12 billion in exports by 2028" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief"], "give a DOCUMENT"),
        (["brief", "--summary", "text"], "--summary needs --title"),
        (["brief", "x.txt", "--summary", "text", "--title", "t"], "not both"),
        (["brief", "x.txt", "--format", "pdf"], "must be one of md, html, json"),
    ],
)
def test_usage_errors(args, message):
    result = invoke(*args)
    assert result.exit_code == 2 and message in result.output


def test_bad_inputs_are_one_line_errors_naming_them(plan, db, tmp_path):
    bad_day = invoke("--db", db, "brief", str(plan), "--as-of", "next week")
    assert bad_day.exit_code == 1 and bad_day.output.strip() == "error: --as-of: 'next week' is not a date (YYYY-MM-DD)"
    missing = invoke("--db", db, "brief", "99")
    assert missing.exit_code == 1 and "document 99: not in the knowledge base" in missing.output
    absent = invoke("--db", db, "brief", str(tmp_path / "absent.txt"))
    assert absent.exit_code == 1 and "absent.txt" in absent.output
    audience = invoke("--db", db, "brief", str(plan), "--audience", "astronauts")
    assert audience.exit_code == 1 and "unknown audience astronauts" in audience.output
    rules = tmp_path / "rules.yaml"
    rules.write_text("groups: [", encoding="utf-8")
    broken = invoke("--db", db, "brief", str(plan), "--rules", str(rules))
    assert broken.exit_code == 1 and "rules file" in broken.output and "rules.yaml" in broken.output


def test_out_into_a_missing_folder_fails_cleanly(plan, db, tmp_path):
    target = tmp_path / "no-such-dir" / "brief.md"
    result = invoke("--db", db, "brief", str(plan), "--out", str(target))
    assert result.exit_code == 1 and "cannot write" in result.output and not target.exists()


def test_a_folder_of_several_documents_is_refused_with_their_ids(plan, db, tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "docs" / name).write_text(PLAN.replace("Lakeshore", name[0].upper() + "lake"), encoding="utf-8")
    result = invoke("--db", db, "brief", str(tmp_path / "docs"))
    assert result.exit_code == 1 and "holds 2 documents" in result.output and "one at a time by id" in result.output

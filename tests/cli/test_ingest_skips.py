"""Ingesting a folder leaves out the files that describe it (README, LICENSE, …) and says so."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from policylens.cli import app

runner = CliRunner()


def folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "plan.txt").write_text("Qingdao aims to build 40 smart factories by 2028.\n", encoding="utf-8")
    (docs / "README.md").write_text("# About\nThese are plans we collected.\n", encoding="utf-8")
    (docs / "sub" / "LICENCE.txt").write_text("Licensed under terms of our own.\n", encoding="utf-8")
    (docs / "sub" / "draft.tmp").write_text("A draft of a plan for 12 parks.\n", encoding="utf-8")
    return docs


def test_a_folder_skips_readme_and_licence_and_says_so(tmp_path):
    docs = folder(tmp_path)
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'kb.db'}", "--json", "ingest", str(docs)])
    assert result.exit_code == 0, result.output
    assert sorted(o["source"].rsplit("/", 1)[1] for o in json.loads(result.stdout)) == ["draft.tmp", "plan.txt"]
    assert "skipped 2 file(s)" in result.stderr and "README.md" in result.stderr and "LICENCE.txt" in result.stderr


def test_exclude_skips_more_and_a_named_readme_is_read(tmp_path):
    docs = folder(tmp_path)
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    result = runner.invoke(app, ["ingest", str(docs), "--exclude", "*.TMP", "--db", db, "--json"])
    assert [o["source"].rsplit("/", 1)[1] for o in json.loads(result.stdout)] == ["plan.txt"]
    assert "skipped 3 file(s)" in result.stderr
    named = runner.invoke(app, ["--db", db, "--json", "ingest", str(docs / "README.md")])
    assert [o["status"] for o in json.loads(named.stdout)] == ["stored"] and "skipped" not in named.stderr

"""policylens digest as a user drives it: the demo corpus ingested by the CLI into a real SQLite file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from policylens.cli import app
from policylens.demo import corpus_dir

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('digest-cli') / 'kb.db'}"
    result = invoke("--db", url, "ingest", str(corpus_dir()))
    assert result.exit_code == 0, result.output
    return url


def test_digest_has_help():
    result = invoke("digest", "--help")
    assert result.exit_code == 0
    assert all(o in result.output for o in ("--since", "--until", "--region", "--industry", "--as-of", "--out"))


def test_a_window_and_region_give_a_markdown_digest(db):
    result = invoke(
        "--db",
        db,
        "digest",
        "--since",
        "2024-01-01",
        "--until",
        "2024-12-31",
        "--region",
        "Shandong",
        "--as-of",
        "2026-11-23",
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Policy digest: 2024-01-01 to 2024-12-31 — Shandong\n")
    assert "## What changed:" in out and "## What to monitor next" in out and "## Sources" in out
    assert "Hefei" not in out  # Anhui is not in Shandong


def test_language_zh_words_the_digest_in_chinese_and_keeps_the_sources_quoted(db):
    result = invoke(
        "--db",
        db,
        "digest",
        "--since",
        "2024-01-01",
        "--until",
        "2024-12-31",
        "--region",
        "Shandong",
        "--as-of",
        "2026-11-23",
        "--language",
        "zh",
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# 政策动态汇总：2024-01-01 至 2024-12-31 — Shandong\n")
    assert "## 新变化：" in out and "## 下一步关注什么" in out and "## 来源" in out
    assert "What changed" not in out and "What to monitor" not in out
    unknown = invoke("--db", db, "digest", "--since", "2024-01-01", "--language", "fr")
    assert unknown.exit_code == 1 and "no brief wording for language 'fr'" in unknown.stderr


def test_json_and_html_say_the_same_and_out_writes_a_file(db, tmp_path):
    args = ("--db", db, "digest", "--since", "2025-01-01", "--until", "2025-12-31", "--as-of", "2026-11-23")
    data = json.loads(invoke(*args, "--format", "json").stdout)
    assert data["source"]["kind"] == "digest" and any(s["id"] == "targets" for s in data["sections"])
    assert json.loads(invoke("--json", *args[:2], *args[2:]).stdout) == data  # the global --json flag too
    page = tmp_path / "digest.html"
    written = invoke(*args, "--format", "html", "--out", str(page))
    assert written.exit_code == 0 and written.stdout == ""
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and all(
        s["title"] in text for s in data["sections"] if "&" not in s["title"] and "'" not in s["title"]
    )


def test_an_empty_window_says_nothing_matched_and_succeeds(db):
    result = invoke("--db", db, "digest", "--since", "2031-01-01", "--until", "2031-01-31", "--as-of", "2026-11-23")
    assert result.exit_code == 0 and "Nothing matched" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "error: --since: 'last week' is not a date (YYYY-MM-DD)"),
        (["--since", "2025-01-01", "--until", "2025-02-30"], "error: --until: '2025-02-30' is not a date (YYYY-MM-DD)"),
        (["--since", "2025-01-01", "--as-of", "soon"], "error: --as-of: 'soon' is not a date (YYYY-MM-DD)"),
        (
            ["--since", "2025-02-01", "--until", "2025-01-01"],
            "error: --until: 2025-01-01 is before the first day, 2025-02-01",
        ),
        (["--since", "2025-01-01", "--region", "Xyzzyplace"], "error: Xyzzyplace: no entity of that name"),
    ],
)
def test_bad_inputs_are_one_line_errors(db, args, message):
    result = invoke("--db", db, "digest", *args)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(message)


def test_since_is_required():
    result = invoke("digest")
    assert result.exit_code == 2 and "--since" in result.output

"""`policylens rebuild`: the repair that recomputes every derived table, leaving what ingest's batch passes left."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from policylens.cli import app
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase
from policylens.store.digest import fingerprint

runner = CliRunner()


def _fingerprint(url: str):
    with KnowledgeBase.open(url) as kb, kb.reading() as conn:
        return fingerprint(conn)


def test_rebuild_after_batched_ingests_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    documents = sorted(p for p in corpus_dir().iterdir() if p.is_file() and p.name != "README.md")
    for batch in (documents[:2], documents[2:]):  # two ingests: the second one's pass is a batch's
        result = runner.invoke(app, ["--db", url, "ingest", *map(str, batch)])
        assert result.exit_code == 0, result.output
    after_ingests = _fingerprint(url)
    result = runner.invoke(app, ["--db", url, "--json", "rebuild"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["entities"] > 0 and counts["entities"] == after_ingests["entities"][0]
    assert _fingerprint(url) == after_ingests


def test_rebuild_needs_a_knowledge_base(tmp_path):
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'none.db'}", "rebuild"])
    assert result.exit_code == 1 and "no knowledge base" in result.output

"""The knowledge commands as a user drives them: the demo corpus ingested into a real SQLite file.

The demo corpus is the project's own text and ships with the package.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policylens.cli import app
from policylens.demo import corpus_dir
from policylens.track import STATUSES

runner = CliRunner()
AS_OF = "2026-11-22"
DEMO = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "demo.db"
    result = runner.invoke(app, ["--db", f"sqlite:///{path}", "ingest", *DEMO])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> str:
    """A private copy, for commands that change the knowledge base."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    return f"sqlite:///{copy}"


def run(db_path: Path | str, *args: str, as_json: bool = True):
    url = db_path if isinstance(db_path, str) else f"sqlite:///{db_path}"
    result = runner.invoke(app, ["--db", url, *(["--json"] if as_json else []), *args])
    assert "Traceback" not in result.output
    return result


def data(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", [["targets"], ["entity"], ["conflicts"], ["search"], ["export"]])
def test_every_knowledge_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_targets_with_status_as_of_a_day(demo_db):
    everything = data(run(demo_db, "targets", "--as-of", AS_OF))
    assert everything["as_of"] == AS_OF
    targets = everything["targets"]
    # Terms and thresholds of instruments (caps, rewards, eligibility bars) have their role for a status.
    kinds = (*STATUSES, "term", "threshold")
    assert targets and {t["status"] for t in targets} <= set(kinds)
    by_status = {
        status: data(run(demo_db, "targets", "--as-of", AS_OF, "--status", status))["targets"] for status in kinds
    }
    assert sorted(t["id"] for ts in by_status.values() for t in ts) == sorted(t["id"] for t in targets)
    for status, listed in by_status.items():
        assert all(t["status"] == status for t in listed)
        assert all(t["latest"] is not None for t in listed) or status not in ("met", "missed")
    shandong = {t["id"] for t in data(run(demo_db, "targets", "--as-of", AS_OF, "--region", "Shandong"))["targets"]}
    weifang = {t["id"] for t in data(run(demo_db, "targets", "--as-of", AS_OF, "--region", "Weifang"))["targets"]}
    assert weifang and weifang < shandong < {t["id"] for t in targets}
    table = run(demo_db, "targets", "--as-of", AS_OF, "--limit", "3", as_json=False)
    assert table.exit_code == 0 and "3 target(s)" in table.stdout


def test_entity_profile(demo_db):
    weifang = data(run(demo_db, "entity", "Weifang", "--as-of", AS_OF))
    assert weifang["type"] == "place" and [h["name"] for h in weifang["hierarchy"]][:1] == ["Shandong"]
    assert weifang["documents"] and weifang["targets"]
    shown = run(demo_db, "entity", "Weifang City", as_json=False)
    assert shown.exit_code == 0 and "Weifang ⊂ Shandong" in shown.stdout


def test_conflicts_and_search(demo_db):
    assert isinstance(data(run(demo_db, "conflicts")), list)
    hits = data(run(demo_db, "search", "胶州"))
    assert hits and {h["document_id"] for h in hits}
    narrowed = data(
        run(
            demo_db,
            "search",
            "smart",
            "factories",
            "--region",
            "Shandong",
            "--since",
            "2023-01-01",
            "--kind",
            "quantity",
        )
    )
    assert narrowed and all(h["kind"] == "quantity" and h["published"] >= "2023-01-01" for h in narrowed)
    media = data(run(demo_db, "search", "smart", "factories", "--source-type", "media"))
    assert media and {h["source_type"] for h in media} == {"media"}
    assert data(run(demo_db, "search", "smart", "factories", "--region", "Hefei")) == []


def test_merge_and_split_by_command(db):
    a, b = (
        "Weifang-Linyi-Dezhou agricultural machinery cluster",
        "Weifang-Linyi-Dezhou provincial advanced manufacturing cluster for agricultural machinery",
    )
    # The short form already resolves to the long name; the user may split them and merge them again.
    assert data(run(db, "entity", a))["id"] == data(run(db, "entity", b))["id"]
    split = data(run(db, "entity", "split", b, a))
    assert split["entity"]["id"] != split["split_off"]["id"]
    assert data(run(db, "entity", a))["id"] != data(run(db, "entity", b))["id"]
    # Re-ingesting keeps the decision.
    assert runner.invoke(app, ["--db", db, "ingest", *DEMO]).exit_code == 0
    assert data(run(db, "entity", a))["id"] != data(run(db, "entity", b))["id"]
    merged = data(run(db, "entity", "merge", a, b))["entity"]
    assert data(run(db, "entity", a))["id"] == data(run(db, "entity", b))["id"] == merged["id"]


def test_export_csv_json_parquet(demo_db, tmp_path):
    assert set(data(run(demo_db, "export", "--as-of", AS_OF))) == {"entities", "relations", "targets", "conflicts"}
    for fmt in ("csv", "json"):
        target = tmp_path / (fmt if fmt == "csv" else "kb.json")
        assert run(demo_db, "export", "--format", fmt, "--out", str(target)).exit_code == 0
    assert (tmp_path / "csv" / "targets.csv").read_text(encoding="utf-8").startswith("id,document_id,")
    assert json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))["entities"]
    pq = pytest.importorskip("pyarrow.parquet")
    assert run(demo_db, "export", "--format", "parquet", "--out", str(tmp_path / "pq")).exit_code == 0
    assert pq.read_table(tmp_path / "pq" / "entities.parquet").num_rows > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["targets", "--as-of", "2026-13-01"], "is not a date"),
        (["targets", "--status", "finished"], "unknown status"),
        (["targets", "--region", "Qwxzv"], "no entity"),
        (["entity", "Qwxzv"], "no entity"),
        (["entity", "merge", "Weifang"], "needs two names"),
        (["entity", "split", "Weifang", "Shandong"], "is not a name of"),
        (["search", "?!"], "nothing to search"),
        (["search", "x", "--since", "yesterday"], "is not a date"),
        (["export", "--format", "xlsx"], "unknown export format"),
        (["export", "--format", "csv"], "say where"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(demo_db, args, message):
    result = run(demo_db, *args, as_json=False)
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("error:") and message in errors[0]


def test_a_missing_knowledge_base_is_an_error_not_a_new_file(tmp_path):
    missing = tmp_path / "none.db"
    result = run(missing, "targets", as_json=False)
    assert result.exit_code == 1 and "no knowledge base" in result.stderr
    assert not missing.exists()

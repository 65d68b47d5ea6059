"""Tables read at 80 columns and in pipes: nothing past the edge, no value, status or date cut, words whole."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from policylens.cli import app
from policylens.cli.tables import GAP, marked, shorten, table
from policylens.demo import corpus_dir

runner = CliRunner()
DEMO = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]


def render(grid, width: int = 80) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(grid)
    return console.file.getvalue().splitlines()


def test_the_gap_between_columns_is_what_the_layout_counts():
    lines = render(table("t", ("aaaa", "bbbbbb", "cc"), [("1", "2", "3")], width=80))
    assert len(lines[1].rstrip()) == 4 + 6 + 2 + 2 * GAP


word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
prose = st.lists(word, min_size=1, max_size=30).map(" ".join)
fixed = st.lists(word, min_size=1, max_size=2).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(fixed, prose, fixed, prose), min_size=1, max_size=6))
def test_words_are_never_cut_and_nothing_passes_the_edge(rows):
    lines = render(table("t", ("status", "subject", "value", "title"), rows, width=80, prose={"subject", "title"}))
    assert all(len(line) <= 80 for line in lines)
    written = {w for row in rows for cell in row for w in cell.split()} | {"t", "status", "subject", "value", "title"}
    shown = {w for line in lines[3:] for w in line.split()}  # after the title, the header and its rule
    assert shown <= written, shown - written  # a fragment of a word would be a token nobody wrote
    for status, _, value, _ in rows:  # short columns keep each cell on one line, whole
        assert any(status in line for line in lines) and any(value in line for line in lines)


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("Shandong approves the machine tool cluster", 30) == "Shandong approves the machine…"
    assert shorten("short", 30) == "short"
    assert shorten("胶州市人民政府办公室关于印发方案的通知", 8) == "胶州市人民政府…"


def test_marked_words_without_a_terminal_are_between_asterisks():
    assert marked("two smart factories", [(4, 9)], styled=False).plain == "two *smart* factories"
    styled = marked("two smart factories", [(4, 9)], styled=True)
    assert styled.plain == "two smart factories" and styled.spans[0].style == "bold"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'demo.db'}"
    assert runner.invoke(app, ["--db", url, "ingest", *DEMO]).exit_code == 0
    return url


@pytest.mark.parametrize(
    "args",
    [["targets"], ["entity", "Weifang"], ["conflicts"], ["search", "smart", "factory"], ["extract", DEMO[0]]],
    ids=" ".join,
)
def test_every_table_fits_80_columns_in_a_pipe(demo_db, args):
    result = runner.invoke(
        app,
        ["--db", demo_db, *args, "--as-of", "2026-11-22"]
        if args[0] in ("targets", "entity")
        else ["--db", demo_db, *args],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "e+" not in result.stdout


def test_targets_show_each_figure_and_status_whole(demo_db):
    shown = runner.invoke(app, ["--db", demo_db, "targets", "--as-of", "2026-11-22"], env={"COLUMNS": "80"}).stdout
    data = json.loads(runner.invoke(app, ["--db", demo_db, "--json", "targets", "--as-of", "2026-11-22"]).stdout)
    lines = shown.splitlines()
    from policylens.figures import amount

    for t in data["targets"]:
        row = next(i for i, line in enumerate(lines) if line.split()[:1] == [str(t["id"])])
        assert t["status"] in lines[row]
        figure = amount(t["value"], t["unit"], t.get("value_max"))
        assert figure in lines[row], (figure, lines[row])
        if t["deadline"]:
            assert f"by {t['deadline']}" in lines[row + 1]


def test_json_keeps_raw_numbers(demo_db):
    data = json.loads(runner.invoke(app, ["--db", demo_db, "targets", "--json"]).stdout)
    assert any(isinstance(t["value"], (int, float)) and t["value"] >= 1e6 for t in data["targets"])

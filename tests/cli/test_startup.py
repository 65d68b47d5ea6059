"""policylens starts at once: importing the CLI loads no store, web app or numeric stack; a command that reads
loads only what it reads; what a command imports is left out of the garbage collector's walks.

Each check runs in a fresh interpreter, since this test process has long
imported everything.  The timing goals themselves are measured by
benchmarks/bench_startup.py (a busy test machine would make a time limit here flaky).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from policylens.demo import corpus_dir

HEAVY = [
    "policylens.store",
    "policylens.web",
    "policylens.service",
    "policylens.extraction",
    "policylens.briefs",
    "policylens.monitor",
    "sqlalchemy",
    "alembic",
    "datasketch",
    "scipy",
    "numpy",
    "fastapi",
    "uvicorn",
]


def loaded_after(statement: str) -> list[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "statement", ["import policylens", "import policylens.cli", "from policylens.cli import app, main"]
)
def test_importing_the_cli_loads_nothing_heavy(statement):
    modules = loaded_after(statement)
    assert [m for m in HEAVY if m in modules] == []


def test_help_and_version_run_without_the_heavy_modules():
    code = (
        "import sys\nfrom policylens.cli import main\nsys.argv = ['policylens', {arg!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', [m for m in {heavy!r} if m in sys.modules])"
    )
    for arg in ("--help", "--version"):
        result = subprocess.run(
            [sys.executable, "-c", code.format(arg=arg, heavy=HEAVY)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.stdout.rstrip().endswith("LOADED []"), (arg, result.stdout[-300:], result.stderr[-300:])


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty knowledge base at the newest schema: what ``targets`` imports does not depend on its rows."""
    from policylens.store import KnowledgeBase

    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'empty.db'}"
    KnowledgeBase.open(url).close()
    return url


DEMO_FILE = corpus_dir() / "02_weifang_agri_machinery_cluster.txt"


def after_command(args: list[str], probe: str):
    """Run ``policylens ARGS`` in a fresh interpreter, then evaluate ``probe`` there; its value, through JSON."""
    code = (
        f"import gc, json, sys\nfrom policylens.cli import main\nsys.argv = ['policylens', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"print('PROBE', json.dumps({probe}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-500:]
    return json.loads(result.stdout.rsplit("PROBE ", 1)[1])


# What a command that only reads a SQLite knowledge base at the newest schema has no use for: YAML (it reads no
# vocabulary), the PostgreSQL dialect, Alembic (no migration to run), the writes' MinHash stack, the pipeline.
NOT_READ = [
    "yaml",
    "sqlalchemy.dialects.postgresql",
    "alembic",
    "datasketch",
    "scipy",
    "numpy",
    "policylens.web",
    "policylens.service",
    "policylens.briefs",
    "policylens.monitor",
    "policylens.extraction.pipeline",
]


@pytest.mark.parametrize("args", [["targets"], ["targets", "--json"], ["search", "smart manufacturing"]])
def test_a_reading_command_loads_only_what_it_reads(kb_url, args):
    assert after_command(["--db", kb_url, *args], f"[m for m in {NOT_READ!r} if m in sys.modules]") == []


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["--version"], "typer.main"),
        (["targets"], "policylens.store.schema"),
        (
            ["brief", "--title", "Port fees cut", "--summary", "Ningbo cuts port fees by 10% from June."],
            "policylens.briefs",
        ),
        (["extract", "--format", "json", str(DEMO_FILE)], "policylens.service"),
    ],
)
def test_what_a_command_imports_is_out_of_the_collectors_walks(kb_url, args, module):
    """Typer, SQLAlchemy, the store, the briefs and the pipeline are frozen once imported: the collector's walks
    over them cost 0.02 s of `--version` (0.13 s of CPU), about 0.05 s of `targets` (0.6 s), 0.6 s of `brief FILE`
    (2.8 s) and 0.35 s of `demo` (2.6 s)."""
    probe = f"[gc.isenabled(), any(o is sys.modules[{module!r}].__dict__ for o in gc.get_objects())]"
    assert after_command(["--db", kb_url, *args], probe) == [True, False]


def test_the_lazy_names_of_the_package_still_work():
    modules = loaded_after(
        "import policylens\nassert callable(policylens.extract) and callable(policylens.ingest)\n"
        "assert 'render_brief' in dir(policylens)"
    )
    assert "policylens.extraction" in modules and "policylens.service" in modules
    with pytest.raises(AttributeError):
        import policylens

        policylens.no_such_name  # noqa: B018

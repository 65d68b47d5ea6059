"""policylens starts at once: importing the CLI loads no store, web app or numeric stack.

Each check runs in a fresh interpreter, since this test process has long
imported everything.  The timing goals themselves are measured by
benchmarks/bench_startup.py (a busy test machine would make a time limit here flaky).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


def test_the_lazy_names_of_the_package_still_work():
    modules = loaded_after(
        "import policylens\nassert callable(policylens.extract) and callable(policylens.ingest)\n"
        "assert 'render_brief' in dir(policylens)"
    )
    assert "policylens.extraction" in modules and "policylens.service" in modules
    with pytest.raises(AttributeError):
        import policylens

        policylens.no_such_name  # noqa: B018

"""The command line's shared parts: the Typer app, global options, progress and output helpers.

The commands themselves live in the modules beside this one.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from policylens import __version__
from policylens.config import Settings
from policylens.errors import PolicylensError

app = typer.Typer(
    help="policylens: industrial-policy documents in; cited facts, tracked targets and briefs out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # an error stays one line, however long


class State:
    """Options given before the command, shared by every command."""

    settings: Settings = Settings()
    json: bool = False


def _version(value: bool) -> None:
    if value:
        out.print(f"policylens {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[Optional[str], typer.Option(
        "--db", help="Knowledge base URL: sqlite:///FILE (default sqlite:///policylens.db) "
                     "or postgresql+psycopg://USER@HOST/DB.", envvar="POLICYLENS_DB")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")] = False,
    max_bytes: Annotated[Optional[int], typer.Option(
        "--max-bytes", help="Refuse inputs larger than this many bytes (default 50 MB).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    State.settings = guard(lambda: Settings.from_env(db_url=db, max_bytes=max_bytes))
    State.json = as_json


def guard(call):
    """Run an API call; a PolicylensError becomes one line on stderr and exit status 1."""
    try:
        return call()
    except PolicylensError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None

@contextmanager
def progress(verb: str) -> Iterator:
    """A Rich progress bar on stderr that counts inputs as they finish (the total is not known ahead)."""
    columns = [SpinnerColumn(), TextColumn(f"{verb} [progress.description]{{task.description}}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(item) -> None:
            name = getattr(item, "source", None) or getattr(getattr(item, "document", None), "source", "")
            progress.update(task, advance=1, description=short(str(name)))

        yield advance

def short(name: str, width: int = 40) -> str:
    """Keep the end of a path or URL, where the file name is."""
    return name if len(name) <= width else "…" + name[-(width - 1):]

def clip(text: str, width: int) -> str:
    """Keep the start of a title or sentence."""
    return text if len(text) <= width else text[:width - 1] + "…"

def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")

def report_failures(failures) -> None:
    for o in failures:
        err.print(f"[red]error[/red]: {o.source}: {o.error}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

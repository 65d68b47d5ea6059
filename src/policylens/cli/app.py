"""The command line's shared parts: the Typer app, global options, progress and output helpers.

The commands themselves live in the modules beside this one.  Everything here
is cheap to import: a command imports the store, the web app or the
extraction pipeline inside its own body, so ``policylens --help`` and
``--version`` answer before any of them would have loaded.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, overload

import typer
from rich.console import Console
from typer.core import TyperGroup

from policylens import __version__, collector
from policylens.cli.options import flag
from policylens.config import Settings
from policylens.errors import ParameterError, PolicylensError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # an error stays one line, however long

DB_HELP = "Knowledge base URL: sqlite:///FILE (default sqlite:///policylens.db) or postgresql+psycopg://USER@HOST/DB."
JSON_HELP = "Print machine-readable JSON instead of tables."
MAX_BYTES_HELP = "Refuse inputs larger than this many bytes (default 50 MB)."
DATA_HELP = (
    "A folder of your own vocabularies: a YAML file there named like a shipped one "
    "(currencies.yaml, entity_patterns.yaml…) adds to it (also POLICYLENS_DATA)."
)


class State:
    """The global options of this invocation, shared by every command."""

    settings: Settings = Settings()
    json: bool = False
    db_given: bool = False  # --db was written on the command line (the demo builds there then)
    db_from_env: bool = False  # POLICYLENS_DB named the knowledge base


@overload
def _positive_bytes(value: int) -> int: ...
@overload
def _positive_bytes(value: int | None) -> int | None: ...
def _positive_bytes(value: int | None) -> int | None:
    """--max-bytes must be a size; -5 or 0 is a typo, reported in one line."""
    if value is not None and value <= 0:
        err.print(f"[red]error[/red]: --max-bytes: {value} must be greater than 0")
        raise typer.Exit(1)
    return value


def _late_option(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> None:
    """A global option written after the command (``policylens targets --json``) overrides the one before it."""
    if param.name == "db" and value is not None:
        State.settings.db_url, State.db_given = value, True
    elif param.name == "as_json" and value:
        State.json = True
    elif param.name == "max_bytes" and value is not None:
        State.settings.max_bytes = _positive_bytes(value)
    elif param.name == "data" and value is not None:
        State.settings.data_dir = guard(lambda: Settings.from_env(data_dir=value)).data_dir  # checked there
        _use_data(State.settings)


def _late_options(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP, callback=_late_option)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP, callback=_late_option)] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help=MAX_BYTES_HELP, callback=_late_option)] = None,
    data: Annotated[str | None, typer.Option("--data", metavar="DIR", help=DATA_HELP, callback=_late_option)] = None,
) -> None:
    """The global options as every command takes them (a template: only its parameters are used)."""


class GlobalOptionsGroup(TyperGroup):
    """The top-level group; it gives every command the global options, so they work after the command too.

    Click options belong to one command, and users put ``--json`` wherever
    they like; copying the same three options onto each command (once the app
    is built) keeps one definition and shows them in every command's ``--help``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        template = typer.Typer(add_completion=False)
        template.command()(_late_options)
        params = typer.main.get_command(template).params
        for command in _leaves(self):
            taken = {name for p in command.params for name in p.opts}
            for param in params:
                if not taken & set(param.opts):
                    late = copy.copy(param)
                    late.expose_value = False  # the command's function never sees it; the callback sets State
                    command.params.append(late)


def _leaves(group: Any) -> Iterator[Any]:
    for command in group.commands.values():
        if hasattr(command, "commands"):
            yield from _leaves(command)
        else:
            yield command


# Plain Click help and usage errors (rich_markup_mode=None): they read the same in a pipe, and
# Typer's Rich help would load rich.markdown and markdown-it first, a third of --help's time.
PLAIN_HELP: dict[str, Any] = {"rich_markup_mode": None}

app = typer.Typer(
    cls=GlobalOptionsGroup,
    **PLAIN_HELP,
    help="policylens: industrial-policy documents in; cited facts, tracked targets and briefs out.\n\n"
    "The options below work before the command or after it (policylens targets --json).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        out.print(f"policylens {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP, envvar="POLICYLENS_DB")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help=MAX_BYTES_HELP)] = None,
    data: Annotated[str | None, typer.Option("--data", metavar="DIR", help=DATA_HELP)] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options: before the command or after it (policylens targets --json)."""
    State.settings = guard(lambda: Settings.from_env(db_url=db, max_bytes=_positive_bytes(max_bytes), data_dir=data))
    _use_data(State.settings)
    State.json = as_json
    source = ctx.get_parameter_source("db")
    State.db_given = db is not None and source is not None and source.name == "COMMANDLINE"
    State.db_from_env = db is not None and not State.db_given


def _use_data(settings: Settings) -> None:
    """Make the settings' data folder the one every vocabulary is extended from (before any is read)."""
    if settings.data_dir is not None:
        from policylens import vocab

        vocab.use_folder(settings.data_dir)


def guard(call):
    """Run an API call; a PolicylensError becomes one line on stderr and exit status 1.

    A library parameter the error names is shown as the flag the user wrote (``as_of`` as ``--as-of``).
    """
    try:
        return call()
    except ParameterError as exc:
        err.print(f"[red]error[/red]: {flag(exc.parameter)}: {exc.reason}")
        raise typer.Exit(1) from None
    except PolicylensError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1) from None


def with_kb(call, *, existing: bool = True):
    """Open the knowledge base of --db, run ``call(kb)`` and close it; errors as one line and exit 1.

    ``existing``: a missing SQLite file is an error (commands that read); False creates it (the monitor's
    commands, which may be the first to write).
    """

    def body():
        with collector.lasting():  # SQLAlchemy and the mapped tables stay loaded until the command exits
            from policylens.store import KnowledgeBase

        with KnowledgeBase.using(State.settings.db_url, existing=existing) as kb:
            return call(kb)

    return guard(body)


@contextmanager
def progress(verb: str) -> Iterator:
    """A Rich progress bar on stderr that counts inputs as they finish (the total is not known ahead)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [
        SpinnerColumn(),
        TextColumn(f"{verb} [progress.description]{{task.description}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(item) -> None:
            name = getattr(item, "source", None) or getattr(getattr(item, "document", None), "source", "")
            progress.update(task, advance=1, description=short(str(name)))

        yield advance


def short(name: str, width: int = 40) -> str:
    """Keep the end of a path or URL, where the file name is."""
    return name if len(name) <= width else "…" + name[-(width - 1) :]


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def report_failures(failures) -> None:
    for o in failures:
        err.print(f"[red]error[/red]: {o.source}: {o.error}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

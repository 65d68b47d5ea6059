"""The brief command: one document (or an analyst's pasted summary) in, a cited stakeholder brief out."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policylens import collector
from policylens.cli.app import State, app, err, guard
from policylens.cli.options import day

if TYPE_CHECKING:
    from policylens import briefs


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="md, html or json.")]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Judge target status on this day, YYYY-MM-DD (default: today).")
]
RulesOpt = Annotated[
    Path | None,
    typer.Option("--rules", help="A rules YAML file replacing the shipped stakeholder, monitoring and wording rules."),
]
LanguageOpt = Annotated[
    str, typer.Option("--language", help="Write in this language: en or zh (wording from the rules in that language).")
]


@app.command()
def brief(
    document: Annotated[
        str | None,
        typer.Argument(help="A document id in the knowledge base (--db), or a file or URL (ingested first if new)."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Analyst input: the news title.")] = None,
    when: Annotated[
        str | None, typer.Option("--when", help='Analyst input: the event timing note, e.g. "June 2026".')
    ] = None,
    summary: Annotated[
        str | None,
        typer.Option(
            "--summary", help="Analyst input: the event summary (- reads it from stdin). Used instead of DOCUMENT."
        ),
    ] = None,
    audience: Annotated[
        str | None,
        typer.Option(
            "--audience", help="Only these stakeholder groups, comma-separated (e.g. exporters,manufacturers)."
        ),
    ] = None,
    fmt: FormatOpt = "md",
    as_of: AsOfOpt = None,
    rules: RulesOpt = None,
    language: LanguageOpt = "en",
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the brief to this file.")] = None,
    long: Annotated[
        bool, typer.Option("--long", help="The full brief: every related document and target, per-target monitoring.")
    ] = False,
) -> None:
    """Write a brief: what is confirmed (cited), who is affected, what to monitor, how to read it, its basis."""
    with collector.lasting():  # the briefs, the store and the pipeline stay loaded until the command exits
        from policylens import briefs

    fmt = output_format(fmt)
    today = guard(lambda: day(as_of, "--as-of"))  # None: the library asks the clock
    groups = [a.strip() for a in audience.split(",") if a.strip()] if audience else None
    db = knowledge_base()
    if summary is not None:
        if document is not None:
            raise typer.BadParameter("give DOCUMENT or --summary, not both", param_hint="--summary")
        if not title:
            raise typer.BadParameter("--summary needs --title", param_hint="--title")
        text = sys.stdin.read() if summary == "-" else summary
        result = guard(
            lambda: briefs.brief_from_summary(
                title, when, text, db=db, as_of=today, audience=groups, rules=rules, language=language, long=long
            )
        )
    elif document is not None:
        if title or when:
            raise typer.BadParameter("--title and --when go with --summary", param_hint="--title")
        result = guard(
            lambda: briefs.brief(
                document,
                db=db,
                as_of=today,
                audience=groups,
                rules=rules,
                settings=State.settings,
                language=language,
                long=long,
            )
        )
    else:
        raise typer.BadParameter("give a DOCUMENT (id, file or URL) or --title/--when/--summary")
    emit(result, fmt, out_file)


def knowledge_base() -> str | None:
    """The knowledge base a brief reads (and ingests a new file into), said aloud when the user did not name one.

    Without --db or POLICYLENS_DB the default file is used only if it exists;
    otherwise the brief rests on the document alone, and nothing is created.
    """
    url = State.settings.db_url
    if State.db_given or State.db_from_env:
        return url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        err.print(
            f"brief: no knowledge base at {url}, so the brief rests on the document alone and nothing is "
            "stored (--db URL to use one)"
        )
        return None
    err.print(f"brief: using the knowledge base {url} (--db URL for another)")
    return url


def output_format(fmt: str) -> str:
    """The format asked for; the global --json wins, and an unknown one is a usage error."""
    from policylens import briefs

    fmt = "json" if State.json else fmt
    if fmt not in briefs.FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(briefs.FORMATS)}", param_hint="--format")
    return fmt


def emit(result: briefs.Brief, fmt: str, out_file: Path | None) -> None:
    """Print a brief or digest, or write it to ``out_file`` whole."""
    from policylens import briefs

    text = briefs.render(result, fmt)
    if out_file is None:
        sys.stdout.write(text)
        return
    write_atomically(out_file, text)
    err.print(f"wrote {out_file}")


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a failure never leaves half a brief behind."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        err.print(f"[red]error[/red]: {path}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(1) from None

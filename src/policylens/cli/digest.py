"""The digest command: one cited brief across the documents the knowledge base received in a period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policylens import collector
from policylens.cli.app import State, app, guard
from policylens.cli.brief import AsOfOpt, FormatOpt, LanguageOpt, RulesOpt, emit, output_format
from policylens.cli.options import day


@app.command()
def digest(
    since: Annotated[str, typer.Option("--since", help="First day of the window, YYYY-MM-DD.")],
    until: Annotated[
        str | None, typer.Option("--until", help="Last day of the window, YYYY-MM-DD (default: --as-of).")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Only documents and targets in this place or any place inside it.")
    ] = None,
    industry: Annotated[
        str | None,
        typer.Option(
            "--industry", help="Only documents and targets tagged with this industry id (e.g. machine-tools)."
        ),
    ] = None,
    fmt: FormatOpt = "md",
    as_of: AsOfOpt = None,
    rules: RulesOpt = None,
    language: LanguageOpt = "en",
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the digest to this file.")] = None,
) -> None:
    """What changed in a period: new documents by region or cluster, targets due or changed, conflicts, what next.

    The window is by publication date; an undated document counts from the day it was ingested.
    """
    with collector.lasting():  # the briefs, the store and the pipeline stay loaded until the command exits
        from policylens import briefs

    fmt = output_format(fmt)
    # Dates are checked here as well as in the API so that a typo fails before the knowledge base is opened.
    first, last, today = guard(lambda: (day(since, "--since"), day(until, "--until"), day(as_of, "--as-of")))
    result = guard(
        lambda: briefs.digest(
            first,
            last,
            db=State.settings.db_url,
            region=region,
            industry=industry,
            as_of=today,
            rules=rules,
            language=language,
        )
    )
    emit(result, fmt, out_file)

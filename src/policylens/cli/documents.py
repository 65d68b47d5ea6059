"""Commands on documents: ingest, extract and the demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from policylens import clock, collector
from policylens.cli.app import State, app, err, guard, out, print_json, progress, report_failures
from policylens.cli.tables import figure, shorten, table
from policylens.config import Settings
from policylens.errors import InputError

if TYPE_CHECKING:
    from policylens import service
    from policylens.model import Extraction

DEMO_DB = "sqlite:///policylens-demo.db"


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), globs, http(s) URLs, RSS/Atom feeds (URL or file), or - for stdin."
        ),
    ],
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="GLOB",
            help="Skip files in folders whose names match (repeatable), besides README, LICENSE and the like.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            show_default="the machine's cores",
            help="Processes that read and extract; 1 does it all in this one. This process alone writes.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:8786",
            help="Read and extract on this Dask cluster's workers instead (needs policylens[dask] on every machine).",
        ),
    ] = None,
) -> None:
    """Read sources into clean documents, extract their facts and store both in the knowledge base.

    In a folder, files that describe it (README, LICENSE, CHANGELOG, …) are skipped and listed;
    name one on the command line to read it.
    """
    with collector.lasting():  # the pipeline and the store stay loaded until the command exits
        from policylens import parallel, service

    with progress("ingesting") as advance:
        report = guard(
            lambda: service.ingest(
                sources,
                settings=State.settings,
                on_outcome=advance,
                exclude=exclude or (),
                workers=workers or parallel.default_workers(),
                scheduler=scheduler,
            )
        )
    if report.skipped:
        shown = ", ".join(Path(s).name for s in report.skipped[:5]) + (", …" if len(report.skipped) > 5 else "")
        err.print(
            f"skipped {len(report.skipped)} file(s) that describe a folder or match --exclude: {shown}", markup=False
        )
    report_failures(o for o in report.failed)
    if State.json:
        print_json([o.to_dict() for o in report.outcomes])
    else:
        _print_outcomes(report)
    if report.error:  # after every input's outcome: which documents were stored, then what failed
        err.print(f"[red]error[/red]: {report.error}")
    raise typer.Exit(1 if report.failed or report.error else 0)


@app.command()
def extract(
    sources: Annotated[list[str], typer.Argument(help="Documents to read (any source `ingest` accepts).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="With --format json: write one JSON file per document into this folder."),
    ] = None,
) -> None:
    """Extract quantities, events and entities from documents without storing them."""
    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json", param_hint="--format")
    as_json = fmt == "json" or State.json
    with collector.lasting():  # the pipeline stays loaded until the command exits
        from policylens import service

    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[InputError] = []
    written: set[Path] = set()
    with progress("extracting") as advance:
        for item in service.extract_sources(sources, State.settings):
            advance(item)
            if isinstance(item, InputError):
                failures.append(item)
                err.print(f"[red]error[/red]: {item}", markup=True)
            elif out_dir:
                target = _unique_path(out_dir, Path(item.document.source).stem or "document", written)
                target.write_text(json.dumps(item.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
            elif as_json:
                print_json(item.to_dict())
            else:
                _print_extraction(item)
    if out_dir:
        err.print(f"wrote {len(written)} extraction file(s) to {out_dir}")
    raise typer.Exit(1 if failures else 0)


@app.command()
def demo() -> None:
    """Build a knowledge base from the bundled samples and show what policylens found in them.

    It goes to --db (default sqlite:///policylens-demo.db); an SQLite file already there is replaced; the environment's
    POLICYLENS_DB is not used, so a demo never replaces your own knowledge base
    unless you name it with --db.
    """
    with collector.lasting():  # the pipeline and the store stay loaded until the command exits
        from policylens import service
    from policylens.demo import corpus_dir

    url = State.settings.db_url if State.db_given else DEMO_DB
    removed = _remove_sqlite_file(url)
    settings = Settings.from_env(db_url=url, max_bytes=State.settings.max_bytes)
    say = err if State.json else out
    say.print(
        f"[bold]policylens demo[/bold]: a fresh knowledge base at {url}"
        + (" (the one there before was removed)" if removed else "")
    )
    say.print(f"reading the sample corpus in {corpus_dir()}")
    samples = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]
    with progress("ingesting") as advance:
        report = guard(lambda: service.ingest(samples, settings=settings, on_outcome=advance))
    report_failures(report.failed)
    summary = guard(lambda: _knowledge_summary(url))
    if State.json:
        print_json({"outcomes": [o.to_dict() for o in report.outcomes], **summary})
    else:
        _print_outcomes(report)
        _print_summary(summary)
        sample = next((o for o in report.outcomes if o.status == "stored" and o.counts.get("quantities")), None)
        out.print("\nNext, try:")
        out.print(f"  policylens --db {url} targets --status past_due_unverified")
        out.print(f"  policylens --db {url} entity Weifang")
        out.print(f"  policylens --db {url} conflicts")
        if sample is not None:
            out.print(f"  policylens --db {url} brief {sample.document_id}")
        out.print(f"  policylens --db {url} watch add shandong --region Shandong")
        out.print(f"  policylens --db {url} serve        # then open http://127.0.0.1:8000/")
    raise typer.Exit(1 if report.failed else 0)


def _knowledge_summary(url: str) -> dict:
    """What the later stages made of the demo corpus: targets by status today, and conflicts."""
    from collections import Counter

    from policylens.store import KnowledgeBase

    with KnowledgeBase.open(url) as kb:
        targets = kb.targets()
        conflicts = kb.conflicts()
    return {
        "as_of": clock.today().isoformat(),
        "targets_by_status": dict(Counter(t.status for t in targets).most_common()),
        "conflicts": len(conflicts),
    }


def _print_summary(summary: dict) -> None:
    by_status = ", ".join(f"{n} {status}" for status, n in summary["targets_by_status"].items()) or "none"
    out.print(f"\nTargets as of {summary['as_of']}: {by_status}.")
    out.print(f"Conflicting figures flagged: {summary['conflicts']}.")


def _print_outcomes(report: service.IngestReport) -> None:
    rows = []
    for o in report.outcomes:
        if o.status == "failed":
            continue
        doc = o.document
        assert doc is not None  # every outcome but a failed one carries its document
        facts = f"{o.counts.get('quantities', 0)}q {o.counts.get('events', 0)}e {o.counts.get('entities', 0)}n"
        status = o.status
        if o.duplicate_of:
            status += f" of #{o.duplicate_of}"
        elif o.near_duplicate_of:
            status += f"\n(near #{o.near_duplicate_of})"
        rows.append(
            (
                str(o.document_id or ""),
                status,
                doc.published or "—",
                doc.source_type,
                shorten(doc.title or doc.source, 100),
                facts,
            )
        )
    out.print(
        table(
            "Ingested", ("id", "status", "published", "type", "title", "facts"), rows, width=out.width, prose={"title"}
        )
    )
    out.print(f"{report.count('stored')} stored, {report.count('duplicate')} duplicate, {len(report.failed)} failed")


def _print_extraction(x: Extraction) -> None:
    d = x.document
    heading = (
        Text(f"\n{d.title or d.source}", style="bold")
        + f"  {d.published or 'undated'} · {d.source_type} · {d.language}"
    )
    out.print(heading, soft_wrap=False)
    rows: list[tuple[str, ...]]  # the cells of each table below
    if x.quantities:
        rows = [
            (
                q.kind,
                figure(q.comparator, q.value, q.unit, q.value_max),
                str(q.deadline or q.as_of or "—"),
                q.metric or "—",
                q.subject or "—",
                shorten(q.text, 80),
            )
            for q in x.quantities
        ]
        out.print(
            table(
                "Quantities",
                ("kind", "value", "by/as of", "metric", "subject", "text"),
                rows,
                width=out.width,
                prose={"metric", "subject", "text"},
            )
        )
    if x.events:
        rows = [
            (e.type, e.date or "—", shorten(e.actor or "—", 60), shorten(e.object or "—", 60), shorten(e.text, 80))
            for e in x.events
        ]
        out.print(
            table(
                "Events",
                ("type", "date", "actor", "object", "text"),
                rows,
                width=out.width,
                prose={"actor", "object", "text"},
            )
        )
    if x.entities:
        rows = [
            (n.type, n.name, str(len(n.mentions)), shorten(", ".join(f"{k}={v}" for k, v in n.attributes.items()), 80))
            for n in x.entities
        ]
        out.print(
            table(
                "Entities",
                ("type", "name", "mentions", "attributes"),
                rows,
                width=out.width,
                prose={"name", "attributes"},
            )
        )
    if x.industries:
        out.print("industries: " + ", ".join(x.industries), soft_wrap=False)


def _unique_path(folder: Path, stem: str, taken: set[Path]) -> Path:
    """OUT/<stem>.json, numbered when two inputs share a stem."""
    target, n = folder / f"{stem}.json", 2
    while target in taken:
        target, n = folder / f"{stem}-{n}.json", n + 1
    taken.add(target)
    return target


def _remove_sqlite_file(url: str) -> bool:
    """The demo starts from an empty knowledge base: delete a previous SQLite file there (True if there was one)."""
    removed = False
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if p.exists():
                p.unlink()
                removed = True
    return removed

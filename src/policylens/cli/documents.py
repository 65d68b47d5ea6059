"""Commands on documents: ingest, extract and the demo."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from policylens import api
from policylens.cli.app import State, clip, guard, print_json, progress, report_failures, app, err, out
from policylens.config import Settings
from policylens.errors import InputError
from policylens.model import Extraction


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(
        help="Files, directories (recursive), globs, http(s) URLs, RSS/Atom feeds (URL or file), or - for stdin.")],
) -> None:
    """Read sources into clean documents, extract their facts and store both in the knowledge base."""
    with progress("ingesting") as advance:
        report = guard(lambda: api.ingest(sources, settings=State.settings, on_outcome=advance))
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
    out_dir: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="With --format json: write one JSON file per document into this folder.")] = None,
) -> None:
    """Extract quantities, events and entities from documents without storing them."""
    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json", param_hint="--format")
    as_json = fmt == "json" or State.json
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures, written = [], set()
    with progress("extracting") as advance:
        for item in api.extract_sources(sources, State.settings):
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
def demo(
    db: Annotated[Optional[str], typer.Option(
        "--db", help="Where to build the demo knowledge base (default: a fresh sqlite:///policylens-demo.db).")] = None,
) -> None:
    """Build a fresh knowledge base from the sample corpus that ships with policylens, and show what it found."""
    from policylens.demo import corpus_dir

    url = db or "sqlite:///policylens-demo.db"
    _remove_sqlite_file(url)
    settings = Settings.from_env(db_url=url)
    say = err if State.json else out
    say.print(f"[bold]policylens demo[/bold]: a fresh knowledge base at {url}")
    say.print(f"reading the sample corpus in {corpus_dir()}")
    samples = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]
    with progress("ingesting") as advance:
        report = guard(lambda: api.ingest(samples, settings=settings, on_outcome=advance))
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
    return {"as_of": dt.date.today().isoformat(),
            "targets_by_status": dict(Counter(t.status for t in targets).most_common()),
            "conflicts": len(conflicts)}


def _print_summary(summary: dict) -> None:
    by_status = ", ".join(f"{n} {status}" for status, n in summary["targets_by_status"].items()) or "none"
    out.print(f"\nTargets as of {summary['as_of']}: {by_status}.")
    out.print(f"Conflicting figures flagged: {summary['conflicts']}.")


def _print_outcomes(report: api.IngestReport) -> None:
    table = Table(title="Ingested", show_lines=False)
    for col in ("id", "status", "published", "type", "title", "facts"):
        table.add_column(col)
    for o in report.outcomes:
        if o.status == "failed":
            continue
        doc = o.document
        facts = f"{o.counts.get('quantities', 0)}q {o.counts.get('events', 0)}e {o.counts.get('entities', 0)}n"
        status = o.status
        if o.duplicate_of:
            status += f" of #{o.duplicate_of}"
        elif o.near_duplicate_of:
            status += f" (near #{o.near_duplicate_of})"
        table.add_row(str(o.document_id or ""), status, doc.published or "—", doc.source_type,
                      clip(doc.title or doc.source, 70), facts)
    out.print(table)
    out.print(f"{report.count('stored')} stored, {report.count('duplicate')} duplicate, "
              f"{len(report.failed)} failed")


def _print_extraction(x: Extraction) -> None:
    d = x.document
    out.print(f"\n[bold]{d.title or d.source}[/bold]  {d.published or 'undated'} · {d.source_type} · {d.language}")
    if x.quantities:
        t = Table("kind", "value", "unit", "cmp", "metric", "deadline/as of", "subject", "text", title="Quantities")
        for q in x.quantities:
            value = number(q.value) + (f"–{number(q.value_max)}" if q.value_max is not None else "")
            when = str(q.deadline or q.as_of or "")
            t.add_row(q.kind, value, q.unit, q.comparator, q.metric or "", when, q.subject or "", clip(q.text, 50))
        out.print(t)
    if x.events:
        t = Table("type", "date", "actor", "object", "text", title="Events")
        for e in x.events:
            t.add_row(e.type, e.date or "", e.actor or "", clip(e.object or "", 40), clip(e.text, 60))
        out.print(t)
    if x.entities:
        t = Table("type", "name", "mentions", "attributes", title="Entities")
        for n in x.entities:
            attrs = ", ".join(f"{k}={v}" for k, v in n.attributes.items())
            t.add_row(n.type, n.name, str(len(n.mentions)), clip(attrs, 50))
        out.print(t)
    if x.industries:
        out.print("industries: " + ", ".join(x.industries))


def number(value: float) -> str:
    """86000000000.0 -> "86,000,000,000"; 3.5 -> "3.5": exact and readable, never "8.6e+10"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _unique_path(folder: Path, stem: str, taken: set[Path]) -> Path:
    """OUT/<stem>.json, numbered when two inputs share a stem."""
    target, n = folder / f"{stem}.json", 2
    while target in taken:
        target, n = folder / f"{stem}-{n}.json", n + 1
    taken.add(target)
    return target


def _remove_sqlite_file(url: str) -> None:
    """The demo starts from an empty knowledge base: delete a previous demo's SQLite file."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if p.exists():
                p.unlink()

"""Commands on the knowledge across documents: targets, entity, conflicts, search, export.

Each parses its options, calls one KnowledgeBase method and prints a table
(or JSON with --json).  Bad input (an unknown entity or region, a malformed
date, an unknown status) is one line on stderr and exit status 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policylens import clock
from policylens.cli.app import State, app, err, guard, out, print_json, with_kb
from policylens.cli.options import day
from policylens.cli.tables import figure, marked, shorten, table
from policylens.errors import InputError
from policylens.figures import amount

if TYPE_CHECKING:
    from rich.table import Table

    from policylens.store.queries import EntityProfile, TargetView

AS_OF_HELP = "Judge targets as of this day (YYYY-MM-DD; default: today)."
RegionOpt = Annotated[
    str | None,
    typer.Option("--region", help="A place; includes every place inside it (Shandong includes Qingdao and Jiaozhou)."),
]
IndustryOpt = Annotated[str | None, typer.Option("--industry", help="An industry tag, e.g. machine-tools.")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)]


def _as_of(value: str | None) -> dt.date:
    return day(value, "--as-of") or clock.today()  # the day is shown, so it is read here


def _targets_table(rows: list[TargetView], title: str) -> Table:
    """One target a row: status over progress, subject and metric, the target over its deadline, the latest figure.

    Stacking the pairs keeps every value whole at 80 columns.
    """
    cells = []
    for t in rows:
        latest = t.latest
        shown_latest = (
            f"{amount(latest['value'], latest['unit'])}\n{latest['as_of'] or latest['published']}" if latest else "—"
        )
        progress = f"\n{t.progress_percent:g}%" if t.progress_percent is not None else ""
        subject = t.entity.name if t.entity else t.subject
        what = f"{shorten(subject, 40)}: {t.metric or '—'}" if subject else t.metric or "—"
        target = figure(t.comparator, t.value, t.unit, t.value_max)
        cells.append(
            (
                str(t.id),
                t.status + progress,
                what,
                f"{target}\nby {t.deadline or '—'}",
                shown_latest,
                f"#{t.document_id}",
            )
        )
    return table(
        title,
        ("id", "status", "subject: metric", "target", "latest", "doc"),
        cells,
        width=out.width,
        prose={"subject: metric"},
    )


@app.command()
def targets(
    region: RegionOpt = None,
    industry: IndustryOpt = None,
    status: Annotated[
        str | None, typer.Option("--status", help="open, due, met, missed, past_due_unverified or superseded.")
    ] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only targets about this entity.")] = None,
    as_of: AsOfOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most this many.")] = None,
) -> None:
    """Targets from every document, with their status as of a day and the latest figure that shows progress."""
    day = guard(lambda: _as_of(as_of))
    rows = with_kb(
        lambda kb: kb.targets(as_of=day, region=region, industry=industry, status=status, entity=entity, limit=limit)
    )
    if State.json:
        print_json({"as_of": day.isoformat(), "targets": [t.to_dict() for t in rows]})
        return
    out.print(_targets_table(rows, f"Targets as of {day.isoformat()}"))
    out.print(f"{len(rows)} target(s)")


@app.command()
def entity(
    words: Annotated[
        list[str],
        typer.Argument(
            help="NAME (or #ID) for a profile; `merge A B` to make two entities one; "
            "`split NAME ALIAS` to take a name out of an entity. Decisions are kept and re-applied on re-ingest."
        ),
    ],
    as_of: AsOfOpt = None,
) -> None:
    """An entity's profile (hierarchy, what lies in it, targets, timeline, documents), or merge/split entities."""
    action, args = (words[0], words[1:]) if words[0] in ("merge", "split") else ("show", words)
    if action != "show":
        if len(args) != 2:
            _fail(InputError(f"entity {action}", f"needs two names, got {len(args)}"))
        if action == "merge":
            merged = with_kb(lambda kb: kb.merge_entities(args[0], args[1]))
            if State.json:
                print_json({"action": "merge", "entity": merged.to_dict()})
            else:
                out.print(f"merged: {args[0]!r} and {args[1]!r} are now #{merged.id} {merged.name}")
            return
        kept, split_off = with_kb(lambda kb: kb.split_entity(args[0], args[1]))
        if State.json:
            print_json({"action": "split", "entity": kept.to_dict(), "split_off": split_off.to_dict()})
        else:
            out.print(f"split: {args[1]!r} is now #{split_off.id} {split_off.name}, apart from #{kept.id} {kept.name}")
        return
    day = guard(lambda: _as_of(as_of))
    name = " ".join(args)
    found = with_kb(lambda kb: kb.profile(name, day))
    if State.json:
        print_json({"as_of": day.isoformat(), **found.to_dict()})
    else:
        _print_profile(found, day)


def _fail(exc: InputError):
    """Bad input found before the knowledge base is touched: one line, exit 1 (as ``guard`` does)."""
    guard(lambda: (_ for _ in ()).throw(exc))


def _print_profile(p: EntityProfile, day: dt.date) -> None:
    e = p.entity
    out.print(
        f"[bold]{e.name}[/bold]  #{e.id} · {e.type}"
        + (f" · {p.level}" if p.level else "")
        + (f" · {e.key}" if e.key else "")
    )
    lines = []
    if p.hierarchy:
        lines.append("in: " + " ⊂ ".join([e.name, *(h.name for h in p.hierarchy)]))
    if p.aliases:
        lines.append("also: " + "; ".join(p.aliases))
    lines.append(f"{p.mention_count} mention(s) in {p.document_count} document(s)")
    lines += [f"{r['relation']}: {r['object']}" for r in p.relations if r["relation"] != "part_of" or not p.hierarchy]
    lines += [f"{kind}: " + ", ".join(m.name for m in members) for kind, members in p.contains.items()]
    for line in lines:  # long lists of names wrap at the terminal's width, between words
        out.print(line, markup=False, soft_wrap=False)
    if p.targets:
        out.print(_targets_table(p.targets, f"Targets as of {day.isoformat()}"))
    if p.events:
        rows = [(ev["date"] or "—", ev["type"], shorten(ev["text"], 100), f"#{ev['document_id']}") for ev in p.events]
        out.print(table("Timeline", ("date", "type", "event", "doc"), rows, width=out.width, prose={"event"}))
    if p.documents:
        rows = [
            (f"#{d['id']}", d["published"] or "—", d["source_type"], shorten(d["title"] or d["source"], 100))
            for d in p.documents
        ]
        out.print(table("Documents", ("id", "published", "type", "title"), rows, width=out.width, prose={"title"}))


@app.command()
def conflicts(
    kind: Annotated[str | None, typer.Option("--kind", help="cross_document or currency_restatement.")] = None,
    region: RegionOpt = None,
) -> None:
    """Figures that cannot all be right: the same measure differing across documents, or a currency restatement off its year's rate."""
    rows = with_kb(lambda kb: kb.conflicts(kind=kind, region=region))
    if State.json:
        print_json([c.to_dict() for c in rows])
        return
    cells = []
    for c in rows:
        where = f"#{c.document_id}: {shorten(c.text, 60)}"
        if c.other_document_id is not None:
            where += f"\n#{c.other_document_id}: {shorten(c.other_text or '', 60)}"
        cells.append((str(c.id), c.kind.replace("_", " "), c.reason, where))
    out.print(
        table("Conflicts", ("id", "kind", "reason", "where"), cells, width=out.width, prose={"kind", "reason", "where"})
    )
    out.print(f"{len(rows)} conflict(s)")


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(help="Words that must all occur (any language).")],
    region: RegionOpt = None,
    industry: IndustryOpt = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only documents naming this entity.")] = None,
    source_type: Annotated[
        str | None,
        typer.Option("--source-type", help="government, state_media, press_release, media, analysis or unknown."),
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="document, quantity or event (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many.")] = 20,
) -> None:
    """Full-text search over documents, quantities and events."""
    text = " ".join(query)
    dates = guard(lambda: (day(since, "--since"), day(until, "--until")))
    hits = with_kb(
        lambda kb: kb.search(
            text,
            region=region,
            industry=industry,
            entity=entity,
            source_type=source_type,
            since=dates[0],
            until=dates[1],
            kinds=tuple(kind or ()),
            limit=limit,
        )
    )
    if State.json:
        print_json([h.to_dict() for h in hits])
        return
    rows = [
        (
            f"#{h.document_id}",
            h.kind,
            h.published or "—",
            shorten(h.title or "—", 80),
            marked(h.snippet, h.marks, out.is_terminal),
        )
        for h in hits
    ]
    out.print(
        table(
            f"Search: {text}",
            ("doc", "kind", "published", "document", "matching text"),
            rows,
            width=out.width,
            prose={"document", "matching text"},
        )
    )
    out.print(f"{len(hits)} hit(s)")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or parquet.")] = "json",
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="A folder for csv/parquet (one file per table); a file for json (default: stdout)."
        ),
    ] = None,
    as_of: AsOfOpt = None,
) -> None:
    """Export entities, relations, targets (with status) and conflicts as CSV, JSON or Parquet."""
    from policylens.store import export as exporter

    day = guard(lambda: _as_of(as_of))
    if fmt not in exporter.FORMATS:
        _fail(InputError("--format", f"unknown export format {fmt!r}; choose from {', '.join(exporter.FORMATS)}"))
    tables = with_kb(lambda kb: kb.export_tables(day))
    if fmt == "json" and out_path is None:
        print_json(tables)
        return
    written = guard(lambda: exporter.write(tables, fmt, out_path))
    err.print(f"wrote {', '.join(str(p) for p in written)}")


@app.command()
def rebuild() -> None:
    """Recompute every entity, relation, progress link and conflict from the stored documents (a repair).

    Ingest updates only what each batch can change; run this after deleting
    documents, editing the gazetteer or resolution rules, or upgrading.
    """
    counts = with_kb(lambda kb: kb.rebuild())
    if State.json:
        print_json(counts)
        return
    err.print(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()))

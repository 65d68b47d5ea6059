"""Commands for monitoring: watch (watchlists), feeds, poll and alerts.

Thin doors onto ``policylens.monitor``: each parses its options, calls one
function and prints.  ``poll`` is what a scheduler (cron, a systemd timer,
``serve --poll``) runs; its exit status is 1 when a feed, an entry or a
delivery failed, with one line on stderr for each, and what failed waits
for the next poll.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from policylens.cli.app import PLAIN_HELP, State, app, err, guard, out, print_json, progress, with_kb
from policylens.cli.options import moment
from policylens.cli.tables import shorten, table

if TYPE_CHECKING:
    from policylens import monitor

watch_app = typer.Typer(
    help="Watchlists: what you want to be told about (any combination; all must hold).",
    no_args_is_help=True,
    **PLAIN_HELP,
)
feeds_app = typer.Typer(
    help="Sources (feeds, listing pages, sitemaps) that `policylens poll` reads on their schedule.",
    no_args_is_help=True,
    **PLAIN_HELP,
)
app.add_typer(watch_app, name="watch")
app.add_typer(feeds_app, name="feeds")


@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="A name for the watchlist.")],
    region: Annotated[str | None, typer.Option("--region", help="A place; places inside it count too.")] = None,
    industry: Annotated[str | None, typer.Option("--industry", help="An industry tag, e.g. machine-tools.")] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="A company, cluster, park, programme… by any of its names.")
    ] = None,
    keyword: Annotated[str | None, typer.Option("--keyword", help="Words the document must contain.")] = None,
) -> None:
    """Add a watchlist: new documents matching every given criterion raise an alert."""
    from policylens import monitor

    added = with_kb(
        lambda kb: monitor.add_watchlist(kb, name, region=region, industry=industry, entity=entity, keyword=keyword),
        existing=False,
    )
    if State.json:
        print_json(added.to_dict())
    else:
        out.print(f"watching {added.name!r}: {added.describe()}")


@watch_app.command("list")
def watch_list() -> None:
    """The watchlists."""
    from policylens import monitor

    rows = with_kb(monitor.list_watchlists, existing=False)
    if State.json:
        print_json([w.to_dict() for w in rows])
        return
    columns = ("name", "region", "industry", "entity", "keyword")
    cells = [(w.name, w.region or "—", w.industry or "—", w.entity or "—", w.keyword or "—") for w in rows]
    out.print(table("Watchlists", columns, cells, width=out.width, prose=columns))


@watch_app.command("remove")
def watch_remove(name: Annotated[str, typer.Argument(help="The watchlist's name.")]) -> None:
    """Remove a watchlist (its alerts stay)."""
    from policylens import monitor

    with_kb(lambda kb: monitor.remove_watchlist(kb, name), existing=False)
    err.print(f"removed watchlist {name!r}")


@feeds_app.command("add")
def feeds_add(
    url: Annotated[
        str,
        typer.Argument(
            help="An RSS or Atom feed, a page (its declared feed is used, else its "
            "list of articles), or a sitemap: an http(s) URL."
        ),
    ],
    every: Annotated[
        str | None, typer.Option("--every", help="How often to poll it: 30m, 1h, 1d… (default 1h).")
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="auto (the first poll decides), feed, listing or sitemap.")
    ] = "auto",
    pages: Annotated[
        int,
        typer.Option(
            "--pages",
            help="Listing pages to follow by their next-page links while every link is new: a backfill "
            "on the first poll.",
        ),
    ] = 1,
) -> None:
    """Register a source; `policylens poll` reads it when due (robots.txt respected, one host paced)."""
    from policylens import monitor

    seconds = guard(
        lambda: monitor.parse_duration(every or monitor.feeds.DEFAULT_EVERY)
    )  # a bad duration fails before the database is touched
    added = with_kb(lambda kb: monitor.add_feed(kb, url, seconds, kind=kind, pages=pages), existing=False)
    if State.json:
        print_json(added.to_dict())
    else:
        what = "kind decided at its first poll" if added.kind == "auto" else added.kind
        out.print(
            f"source {added.url} every {added.every} ({what}"
            f"{f', up to {added.pages} pages' if added.pages > 1 else ''})"
        )


@feeds_app.command("list")
def feeds_list() -> None:
    """The sources: what each is, when last polled and next due, entries it yielded, the last problem."""
    from policylens import monitor

    rows = with_kb(monitor.list_feeds, existing=False)
    if State.json:
        print_json([f.to_dict() for f in rows])
        return
    cells = [
        (
            f.url,
            f.describe_kind(),
            f.every,
            _when(f.next_due),
            _when(f.last_polled_at),
            str(f.entries),
            shorten(f.last_error or "—", 80),
        )
        for f in rows
    ]
    out.print(
        table(
            "Sources",
            ("url", "kind", "every", "next due", "last polled", "entries", "last error"),
            cells,
            width=out.width,
            prose={"url", "kind", "next due", "last polled", "last error"},
        )
    )


@feeds_app.command("remove")
def feeds_remove(url: Annotated[str, typer.Argument(help="The feed's URL, as listed.")]) -> None:
    """Remove a feed (the documents read from it stay)."""
    from policylens import monitor

    with_kb(lambda kb: monitor.remove_feed(kb, url), existing=False)
    err.print(f"removed feed {url}")


@app.command()
def poll(
    deliver: Annotated[
        list[str] | None,
        typer.Option(
            "--deliver",
            envvar="POLICYLENS_DELIVER",
            help="Where alerts go: print, jsonl:PATH, webhook:URL or smtp(s)://[USER:PASSWORD@]HOST[:PORT]?from=…&to=… (repeatable; default print). Each destination "
            "gets every alert from its first use on, exactly once, including ones an earlier poll could not "
            "deliver.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Poll as if it were this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC): feeds due by "
            "then are read (default: now).",
        ),
    ] = None,
    every_feed: Annotated[bool, typer.Option("--all", help="Read every feed, due or not.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            show_default="the machine's cores",
            help="Processes that read and extract the new entries; 1 does it all in this one.",
        ),
    ] = None,
) -> None:
    """Read the due feeds, store new entries, match them against the watchlists and deliver the alerts."""
    from policylens import monitor, parallel

    now = guard(lambda: moment(as_of, "--as-of"))
    destinations = guard(lambda: [monitor.check_destination(d) for d in (deliver or ["print"])])
    with progress("polling") as advance:
        report = with_kb(
            lambda kb: monitor.poll(
                kb,
                State.settings,
                deliver_to=destinations,
                now=now,
                every_feed=every_feed,
                show=_show,
                on_outcome=advance,
                workers=workers or parallel.default_workers(),
            ),
            existing=False,
        )
    for line in report.errors:
        err.print(f"[red]error[/red]: {line}")
    for line in (line for f in report.feeds for line in f.skipped):
        err.print(f"skipped: {line}")
    failed = [d for d in report.deliveries if d.error]
    for d in failed:
        err.print(f"[red]error[/red]: {d.destination}: {d.error}; {d.pending} alert(s) wait for the next poll")
    for d in report.deliveries:
        if d.resting_until:
            err.print(f"{d.destination}: resting after failures until {d.resting_until}; {d.pending} alert(s) wait")
    read = sum(f.status == "read" for f in report.feeds)
    unchanged = sum(f.status == "not_modified" for f in report.feeds)
    err.print(
        f"{len(report.feeds)} feed(s) due: {read} read, {unchanged} unchanged; "
        f"{report.stored} new document(s); {len(report.alerts)} new alert(s); "
        + ", ".join(f"{d.delivered} delivered to {d.destination}" for d in report.deliveries)
    )
    raise typer.Exit(1 if report.errors or failed else 0)


def _show(alert: monitor.Alert) -> None:
    """The ``print`` destination: one line per alert (a JSON line with --json)."""
    if State.json:
        out.file.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")
        out.file.flush()
        return
    out.print(f"[bold]{escape(f'[{alert.label}]')}[/bold] #{alert.document_id} {escape(alert.title or '')}")
    for line in (alert.reason, *(f"· {fact}" for fact in alert.facts), f"brief: {alert.brief_command}"):
        out.print(f"  {line}", markup=False)


@app.command()
def alerts(
    undelivered: Annotated[
        bool, typer.Option("--undelivered", help="Only alerts some destination has not received yet.")
    ] = False,
    watchlist: Annotated[str | None, typer.Option("--watchlist", help="Only this watchlist's alerts.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many (newest first).")] = 50,
) -> None:
    """Alerts raised by polls, newest first, with where each was delivered."""
    from policylens import monitor

    rows = with_kb(
        lambda kb: monitor.list_alerts(kb, limit, undelivered=undelivered, watchlist=watchlist), existing=False
    )
    if State.json:
        print_json([a.to_dict() for a in rows])
        return
    cells = []
    for a in rows:
        done = [d["destination"] for d in a.deliveries if d["delivered_at"]]
        cells.append(
            (
                str(a.id),
                a.watchlist or a.kind,
                f"#{a.document_id}",
                shorten(a.reason, 100),
                "\n".join(done) or "—",
                a.brief_command,
            )
        )
    out.print(
        table(
            "Alerts",
            ("id", "kind", "doc", "reason", "delivered", "brief"),
            cells,
            width=out.width,
            prose={"kind", "reason", "delivered", "brief"},
        )
    )
    out.print(f"{len(rows)} alert(s)")


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"

"""The serve command: the web API and pages over the knowledge base of --db."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from policylens.cli.app import State, app, err, guard


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    poll: Annotated[
        bool,
        typer.Option(
            "--poll",
            help="Poll the feeds (policylens feeds add) while serving: each as often as it asks, "
            "checking at least once a minute for new feeds and waiting alerts.",
        ),
    ] = False,
    deliver: Annotated[
        list[str] | None,
        typer.Option(
            "--deliver",
            envvar="POLICYLENS_DELIVER",
            help="With --poll: where alerts go besides the alerts page: print (the server's log), jsonl:PATH, "
            "webhook:URL or smtp(s)://…?from=…&to=… (repeatable).",
        ),
    ] = None,
    digest_every: Annotated[
        str | None,
        typer.Option(
            "--digest-every",
            help="With --poll and an smtp(s):// --deliver: email the digest (policylens digest) "
            "of each period of whole days (1d, 7d…) since the last one, once.",
        ),
    ] = None,
) -> None:
    """Serve the dashboard, the pages and the REST API (documented at /docs). Writing needs POLICYLENS_TOKEN."""
    import uvicorn

    from policylens.web import create_app

    if deliver and not poll:
        raise typer.BadParameter("--deliver goes with --poll", param_hint="--deliver")
    if digest_every and not poll:
        raise typer.BadParameter("--digest-every goes with --poll", param_hint="--digest-every")
    from policylens.monitor import parse_duration

    every = guard(lambda: parse_duration(digest_every, "digest_every")) if digest_every else None
    _check_free(host, port)
    web = guard(lambda: create_app(State.settings, poll=poll, deliver_to=deliver or (), digest_every=every))
    writing = "on (POLICYLENS_TOKEN set)" if State.settings.token else "off (set POLICYLENS_TOKEN to allow ingest)"
    err.print(
        f"policylens: serving {State.settings.db_url} at http://{host}:{port}/ · API docs at /docs · "
        f"writing {writing}" + (" · polling feeds" if poll else "")
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _check_free(host: str, port: int) -> None:
    """Fail in one line, before anything says "serving", when the address cannot be listened on.

    Uvicorn would log a traceback-like error after the announcement; binding
    once here (with SO_REUSEADDR, as uvicorn does) finds a busy port first.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        err.print(f"[red]error[/red]: cannot serve on {host}:{port}: {exc.strerror or exc}")
        raise typer.Exit(1) from None

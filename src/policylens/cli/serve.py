"""The serve command: the web API and pages over the knowledge base of --db."""
from __future__ import annotations

from typing import Annotated

import typer

from policylens.cli.app import State, app, err, guard


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    poll: Annotated[bool, typer.Option(
        "--poll", help="Poll the feeds (policylens feeds add) while serving: each as often as it asks, "
                       "checking at least once a minute for new feeds and waiting alerts.")] = False,
    deliver: Annotated[list[str] | None, typer.Option(
        "--deliver", envvar="POLICYLENS_DELIVER",
        help="With --poll: where alerts go besides the alerts page: print (the server's log), jsonl:PATH or "
             "webhook:URL (repeatable).")] = None,
) -> None:
    """Serve the dashboard, the pages and the REST API (documented at /docs). Writing needs POLICYLENS_TOKEN."""
    import uvicorn

    from policylens.web import create_app

    if deliver and not poll:
        raise typer.BadParameter("--deliver goes with --poll", param_hint="--deliver")
    web = guard(lambda: create_app(State.settings, poll=poll, deliver_to=deliver or ()))
    writing = "on (POLICYLENS_TOKEN set)" if State.settings.token else "off (set POLICYLENS_TOKEN to allow ingest)"
    err.print(f"policylens: serving {State.settings.db_url} at http://{host}:{port}/ · API docs at /docs · "
              f"writing {writing}" + (" · polling feeds" if poll else ""))
    uvicorn.run(web, host=host, port=port, log_level="warning")

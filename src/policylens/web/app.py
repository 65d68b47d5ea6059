"""The web application: one FastAPI app serving the JSON API, the pages and their static files.

The app holds one open KnowledgeBase for its lifetime (a connection pool,
shared by the request threads) and calls the same methods the CLI and the
Python API call.  Every response carries a Content-Security-Policy that
allows scripts only from this server's own files, so text from a document
can never run, even if some template forgot to escape it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from policylens import __version__
from policylens.config import Settings
from policylens.monitor import PollReport
from policylens.monitor.scheduler import PollScheduler
from policylens.store import KnowledgeBase

from . import api, errors, ingest, pages, present, reads

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

DESCRIPTION = """Industrial-policy documents, their cited facts, tracked targets and briefs.

Version 1 of the API lives under `/api/v1`; a change that would break a client gets a new version.
Reading is open. Writing (`POST /api/v1/ingest/upload`, `POST /api/v1/ingest/url`) needs
`Authorization: Bearer <token>` with the token the server was started with (`POLICYLENS_TOKEN`);
without one set, writing is off. Every list is a page: `items`, `total`, `limit`, `offset`, and a
`Link` header to the next and previous pages. Errors are JSON: `{"error": "..."}`.
"""


def create_app(
    settings: Settings | None = None,
    *,
    poll: bool = False,
    deliver_to: Sequence[str] = (),
    digest_every: float | None = None,
) -> FastAPI:
    """The app over the knowledge base at ``settings.db_url`` (opened, and migrated, here).

    With ``poll`` the app polls the knowledge base's feeds while it runs
    (``monitor.PollScheduler``), delivering alerts to ``deliver_to`` (and, every
    ``digest_every`` seconds of whole days, digests to those that take them); the
    alerts page shows them either way.
    """
    settings = settings or Settings.from_env()
    kb = KnowledgeBase.open(settings.db_url)
    overview = reads.OverviewCache()
    poller = None
    if poll:

        def refresh(report: PollReport) -> None:
            if report.stored:
                overview.clear()

        poller = PollScheduler(kb, settings, deliver_to=deliver_to, on_poll=refresh, digest_every=digest_every)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if poller is not None:
            poller.start()
        yield
        if poller is not None:
            poller.stop()
        kb.close()

    app = FastAPI(
        title="policylens",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=_operation_id,
    )
    app.state.kb = kb
    app.state.settings = settings
    app.state.overview = overview
    app.state.poller = poller
    app.state.templates = present.templates(HERE / "templates")
    app.middleware("http")(_security_headers)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/docs/assets", StaticFiles(directory=pages.swagger_ui_dir()), name="swagger")
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    return app


def _operation_id(route: APIRoute) -> str:
    """The route function's name (list_targets, get_document…): what a generated client calls it."""
    return route.name


async def _security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    # A route may set a narrower or page-specific policy (the brief download, the API docs).
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    return response

"""The JSON API under /api/v1: documents, extractions, entities, targets, conflicts, search, briefs, alerts.

Thin: each route makes one read (``reads`` or a KnowledgeBase method) and
returns the store's own ``to_dict`` shapes, declared as the models in
``schemas`` so the OpenAPI document says exactly what comes back.  Every
parameter is declared as tightly as the server checks it (enums, dates,
bounds, patterns), so a request valid by the spec is one the server answers,
and every status a route can answer is declared with the one ``Error`` body.
Every list is a ``Page`` with a ``Link`` header.  Routes are plain
functions: FastAPI runs them in its thread pool, beside the event loop.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BeforeValidator

from policylens import briefs, clock, monitor
from policylens.briefs.rules import load_rules
from policylens.store import KnowledgeBase

from . import params, reads, schemas
from .schemas import Page

PREFIX = "/api/v1"
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": schemas.Error, "description": "No such document, entity, watchlist or path."},
    422: {"model": schemas.Error, "description": "A parameter outside what the API declares."},
    500: {"model": schemas.Error, "description": "The server failed; the message does not leak internals."},
    503: {"model": schemas.Error, "description": "The knowledge base cannot be read just now; try again."},
}
LINK_HEADER = {
    "Link": {
        "description": 'RFC 8288 links to the next and previous pages (rel="next", '
        'rel="prev"), when there are such pages.',
        "schema": {"type": "string"},
    }
}
PAGED = {**ERRORS, 200: {"description": "One page of the list.", "headers": LINK_HEADER}}

router = APIRouter(prefix=PREFIX, responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items on the page.", examples=[50])]
Offset = Annotated[
    int, Query(ge=0, le=params.MAX_OFFSET, description="Skip this many items first (the page's start).", examples=[0])
]
DocumentId = params.DocumentId


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD, as ``format: date`` says: Pydantic alone would also take "0" as 1970-01-01."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("not a date; write YYYY-MM-DD")
    return value


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
Day = Annotated[dt.date, BeforeValidator(_iso_day)]
AsOf = Annotated[
    Day | None,
    Query(description="Judge target status on this day, YYYY-MM-DD (default: today).", examples=["2026-11-22"]),
]
Region = Annotated[
    str | None,
    Query(description="A place; includes every place inside it. An unknown place is a 404.", examples=["Shandong"]),
]
Industry = Annotated[
    str | None, Query(description="An industry tag, e.g. machine-tools.", examples=["agricultural-machinery"])
]
EntityName = Annotated[
    str | None, Query(description="Only what concerns this entity (any of its names). An unknown entity is a 404.")
]
# What a search needs: at least one letter, digit or CJK character (the words it looks for).
WORD = r"[^\W_]"


def _audience_pattern() -> str:
    """Comma-separated stakeholder groups, as the shipped brief rules name them (ids and aliases)."""
    names = sorted({n for g in load_rules().groups.values() for n in (g.id, *g.aliases)}, key=str.casefold)
    one = "(" + "|".join(_escape(n) for n in names) + ")"
    return rf"^\s*({one}\s*(,\s*{one}\s*)*)?$"


def _escape(name: str) -> str:
    return "".join("\\" + c if not (c.isalnum() or c in " _-") else c for c in name)


def kb_of(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def page(request: Request, response: Response, items: list[Any], total: int, limit: int, offset: int) -> Page[Any]:
    """The page, with a Link header to the pages before and after it."""
    links = []
    if offset + limit < total:
        links.append(f'<{request.url.include_query_params(offset=offset + limit, limit=limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{request.url.include_query_params(offset=max(0, offset - limit), limit=limit)}>; rel="prev"')
    if links:
        response.headers["Link"] = ", ".join(links)
    return Page[Any](items=items, total=total, limit=limit, offset=offset)


def sliced(request: Request, response: Response, rows: list[Any], limit: int, offset: int) -> Page[Any]:
    """A page of a list read whole (the store gives these with a limit only, so the total needs them all)."""
    return page(
        request,
        response,
        [r if isinstance(r, dict) else r.to_dict() for r in rows[offset : offset + limit]],
        len(rows),
        limit,
        offset,
    )


@router.get(
    "/overview",
    tags=["overview"],
    summary="Dashboard figures",
    description="Counts, the newest documents and conflicts, and targets by status and deadline year.",
    response_model=schemas.Overview,
)
def get_overview(request: Request, as_of: AsOf = None) -> dict[str, Any]:
    return request.app.state.overview.get(kb_of(request), as_of or clock.today()).to_dict()


@router.get(
    "/documents",
    tags=["documents"],
    summary="List documents",
    responses=PAGED,
    description="Stored documents in id order, without their text (GET /documents/{id} has it).",
)
def list_documents(
    request: Request, response: Response, limit: Limit = 50, offset: Offset = 0
) -> Page[schemas.DocumentSummary]:
    kb = kb_of(request)
    rows = [{"id": d.id, **d.to_dict(with_text=False)} for d in kb.list_documents(limit=limit, offset=offset)]
    return page(request, response, rows, kb.count_documents(), limit, offset)


@router.get(
    "/documents/{document_id}",
    tags=["documents"],
    summary="Get a document",
    description="One document with its clean text, the text every extracted offset points into.",
    response_model=schemas.DocumentOut,
)
def get_document(request: Request, document_id: DocumentId) -> dict[str, Any]:
    found = reads.document(kb_of(request), document_id)
    return {"id": found.id, **found.to_dict()}


@router.get(
    "/documents/{document_id}/extraction",
    tags=["documents"],
    summary="Get a document's extraction",
    description="The document's quantities, events and entities, each with its character offsets "
    "(text[start:end] is the quoted text).",
    response_model=schemas.ExtractionOut,
)
def get_extraction(request: Request, document_id: DocumentId) -> dict[str, Any]:
    return {"id": document_id, **reads.extraction(kb_of(request), document_id).to_dict()}


@router.get(
    "/entities",
    tags=["entities"],
    summary="List entities",
    responses=PAGED,
    description="Entities (places, companies, clusters…) whose names contain q, most mentioned first.",
)
def list_entities(
    request: Request,
    response: Response,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of any of the entity's names, any case.", examples=["weif"])
    ] = None,
    type: Annotated[
        schemas.EntityType | None,  # type: ignore[valid-type]
        Query(description="Only entities of this type."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[schemas.EntitySummary]:
    rows = kb_of(request).list_entities(q.strip() if q else None, entity_type=type and str(type), limit=None)
    return sliced(request, response, rows, limit, offset)


@router.get(
    "/entities/{name}",
    tags=["entities"],
    summary="Get an entity",
    description="An entity by any of its names (or #id): hierarchy, relations, what it contains, its "
    "targets and events. A name that denotes no entity, or several, is a 404 saying which.",
    response_model=schemas.EntityProfile,
)
def get_entity(
    request: Request,
    name: Annotated[str, Path(description="Any of the entity's names, or #id.", examples=["Weifang"])],
    as_of: AsOf = None,
) -> dict[str, Any]:
    found = reads.profile(kb_of(request), name, as_of)
    return {"as_of": (as_of or clock.today()).isoformat(), **found.to_dict()}


@router.get(
    "/targets",
    tags=["targets"],
    summary="List targets",
    responses=PAGED,
    description="Targets stated in the documents with their status as of a day, earliest deadline first.",
)
def list_targets(
    request: Request,
    response: Response,
    region: Region = None,
    industry: Industry = None,
    status: Annotated[
        schemas.Status | None,  # type: ignore[valid-type]
        Query(description="Only targets with this status on as_of.", examples=["met"]),
    ] = None,
    entity: EntityName = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[schemas.Target]:
    query = reads.TargetQuery(
        params.given(region), params.given(industry), status and str(status), params.given(entity), as_of
    )
    kb = kb_of(request)
    rows = [t.to_dict() for t in reads.targets(kb, query, limit, offset)]
    return page(request, response, rows, reads.count_targets(kb, query), limit, offset)


@router.get(
    "/conflicts",
    tags=["targets"],
    summary="List conflicts",
    responses=PAGED,
    description="Pairs of figures that cannot both be right: the same target stated differently "
    "across documents, or an amount restated in another currency at an odd rate.",
)
def list_conflicts(
    request: Request,
    response: Response,
    kind: Annotated[
        schemas.ConflictKind | None,  # type: ignore[valid-type]
        Query(description="Only conflicts of this kind."),
    ] = None,
    region: Region = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[schemas.Conflict]:
    rows = reads.named(lambda: kb_of(request).conflicts(kind=kind and str(kind), region=params.given(region)))
    return sliced(request, response, rows, limit, offset)


@router.get(
    "/search",
    tags=["search"],
    summary="Search",
    responses=PAGED,
    description="Documents, quantities and events matching every word of q, best first.",
)
def search(
    request: Request,
    response: Response,
    q: Annotated[
        str,
        Query(
            pattern=WORD,
            max_length=500,
            description="Words to find, all of them (at least one letter or digit).",
            examples=["cluster"],
        ),
    ],
    region: Region = None,
    industry: Industry = None,
    entity: EntityName = None,
    source_type: Annotated[
        schemas.SourceType | None,  # type: ignore[valid-type]
        Query(description="Only documents of this kind of source."),
    ] = None,
    since: Annotated[
        Day | None, Query(description="Only documents published on or after this day.", examples=["2024-01-01"])
    ] = None,
    until: Annotated[Day | None, Query(description="Only documents published on or before this day.")] = None,
    kind: Annotated[
        list[schemas.HitKind] | None,  # type: ignore[valid-type]
        Query(description="Only hits of these kinds (repeat the parameter for several)."),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[schemas.SearchHit]:
    rows = reads.named(
        lambda: kb_of(request).search(
            q,
            region=params.given(region),
            industry=params.given(industry),
            entity=params.given(entity),
            source_type=source_type and str(source_type),
            since=since,
            until=until,
            kinds=tuple(dict.fromkeys(str(k) for k in kind or ())),
            limit=None,
        )
    )
    return sliced(request, response, rows, limit, offset)


@router.get(
    "/briefs/{document_id}",
    tags=["briefs"],
    summary="Get a document's brief",
    description="The brief of a stored document: what it says, with numbered citations into its text, "
    "as Markdown, HTML (its own style, no script) or JSON.",
    response_class=Response,
    responses={
        200: {
            "description": "The brief.",
            "content": {
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object", "additionalProperties": True}},
            },
        }
    },
)
def get_brief(
    request: Request,
    document_id: DocumentId,
    format: Annotated[
        schemas.BriefFormat,  # type: ignore[valid-type]
        Query(description="md, html or json."),
    ] = schemas.BriefFormat.md,  # type: ignore[attr-defined]
    audience: Annotated[
        str | None,
        Query(
            pattern=_audience_pattern(),
            description=("Stakeholder groups, comma-separated: the impact section speaks to them."),
            examples=["exporters"],
        ),
    ] = None,
    as_of: AsOf = None,
    language: Annotated[
        schemas.Language,  # type: ignore[valid-type]
        Query(description="The brief's language."),
    ] = schemas.Language.en,  # type: ignore[attr-defined]
    download: Annotated[bool, Query(description="Send as a file to save.")] = False,
) -> Response:
    result = reads.brief(kb_of(request), document_id, as_of, params.audience(audience), str(language))
    disposition = "attachment" if download else "inline"
    fmt = str(format)
    headers = {"Content-Disposition": f'{disposition}; filename="brief-{document_id}.{fmt}"'}
    if fmt == "html":
        headers["Content-Security-Policy"] = BRIEF_HTML_CSP
    return Response(briefs.render(result, fmt), media_type=BRIEF_TYPES[fmt], headers=headers)


# A brief downloaded as HTML carries its own <style> and no script: allow exactly that.
BRIEF_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
BRIEF_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "json": "application/json"}


@router.get(
    "/watchlists",
    tags=["monitor"],
    summary="List watchlists",
    responses=PAGED,
    description="Watchlists and their criteria (set with `policylens watch add`).",
)
def list_watchlists(
    request: Request, response: Response, limit: Limit = 50, offset: Offset = 0
) -> Page[schemas.Watchlist]:
    return sliced(request, response, monitor.list_watchlists(kb_of(request)), limit, offset)


@router.get(
    "/alerts",
    tags=["monitor"],
    summary="List alerts",
    responses=PAGED,
    description="Alerts raised by polls, newest first, with why and their deliveries.",
)
def list_alerts(
    request: Request,
    response: Response,
    watchlist: Annotated[
        str | None, Query(description="Only this watchlist's alerts. An unknown watchlist is a 404.")
    ] = None,
    undelivered: Annotated[bool, Query(description="Only alerts some destination is still owed.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[schemas.Alert]:
    rows = reads.alerts(kb_of(request), params.given(watchlist), undelivered, None)
    return sliced(request, response, rows, limit, offset)

"""The JSON API under /api: documents, extractions, entities, targets, conflicts, search, briefs, alerts.

Thin: each route reads its parameters (``params``), makes one read
(``reads`` or a KnowledgeBase method) and returns the store's own
``to_dict`` shapes, so the API says what the CLI's --json says.  Routes are
plain functions: FastAPI runs them in its thread pool, beside the event loop.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from policylens import briefs, monitor
from policylens.store import KnowledgeBase

from . import params, reads

router = APIRouter(prefix="/api", tags=["read"])

Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, le=params.MAX_OFFSET, description="Skip this many rows first.")]
AsOf = Annotated[str | None, Query(description="Judge target status on this day, YYYY-MM-DD (default: today).")]
Region = Annotated[str | None, Query(description="A place; includes every place inside it.")]
Industry = Annotated[str | None, Query(description="An industry tag, e.g. machine-tools.")]
CONFLICT_KINDS = ("cross_document", "currency_restatement")
# A brief downloaded as HTML carries its own <style> and no script: allow exactly that.
BRIEF_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
BRIEF_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
               "json": "application/json"}


def kb_of(request: Request) -> KnowledgeBase:
    return request.app.state.kb


@router.get("/overview", summary="Counts, newest documents and conflicts, targets by status and deadline year")
def overview(request: Request, as_of: AsOf = None) -> dict[str, Any]:
    day = params.day(as_of, "as_of") or _today()
    return request.app.state.overview.get(kb_of(request), day).to_dict()


@router.get("/documents", summary="Stored documents, in id order (without their text)")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    kb = kb_of(request)
    rows = kb.list_documents(limit=limit, offset=offset)
    return {"count": kb.count_documents(), "limit": limit, "offset": offset,
            "documents": [{"id": d.id, **d.to_dict(with_text=False)} for d in rows]}


@router.get("/documents/{document_id}", summary="One document with its clean text")
def document(request: Request, document_id: params.DocumentId) -> dict[str, Any]:
    found = reads.document(kb_of(request), document_id)
    return {"id": found.id, **found.to_dict()}


@router.get("/documents/{document_id}/extraction",
            summary="The document's quantities, events and entities, each with its character offsets")
def extraction(request: Request, document_id: params.DocumentId) -> dict[str, Any]:
    return {"id": document_id, **reads.extraction(kb_of(request), document_id).to_dict()}


@router.get("/entities", summary="Entities whose names contain q, most mentioned first")
def entities(request: Request, q: str | None = None, type: str | None = None,
             limit: Limit = 50) -> dict[str, Any]:
    return {"entities": kb_of(request).list_entities(params.given(q), entity_type=params.given(type), limit=limit)}


@router.get("/entities/{name}",
            summary="An entity by any of its names: hierarchy, relations, what it contains, targets, events")
def entity(request: Request, name: str, as_of: AsOf = None) -> dict[str, Any]:
    day = params.day(as_of, "as_of")
    found = reads.profile(kb_of(request), name, day)
    return {"as_of": (day or _today()).isoformat(), **found.to_dict()}


@router.get("/targets", summary="Targets with their status as of a day, earliest deadline first")
def targets(request: Request, region: Region = None, industry: Industry = None,
            status: Annotated[str | None, Query(description="open, due, met, missed, past_due_unverified "
                                                            "or superseded.")] = None,
            entity: str | None = None, as_of: AsOf = None, limit: Limit = 50, offset: Offset = 0,
            ) -> dict[str, Any]:
    query = reads.TargetQuery(params.given(region), params.given(industry), params.status(status),
                              params.given(entity), params.day(as_of, "as_of"))
    rows = reads.targets(kb_of(request), query, limit, offset)
    return {"as_of": (query.as_of or _today()).isoformat(), "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) == limit else None,
            "targets": [t.to_dict() for t in rows]}


@router.get("/conflicts", summary="Figures that cannot all be right")
def conflicts(request: Request, kind: Annotated[str | None, Query(
                  description="cross_document or currency_restatement.")] = None,
              region: Region = None, limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
              ) -> dict[str, Any]:
    rows = kb_of(request).conflicts(kind=params.one_of(kind, "kind", CONFLICT_KINDS),
                                    region=params.given(region), limit=limit)
    return {"conflicts": [c.to_dict() for c in rows]}


@router.get("/search", summary="Documents, quantities and events matching every word of q, best first")
def search(request: Request, q: str, region: Region = None, industry: Industry = None,
           entity: str | None = None, source_type: str | None = None, since: str | None = None,
           until: str | None = None,
           kind: Annotated[list[str] | None, Query(description="document, quantity or event (repeatable).")] = None,
           limit: Limit = 20) -> dict[str, Any]:
    kinds = tuple(params.one_of(k, "kind", params.SEARCH_KINDS) for k in kind or ())
    hits = kb_of(request).search(
        q, region=params.given(region), industry=params.given(industry), entity=params.given(entity),
        source_type=params.source_type(source_type), since=params.day(since, "since"),
        until=params.day(until, "until"), kinds=kinds, limit=limit)
    return {"query": q, "hits": [h.to_dict() for h in hits]}


@router.get("/briefs/{document_id}", summary="The brief of a stored document as Markdown, HTML or JSON",
            response_class=Response)
def brief(request: Request, document_id: params.DocumentId,
          format: Annotated[str | None, Query(description="md (default), html or json.")] = None,
          audience: Annotated[str | None, Query(description="Stakeholder groups, comma-separated.")] = None,
          as_of: AsOf = None, language: Annotated[str | None, Query(description="en (default) or zh.")] = None,
          download: Annotated[bool, Query(description="Send as a file to save.")] = False,
          ) -> Response:
    fmt = params.brief_format(format)
    result = reads.brief(kb_of(request), document_id, params.day(as_of, "as_of"), params.audience(audience),
                         params.one_of(language, "language", ("en", "zh")) or "en")
    disposition = "attachment" if download else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="brief-{document_id}.{fmt}"'}
    if fmt == "html":
        headers["Content-Security-Policy"] = BRIEF_HTML_CSP
    return Response(briefs.render(result, fmt), media_type=BRIEF_TYPES[fmt], headers=headers)


@router.get("/watchlists", tags=["monitor"], summary="Watchlists and their criteria (set with `policylens watch add`)")
def watchlists(request: Request) -> dict[str, Any]:
    return {"watchlists": [w.to_dict() for w in monitor.list_watchlists(kb_of(request))]}


@router.get("/alerts", tags=["monitor"], summary="Alerts raised by polls, newest first, with why and their deliveries")
def alerts(request: Request, watchlist: str | None = None,
           undelivered: Annotated[bool, Query(description="Only alerts some destination is still owed.")] = False,
           limit: Limit = 50) -> dict[str, Any]:
    rows = reads.alerts(kb_of(request), params.given(watchlist), undelivered, limit)
    return {"alerts": [a.to_dict() for a in rows]}


def _today() -> dt.date:
    return dt.date.today()

"""The server-rendered pages: dashboard, document, entity, targets, conflicts, brief, search, alerts, API docs.

Each page makes the same reads as its API endpoint (``reads``) and hands the
results to a Jinja2 template; nothing here builds HTML by hand except
through ``highlight`` (escaped piece by piece).  Pages work without
JavaScript; the one static script only adds the hover popover and sorting.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path
from typing import Any, TypedDict

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from policylens import clock, monitor
from policylens.model import ENTITY_TYPES

from . import chart, highlight, params, reads
from .api import kb_of
from .present import with_query

router = APIRouter(include_in_schema=False)

# Swagger UI's own stylesheet sets inline styles; the page has no inline script (see static/docs.js).
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_SIZE = 100
# How the entity page groups what lies in or belongs to an entity.
CONTAINS_GROUPS = (
    ("place", "Sub-regions"),
    ("cluster", "Clusters"),
    ("park", "Parks"),
    ("company", "Companies"),
    ("government", "Government bodies"),
    ("institution", "Institutions"),
    ("platform", "Platforms"),
    ("programme", "Programmes"),
)


def swagger_ui_dir() -> Path:
    """Swagger UI 5 (OpenAPI 3.1, which FastAPI writes) as shipped inside the swagger-ui-py package."""
    import swagger_ui

    return Path(swagger_ui.__file__).parent / "static"


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"params": dict(request.query_params), **context})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, as_of: str | None = None) -> HTMLResponse:
    kb = kb_of(request)
    day = params.day(as_of, "as_of") or clock.today()
    overview = request.app.state.overview.get(kb, day)
    return _page(
        request,
        "dashboard.html",
        overview=overview,
        chart=chart.timeline(overview.deadlines),
        top=kb.list_entities(entity_type="place", limit=12),
        due=kb.targets(as_of=day, status="due", limit=8),
        past_due=kb.targets(as_of=day, status="past_due_unverified", limit=8),
        alerts=monitor.list_alerts(kb, 5),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, offset: int = Query(0, ge=0, le=params.MAX_OFFSET)) -> HTMLResponse:
    kb = kb_of(request)
    return _page(
        request,
        "documents.html",
        documents=kb.list_documents(limit=PAGE_SIZE, offset=offset),
        count=kb.count_documents(),
        offset=offset,
        page_size=PAGE_SIZE,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: params.DocumentId) -> HTMLResponse:
    found = reads.extraction(kb_of(request), document_id)
    marks = highlight.marks(found)
    text = highlight.render(found.document.text, marks)
    legend = Counter(m.css for m in marks if m.shown)
    return _page(request, "document.html", doc=found.document, extraction=found, text=text, marks=marks, legend=legend)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: str | None = None, type: str | None = None) -> HTMLResponse:
    kind = params.one_of(type, "type", ENTITY_TYPES)
    rows = kb_of(request).list_entities(params.given(q), entity_type=kind, limit=PAGE_SIZE)
    return _page(request, "entities.html", entities=rows, q=params.given(q) or "", entity_types=ENTITY_TYPES)


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity(request: Request, name: str, as_of: str | None = None) -> HTMLResponse:
    day = params.day(as_of, "as_of")
    found = reads.profile(kb_of(request), name, day)
    groups = [(title, found.contains[kind]) for kind, title in CONTAINS_GROUPS if found.contains.get(kind)]
    return _page(request, "entity.html", p=found, groups=groups, as_of=day or clock.today())


def _target_query(region, industry, status, entity, as_of) -> reads.TargetQuery:
    return reads.TargetQuery(
        params.given(region),
        params.given(industry),
        params.status(status),
        params.given(entity),
        params.day(as_of, "as_of"),
    )


@router.get("/targets", response_class=HTMLResponse)
def targets(
    request: Request,
    region: str | None = None,
    industry: str | None = None,
    status: str | None = None,
    entity: str | None = None,
    as_of: str | None = None,
    sort: str | None = None,
    offset: int = Query(0, ge=0, le=params.MAX_OFFSET),
) -> HTMLResponse:
    query = _target_query(region, industry, status, entity, as_of)
    order = params.one_of(sort, "sort", params.TARGET_SORTS)
    rows = reads.targets(kb_of(request), query, PAGE_SIZE, offset, order)
    filters = {
        "region": query.region,
        "industry": query.industry,
        "status": query.status,
        "entity": query.entity,
        "as_of": query.as_of.isoformat() if query.as_of else None,
    }
    return _page(
        request,
        "targets.html",
        targets=rows,
        query=query,
        as_of=query.as_of or clock.today(),
        offset=offset,
        page_size=PAGE_SIZE,
        sort=order or "deadline",
        filters=filters,
        sort_links={key: with_query("/targets", filters, sort=key) for key in params.TARGET_SORTS},
    )


CSV_COLUMNS = (
    "id",
    "status",
    "subject",
    "metric",
    "comparator",
    "value",
    "value_max",
    "unit",
    "deadline",
    "progress_percent",
    "latest_value",
    "latest_as_of",
    "document_id",
    "published",
    "text",
)


@router.get("/targets.csv")
def targets_csv(
    request: Request,
    region: str | None = None,
    industry: str | None = None,
    status: str | None = None,
    entity: str | None = None,
    as_of: str | None = None,
    sort: str | None = None,
) -> Response:
    """Every target under the filters (not just one page), for a spreadsheet."""
    query = _target_query(region, industry, status, entity, as_of)
    rows = reads.targets(kb_of(request), query, None, 0, params.one_of(sort, "sort", params.TARGET_SORTS))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for t in rows:
        latest = t.latest or {}
        writer.writerow(
            [
                t.id,
                t.status,
                t.entity.name if t.entity else t.subject,
                t.metric,
                t.comparator,
                t.value,
                t.value_max,
                t.unit,
                t.deadline,
                t.progress_percent,
                latest.get("value"),
                latest.get("as_of"),
                t.document_id,
                t.published,
                t.text,
            ]
        )
    day = (query.as_of or clock.today()).isoformat()
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="targets-{day}.csv"'},
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, region: str | None = None) -> HTMLResponse:
    rows = kb_of(request).conflicts(region=params.given(region), limit=500, newest=True)
    return _page(request, "conflicts.html", conflicts=rows)


@router.get("/briefs/{document_id}", response_class=HTMLResponse)
def brief(
    request: Request,
    document_id: params.DocumentId,
    audience: str | None = None,
    as_of: str | None = None,
    language: str | None = None,
) -> HTMLResponse:
    result = reads.brief(
        kb_of(request),
        document_id,
        params.day(as_of, "as_of"),
        params.audience(audience),
        params.one_of(language, "language", ("en", "zh")) or "en",
    )
    return _page(request, "brief.html", brief=result, document_id=document_id)


class _SearchForm(TypedDict):
    """The search page's filters: KnowledgeBase.search's keywords, and what the form shows back."""

    region: str | None
    industry: str | None
    source_type: str | None
    since: dt.date | None
    until: dt.date | None


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str | None = None,
    region: str | None = None,
    industry: str | None = None,
    source_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    """Results with facets: the filters as controls, and counts by source type and year over the hits."""
    text = params.given(q)
    filters: _SearchForm = {
        "region": params.given(region),
        "industry": params.given(industry),
        "source_type": params.source_type(source_type),
        "since": params.day(since, "since"),
        "until": params.day(until, "until"),
    }
    hits = kb_of(request).search(text, limit=200, **filters) if text else []
    facets = {
        "source_type": Counter(h.source_type for h in hits),
        "year": Counter((h.published or "")[:4] or "undated" for h in hits),
    }
    return _page(request, "search.html", q=text or "", hits=hits, facets=facets, filters=filters)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request, watchlist: str | None = None, undelivered: bool = False) -> HTMLResponse:
    """Watchlists, the newest alerts (why each was raised, with links to the document and its brief), the poller."""
    kb = kb_of(request)
    rows = reads.alerts(kb, params.given(watchlist), undelivered, PAGE_SIZE)
    return _page(
        request,
        "alerts.html",
        alerts=rows,
        watchlists=monitor.list_watchlists(kb),
        feeds=monitor.list_feeds(kb),
        poller=request.app.state.poller,
        watchlist=params.given(watchlist),
        undelivered=undelivered,
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    response = _page(request, "docs.html")
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response

"""POST /api/v1/ingest/upload and /ingest/url: the routes that write, behind a token, a size limit and the private-address guard.

Writing is off until the server is given a token (``POLICYLENS_TOKEN``).  An
upload is read with a running count and refused with 413 the moment it
passes the limit, so a client cannot fill the server's memory or disk.
URL and feed ingest fetch with ``allow_private_urls`` taken from the web's
own setting (off unless ``POLICYLENS_ALLOW_PRIVATE_URLS=1``), so the server
cannot be used to reach addresses on its own network.  The document then
goes through ``policylens.ingest`` exactly as from the CLI.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from policylens import service as pipeline
from policylens.config import Settings
from policylens.ingestion import RawInput
from policylens.ingestion.fetch import is_url

from .api import PREFIX
from .errors import WebError
from .schemas import Error, IngestReport, IngestURL

router = APIRouter(prefix=PREFIX, tags=["write"])
bearer = HTTPBearer(auto_error=False, description="The token the server was started with (POLICYLENS_TOKEN).")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]

MULTIPART_SLACK = 64 * 1024  # room for the multipart boundaries and headers around the file itself

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "A text, HTML, PDF or feed file."}
                    },
                }
            }
        },
    }
}
URL_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                # Inline, without a title, so that generated clients name it after the route (IngestUrlBody).
                "schema": {k: v for k, v in IngestURL.model_json_schema().items() if k != "title"},
                "example": {"url": "https://example.org/policy/plan-2025.html"},
            }
        },
    }
}


def _responses(*extra: int) -> dict[int | str, dict[str, Any]]:
    """The statuses an ingest route answers: stored (201), all duplicates (200), and its errors."""
    described = {
        400: "Unreadable input, a refused address, or nothing found in it.",
        401: "No bearer token sent.",
        403: "Wrong token, or writing is off on this server.",
        413: "Body over the size limit (POLICYLENS_MAX_UPLOAD_BYTES for files).",
        415: "Wrong content type for this route.",
        422: "A body that does not match its schema.",
        500: "The server failed.",
        503: "The knowledge base cannot be written just now.",
    }
    codes = (400, 401, 403, 413, 415, 500, 503, *extra)
    return {
        201: {"model": IngestReport, "description": "At least one document stored."},
        200: {"model": IngestReport, "description": "Nothing new: every document was already stored."},
        **{code: {"model": Error, "description": described[code]} for code in codes},
    }


@router.post(
    "/ingest/upload",
    status_code=201,
    openapi_extra=UPLOAD_BODY,
    responses=_responses(),
    summary="Ingest an uploaded file",
    description="Store a text, HTML, PDF or feed file sent as multipart/form-data (field `file`), "
    "extract it and link it into the knowledge base. Needs `Authorization: Bearer <token>`.",
)
async def ingest_upload(request: Request, credentials: Credentials) -> JSONResponse:
    settings: Settings = request.app.state.settings
    authorise(settings, credentials)
    _expect(request, "multipart/form-data")
    return await _ingest(request, settings, await _upload(request, settings.max_upload_bytes))


@router.post(
    "/ingest/url",
    status_code=201,
    openapi_extra=URL_BODY,
    responses=_responses(422),
    summary="Ingest a page or feed by URL",
    description="Fetch an http(s) page (or every entry of an RSS/Atom feed) and "
    "ingest it. Addresses on the server's own network are refused. Needs "
    "`Authorization: Bearer <token>`.",
)
async def ingest_url(request: Request, credentials: Credentials) -> JSONResponse:
    settings: Settings = request.app.state.settings
    authorise(settings, credentials)
    _expect(request, "application/json")
    body = await _body(request, MULTIPART_SLACK)
    if body is None:
        raise WebError(413, f"body: larger than {MULTIPART_SLACK} bytes; a URL needs far less")
    return await _ingest(request, settings, _url(body))


async def _ingest(request: Request, settings: Settings, source: str | RawInput) -> JSONResponse:
    web_settings = dataclasses.replace(settings, allow_private_urls=settings.web_allow_private_urls)
    report = await run_in_threadpool(pipeline.ingest, [source], db=request.app.state.kb, settings=web_settings)
    request.app.state.overview.clear()
    if not report.outcomes or len(report.failed) == len(report.outcomes):
        first = report.failed[0] if report.failed else None
        message = f"{first.source}: {first.error}" if first else "no document found in the input"
        raise WebError(400, message)
    body = {
        "stored": report.count("stored"),
        "duplicate": report.count("duplicate"),
        "failed": len(report.failed),
        "outcomes": [o.to_dict() for o in report.outcomes],
        "error": report.error,
    }
    return JSONResponse(body, status_code=500 if report.error else 201 if report.count("stored") else 200)


def authorise(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    """401 without a bearer token, 403 with a wrong one or when the server has no token (writing off)."""
    if not settings.token:
        raise WebError(403, "writing is disabled on this server: start it with POLICYLENS_TOKEN set")
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise WebError(401, "missing token: send Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.encode(), settings.token.encode()):
        raise WebError(403, "wrong token")


def _expect(request: Request, media_type: str) -> None:
    given = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if given != media_type:
        raise WebError(415, f"content type {given or 'none'!r}: this route takes {media_type}")


async def _body(request: Request, limit: int) -> bytes | None:
    """The request body; None as soon as it is known to pass ``limit`` bytes (the rest is not read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _upload(request: Request, max_bytes: int) -> RawInput:
    body = await _body(request, max_bytes + MULTIPART_SLACK)
    if body is None:
        raise _too_large(max_bytes)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(max_files=1, max_fields=5)
    except MultiPartException as exc:
        raise WebError(400, f"upload: {exc.message}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise WebError(400, "upload: no file field named 'file' in the form")
    data = await upload.read()
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    media_type = (upload.content_type or "").split(";")[0].strip().lower() or None
    return RawInput(
        source=f"upload:{name}", data=data, media_type=None if media_type == "application/octet-stream" else media_type
    )


def _url(body: bytes) -> str:
    """The URL in a JSON body, checked against ``IngestURL``."""
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise WebError(400, 'body: not valid JSON; send {"url": "https://..."}') from None
    try:
        given = IngestURL.model_validate(payload, strict=True)
    except ValidationError as exc:
        raise WebError(
            422, "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors())
        ) from None
    if not is_url(given.url):
        raise WebError(422, f"url: {given.url!r} is not an http(s) URL")
    return given.url


def _too_large(limit: int) -> WebError:
    return WebError(413, f"upload: larger than the limit of {limit} bytes (POLICYLENS_MAX_UPLOAD_BYTES)")

"""POST /api/ingest: the one route that writes, behind a token, a size limit and the private-address guard.

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
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from policylens import api as pipeline
from policylens.config import Settings
from policylens.ingestion import RawInput
from policylens.ingestion.fetch import is_url

from .errors import WebError

router = APIRouter(prefix="/api", tags=["write"])

MULTIPART_SLACK = 64 * 1024  # room for the multipart boundaries and headers around the file itself

OPENAPI_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "A text, HTML, PDF or feed file."}}}},
    "application/json": {"schema": {"type": "object", "properties": {
        "url": {"type": "string", "description": "An http(s) page to fetch and ingest."},
        "feed": {"type": "string", "description": "An RSS/Atom feed URL: every entry is ingested."}}}},
}}}


@router.post("/ingest", status_code=201, openapi_extra=OPENAPI_BODY,
             summary="Ingest an uploaded file, a URL or a feed (needs Authorization: Bearer <token>)",
             responses={201: {"description": "Stored (or recognised as duplicates)"},
                        400: {"description": "Bad URL, refused address, or unreadable input"},
                        401: {"description": "No token sent"}, 403: {"description": "Wrong token, or writing off"},
                        413: {"description": "Upload over the size limit"}})
async def ingest(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    authorise(request, settings)
    source = await _source(request, settings)
    web_settings = dataclasses.replace(settings, allow_private_urls=settings.web_allow_private_urls)
    report = await run_in_threadpool(pipeline.ingest, [source], db=request.app.state.kb, settings=web_settings)
    request.app.state.overview.clear()
    if not report.outcomes or len(report.failed) == len(report.outcomes):
        first = report.failed[0] if report.failed else None
        message = f"{first.source}: {first.error}" if first else "no document found in the input"
        raise WebError(400, message)
    body = {"stored": report.count("stored"), "duplicate": report.count("duplicate"), "failed": len(report.failed),
            "outcomes": [o.to_dict() for o in report.outcomes], "error": report.error}
    return JSONResponse(body, status_code=500 if report.error else 201 if report.count("stored") else 200)


def authorise(request: Request, settings: Settings) -> None:
    """401 without a bearer token, 403 with a wrong one or when the server has no token (writing off)."""
    if not settings.token:
        raise WebError(403, "writing is disabled on this server: start it with POLICYLENS_TOKEN set")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.strip().partition(" ")
    if not header or scheme.lower() != "bearer" or not token.strip():
        raise WebError(401, "missing token: send Authorization: Bearer <token>",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.strip().encode(), settings.token.encode()):
        raise WebError(403, "wrong token")


async def _source(request: Request, settings: Settings) -> str | RawInput:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        return await _upload(request, settings.max_upload_bytes)
    if media_type == "application/json":
        body = await _body(request, MULTIPART_SLACK)
        if body is None:
            raise WebError(413, f"body: larger than {MULTIPART_SLACK} bytes; a URL or feed needs far less")
        return _url(body)
    raise WebError(415, f"content type {media_type or 'none'!r}: send multipart/form-data with a file, "
                        "or application/json with {\"url\": ...} or {\"feed\": ...}")


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
    return RawInput(source=f"upload:{name}", data=data,
                    media_type=None if media_type == "application/octet-stream" else media_type)


def _url(body: bytes) -> str:
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise WebError(400, "body: not valid JSON; send {\"url\": \"https://...\"} or {\"feed\": ...}") from None
    given = {k: v for k, v in payload.items() if k in ("url", "feed")} if isinstance(payload, dict) else {}
    if len(given) != 1:
        raise WebError(400, "body: give exactly one of \"url\" or \"feed\"")
    (key, value), = given.items()
    if not isinstance(value, str) or not is_url(value.strip()):
        raise WebError(400, f"{key}: {value!r} is not an http(s) URL")
    return value.strip()


def _too_large(limit: int) -> WebError:
    return WebError(413, f"upload: larger than the limit of {limit} bytes (POLICYLENS_MAX_UPLOAD_BYTES)")

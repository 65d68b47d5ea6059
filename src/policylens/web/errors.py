"""Errors as the web shows them: ``{"error": "..."}`` under /api, a friendly page elsewhere.

Every failure ends in one of the handlers installed here, so a client sees a
status code that says whose fault it was and a message naming the input,
never a traceback.  Bad input the package itself refuses (an unknown status,
region or audience) is an InputError and becomes 422; routes raise WebError
for what only the web knows (an unknown id is 404, a missing token 401).
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from policylens.errors import InputError, PolicylensError, StoreError

log = logging.getLogger("policylens.web")


class WebError(Exception):
    """A request that cannot be answered, with the status code that says why."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def not_found(what: str) -> WebError:
    return WebError(404, f"{what}: not found")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a JSON error or an error page."""

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return respond(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(PolicylensError)
    async def package_error(request: Request, exc: PolicylensError) -> Response:
        if isinstance(exc, InputError):
            return respond(request, 422, str(exc))
        if isinstance(exc, StoreError):
            log.error("knowledge base error on %s: %s", request.url.path, exc)
            return respond(request, 503, "the knowledge base cannot be read just now; try again")
        log.error("error on %s: %s", request.url.path, exc)
        return respond(request, 500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, "; ".join(_describe(e) for e in exc.errors()) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404:
            message = f"{request.url.path}: no such page"
        return respond(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, "internal error: the server could not answer this request")


def respond(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "phrase": HTTPStatus(status).phrase,
            "message": message,
        },
        status_code=status,
        headers=headers,
    )


def _describe(error: dict) -> str:
    """One FastAPI validation error as "limit: Input should be a valid integer"."""
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
    return f"{'.'.join(where) or 'request'}: {error.get('msg', 'invalid')}"

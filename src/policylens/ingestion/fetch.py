"""HTTP: one page fetched with hard limits, every failure turned into a one-line InputError.

The limits are the caller's Settings: a timeout for the whole request, a redirect
budget (exceeding it is reported as a redirect loop), and a byte limit that
is enforced while streaming, so an oversized or endless body is cut off
instead of filling memory.  With ``allow_private_urls`` off, every hop of a
redirect chain is checked, so a public URL cannot bounce into the intranet,
and the connection goes to the address that was checked.

A poller asks again with the validators of its last read
(:func:`fetch_if_changed`: ETag as If-None-Match, Last-Modified as
If-Modified-Since) and gets None when the server answers 304 Not Modified,
so an unchanged feed costs one small response and no parsing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from contextlib import nullcontext

import httpx

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.raw import RawInput


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def http_client(settings: Settings, source: str | None = None) -> httpx.Client:
    """A client with the settings' limits; one client serves many fetches (a poll's feeds and pages).

    Building a client loads the TLS trust store, which costs more than a
    local request, so a batch of fetches shares one.  ``source`` names the
    input in the private-address refusal of a one-off fetch.
    """
    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=settings.timeout,
        headers={"User-Agent": settings.user_agent},
        transport=None if settings.allow_private_urls else _PublicOnly(source),
    )


def fetch(url: str, settings: Settings, source: str | None = None, client: httpx.Client | None = None) -> RawInput:
    """The body of ``url`` with its final URL, media type and declared charset."""
    raw = _get(url, settings, source or url, {}, client)
    if raw is None:  # only a conditional request can be answered 304
        raise InputError(source or url, "HTTP 304 Not Modified to an unconditional request")
    return raw


def fetch_if_changed(
    url: str,
    settings: Settings,
    etag: str | None = None,
    last_modified: str | None = None,
    source: str | None = None,
    client: httpx.Client | None = None,
) -> RawInput | None:
    """Like :func:`fetch`, but None when the page has not changed since the read that gave these validators."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return _get(url, settings, source or url, headers, client)


def _get(
    url: str, settings: Settings, source: str, headers: dict[str, str], client: httpx.Client | None
) -> RawInput | None:
    started = time.monotonic()
    try:
        with (
            nullcontext(client) if client is not None else http_client(settings, source) as session,
            session.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code == 304 and headers:
                return None
            if response.status_code >= 400:
                raise InputError(source, f"HTTP {response.status_code} {response.reason_phrase}".strip())
            data = _read_limited(response, settings.max_bytes, source, started + settings.timeout)
            media_type, _, params = response.headers.get("content-type", "").partition(";")
            return RawInput(
                source=source,
                data=data,
                url=str(response.url),
                media_type=media_type.strip().lower() or None,
                charset=_charset(params),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    except httpx.TooManyRedirects:
        raise InputError(source, f"redirect loop: more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise InputError(source, f"timed out after {settings.timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise InputError(source, f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise InputError(source, one_line(f"cannot fetch: {exc.__class__.__name__}: {exc}").rstrip(": ")) from None


def one_line(message: str) -> str:
    """Library messages may span lines; a batch report gives each input one line."""
    return " ".join(message.split())


def _read_limited(response: httpx.Response, max_bytes: int, source: str, deadline: float) -> bytes:
    """The body, cut off past ``max_bytes`` or past ``deadline``: httpx's timeout is per read, so a
    server that drips a line a second would otherwise hold the fetch for as long as it likes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(source, f"too large: {int(declared)} bytes, above the limit of {max_bytes}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(source, f"too large: more than the limit of {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise InputError(source, "timed out: the whole fetch took longer than the timeout (POLICYLENS_TIMEOUT)")
        chunks.append(chunk)
    return b"".join(chunks)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").lower() or None
    return None


class _PublicOnly(httpx.HTTPTransport):
    """A transport that connects to global addresses only, and to the very address it checked.

    Each request (every hop of a redirect chain) resolves its host once, refuses it when any address is
    private or local, and connects to the checked address, the host name kept for the Host header, TLS
    SNI and certificate check: a DNS answer that changes between check and connect cannot slip through.
    """

    def __init__(self, source: str | None) -> None:
        super().__init__()
        self.source = source

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        address = _public_address(host, self.source or str(request.url))
        if address == host:
            return super().handle_request(request)
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=address),
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return super().handle_request(pinned)


def _public_address(host: str, source: str) -> str:
    """The address to connect to for ``host``; InputError when it has a private or local one."""
    try:
        # An IPv4 or IPv6 socket address starts with the address as text (the stubs allow other families' ints).
        addresses = [
            address
            for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            if isinstance(address := info[4][0], str)
        ]
    except socket.gaierror as exc:
        raise InputError(source, f"cannot resolve host {host}: {exc.strerror}") from None
    except UnicodeError:  # a label over 63 characters, or an empty one: no name a resolver can ask for
        raise InputError(source, f"cannot resolve host {host}: not a valid host name") from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise InputError(source, f"refused: {host} is a private or local address ({ip})")
    return addresses[0]

"""The unit that moves from source expansion to reading: bytes plus what is known about them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawInput:
    """One input's bytes before decoding.

    ``source`` names the input the way the user gave it (path, URL, "<stdin>",
    feed entry), so every error and every Document points back at it.
    ``title`` and ``published`` carry what a feed said about the entry; the
    page's own metadata wins when it has any.  ``etag`` and ``last_modified``
    are the HTTP validators a later conditional request can send back.
    """

    source: str
    data: bytes
    url: str | None = None
    media_type: str | None = None  # e.g. "text/html", from HTTP or a feed entry
    charset: str | None = None  # declared by HTTP, trusted before guessing
    title: str | None = None
    published: str | None = None
    etag: str | None = None
    last_modified: str | None = None

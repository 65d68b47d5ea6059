"""Turning one input's bytes into plain text, whatever its format, plus what the format says about it.

Each format is a module of this folder that registers a :class:`Format`:
how it recognises an input and how it reads one.  Binary formats (PDF)
look at the bytes before anything is decoded; text formats (HTML, Markdown,
plain text) look at the decoded text, after a crawler's leading
"URL: ..." line has been taken off as metadata.  Formats are tried in
``order``; plain text takes whatever no other format claimed.  Adding a
format is one new file here that calls :func:`register`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

from policylens.errors import InputError
from policylens.ingestion.decode import decode
from policylens.ingestion.raw import RawInput

_URL_HEADER = re.compile(r"\AURL:\s*(https?://\S+)[ \t]*\n")


@dataclass(slots=True)
class Parsed:
    text: str
    format: str  # a registered format's name: "text", "markdown", "html", "pdf"…
    url: str | None = None
    title: str | None = None  # from markup: trusted over the text's own lines
    fallback_title: str | None = None  # from file properties: used only when the text shows none
    published: str | None = None
    extracted: bool = False  # the text is an article an extractor took out of its page (no menus above it)
    wider_date: Callable[[], str | None] | None = None  # a slower search for the date, run only when needed
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Format:
    """One input format.

    A binary format's ``claims(raw, None)`` and ``read(raw, None, raw.url)`` see the bytes only; a text
    format's see the decoded text (``text``) and the URL it came from (``url``, from the input or from
    the text's leading URL line).  ``order``: lower is tried first.
    """

    name: str
    order: int
    binary: bool
    claims: Callable[[RawInput, str | None], bool]
    read: Callable[[RawInput, str | None, str | None], Parsed]


_FORMATS: list[Format] = []


def register(fmt: Format) -> Format:
    if any(f.name == fmt.name for f in _FORMATS):
        raise ValueError(f"input format {fmt.name!r} is registered twice")
    _FORMATS.append(fmt)
    _FORMATS.sort(key=lambda f: f.order)
    return fmt


def parse(raw: RawInput) -> Parsed:
    if not raw.data.strip():
        raise InputError(raw.source, "empty input: nothing to read")
    for fmt in _FORMATS:
        if fmt.binary and fmt.claims(raw, None):
            return fmt.read(raw, None, raw.url)
    text = decode(raw.data, raw.source, raw.charset)
    url = raw.url
    if m := _URL_HEADER.match(text):
        url, text = url or m.group(1), text[m.end() :]
    if not text.strip():
        raise InputError(raw.source, "empty input: no text after the URL line")
    for fmt in _FORMATS:
        if not fmt.binary and fmt.claims(raw, text):
            return fmt.read(raw, text, url)
    raise AssertionError("the text format claims every text")  # text.py registers a catch-all


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

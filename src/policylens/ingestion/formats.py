"""Turning one input's bytes into plain text, whatever its format, plus what the format says about it.

Plain text and Markdown are decoded and kept as they are (a crawler's
leading "URL: ..." line is metadata, not body).  HTML goes through
trafilatura for the article body and htmldate for its date.  PDF goes
through pypdf; a PDF without a text layer is refused with a clear reason
rather than stored empty.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

import htmldate
import lxml.etree
import lxml.html
import pypdf
import trafilatura

from policylens.errors import InputError
from policylens.ingestion.decode import decode
from policylens.ingestion.fetch import one_line
from policylens.ingestion.raw import RawInput

# Both libraries log every page they cannot parse; the reader reports that itself, once, as an InputError.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_URL_HEADER = re.compile(r"\AURL:\s*(https?://\S+)[ \t]*\n")
_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SPACES = re.compile(r"\s+")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article", "td")


@dataclass(slots=True)
class Parsed:
    text: str
    format: str  # "text", "markdown", "html" or "pdf"
    url: str | None = None
    title: str | None = None  # from markup: trusted over the text's own lines
    fallback_title: str | None = None  # from file properties: used only when the text shows none
    published: str | None = None
    publisher: str | None = None


def parse(raw: RawInput) -> Parsed:
    if not raw.data.strip():
        raise InputError(raw.source, "empty input: nothing to read")
    if raw.data.lstrip()[:5] == b"%PDF-":
        return _pdf(raw)
    text = decode(raw.data, raw.source, raw.charset)
    url = raw.url
    if m := _URL_HEADER.match(text):
        url, text = url or m.group(1), text[m.end():]
    if not text.strip():
        raise InputError(raw.source, "empty input: no text after the URL line")
    if raw.media_type in _HTML_TYPES or _HTML_START.match(text):
        return _html(text, raw.source, url)
    fmt = "markdown" if raw.source.lower().endswith((".md", ".markdown")) else "text"
    return Parsed(text=text, format=fmt, url=url)


def _html(html: str, source: str, url: str | None) -> Parsed:
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=True)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        found = None
    text = (found.text if found else None) or _visible_text(html)
    if not text.strip():
        raise InputError(source, "HTML page has no readable text")
    return Parsed(
        text=text,
        format="html",
        url=url or (found.url if found else None),
        title=found.title if found else None,
        published=htmldate.find_date(html, url=url, extensive_search=False, original_date=True,
                                     outputformat="%Y-%m-%d"),
        publisher=found.sitename if found else None,
    )


def _visible_text(html: str) -> str:
    """Block-level text of a page trafilatura found no article in (a short note, a fragment)."""
    try:
        # libxml2 drops what is nested deeper than 256 elements unless the tree may be huge (then 2048);
        # generated pages nest that deep.  A parser is not to be shared between threads: one per call.
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//head"):
        bad.drop_tree()
    for element in root.iter():
        element.text = _SPACES.sub(" ", element.text) if element.text else element.text
        element.tail = _SPACES.sub(" ", element.tail) if element.tail else element.tail
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())


def _pdf(raw: RawInput) -> Parsed:
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(raw.source, "encrypted PDF: cannot read it without the password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = (info.title or "").strip() if info else ""
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf signals a damaged file with many exception types
        raise InputError(raw.source, one_line(f"unreadable PDF: {exc.__class__.__name__}: {exc}")) from None
    text = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not text:
        raise InputError(raw.source, "PDF has no text layer (a scanned image?); run OCR on it first")
    return Parsed(text=text, format="pdf", url=raw.url, fallback_title=title or None)

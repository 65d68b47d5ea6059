"""HTML: the article body through trafilatura, its date through htmldate; a page with no article gives its visible text.

Recognised by a served media type or by how the text starts (a doctype, or an opening tag of the kinds pages start with).
"""

from __future__ import annotations

import logging
import re

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from policylens.errors import InputError
from policylens.ingestion.raw import RawInput

from . import Format, Parsed, register

# Both libraries log every page they cannot parse; the reader reports that itself, once, as an InputError.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_HTML_START = re.compile(
    r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SPACES = re.compile(r"\s+")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article", "td")


def _claims(raw: RawInput, text: str | None) -> bool:
    return raw.media_type in _HTML_TYPES or (text is not None and _HTML_START.match(text) is not None)


def _read(raw: RawInput, html: str | None, url: str | None) -> Parsed:
    assert html is not None
    source = raw.source
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        found = None
    assert not isinstance(found, dict)  # a dict only with as_dict=True (its return type covers both)
    extracted = bool(found and found.text)
    text = (found.text if found else None) or _visible_text(html)
    if not text.strip():
        raise InputError(source, "HTML page has no readable text")
    return Parsed(
        text=text,
        format="html",
        extracted=extracted,
        url=url or (found.url if found else None),
        title=found.title if found else None,
        published=_find_date(html, url, extensive=False),
        wider_date=lambda: _find_date(html, url, extensive=True),
        publisher=found.sitename if found else None,
    )


def _find_date(html: str, url: str | None, *, extensive: bool) -> str | None:
    """The page's date by htmldate: its fast search looks at markup and the URL; the extensive one also
    reads dates anywhere in the page's text, so it dates more pages and more of them wrongly."""
    try:
        found = htmldate.find_date(
            html, url=url, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return found


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


register(Format("html", order=50, binary=False, claims=_claims, read=_read))

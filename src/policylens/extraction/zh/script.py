"""Traditional characters read as simplified, with offsets into the stored text kept.

Pages from Hong Kong, Macao, Taiwan and some mainland portals (Xinjiang's
among them) are written in traditional characters; the Chinese readers'
vocabularies are simplified.  OpenCC's ``t2s`` conversion rewrites the text
character for character, so a span in the converted text is the same span in
the stored one.  That is checked on every text: a conversion that changed the
length (a phrase rule mapping to a different number of characters) is not
used, and the text is read as written.  Nor is the conversion applied to a
page written in simplified characters: such pages keep a few characters that
OpenCC's table treats as traditional (濛 in the place name 濛阳, 乾 in 乾县), and
converting them would rename places.  A page counts as traditional when a share
of its distinct characters (``_TRADITIONAL_SHARE``) changes in conversion; a
page with none of the common traditional-only characters listed in
data/zh_script.yaml is not converted at all, which keeps simplified pages fast.

After reading, :func:`restore` puts the text as written back into every span
field (so each output still satisfies ``document.text[start:end] == text``) and
into every name, metric and subject read from the text: an entity is named as
the page writes it, its simplified name kept as an alias, so a traditional page
and a simplified one meet on the alias (and a place on its gazetteer key).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from policylens.extraction.numbers import _load
from policylens.model import Document, Entity, Event, Quantity

_MARKERS = re.compile(f"[{re.escape(_load('zh_script.yaml')['traditional_markers'])}]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # loaded on the first Chinese page, not on import of the pipeline

    return opencc.OpenCC("t2s")


# Full-width digits ("到２０２８年", "１２００家"), as some portals and documents typed in a Chinese input mode
# write them: read as ASCII digits, one character for one, so that a year is a year to every rule.
_FULL_WIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_FULL_WIDTH_DIGIT = re.compile("[\uff10-\uff19]")

_TRADITIONAL_SHARE = (
    0.05  # a traditional page changes a quarter or more of its distinct characters; a simplified one a handful
)
_TRADITIONAL_MIN = 5


def simplify(text: str) -> str:
    """``text`` in simplified characters with its digits in ASCII, the same length; ``text`` itself when it is
    written in neither traditional characters nor full-width digits."""
    return _half_width(_simplify_script(text))


def _half_width(text: str) -> str:
    return text.translate(_FULL_WIDTH) if _FULL_WIDTH_DIGIT.search(text) else text


def _simplify_script(text: str) -> str:
    if not text or text.isascii() or not _MARKERS.search(text):
        return text
    converted = _converter().convert(text)
    if converted == text or len(converted) != len(text):
        return text
    written = set(text)
    changed = len(written - set(converted))
    if changed < _TRADITIONAL_MIN or changed < _TRADITIONAL_SHARE * len(written):
        return text
    return converted


def simplified(document: Document) -> Document:
    """The document to read: itself, or a copy whose text, title and publisher are in simplified characters
    (the text at the same offsets), so that a title or issuer naming the page's place is read like the body."""
    script = _simplify_script(document.text)  # converted once: a traditional page is read in full by OpenCC
    text = _half_width(script)
    if text is document.text:
        return document
    traditional = script is not document.text
    return replace(
        document,
        text=text,
        title=_converted(document.title, traditional),
        publisher=_converted(document.publisher, traditional),
    )


def _converted(line: str | None, traditional: bool) -> str | None:
    """A header line of a page read converted: in simplified characters when the page was found traditional
    (as written if conversion changes its length), its digits in ASCII."""
    if not line:
        return line
    converted = _converter().convert(line) if traditional else line
    return _half_width(converted if len(converted) == len(line) else line)


def restore(
    document: Document, reading: Document, quantities: list[Quantity], events: list[Event], entities: list[Entity]
) -> None:
    """Give what was read from the simplified copy ``reading`` back in the script ``document`` is written in.

    Spans carry the text as written; an entity is named as the page names it most (its simplified name
    kept as an alias, where a simplified page's name of the same thing is found); a metric, subject,
    actor or object read from the text (or a subject from the title or issuer) is that stretch as written.
    """
    written, read = document.text, reading.text
    headers = [(reading.title, document.title), (reading.publisher, document.publisher)]
    renamed: dict[str, str] = {}
    for entity in entities:
        forms = Counter(written[s:e] for s, e in entity.mentions)
        if forms:
            name = max(forms, key=lambda f: (forms[f], f == entity.name))
            if name != entity.name:
                renamed[entity.name] = name
                entity.aliases = [entity.name] + [a for a in entity.aliases if a != name]
                entity.name = name
        entity.aliases.extend(sorted(set(forms) - {entity.name, *entity.aliases}))
    for q in quantities:
        q.text = written[q.start : q.end]
        q.metric = _as_written(q.metric, read, written, q.start, q.end)
        q.subject = (
            renamed.get(q.subject or "")
            or _header_as_written(q.subject, headers)
            or _as_written(q.subject, read, written, q.start, q.end)
        )
    for e in events:
        e.text = written[e.start : e.end]
        e.actor = renamed.get(e.actor or "") or _as_written(e.actor, read, written, e.start, e.end)
        e.object = _as_written(e.object, read, written, e.start, e.end)


def _header_as_written(value: str | None, headers: list[tuple[str | None, str | None]]) -> str | None:
    """A name taken from the title or the issuer, as that line writes it."""
    for read, written in headers:
        if value and read and written and len(read) == len(written) and (at := read.find(value)) >= 0:
            return written[at : at + len(value)]
    return None


_NEAR = 300  # how far from a figure its metric or subject is looked for first


def _as_written(value: str | None, read: str, written: str, start: int, end: int) -> str | None:
    """``value``, a stretch of the simplified copy, as the page writes it: nearest the item first, then anywhere."""
    if not value or value.isascii():
        return value
    at = read.rfind(value, max(0, start - _NEAR), end + len(value))
    if at < 0:
        at = read.find(value, start, end + _NEAR)
    if at < 0:
        at = read.find(value)
    return written[at : at + len(value)] if at >= 0 else value

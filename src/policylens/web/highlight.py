"""A document's text as HTML with its quantities, events and entity mentions marked where they stand.

The marks are built from the stored character offsets.  Every piece of text
between and inside them goes through ``markupsafe.escape``, and so does every
attribute value: the text is someone else's and may hold markup meant to run.

Marks must nest to be valid HTML.  Events are sentences or clauses and
usually contain the quantities and names in them, so wider spans open
first; a span that would cross the end of one already open (rare: an entity
name cut by a quantity's end) is left unmarked in the text and still listed
in the side panel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from policylens.model import Extraction

from .present import amount


@dataclass(slots=True)
class Mark:
    """One highlight: where it is, what it is, and what hovering it tells."""

    id: str  # anchor: q3, e0, n5-1
    start: int
    end: int
    css: str  # hl-target, hl-statistic, hl-event, hl-place, hl-company, ...
    label: str  # the side panel's line: "≥ 300 count", "approval", "Qingdao"
    tip: list[tuple[str, str]]  # (field, value) rows shown on hover
    text: str = ""
    entity: str | None = None  # the entity name, for a link to its page
    shown: bool = field(default=True)  # False when it could not be nested in the text


def marks(extraction: Extraction) -> list[Mark]:
    """Every quantity, event and entity mention of the extraction as a Mark, in text order."""
    out: list[Mark] = []
    for i, q in enumerate(extraction.quantities):
        when = [("deadline", str(q.deadline))] if q.deadline is not None else []
        when += [("as of", str(q.as_of))] if q.as_of is not None else []
        out.append(
            Mark(
                f"q{i}",
                q.start,
                q.end,
                f"hl-{q.kind}",
                amount(q.value, q.value_max, q.unit, q.comparator),
                [
                    ("kind", q.kind),
                    ("value", amount(q.value, q.value_max)),
                    ("unit", q.unit),
                    ("comparator", q.comparator),
                    *when,
                    *([("metric", q.metric)] if q.metric else []),
                    *([("subject", q.subject)] if q.subject else []),
                    *([("change", q.change)] if q.change else []),
                ],
                q.text,
            )
        )
    for i, e in enumerate(extraction.events):
        out.append(
            Mark(
                f"e{i}",
                e.start,
                e.end,
                "hl-event",
                e.type,
                [
                    ("event", e.type),
                    ("date", e.date or e.date_text or "undated"),
                    *([("actor", e.actor)] if e.actor else []),
                    *([("object", e.object)] if e.object else []),
                ],
                e.text,
            )
        )
    for i, n in enumerate(extraction.entities):
        for j, (start, end) in enumerate(n.mentions):
            out.append(
                Mark(
                    f"n{i}-{j}",
                    start,
                    end,
                    f"hl-{n.type}",
                    n.name,
                    [("entity", n.type), ("name", n.name), *([("key", n.key)] if n.key else [])],
                    extraction.document.text[start:end],
                    entity=n.name,
                )
            )
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def render(text: str, found: list[Mark]) -> Markup:
    """The text as escaped HTML with each Mark that nests properly wrapped in a <mark>."""
    parts: list[str] = []
    open_ends: list[int] = []  # ends of the marks currently open, innermost last
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            parts.append(escape(text[pos:end]))
            parts.append("</mark>")
            pos = end

    for m in found:
        if not (0 <= m.start < m.end <= len(text)):
            m.shown = False
            continue
        close_until(m.start)
        if open_ends and m.end > open_ends[-1]:
            m.shown = False  # would cross the end of an open mark
            continue
        parts.append(escape(text[pos : m.start]))
        pos = m.start
        tip = "\n".join(f"{k}: {v}" for k, v in m.tip)
        parts.append(f'<mark id="{escape(m.id)}" class="hl {escape(m.css)}" tabindex="0" title="{escape(tip)}">')
        open_ends.append(m.end)
    close_until(len(text))
    parts.append(escape(text[pos:]))
    return Markup("".join(parts))

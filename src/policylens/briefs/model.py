"""A brief as data: sections of points, each point citing numbered sentences.

The renderers (Markdown, HTML, JSON) all read this one structure, so the
three formats say the same things with the same citation numbers.  Point
texts are plain text: renderers escape them for their own format.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Citation:
    """One whole sentence of a source document, with where it sits in that document's text."""

    number: int
    source: str
    title: str | None
    document_id: int | None
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Point:
    text: str
    citations: list[int] = field(default_factory=list)
    kind: str = ""  # what the point is, for JSON consumers: "event", "target", "group", "monitor", …
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Section:
    id: str  # summary, confirmed, impact, monitor, signal, basis, related
    title: str
    points: list[Point] = field(default_factory=list)
    note: str | None = None  # what the section is, or why it is empty


@dataclass(slots=True)
class Brief:
    title: str
    as_of: str
    source: dict[str, Any]
    sections: list[Section]
    citations: list[Citation]
    audience: list[str] | None = None
    user_summary: bool = False
    byline: str = ""  # "As of …. Source: …." in the rules' wording
    sources_title: str = "Sources"
    language: str = "en"  # the language the brief is written in (its rules' wording)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

"""The extraction contract's types, shared by every stage of the pipeline.

These mirror ``shared/spec/extraction.md``: a :class:`Document` carries the
clean text every span points into; an :class:`Extraction` carries the
quantities, events and entities found in it.  ``to_dict`` writes exactly the
contract's JSON shape (extra keys such as ``industries`` are additions the
scorer ignores).  Nothing here imports the rest of the package.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SOURCE_TYPES = ("government", "state_media", "press_release", "media", "analysis", "unknown")
QUANTITY_KINDS = ("target", "statistic")
COMPARATORS = ("=", ">", ">=", "<", "<=", "~")
EVENT_TYPES = ("issuance", "approval", "launch", "establishment", "production", "investment", "achievement", "other")
ENTITY_TYPES = ("place", "company", "government", "platform", "institution", "cluster", "park", "programme")


@dataclass(slots=True)
class Document:
    """A cleaned document: the text every extracted span points into, plus metadata."""

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    language: str = "en"
    source_type: str = "unknown"
    url: str | None = None
    publisher: str | None = None
    format: str = "text"
    content_hash: str = ""
    id: int | None = None

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        out = {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "source_type": self.source_type,
            "publisher": self.publisher,
        }
        if with_text:
            out["text"] = self.text
        return out


@dataclass(slots=True)
class Alternative:
    """The same quantity restated in another unit ("270 billion yuan ($38.66 billion)")."""

    value: float
    unit: str


@dataclass(slots=True)
class Quantity:
    kind: str
    text: str
    start: int
    end: int
    value: float
    unit: str
    metric: str | None = None
    value_max: float | None = None
    comparator: str = "="
    change: str | None = None
    baseline: int | None = None
    deadline: int | str | None = None
    as_of: int | str | None = None
    annual: bool = False
    subject: str | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.value_max is None:
            del out["value_max"]
        return out


@dataclass(slots=True)
class Event:
    type: str
    text: str
    start: int
    end: int
    actor: str | None = None
    object: str | None = None
    date: str | None = None
    date_text: str | None = None
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Entity:
    """One distinct named thing in a document, with every place it is mentioned."""

    type: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    key: str | None = None  # a stable id where one exists, e.g. "adcode:370281" for a gazetteer place

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["mentions"] = [list(m) for m in self.mentions]
        return out


@dataclass(slots=True)
class Extraction:
    document: Document
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        return {
            "document": {**self.document.to_dict(with_text), "industries": list(self.industries)},
            "quantities": [q.to_dict() for q in self.quantities],
            "events": [e.to_dict() for e in self.events],
            "entities": [e.to_dict() for e in self.entities],
        }

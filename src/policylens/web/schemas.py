"""The API's response shapes as Pydantic models, so the OpenAPI document says what every route returns.

They describe the store's own ``to_dict`` shapes (what the CLI's --json
prints); FastAPI checks each answer against them, so a shape that drifts
from its model fails the API tests instead of surprising a generated client.
Free-form parts (an entity's attributes, a brief point's data) stay plain
JSON objects.  Every list answers in one envelope, ``Page``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from policylens.briefs import FORMATS as BRIEF_FORMATS
from policylens.model import ENTITY_TYPES, SOURCE_TYPES
from policylens.track import STATUSES

T = TypeVar("T")


def _choices(name: str, values: tuple[str, ...]) -> type[StrEnum]:
    """A named enum of the package's own vocabulary: one schema in the spec, one enum in a generated client."""
    # mypy types the functional API's result as a plain Enum.
    return StrEnum(name, [(v, v) for v in values])  # type: ignore[return-value]


# Named, so the OpenAPI document has one schema for each (not an inline enum per parameter).
# Built at run time from the vocabularies, they are no static types to mypy: the annotations that name
# them (here and in api.py) carry ``# type: ignore[valid-type]``.
SourceType = _choices("SourceType", SOURCE_TYPES)
Status = _choices("Status", STATUSES)
EntityType = _choices("EntityType", ENTITY_TYPES)
ConflictKind = _choices("ConflictKind", ("cross_document", "currency_restatement"))
HitKind = _choices("HitKind", ("document", "quantity", "event"))
BriefFormat = _choices("BriefFormat", BRIEF_FORMATS)
Language = _choices("Language", ("en", "zh"))
Year = int | str  # a deadline or reference year; a few are written as periods ("2021-2025")


class Error(BaseModel):
    """Every error the API answers: one message naming the input or the reason."""

    error: str = Field(
        description="What went wrong, naming the parameter or value.",
        examples=["status: Input should be 'open', 'due' or 'met'"],
    )


class Page(BaseModel, Generic[T]):
    """One page of a list; the ``Link`` header carries the next and previous pages' URLs."""

    items: list[T]
    total: int = Field(description="Rows matching the request, over every page.")
    limit: int = Field(description="At most this many items per page.")
    offset: int = Field(description="Rows skipped before this page.")


class DocumentSummary(BaseModel):
    id: int
    source: str = Field(description="Where the document came from: a URL, a file path or upload:NAME.")
    url: str | None
    title: str | None
    published: str | None = Field(description="Publication date, YYYY-MM-DD (or YYYY-MM, YYYY).")
    language: str | None
    source_type: str | None
    publisher: str | None


class DocumentOut(DocumentSummary):
    text: str = Field(description="The clean text every character offset points into.")


class ExtractedDocument(BaseModel):
    source: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    source_type: str | None
    publisher: str | None
    text: str
    industries: list[str]


class Alternative(BaseModel):
    value: float
    unit: str


class Quantity(BaseModel):
    kind: str = Field(description="target, statistic, investment, …")
    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str
    metric: str | None
    comparator: str
    change: str | None
    baseline: int | None
    deadline: Year | None
    as_of: Year | None
    annual: bool
    subject: str | None
    alternatives: list[Alternative]
    industries: list[str]


class Event(BaseModel):
    type: str
    text: str
    start: int
    end: int
    actor: str | None
    object: str | None
    date: str | None
    date_text: str | None
    approximate: bool


class ExtractedEntity(BaseModel):
    type: str
    name: str
    mentions: list[list[int]] = Field(description="[start, end] character offsets of each mention.")
    attributes: dict[str, Any]
    aliases: list[str]
    key: str | None


class ExtractionOut(BaseModel):
    id: int
    document: ExtractedDocument
    quantities: list[Quantity]
    events: list[Event]
    entities: list[ExtractedEntity]


class EntityRef(BaseModel):
    id: int
    type: str
    name: str
    key: str | None = Field(description="A stable id where one exists, e.g. adcode:370700 for a place.")


class EntitySummary(EntityRef):
    level: str | None
    mention_count: int
    document_count: int


class Observation(BaseModel):
    id: int
    document_id: int
    published: str | None
    value: float
    unit: str
    as_of: Year | None
    comparator: str
    metric: str | None


class Target(BaseModel):
    id: int
    document_id: int
    title: str | None
    published: str | None
    text: str
    subject: str | None
    entity: EntityRef | None
    metric: str | None
    value: float
    value_max: float | None
    unit: str
    comparator: str
    change: str | None
    deadline: Year | None
    status: str = Field(
        description="open, due, met, missed, past_due_unverified or superseded for a goal; "
        "for a term or threshold, its role."
    )
    progress_percent: float | None
    reason: str
    latest: Observation | None
    observations: list[Observation]
    restated_by: int | None
    role: str = Field(description="goal, term or threshold.")


class Relation(BaseModel):
    relation: str
    object: str
    object_id: int | None
    document_id: int | None


class EntityEvent(BaseModel):
    date: str | None
    type: str
    text: str
    document_id: int
    role: str


class DocumentRef(BaseModel):
    id: int
    title: str | None
    published: str | None
    source_type: str | None
    source: str


class EntityProfile(EntityRef):
    as_of: str = Field(description="The day target statuses are judged on, YYYY-MM-DD.")
    level: str | None
    attributes: dict[str, Any]
    aliases: list[str]
    mention_count: int
    document_count: int
    hierarchy: list[EntityRef] = Field(description="The places it lies in, innermost first.")
    relations: list[Relation]
    contains: dict[str, list[EntityRef]] = Field(description="What lies in it or belongs to it, by type.")
    targets: list[Target]
    events: list[EntityEvent]
    documents: list[DocumentRef]


class Conflict(BaseModel):
    id: int
    kind: str = Field(description="cross_document or currency_restatement.")
    reason: str
    quantity_id: int
    document_id: int
    text: str
    value: float
    other_quantity_id: int | None
    other_document_id: int | None
    other_text: str | None
    other_value: float


class Counts(BaseModel):
    documents: int
    entities: int
    targets: int
    terms: int
    conflicts: int


class DeadlineCount(BaseModel):
    year: Year | None
    status: str
    count: int


class Overview(BaseModel):
    as_of: str
    counts: Counts
    status_counts: dict[str, int] = Field(description="Targets by their status on as_of.")
    deadlines: list[DeadlineCount]
    recent_documents: list[DocumentRef]
    recent_conflicts: list[Conflict]


class SearchHit(BaseModel):
    kind: HitKind  # type: ignore[valid-type]
    document_id: int
    item_id: int | None
    title: str | None
    published: str | None
    source_type: str | None
    text: str
    rank: float
    snippet: str
    marks: list[list[int]] = Field(description="[start, end] offsets into snippet of the words matched.")


class Watchlist(BaseModel):
    id: int
    name: str
    region: str | None
    industry: str | None
    entity: str | None
    keyword: str | None
    created_at: str | None


class AlertBrief(BaseModel):
    command: str
    path: str


class Delivery(BaseModel):
    destination: str
    attempts: int
    delivered_at: str | None
    last_error: str | None


class Alert(BaseModel):
    id: int
    uid: str
    kind: str
    watchlist: str | None
    document_id: int
    title: str | None
    earlier_document_id: int | None
    reason: str
    facts: list[str]
    brief: AlertBrief
    created_at: str
    deliveries: list[Delivery]


class Outcome(BaseModel):
    source: str
    status: Literal["stored", "duplicate", "failed"]
    document_id: int | None
    duplicate_of: int | None
    near_duplicate_of: int | None
    error: str | None
    title: str | None
    published: str | None
    source_type: str | None
    language: str | None
    quantities: int | None = None
    events: int | None = None
    entities: int | None = None


class IngestReport(BaseModel):
    stored: int
    duplicate: int
    failed: int
    outcomes: list[Outcome]


# http(s), a host of DNS labels (at most 63 characters each), an optional port, then anything without spaces.
URL = (
    r"^[hH][tT][tT][pP][sS]?://[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.?"
    r"(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?([/?#]\S*)?$"
)


class IngestURL(BaseModel):
    """A page or an RSS/Atom feed for the server to fetch and ingest (a feed: every entry)."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        pattern=URL,
        max_length=2048,
        description="An http(s) URL of a page or feed; a host name outside ASCII in its punycode form (xn--…).",
        examples=["https://example.org/policy/plan-2025.html"],
    )

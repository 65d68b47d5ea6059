"""The knowledge base's tables, as typed SQLAlchemy declarative models.

One document row per distinct text; every fact extracted from it hangs off that
row and is deleted with it.  Facts keep the contract's strings (ISO dates as
precise as the source gave them) next to a sortable column (a ``Date`` or a
year) so that queries can filter and order without parsing strings.

Strings have no length limit (except the fixed-size hash): PostgreSQL would
enforce one and SQLite would not, and a save that fails on one backend only is
worse than either.  Offsets are named ``start_offset``/``end_offset`` rather
than ``start``/``end`` because ``END`` is reserved in SQL and hand-written
queries would trip on it.

Later schema (canonical entities with aliases, relations, targets with progress
observations, conflicts) arrives as new tables and nullable foreign keys added
by new migrations; nothing here needs to be rewritten for it.  Change these
models only together with a new revision under ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

# Named constraints let SQLite batch migrations drop or alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class _JsonOrJsonb(TypeDecorator[Any]):
    """JSONB on PostgreSQL so later queries can index into attributes; JSON text elsewhere.

    Chosen when a dialect first compiles the column, rather than as ``JSON().with_variant(JSONB(),
    "postgresql")``, which needs the JSONB class at import: importing SQLAlchemy's PostgreSQL dialect
    (with its drivers' modules) cost every command on SQLite about 20 ms of its start.  Both backends
    see the same column types as before (the migrations and the models still agree).
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


JsonType = _JsonOrJsonb()

# A float outside this range is NaN or infinite.  NaN is stored as NULL by SQLite and
# sorts above every number in PostgreSQL, so this one check refuses it on both.
_FINITE = "{col} > -1e308 AND {col} < 1e308"


def _span_check() -> CheckConstraint:
    """Every span must be a real slice of the text: this refuses negative or reversed offsets."""
    return CheckConstraint("start_offset >= 0 AND start_offset <= end_offset", name="span")


# The full-text indexes of ``search_items``, created by revisions 0004 and 0006 and no business
# of autogenerate: SQLite's FTS5 table (with its shadow tables), PostgreSQL's stored tsvector
# column (generated from ``text``) and its GIN index.
SEARCH_INDEX_PREFIX = "search_fts"
SEARCH_GIN_INDEX = "ix_search_items_tsv"
SEARCH_TSV_COLUMN = "tsv"


def is_model_table(name: str | None, type_: str, parent_names: Any = None, *_: object) -> bool:
    """For Alembic's ``include_name``: everything except the full-text indexes."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(SEARCH_INDEX_PREFIX)
    if type_ == "column":
        return not (name == SEARCH_TSV_COLUMN and (parent_names or {}).get("table_name") == "search_items")
    return not (type_ == "index" and name == SEARCH_GIN_INDEX)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String())
    # The first day of the period ``published`` names ("2026-06" -> 2026-06-01), for sorting.
    published_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String())
    source_type: Mapped[str] = mapped_column(String(), index=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String())
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The first stored version of the same story (reposted elsewhere, lightly edited).
    near_duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    # The MinHash signature (uint32 values) that confirms band-table candidates.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)

    quantities: Mapped[list[QuantityRow]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="QuantityRow.ordinal",
    )
    events: Mapped[list[EventRow]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventRow.ordinal",
    )
    entities: Mapped[list[DocumentEntityRow]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DocumentEntityRow.ordinal",
    )
    industries: Mapped[list[DocumentIndustryRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DocumentIndustryRow.ordinal",
    )


def _document_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class QuantityRow(Base):
    __tablename__ = "quantities"
    __table_args__ = (
        _span_check(),
        CheckConstraint(_FINITE.format(col="value"), name="value_finite"),
        CheckConstraint(_FINITE.format(col="value_max"), name="value_max_finite"),
        Index("ix_quantities_metric_unit", "metric", "unit"),
        Index("ix_quantities_kind_deadline_year_id", "kind", "deadline_year", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String())
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String())
    comparator: Mapped[str] = mapped_column(String())
    change: Mapped[str | None] = mapped_column(String())
    baseline: Mapped[int | None] = mapped_column(Integer)
    # The contract allows a year or an ISO date; the string keeps it, the year sorts it.
    deadline: Mapped[str | None] = mapped_column(String())
    deadline_year: Mapped[int | None] = mapped_column(Integer)
    as_of: Mapped[str | None] = mapped_column(String())
    as_of_year: Mapped[int | None] = mapped_column(Integer)
    annual: Mapped[bool] = mapped_column(default=False)
    subject: Mapped[str | None] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="quantities")
    alternatives: Mapped[list[QuantityAlternativeRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="QuantityAlternativeRow.ordinal",
    )
    industries: Mapped[list[QuantityIndustryRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="QuantityIndustryRow.ordinal",
    )


class QuantityAlternativeRow(Base):
    """A quantity restated in another unit; a table, not JSON, so conflicts can compare in SQL."""

    __tablename__ = "quantity_alternatives"
    __table_args__ = (CheckConstraint(_FINITE.format(col="value"), name="value_finite"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String())


class QuantityIndustryRow(Base):
    __tablename__ = "quantity_industries"

    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    industry: Mapped[str] = mapped_column(String(), primary_key=True, index=True)
    ordinal: Mapped[int] = mapped_column(Integer)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        _span_check(),
        Index("ix_events_type_event_date", "type", "event_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String())
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str | None] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String())
    # The first day of the period ``date`` names, for sorting and range queries.
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(Text)
    approximate: Mapped[bool] = mapped_column(default=False)

    document: Mapped[DocumentRow] = relationship(back_populates="events")


class DocumentEntityRow(Base):
    """One entity as named in one document; ``entity_links`` says which canonical entity it is."""

    __tablename__ = "document_entities"
    __table_args__ = (Index("ix_document_entities_type_name", "type", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String())
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(String(), index=True)
    attributes: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    aliases: Mapped[list[str]] = mapped_column(JsonType, default=list)

    document: Mapped[DocumentRow] = relationship(back_populates="entities")
    mentions: Mapped[list[EntityMentionRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EntityMentionRow.ordinal",
    )


class EntityMentionRow(Base):
    __tablename__ = "entity_mentions"
    __table_args__ = (_span_check(),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("document_entities.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)


class DocumentIndustryRow(Base):
    __tablename__ = "document_industries"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    industry: Mapped[str] = mapped_column(String(), primary_key=True, index=True)
    ordinal: Mapped[int] = mapped_column(Integer)


class MinhashBandRow(Base):
    """One LSH band of a document's signature; equal hashes make near-duplicate candidates.

    The band number is folded into ``hash`` (see ``dedup.band_hashes``), so the lookup
    is a single ``hash IN (...)`` against its index.
    """

    __tablename__ = "minhash_bands"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger, index=True)


# ---------------------------------------------------------------------------
# The knowledge across documents (revisions 0002-0004).  Everything below is
# derived from the per-document rows above by ``KnowledgeBase.resolve`` and
# rebuilt as a whole, except ``entity_decisions`` (the user's own merges and
# splits, which the rebuild re-applies) and ``search_items`` (written with
# each document in the same transaction).
# ---------------------------------------------------------------------------


class EntityRow(Base):
    """One real-world thing, however many documents name it and however they spell it."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_type_norm", "type", "norm"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String())
    name: Mapped[str] = mapped_column(Text)
    norm: Mapped[str] = mapped_column(Text, index=True)
    # The gazetteer key of a place ("adcode:370281"): the identity that spelling cannot change.
    key: Mapped[str | None] = mapped_column(String(), unique=True)
    level: Mapped[str | None] = mapped_column(String())
    attributes: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    document_count: Mapped[int] = mapped_column(Integer, default=0)


def _entity_fk(nullable: bool = False, **kwargs: Any) -> Mapped[Any]:
    return mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), nullable=nullable, **kwargs)


class EntityKindRow(Base):
    """The document entities alike in type, name, aliases, gazetteer key and attributes: one row per kind.

    Derived, like the links: a knowledge base repeats a few thousand kinds
    over all its document entities (1,393 over 84,828 at 10,000 generated
    documents), and every record of a kind lies in one canonical entity
    (the same name, aliases and key make one node of the resolution graph).
    A batch's pass (``derive.update``) walks the blocking keys, rebuilds the
    entities the batch's records join and finds which documents a change
    reaches over these rows, reading document entities only for the part
    the batch reaches and the documents it resolves again.  ``aliases`` and
    ``attributes`` are the document entities' JSON as text
    (``CAST(… AS TEXT)``: equal texts, equal values).
    """

    __tablename__ = "entity_kinds"

    first_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the kind's first document entity
    type: Mapped[str] = mapped_column(String())
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(String())
    aliases: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[str | None] = mapped_column(Text)
    records: Mapped[int] = mapped_column(Integer)
    mentions: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[int] = mapped_column(Integer)
    # Its blocking keys (``resolve.blocking_keys``: JSON, sorted [key, name] pairs), which depend only on its
    # type group, name, aliases and gazetteer key, and on the rules and gazetteer (whose edits need a rebuild).
    keys: Mapped[str] = mapped_column(Text)


class EntityAliasRow(Base):
    """Every name an entity goes by, normalised for lookup, with how often each was used."""

    __tablename__ = "entity_aliases"

    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    norm: Mapped[str] = mapped_column(Text, primary_key=True, index=True)
    alias: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer, default=0)


class EntityLinkRow(Base):
    """Which canonical entity one document's entity was resolved to.

    A table of its own rather than a column on ``document_entities``: the
    rebuild replaces all links at once, and the per-document rows stay as
    extraction wrote them.  Mentions reach the canonical entity through it.
    """

    __tablename__ = "entity_links"

    document_entity_id: Mapped[int] = mapped_column(
        ForeignKey("document_entities.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = _entity_fk(index=True)


class EntityRelationRow(Base):
    """located_in, part_of, focuses_on, member_of, issued_by: between entities, or to an industry."""

    __tablename__ = "entity_relations"
    __table_args__ = (
        Index("ix_entity_relations_relation_object_id", "relation", "object_id"),
        Index("ix_entity_relations_relation_object_value", "relation", "object_value"),
    )

    # Computed from the relation itself (``derive.relation_id``): 63 bits.  SQLite's INTEGER is 64 bits
    # already, and keeps the table's rowid.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    subject_id: Mapped[int] = _entity_fk(index=True)
    relation: Mapped[str] = mapped_column(String())
    object_id: Mapped[int | None] = _entity_fk(nullable=True)
    object_value: Mapped[str | None] = mapped_column(Text)  # an industry slug for focuses_on
    # The document that states it; NULL when it comes from the gazetteer.
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class EntityRegionRow(Base):
    """Closure of the place hierarchy: every place an entity lies in, itself included for places.

    Region filters ("Shandong, with everything inside it") become one indexed
    join on both databases instead of a recursive query.
    """

    __tablename__ = "entity_regions"

    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)
    depth: Mapped[int] = mapped_column(Integer)


class EntityDecisionRow(Base):
    """A user's merge or split, kept by name so that it survives every rebuild and re-ingest."""

    __tablename__ = "entity_decisions"
    __table_args__ = (CheckConstraint("action IN ('merge', 'split')", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String())
    name: Mapped[str] = mapped_column(Text)
    other: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class QuantitySubjectRow(Base):
    """The canonical entity a quantity's ``subject`` names, when it could be resolved."""

    __tablename__ = "quantity_subjects"

    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = _entity_fk(index=True)


class TrackedSubjectRow(Base):
    """The subject a quantity is tracked under (an entity's name, or its own words; NULL for none).

    Derived with the rest; the incremental pass reads the last one to find
    which subjects a batch moved a quantity away from.  The quantity's
    metric is kept beside it so that the facts of the (subject, metric)
    groups a batch reaches are found by this table's index, not by joining
    every quantity to its tracked subject; and whether its subject names an
    entity (it has a ``quantity_subjects`` row), so that a batch's pass can
    tell by two counts that no subject entity went missing since the last
    pass, rather than listing every quantity without one (migration 0017).
    """

    __tablename__ = "tracked_subjects"
    __table_args__ = (Index("ix_tracked_subjects_subject_metric", "subject", "metric"),)

    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    subject: Mapped[str | None] = mapped_column(Text)
    metric: Mapped[str | None] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean)


class TrackedGroupRow(Base):
    """A (tracked subject, metric) pair the stored quantities fall in, with how many of them: one row each.

    Derived, from ``tracked_subjects`` and the quantities' metrics: a batch's
    pass lists the few thousand groups here to find those its facts can meet
    (``track.batch.reach``), rather than with a DISTINCT over every tracked
    quantity, and adds and takes off the quantities it tracks anew.  The id
    is computed from the pair (``derive.group_id``: 63 bits), since either
    may be NULL and so cannot be a primary key.
    """

    __tablename__ = "tracked_groups"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    subject: Mapped[str | None] = mapped_column(Text)
    metric: Mapped[str | None] = mapped_column(Text)
    quantities: Mapped[int] = mapped_column(Integer)
    # How many of them have a subject entity (their tracked subject's ``resolved``): summed, the count of
    # subject entities the last pass wrote, which a batch's pass checks (``derive._Counts``; migration 0018).
    resolved: Mapped[int] = mapped_column(Integer)


class EventEntityRow(Base):
    """The canonical entities an event's actor and object name (for an entity's timeline)."""

    __tablename__ = "event_entities"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(), primary_key=True)
    entity_id: Mapped[int] = _entity_fk(index=True)


class TargetProgressRow(Base):
    """A later statistic linked to a target as a progress observation (``track.deciding_links``).

    Only the figures that decide the target's status on some day are kept:
    a figure already outdated when it became known never does.
    """

    __tablename__ = "target_progress"

    target_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    observation_id: Mapped[int] = mapped_column(
        ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float] = mapped_column(Float)


class TargetRestatementRow(Base):
    """The first target of a later document that restates this one (``track.first_restatements``).

    The target is superseded on any day by which that restatement was published.
    """

    __tablename__ = "target_restatements"

    target_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    restated_by_id: Mapped[int] = mapped_column(
        ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class TargetRoleRow(Base):
    """A target that is a term (a reward, subsidy, fund or cap) or a threshold (who qualifies), not a goal.

    Derived by ``track.roles`` on every resolution pass; goals have no row.
    Such targets get no progress, restatement or goal status.
    """

    __tablename__ = "target_roles"

    target_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String())


class TargetIndustryRow(Base):
    """An industry a target's own metric or subject names (the taxonomy's matcher), for the industry filter."""

    __tablename__ = "target_industries"
    __table_args__ = (Index("ix_target_industries_industry", "industry"),)

    target_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    industry: Mapped[str] = mapped_column(String(), primary_key=True)


class TargetStatusPeriodRow(Base):
    """A target's status from ``start_day`` until ``end_day`` (excluded; NULL: from then on).

    Derived by ``track.status_periods`` from the stored links and
    restatements, so that a status filter is a range query; the status shown
    is still computed by ``track.target_status`` for the rows returned.
    """

    __tablename__ = "target_status_periods"
    __table_args__ = (Index("ix_target_status_periods_status_start_day", "status", "start_day"),)

    target_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    start_day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    end_day: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String())


class ConflictRow(Base):
    """Figures that cannot all be right: across documents, or a currency restatement off its year's rate."""

    __tablename__ = "conflicts"

    # Computed from the conflict's quantities (``derive.conflict_ids``): wider than a quantity id.
    # SQLite's INTEGER is 64 bits already, and keeps the table's rowid.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(), index=True)
    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), index=True)
    other_quantity_id: Mapped[int | None] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    other_value: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)


class SearchItemRow(Base):
    """One searchable text: a document (title and body), a quantity or an event.

    ``text`` is the indexed form (see ``store.search.index_text``), not for
    display.  SQLite indexes it with an FTS5 table kept in step by triggers,
    PostgreSQL with a GIN index on its tsvector; both are created by
    revision 0004 outside these models.
    """

    __tablename__ = "search_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    kind: Mapped[str] = mapped_column(String())
    item_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------------------
# Monitoring (revision 0007): watchlists, feeds, alerts and their delivery.
# None of these is derived, so ``derive.rebuild`` leaves them alone.  They
# refer to documents by id (stable) and to everything else by the words the
# user gave (a region, an entity name), never by a canonical entity id,
# which the rebuild may renumber.
# ---------------------------------------------------------------------------


class WatchlistRow(Base):
    """What a user wants to be told about: every given criterion must hold (NULL: any)."""

    __tablename__ = "watchlists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    region: Mapped[str | None] = mapped_column(Text)
    industry: Mapped[str | None] = mapped_column(String())
    entity: Mapped[str | None] = mapped_column(Text)
    keyword: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class FeedRow(Base):
    """A feed polled on a schedule, with the validators of its last complete read (for conditional GET)."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    every_seconds: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    next_due: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # What the URL turned out to be ("feed", "discovered", "listing", "sitemap"; "auto" until its first read),
    # the feed a page declared (read instead of the page), and how many listing pages a read may follow.
    kind: Mapped[str] = mapped_column(String(), server_default="auto")
    fetch_url: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, server_default="1")


class RobotsRow(Base):
    """A host's robots.txt as last fetched, so an unchanged poll costs one request, not two."""

    __tablename__ = "robots_files"

    origin: Mapped[str] = mapped_column(Text, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class FeedEntryRow(Base):
    """An entry of a feed whose document is stored: it is not fetched again."""

    __tablename__ = "feed_entries"

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AlertRow(Base):
    """One thing a user was told: a document matched a watchlist, or followed up an earlier document.

    ``key`` says what the alert is about (so the same match never makes a
    second alert); ``uid`` is the idempotency key every destination receives.
    """

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String())
    watchlist: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int] = _document_fk()
    earlier_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    facts: Mapped[list[str]] = mapped_column(JsonType, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DestinationRow(Base):
    """Where alerts go ("jsonl:PATH", "webhook:URL", "print"): owed every alert from ``first_alert_id`` on.

    After a poll could not deliver to it, it rests until ``next_attempt_at``
    (backing off exponentially with ``failures``), and its alerts wait.
    """

    __tablename__ = "destinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spec: Mapped[str] = mapped_column(Text, unique=True)
    first_alert_id: Mapped[int] = mapped_column(Integer)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DeliveryRow(Base):
    """One alert's delivery to one destination: attempts so far, and when it was delivered (NULL: pending)."""

    __tablename__ = "deliveries"

    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True)
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("destinations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class MonitorStateRow(Base):
    """Named counters of the poller: ``matched_through`` is the last document id matched against watchlists."""

    __tablename__ = "monitor_state"

    name: Mapped[str] = mapped_column(String(), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)

"""The knowledge base: the one entry point the pipeline, CLI and web use to store and read.

A document and every fact extracted from it are written in one transaction, so
a failure leaves nothing of that document behind and a batch can go on with the
next one.  The same text seen twice is stored once; a lightly edited copy is
stored and linked to the first version it resembles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    Select,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, selectinload, sessionmaker

from .. import clock
from ..errors import InputError, StoreError
from ..model import Alternative, Document, Entity, Event, Extraction, Quantity
from ..periods import from_stored, period_start, to_stored, year_of
from . import documents, migrate, queries, search
from .schema import (
    Base,
    DocumentEntityRow,
    DocumentIndustryRow,
    DocumentRow,
    EntityDecisionRow,
    EntityMentionRow,
    EventRow,
    MinhashBandRow,
    QuantityAlternativeRow,
    QuantityIndustryRow,
    QuantityRow,
    SearchItemRow,
)

if TYPE_CHECKING:
    import numpy as np

    from . import dedup
    from .precompute import Precomputed


@dataclass(frozen=True, slots=True)
class SaveResult:
    document_id: int
    status: Literal["stored", "duplicate"]
    duplicate_of: int | None = None
    near_duplicate_of: int | None = None


class KnowledgeBase:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._writes = _writer(engine)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> KnowledgeBase:
        """Connect and migrate to the newest schema; StoreError names the URL if that fails."""
        try:
            engine = _create_engine(make_url(url))
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise StoreError(f"cannot open knowledge base {url!r}: {exc}") from exc
        shown = engine.url.render_as_string(hide_password=True)
        try:
            migrate.upgrade_if_needed(_writer(engine))
        except (SQLAlchemyError, migrate.MigrationError, OSError) as exc:
            engine.dispose()
            raise StoreError(f"cannot open knowledge base {shown}: {_reason(exc)}") from exc
        return cls(engine)

    @classmethod
    @contextmanager
    def using(cls, db: str | KnowledgeBase, *, existing: bool = False) -> Iterator[KnowledgeBase]:
        """``db`` as given when it is open already (its owner closes it), else one opened from the URL for
        the block and closed after it: how every entry point (API, briefs, CLI) takes "a URL or a KB".

        With ``existing``, a SQLite file that is not there is an InputError naming it, not a new empty
        knowledge base (a read command pointed at the wrong path should say so).
        """
        if isinstance(db, KnowledgeBase):
            yield db
            return
        if existing and db.startswith("sqlite:///") and db != "sqlite:///:memory:":
            path = Path(db.removeprefix("sqlite:///"))
            if not path.exists():
                raise InputError(str(path), "no knowledge base here; run `policylens ingest` first or pass --db")
        kb = cls.open(db)
        try:
            yield kb
        finally:
            kb.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read knowledge base: {_reason(exc)}") from exc

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for the other stages' own queries (monitoring); StoreError on failure."""
        with self._read() as session:
            yield session.connection()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction for the other stages' own tables, committed on exit; StoreError on failure.

        On SQLite it takes the write lock up front, as every write here does.
        """
        try:
            with self._writes.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write knowledge base: {_reason(exc)}") from exc

    def save(self, extraction: Extraction, pre: Precomputed | None = None) -> SaveResult:
        """Store a document with all its facts, or recognise it as one already stored.

        ``pre`` is ``precompute(extraction)`` when the caller computed it (an
        ingest worker does).  On success the document's ``content_hash`` and
        ``id`` are filled in.
        """
        doc = extraction.document
        pre = pre or _precompute(extraction)
        fp = pre.fingerprint
        try:
            with self._writes.begin() as conn:
                result = _save(conn, extraction, pre)
        except IntegrityError as exc:
            # Another writer may have stored the same text since we looked.
            if (existing := self.find_by_hash(_digest(doc, fp))) is not None:
                result = SaveResult(existing, "duplicate", duplicate_of=existing)
            else:
                raise StoreError(f"{doc.source}: not saved: {_reason(exc)}") from exc
        except (SQLAlchemyError, ValueError, TypeError) as exc:
            raise StoreError(f"{doc.source}: not saved: {_reason(exc)}") from exc
        doc.content_hash, doc.id = _digest(doc, fp), result.document_id
        return result

    def save_many(
        self,
        items: Sequence[tuple[Extraction, Precomputed | None]],
    ) -> list[SaveResult | Exception]:
        """``save`` each (extraction, precomputed) in one transaction; each one's result or error, in order.

        A commit per document cost the writer more than the inserts did.  If
        anything in the group fails, the group is rolled back and its documents
        are saved one by one, so a bad document still fails alone and nothing
        is half-written.  Later documents of a group are deduplicated against
        earlier ones, as one by one.
        """
        if len(items) > 1:
            pres = [pre or _precompute(extraction) for extraction, pre in items]
            try:
                with self._writes.begin() as conn:
                    results = [_save(conn, extraction, pre) for (extraction, _), pre in zip(items, pres, strict=True)]
            except Exception:  # noqa: BLE001 - retried one by one below, where the failing document gets its error
                pass
            else:
                for (extraction, _), computed, result in zip(items, pres, results, strict=True):
                    doc = extraction.document
                    doc.content_hash, doc.id = _digest(doc, computed.fingerprint), result.document_id
                return list(results)
        out: list[SaveResult | Exception] = []
        for extraction, pre in items:
            try:
                out.append(self.save(extraction, pre))
            except Exception as exc:  # noqa: BLE001 - this document's failure; the others go on
                out.append(exc)
        return out

    def find_by_hash(self, content_hash: str) -> int | None:
        with self._read() as session:
            return _id_by_hash(session, content_hash)

    def count_documents(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def get_document(self, document_id: int) -> Document | None:
        with self._read() as session:
            row = session.get(DocumentRow, document_id)
            return _document(row) if row is not None else None

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[Document]:
        with self._read() as session:
            rows = session.scalars(select(DocumentRow).order_by(DocumentRow.id).limit(limit).offset(offset))
            return [_document(row) for row in rows]

    def load_extraction(self, document_id: int) -> Extraction | None:
        with self._read() as session:
            row = session.get(
                DocumentRow,
                document_id,
                options=[
                    selectinload(DocumentRow.quantities).selectinload(QuantityRow.alternatives),
                    selectinload(DocumentRow.quantities).selectinload(QuantityRow.industries),
                    selectinload(DocumentRow.events),
                    selectinload(DocumentRow.entities).selectinload(DocumentEntityRow.mentions),
                    selectinload(DocumentRow.industries),
                ],
            )
            if row is None:
                return None
            return Extraction(
                document=_document(row),
                quantities=[_quantity(q) for q in row.quantities],
                events=[_event(e) for e in row.events],
                entities=[_entity(e) for e in row.entities],
                industries=[i.industry for i in row.industries],
            )

    # --- what a brief needs to quote and cite the answers above (see documents) ---

    def content_hashes(self, document_ids: Iterable[int]) -> dict[int, str]:
        """Document id -> the hash of its text, for the ids that are stored."""
        with self._read() as session:
            return documents.content_hashes(session.connection(), document_ids)

    def quantity_spans(self, ids: Iterable[int]) -> list[tuple[int, int, int, int]]:
        """(quantity id, document id, start, end) of each stored quantity among ``ids``."""
        with self._read() as session:
            return documents.quantity_spans(session.connection(), ids)

    def linked_entities(self, document_id: int) -> dict[int, int]:
        """Ordinal of each of a stored document's entities -> the canonical entity it was resolved to."""
        with self._read() as session:
            return documents.linked_entities(session.connection(), document_id)

    def sharing_documents(
        self, strong: set[int], places: set[int], industries: list[str], exclude: int | None
    ) -> list[documents.Sharing]:
        """Documents naming one of the ``strong`` entities, or a place inside ``places`` with an industry."""
        with self._read() as session:
            return documents.sharing_documents(session.connection(), strong, places, industries, exclude)

    def documents_in_window(
        self, since: dt.date, until: dt.date, *, region_id: int | None = None, industry: str | None = None
    ) -> list[documents.WindowDocument]:
        """Documents published in [since, until], or ingested then when undated, oldest first."""
        with self._read() as session:
            return documents.documents_in_window(
                session.connection(), since, until, region_id=region_id, industry=industry
            )

    # --- what the monitor matches watchlists on and quotes (see documents) ---

    def document_texts(self, document_ids: Iterable[int]) -> dict[int, str]:
        """Document id -> its clean text, for the ids that are stored."""
        with self._read() as session:
            return documents.document_texts(session.connection(), document_ids)

    def matching_documents(
        self, filters: search.SearchFilters, entity_ids: Iterable[int] = ()
    ) -> dict[int, int | None]:
        """Document id -> what it near-duplicates, for documents passing ``filters`` (and naming an entity)."""
        with self._read() as session:
            return documents.matching_documents(session.connection(), filters, entity_ids)

    def entity_names(
        self, id_range: tuple[int, int], *, region_id: int | None = None, entity_ids: Iterable[int] = ()
    ) -> list[tuple[int, str]]:
        """(document id, name as written) of the entities in a region or among ``entity_ids``."""
        with self._read() as session:
            return documents.entity_names(session.connection(), id_range, region_id=region_id, entity_ids=entity_ids)

    def fact_starts(self, kind: str, ids: Iterable[int]) -> dict[int, int]:
        """Quantity or event id -> where its span starts in its document."""
        with self._read() as session:
            return documents.fact_starts(session.connection(), kind, ids)

    def industry_quantities(self, industry: str, id_range: tuple[int, int]) -> list[tuple[int, int]]:
        """(document id, start) of the quantities tagged with ``industry`` in the documents of ``id_range``."""
        with self._read() as session:
            return documents.industry_quantities(session.connection(), industry, id_range)

    # --- across documents: resolution, tracking, search (see derive, queries, search) ---

    def resolve(self, document_ids: Iterable[int] | None = None) -> dict[str, int]:
        """Bring entities, relations, progress links and conflicts up to date with the stored documents.

        Run after a batch of saves with the batch's document ids
        (``policylens.ingest`` does): only what those documents can change
        is recomputed (``derive.update``).  Without ids, everything is
        rebuilt (``rebuild``).  Returns row counts.
        """
        # Only writers rebuild: a command that reads does not load the resolution rules.
        from . import derive

        try:
            with self._writes.begin() as conn:
                if document_ids is None:
                    return derive.rebuild(conn)
                return derive.update(conn, document_ids)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot resolve knowledge base: {_reason(exc)}") from exc

    def rebuild(self) -> dict[str, int]:
        """Recompute every derived table from the stored documents, trusting none of them: for repairs."""
        return self.resolve()

    def _decide(self, action: str, name: str, other: str) -> tuple[queries.EntityRef, queries.EntityRef]:
        with self._read() as session:
            conn = session.connection()
            a = queries.entity(conn, name)
            b = queries.entity(conn, other) if action == "merge" else _member(conn, a, other)
        if a.id == b.id and action == "merge":
            raise InputError(name, f"is already one entity with {other!r} (#{a.id} {a.name})")
        if a.key is not None and a.key == b.key:
            raise InputError(other, f"is a name of the gazetteer place {a.name}; it cannot be split off")
        try:
            with self._writes.begin() as conn:
                conn.execute(
                    insert(EntityDecisionRow),
                    {
                        "action": action,
                        "name": a.name if action == "merge" else other,
                        "other": b.name if action == "merge" else a.name,
                        "created_at": clock.now(),
                    },
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record the {action}: {_reason(exc)}") from exc
        self.resolve()
        return a, b

    def merge_entities(self, name: str, other: str) -> queries.EntityRef:
        """Make two entities one, now and after every later re-ingest; returns the merged entity."""
        self._decide("merge", name, other)
        return self.entity(name)

    def split_entity(self, name: str, alias: str) -> tuple[queries.EntityRef, queries.EntityRef]:
        """Take the name ``alias`` out of the entity ``name`` into an entity of its own, for good."""
        a, _ = self._decide("split", name, alias)
        with self._read() as session:
            conn = session.connection()
            return queries.entity(conn, a.name), queries.entity(conn, alias)

    def decisions(self) -> list[dict[str, Any]]:
        with self._read() as session:
            return [
                {
                    "id": r.id,
                    "action": r.action,
                    "name": r.name,
                    "other": r.other,
                    "created_at": r.created_at.isoformat(),
                }
                for r in session.scalars(select(EntityDecisionRow).order_by(EntityDecisionRow.id))
            ]

    def entity(self, name: str, entity_type: str | None = None) -> queries.EntityRef:
        with self._read() as session:
            return queries.entity(session.connection(), name, entity_type)

    def profile(self, name: str, as_of: dt.date | None = None) -> queries.EntityProfile:
        with self._read() as session:
            return queries.profile(session.connection(), name, as_of or clock.today())

    def targets(
        self,
        *,
        as_of: dt.date | None = None,
        region: str | None = None,
        industry: str | None = None,
        status: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[queries.TargetView]:
        """Targets with their status on ``as_of`` (default: today, from the clock)."""
        with self._read() as session:
            conn = session.connection()
            filters = _target_filters(conn, region, industry, status, entity)
            return queries.targets(conn, as_of or clock.today(), filters, limit)

    def count_targets(
        self,
        *,
        as_of: dt.date | None = None,
        region: str | None = None,
        industry: str | None = None,
        status: str | None = None,
        entity: str | None = None,
    ) -> int:
        """How many targets ``targets`` lists with the same filters (from stored status periods, none judged)."""
        with self._read() as session:
            conn = session.connection()
            filters = _target_filters(conn, region, industry, status, entity)
            return queries.count_targets(conn, as_of or clock.today(), filters)

    def conflicts(
        self, *, kind: str | None = None, region: str | None = None, limit: int | None = None, newest: bool = False
    ) -> list[queries.ConflictView]:
        with self._read() as session:
            conn = session.connection()
            return queries.conflicts(conn, kind, queries.region_id(conn, region), limit, newest)

    def list_entities(
        self, query: str | None = None, *, entity_type: str | None = None, limit: int | None = 50
    ) -> list[dict[str, Any]]:
        """Entities whose names contain ``query``, most mentioned first (for pickers and lookups)."""
        with self._read() as session:
            return queries.list_entities(session.connection(), query, entity_type, limit)

    def overview(self, as_of: dt.date | None = None, recent: int = 8) -> queries.Overview:
        """Counts, newest documents and conflicts, targets by status and deadline year (default: today)."""
        with self._read() as session:
            return queries.overview(session.connection(), as_of or clock.today(), recent)

    def search(
        self,
        query: str,
        *,
        region: str | None = None,
        industry: str | None = None,
        entity: str | None = None,
        source_type: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kinds: tuple[str, ...] = (),
        limit: int | None = 20,
    ) -> list[search.SearchHit]:
        """Documents, quantities and events matching every word of ``query``, best first."""
        with self._read() as session:
            conn = session.connection()
            filters = search.SearchFilters(
                region_id=queries.region_id(conn, region),
                industry=industry,
                entity_id=queries.entity_id(conn, entity),
                source_type=source_type,
                since=since,
                until=until,
                kinds=kinds,
            )
            return search.search(conn, query, filters, limit)

    def export_tables(self, as_of: dt.date | None = None) -> dict[str, list[dict[str, Any]]]:
        with self._read() as session:
            return queries.export_tables(session.connection(), as_of or clock.today())


def _member(conn: Connection, entity: queries.EntityRef, alias: str) -> queries.EntityRef:
    """The entity ``alias`` belongs to, which must be ``entity``: a split takes a name out of one entity."""
    for found in queries.find_entities(conn, alias):
        if found.id == entity.id:
            return found
    raise InputError(
        alias, f"is not a name of {entity.name} (#{entity.id}); see `policylens entity {entity.name!r}` for its aliases"
    )


_WRITE = "policylens_write"  # execution option: this transaction will write


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    # Wait for a concurrent writer (CLI batch and web server on one file) instead of failing.
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # We issue BEGIN ourselves (below); the driver's own transaction handling
        # would begin late and could not take the write lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL lets readers go on while a batch writes; NORMAL syncs at checkpoints, not
        # every commit, which is safe in WAL mode and several times faster.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writer that began as a reader cannot upgrade once another writer has
        # committed (SQLITE_BUSY, no waiting): take the write lock first, and wait for it.
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _writer(engine: Engine) -> Engine:
    return engine.execution_options(**{_WRITE: True})


def _reason(exc: BaseException) -> str:
    """The driver's own message, on one line, without SQLAlchemy's statement dump."""
    cause = getattr(exc, "orig", None) or exc
    return " ".join(str(cause).split()) or type(cause).__name__


# Prebuilt with one named parameter per band rather than an expanding IN, which
# SQLAlchemy would re-render on every call; both run once per save().
_ID_BY_HASH = select(DocumentRow.id).where(DocumentRow.content_hash == bindparam("digest"))


@cache
def _candidates() -> Select:
    from . import dedup

    return select(DocumentRow.id, DocumentRow.minhash, DocumentRow.near_duplicate_of).where(
        DocumentRow.id.in_(
            select(MinhashBandRow.document_id).where(
                MinhashBandRow.hash.in_([bindparam(f"band{i}") for i in range(dedup.BANDS)])
            )
        ),
        DocumentRow.minhash.is_not(None),
    )


def _id_by_hash(db: Connection | Session, digest: str) -> int | None:
    return db.scalar(_ID_BY_HASH, {"digest": digest})


def _precompute(extraction: Extraction) -> Precomputed:
    # NumPy and datasketch are loaded by the first write, not by commands that only read.
    from .precompute import precompute

    return precompute(extraction)


def _digest(doc: Document, fp: dedup.Fingerprint) -> str:
    return doc.content_hash or fp.digest


def _save(conn: Connection, extraction: Extraction, pre: Precomputed) -> SaveResult:
    """The document stored in ``conn``'s transaction, or the stored copy it duplicates."""
    fp = pre.fingerprint
    digest = _digest(extraction.document, fp)
    if (existing := _id_by_hash(conn, digest)) is not None:
        return SaveResult(existing, "duplicate", duplicate_of=existing)
    near = _near_duplicate(conn, fp.signature, fp.bands) if fp.signature is not None else None
    doc_id = _insert_document(conn, extraction, digest, fp.signature, fp.bands, near, pre.search_texts)
    return SaveResult(doc_id, "stored", near_duplicate_of=near)


def _near_duplicate(conn: Connection, sig: np.ndarray, bands: list[int]) -> int | None:
    """The first version of the story this signature belongs to, if one is stored."""
    from . import dedup

    candidates = conn.execute(_candidates(), {f"band{i}": h for i, h in enumerate(bands)}).all()
    match = dedup.best_match(sig, ((c.id, c.minhash) for c in candidates))
    if match is None:
        return None
    root = next(c.near_duplicate_of for c in candidates if c.id == match)
    return root if root is not None else match


def _insert_document(
    conn: Connection,
    extraction: Extraction,
    digest: str,
    sig: np.ndarray | None,
    bands: list[int],
    near: int | None,
    search_texts: list[str],
) -> int:
    """Insert the document and all its facts; returns the new document's id.

    Core inserts, one executemany per table, rather than ORM objects: the unit of work
    cost more than the database did, and ingest saves thousands of documents a minute.
    """
    from . import dedup

    doc = extraction.document
    doc_id = conn.execute(
        _insert_stmt(DocumentRow, "id"),
        {
            "content_hash": digest,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "published_date": period_start(doc.published),
            "language": doc.language,
            "source_type": doc.source_type,
            "publisher": doc.publisher,
            "format": doc.format,
            "text": doc.text,
            "ingested_at": clock.now(),
            "near_duplicate_of": near,
            "minhash": dedup.to_bytes(sig) if sig is not None else None,
        },
    ).scalar_one()

    quantity_ids = _insert_numbered(
        conn,
        QuantityRow,
        [
            {
                "document_id": doc_id,
                "ordinal": i,
                "kind": q.kind,
                "text": q.text,
                "start_offset": q.start,
                "end_offset": q.end,
                "metric": q.metric,
                "value": q.value,
                "value_max": q.value_max,
                "unit": q.unit,
                "comparator": q.comparator,
                "change": q.change,
                "baseline": q.baseline,
                "deadline": to_stored(q.deadline),
                "deadline_year": year_of(q.deadline),
                "as_of": to_stored(q.as_of),
                "as_of_year": year_of(q.as_of),
                "annual": q.annual,
                "subject": q.subject,
            }
            for i, q in enumerate(extraction.quantities)
        ],
    )
    _insert(
        conn,
        QuantityAlternativeRow,
        [
            {"quantity_id": qid, "ordinal": i, "value": a.value, "unit": a.unit}
            for qid, q in zip(quantity_ids, extraction.quantities, strict=True)
            for i, a in enumerate(q.alternatives)
        ],
    )
    _insert(
        conn,
        QuantityIndustryRow,
        [
            {"quantity_id": qid, "ordinal": i, "industry": name}
            for qid, q in zip(quantity_ids, extraction.quantities, strict=True)
            for i, name in enumerate(dict.fromkeys(q.industries))
        ],
    )

    event_ids = _insert_numbered(
        conn,
        EventRow,
        [
            {
                "document_id": doc_id,
                "ordinal": i,
                "type": e.type,
                "text": e.text,
                "start_offset": e.start,
                "end_offset": e.end,
                "actor": e.actor,
                "object": e.object,
                "date": e.date,
                "event_date": period_start(e.date),
                "date_text": e.date_text,
                "approximate": e.approximate,
            }
            for i, e in enumerate(extraction.events)
        ],
    )

    entity_ids = _insert_numbered(
        conn,
        DocumentEntityRow,
        [
            {
                "document_id": doc_id,
                "ordinal": i,
                "type": e.type,
                "name": e.name,
                "key": e.key,
                "attributes": dict(e.attributes),
                "aliases": list(e.aliases),
            }
            for i, e in enumerate(extraction.entities)
        ],
    )
    _insert(
        conn,
        EntityMentionRow,
        [
            {"entity_id": eid, "ordinal": i, "start_offset": start, "end_offset": end}
            for eid, e in zip(entity_ids, extraction.entities, strict=True)
            for i, (start, end) in enumerate(e.mentions)
        ],
    )

    _insert(
        conn,
        DocumentIndustryRow,
        [
            {"document_id": doc_id, "ordinal": i, "industry": name}
            for i, name in enumerate(dict.fromkeys(extraction.industries))
        ],
    )
    _insert(conn, MinhashBandRow, [{"document_id": doc_id, "band": band, "hash": h} for band, h in enumerate(bands)])
    _insert(conn, SearchItemRow, search.document_items(doc_id, extraction, quantity_ids, event_ids, search_texts))
    return doc_id


@cache
def _insert_stmt(model: type[Base], *returning: str) -> Insert:
    """Built once: a reused statement keeps its cache key, which SQLAlchemy would recompute."""
    stmt = insert(model)
    return stmt.returning(*(getattr(model, name) for name in returning)) if returning else stmt


def _insert(conn: Connection, model: type[Base], rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(_insert_stmt(model), rows)


def _insert_numbered(conn: Connection, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows numbered 0..n-1 by ``ordinal``; their new ids, in that order.

    The ids are matched by ordinal, not by position, because a multi-row insert does
    not promise to return them in the order the rows were given.
    """
    if not rows:
        return []
    returned = conn.execute(_insert_stmt(model, "id", "ordinal"), rows)
    ids = {ordinal: id_ for id_, ordinal in returned}
    return [ids[i] for i in range(len(rows))]


def _document(row: DocumentRow) -> Document:
    return Document(
        source=row.source,
        text=row.text,
        title=row.title,
        published=row.published,
        language=row.language,
        source_type=row.source_type,
        url=row.url,
        publisher=row.publisher,
        format=row.format,
        content_hash=row.content_hash,
        id=row.id,
    )


def _quantity(row: QuantityRow) -> Quantity:
    return Quantity(
        kind=row.kind,
        text=row.text,
        start=row.start_offset,
        end=row.end_offset,
        value=row.value,
        unit=row.unit,
        metric=row.metric,
        value_max=row.value_max,
        comparator=row.comparator,
        change=row.change,
        baseline=row.baseline,
        deadline=from_stored(row.deadline),
        as_of=from_stored(row.as_of),
        annual=row.annual,
        subject=row.subject,
        alternatives=[Alternative(value=a.value, unit=a.unit) for a in row.alternatives],
        industries=[i.industry for i in row.industries],
    )


def _event(row: EventRow) -> Event:
    return Event(
        type=row.type,
        text=row.text,
        start=row.start_offset,
        end=row.end_offset,
        actor=row.actor,
        object=row.object,
        date=row.date,
        date_text=row.date_text,
        approximate=row.approximate,
    )


def _entity(row: DocumentEntityRow) -> Entity:
    return Entity(
        type=row.type,
        name=row.name,
        mentions=[(m.start_offset, m.end_offset) for m in row.mentions],
        attributes=dict(row.attributes),
        aliases=list(row.aliases),
        key=row.key,
    )


def _target_filters(
    conn: Any, region: str | None, industry: str | None, status: str | None, entity: str | None
) -> queries.TargetFilters:
    """The filters of a targets read, with the region and entity named resolved (InputError if unknown)."""
    return queries.TargetFilters(
        region_id=queries.region_id(conn, region),
        industry=industry,
        entity_id=queries.entity_id(conn, entity),
        status=status,
    )

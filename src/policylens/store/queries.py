"""Questions the knowledge base answers: targets and their status, entity profiles, conflicts.

Status depends on the day asked about, so it is computed at query time from
stored inputs (the target, the statistics linked to it as progress, the
later targets that restate it) by ``track.target_status``; nothing that
changes with the calendar is stored.  Filters run in SQL, so a query over a
large knowledge base loads only the targets it returns.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from ..errors import InputError, ParameterError
from ..extraction import gazetteer as gz
from ..periods import from_stored, period_start
from ..track import STATUSES, Observation, Status, TargetFact, target_status
from ..track.roles import ROLES
from .resolve import normalise, surface
from .schema import (
    ConflictRow,
    DocumentEntityRow,
    DocumentRow,
    EntityAliasRow,
    EntityLinkRow,
    EntityRegionRow,
    EntityRelationRow,
    EntityRow,
    EventEntityRow,
    EventRow,
    QuantityRow,
    QuantitySubjectRow,
    TargetIndustryRow,
    TargetProgressRow,
    TargetRestatementRow,
    TargetRoleRow,
    TargetStatusPeriodRow,
)

# --- entities -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: int
    type: str
    name: str
    key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_entities(conn: Connection, name: str, entity_type: str | None = None) -> list[EntityRef]:
    """Entities that go by ``name`` (any alias; "#12" is entity 12), most mentioned first."""
    name = name.strip()
    if name.startswith("#") and name[1:].isdigit():
        condition = EntityRow.id == int(name[1:])
    else:
        written = surface(name)
        forms = {f for f in (written, normalise(name)) if f}
        if not forms:
            return []
        rows = conn.execute(
            select(EntityAliasRow.entity_id, EntityAliasRow.norm, EntityAliasRow.alias).where(
                EntityAliasRow.norm.in_(forms)
            )
        ).all()
        # A name as some document wrote it beats one that only normalises alike, so that a
        # split-off "X" is found apart from "X Co., Ltd." that normalises to it.
        as_written = {r.entity_id for r in rows if r.norm == written and surface(r.alias) == written}
        condition = EntityRow.id.in_(as_written or {r.entity_id for r in rows})
    stmt = select(EntityRow.id, EntityRow.type, EntityRow.name, EntityRow.key).where(condition)
    if entity_type:
        stmt = stmt.where(EntityRow.type == entity_type)
    stmt = stmt.order_by(EntityRow.mention_count.desc(), EntityRow.id)
    return [EntityRef(*row) for row in conn.execute(stmt)]


def entity(conn: Connection, name: str, entity_type: str | None = None) -> EntityRef:
    """The one entity ``name`` denotes; InputError names the alternatives when there is none or several."""
    found = find_entities(conn, name, entity_type)
    if len(found) == 1:
        return found[0]
    if found:
        # Several entities share the name (Chaoyang in Beijing and in Liaoning): the most mentioned wins
        # unless the user is explicit, and the others are listed.
        ranked = conn.execute(
            select(EntityRow.id, EntityRow.mention_count).where(EntityRow.id.in_([f.id for f in found]))
        ).all()
        counts = dict(ranked)
        if counts[found[0].id] > max(counts[f.id] for f in found[1:]):
            return found[0]
        options = ", ".join(f"#{f.id} {f.name} ({f.type})" for f in found[:5])
        raise InputError(name, f"names {len(found)} entities: {options}; give one as #ID")
    names = [n for (n,) in conn.execute(select(EntityRow.name).where(EntityRow.mention_count > 0))]
    close = [m[0] for m in process.extract(name, names, scorer=fuzz.WRatio, limit=3, score_cutoff=70)]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(name, f"no entity of that name in the knowledge base{hint}")


NOWHERE = -1  # a real place no stored document is about: a filter on it matches nothing


def region_id(conn: Connection, name: str | None) -> int | None:
    """The place a --region option names (None when not given).

    A place the gazetteer knows but no document mentions is not an error:
    the knowledge base simply holds nothing there yet.
    """
    if not name:
        return None
    try:
        return entity(conn, name, "place").id
    except InputError:
        if gz.load().lookup(name):
            return NOWHERE
        raise


def entity_id(conn: Connection, name: str | None) -> int | None:
    return entity(conn, name).id if name else None


# Entities worth listing: those documents name, and places (named or not) only when some document does.
_LISTED = or_(EntityRow.mention_count > 0, EntityRow.type != "place")
# Relations in the order of what they say: subject, relation, object, industry, stating document
# (gazetteer relations, with no document, last).  Their ids are hashes (``derive.relation_id``): no order.
_RELATION_ORDER = (
    EntityRelationRow.subject_id,
    EntityRelationRow.relation,
    EntityRelationRow.object_id.asc().nulls_last(),
    EntityRelationRow.object_value.asc().nulls_last(),
    EntityRelationRow.document_id.asc().nulls_last(),
)


def list_entities(
    conn: Connection, query: str | None = None, entity_type: str | None = None, limit: int | None = 50
) -> list[dict[str, Any]]:
    """Entities any of whose names contains ``query`` (any case), most mentioned first; all without one."""
    stmt = (
        select(
            EntityRow.id,
            EntityRow.type,
            EntityRow.name,
            EntityRow.key,
            EntityRow.level,
            EntityRow.mention_count,
            EntityRow.document_count,
        )
        .where(_LISTED)
        .order_by(EntityRow.mention_count.desc(), EntityRow.name)
        .limit(limit)
    )
    if query and query.strip():
        escaped = query.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(
            EntityRow.id.in_(
                select(EntityAliasRow.entity_id).where(
                    func.lower(EntityAliasRow.alias).like(f"%{escaped}%", escape="\\")
                )
            )
        )
    if entity_type:
        stmt = stmt.where(EntityRow.type == entity_type)
    return [dict(r._mapping) for r in conn.execute(stmt)]


@dataclass(slots=True)
class EntityProfile:
    entity: EntityRef
    level: str | None
    attributes: dict[str, Any]
    aliases: list[str]
    mention_count: int
    document_count: int
    hierarchy: list[EntityRef]  # the places it lies in, innermost first
    relations: list[dict[str, Any]]  # outgoing: located_in, part_of, focuses_on, member_of, issued_by
    contains: dict[str, list[EntityRef]]  # for a place or cluster: what lies in it or belongs to it, by type
    targets: list[TargetView]
    events: list[dict[str, Any]]
    documents: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.entity.to_dict(),
            "level": self.level,
            "attributes": self.attributes,
            "aliases": self.aliases,
            "mention_count": self.mention_count,
            "document_count": self.document_count,
            "hierarchy": [h.to_dict() for h in self.hierarchy],
            "relations": self.relations,
            "contains": {t: [e.to_dict() for e in es] for t, es in self.contains.items()},
            "targets": [t.to_dict() for t in self.targets],
            "events": self.events,
            "documents": self.documents,
        }


def profile(conn: Connection, name: str, as_of: dt.date, limit: int = 50) -> EntityProfile:
    ref = entity(conn, name)
    row = conn.execute(select(EntityRow).where(EntityRow.id == ref.id)).one()
    aliases = [
        a
        for (a,) in conn.execute(
            select(EntityAliasRow.alias)
            .where(EntityAliasRow.entity_id == ref.id)
            .order_by(EntityAliasRow.count.desc(), EntityAliasRow.alias)
        )
        if a != row.name
    ]
    hierarchy = [
        EntityRef(*r)
        for r in conn.execute(
            select(EntityRow.id, EntityRow.type, EntityRow.name, EntityRow.key)
            .join(EntityRegionRow, EntityRegionRow.region_id == EntityRow.id)
            .where(EntityRegionRow.entity_id == ref.id, EntityRegionRow.region_id != ref.id)
            .order_by(EntityRegionRow.depth)
        )
    ]
    obj = aliased(EntityRow)
    relations = [
        {
            "relation": r.relation,
            "object": r.name if r.name is not None else r.object_value,
            "object_id": r.object_id,
            "document_id": r.document_id,
        }
        for r in conn.execute(
            select(
                EntityRelationRow.relation,
                EntityRelationRow.object_id,
                EntityRelationRow.object_value,
                EntityRelationRow.document_id,
                obj.name,
            )
            .outerjoin(obj, obj.id == EntityRelationRow.object_id)
            .where(EntityRelationRow.subject_id == ref.id)
            .order_by(*_RELATION_ORDER[1:])
        )
    ]
    relations = list({(r["relation"], r["object"]): r for r in relations}.values())
    # Inside a place: everything whose region chain reaches it; of anything else: what names it as a whole.
    inside = select(EntityRegionRow.entity_id).where(
        EntityRegionRow.region_id == ref.id, EntityRegionRow.entity_id != ref.id
    )
    members = select(EntityRelationRow.subject_id).where(
        EntityRelationRow.object_id == ref.id, EntityRelationRow.relation.in_(("member_of", "part_of", "issued_by"))
    )
    contains: dict[str, list[EntityRef]] = defaultdict(list)
    for r in conn.execute(
        select(EntityRow.id, EntityRow.type, EntityRow.name, EntityRow.key)
        .where(or_(EntityRow.id.in_(inside), EntityRow.id.in_(members)), _LISTED)
        .order_by(EntityRow.mention_count.desc(), EntityRow.name)
    ):
        if len(contains[r.type]) < limit:
            contains[r.type].append(EntityRef(*r))
    targets_ = targets(conn, as_of, TargetFilters(entity_id=ref.id), limit=limit)
    events = [
        {"date": e.date, "type": e.type, "text": e.text, "document_id": e.document_id, "role": e.role}
        for e in conn.execute(
            select(
                EventRow.date,
                EventRow.type,
                EventRow.text,
                EventRow.document_id,
                EventEntityRow.role,
                EventRow.event_date,
                DocumentRow.published_date,
            )
            .join(EventEntityRow, EventEntityRow.event_id == EventRow.id)
            .join(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(EventEntityRow.entity_id == ref.id)
            .order_by(EventRow.event_date.is_(None), EventRow.event_date, DocumentRow.published_date, EventRow.id)
            .limit(limit)
        )
    ]
    documents = [
        {"id": d.id, "title": d.title, "published": d.published, "source_type": d.source_type, "source": d.source}
        for d in conn.execute(
            select(
                DocumentRow.id, DocumentRow.title, DocumentRow.published, DocumentRow.source_type, DocumentRow.source
            )
            .where(
                DocumentRow.id.in_(
                    select(DocumentEntityRow.document_id)
                    .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
                    .where(EntityLinkRow.entity_id == ref.id)
                )
            )
            .order_by(DocumentRow.published_date.is_(None), DocumentRow.published_date, DocumentRow.id)
            .limit(limit)
        )
    ]
    return EntityProfile(
        ref,
        row.level,
        dict(row.attributes or {}),
        aliases,
        row.mention_count,
        row.document_count,
        hierarchy,
        relations,
        dict(contains),
        targets_,
        events,
        documents,
    )


# --- targets ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetFilters:
    region_id: int | None = None
    industry: str | None = None
    entity_id: int | None = None  # targets about this entity or anything inside it
    status: str | None = None
    document_id: int | None = None


@dataclass(slots=True)
class TargetView:
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
    deadline: int | str | None
    status: str = "open"
    progress_percent: float | None = None
    reason: str = ""
    latest: dict[str, Any] | None = None
    observations: list[dict[str, Any]] = field(default_factory=list)
    restated_by: int | None = None
    role: str = "goal"  # or "term", "threshold": then ``status`` names the role and no goal status is given

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__slots__}
        out["entity"] = self.entity.to_dict() if self.entity else None
        return out


def _status_on(status: str, as_of: dt.date) -> Any:
    """The target's stored status period covering ``as_of`` is ``status`` (see ``track.status_periods``)."""
    p = TargetStatusPeriodRow
    # An uncorrelated IN: computed once from the (status, start_day) index, not probed per target.
    return QuantityRow.id.in_(
        select(p.target_id).where(p.status == status, p.start_day <= as_of, or_(p.end_day.is_(None), p.end_day > as_of))
    )


def _target_select(filters: TargetFilters) -> Select:
    q, d = QuantityRow, DocumentRow
    stmt = (
        select(
            q.id,
            q.document_id,
            q.text,
            q.subject,
            q.metric,
            q.value,
            q.value_max,
            q.unit,
            q.comparator,
            q.change,
            q.deadline,
            q.annual,
            q.baseline,
            d.title,
            d.published,
            TargetRoleRow.role,
            EntityRow.id.label("entity_id"),
            EntityRow.type.label("entity_type"),
            EntityRow.name.label("entity_name"),
            EntityRow.key.label("entity_key"),
        )
        .join(d, d.id == q.document_id)
        .outerjoin(TargetRoleRow, TargetRoleRow.target_id == q.id)
        .outerjoin(QuantitySubjectRow, QuantitySubjectRow.quantity_id == q.id)
        .outerjoin(EntityRow, EntityRow.id == QuantitySubjectRow.entity_id)
    )
    return _target_where(stmt, filters)


def _target_where(stmt: Select, filters: TargetFilters) -> Select:
    """``stmt`` (over quantities, with their subject joined when a place filters) kept to the filters' targets."""
    q = QuantityRow
    stmt = stmt.where(q.kind == "target")
    if filters.document_id is not None:
        stmt = stmt.where(q.document_id == filters.document_id)
    for place in (filters.region_id, filters.entity_id):
        if place is None:
            continue
        # The subject lies in the region (or is the entity); a target without a resolved subject
        # counts for the places its document names.
        by_subject = exists().where(
            EntityRegionRow.entity_id == QuantitySubjectRow.entity_id, EntityRegionRow.region_id == place
        )
        by_document = exists().where(
            DocumentEntityRow.document_id == q.document_id,
            EntityLinkRow.document_entity_id == DocumentEntityRow.id,
            EntityRegionRow.entity_id == EntityLinkRow.entity_id,
            EntityRegionRow.region_id == place,
        )
        stmt = stmt.where(
            or_(
                QuantitySubjectRow.entity_id == place,
                by_subject,
                and_(QuantitySubjectRow.entity_id.is_(None), by_document),
            )
        )
    if filters.industry:
        # The target's own metric or subject names the industry, not merely its document.
        stmt = stmt.where(
            exists().where(TargetIndustryRow.target_id == q.id, TargetIndustryRow.industry == filters.industry)
        )
    return stmt


def targets(
    conn: Connection, as_of: dt.date, filters: TargetFilters = TargetFilters(), limit: int | None = None
) -> list[TargetView]:
    """Targets under the filters with their status on ``as_of``, earliest deadline first."""
    stmt = _target_query(filters, as_of)
    out: list[TargetView] = []
    # Page by page, so that a limit (with or without a status filter) stops the work early.
    for batch in _pages(conn, stmt, limit, limit or _BATCH):
        observations, restaters = _status_inputs(conn, [r.id for r in batch])
        for r in batch:
            fact, status, superseded_by = _judge(r, observations.get(r.id, ()), restaters.get(r.id, ()), as_of)
            if filters.status is None or status.status == filters.status:
                out.append(_target_view(r, fact, status, superseded_by, observations.get(r.id, ())))
                if limit is not None and len(out) >= limit:
                    return out
    return out


def count_targets(conn: Connection, as_of: dt.date, filters: TargetFilters = TargetFilters()) -> int:
    """How many targets ``targets`` lists under the filters, counted from the stored status periods.

    No target is judged (like the overview's counts), so a total for a page
    of targets costs one aggregate query, not a pass over every target.
    """
    # Subject and role are at most one row per target: joined only when a filter needs them.
    q = QuantityRow
    stmt = select(func.count()).select_from(q)
    if filters.region_id is not None or filters.entity_id is not None:
        stmt = stmt.outerjoin(QuantitySubjectRow, QuantitySubjectRow.quantity_id == q.id)
    if filters.status in ROLES:
        stmt = stmt.outerjoin(TargetRoleRow, TargetRoleRow.target_id == q.id)
    return conn.scalar(_target_query(filters, as_of, _target_where(stmt, filters))) or 0


def _target_query(filters: TargetFilters, as_of: dt.date, stmt: Select | None = None) -> Select:
    """``stmt`` (default: every column ``targets`` reads) kept to the filters, status included.

    A status filter keeps the targets whose stored status on ``as_of`` is it.
    """
    choices = (*STATUSES, *ROLES[1:])
    if filters.status is not None and filters.status not in choices:
        raise ParameterError("status", f"unknown status {filters.status!r}; choose from {', '.join(choices)}")
    stmt = _target_select(filters) if stmt is None else stmt
    if filters.status in ROLES:  # terms and thresholds have a role, not a status period
        stmt = stmt.where(TargetRoleRow.role == filters.status)
    elif filters.status is not None:
        stmt = stmt.where(_status_on(filters.status, as_of))
    return stmt


_BATCH = 500  # targets judged per round trip; also keeps IN lists far below any parameter limit


def _pages(conn: Connection, stmt: Select, limit: int | None, first: int) -> Iterator[Sequence[Any]]:
    """Targets by deadline, earliest first, then those without one; by id within a deadline.

    Two ordered scans rather than one "NULLS LAST" sort: each follows the
    (kind, deadline_year, id) index, so the first page of a large knowledge base
    costs a page, not a sort of every target.
    """
    q = QuantityRow
    for part in (
        stmt.where(q.deadline_year.is_not(None)).order_by(q.deadline_year, q.id),
        stmt.where(q.deadline_year.is_(None)).order_by(q.id),
    ):
        offset, size = 0, min(first, _BATCH)
        while True:
            if limit is not None:
                size = min(size, limit)
            rows = conn.execute(part.limit(size).offset(offset)).all()
            if rows:
                yield rows
            if limit is not None:
                limit -= len(rows)
                if limit <= 0:
                    return
            if len(rows) < size:
                break
            offset += size
            size = min(2 * size, _BATCH)


def _status_inputs(
    conn: Connection, ids: list[int]
) -> tuple[dict[int, list[Observation]], dict[int, list[tuple[dt.date, int]]]]:
    """The stored progress observations and restatements of these targets."""
    # Links first, then the observing figures by id: one join would let PostgreSQL's planner,
    # misjudging how many links a page of targets has, hash the whole quantities table.
    links = conn.execute(
        select(TargetProgressRow.target_id, TargetProgressRow.observation_id).where(
            TargetProgressRow.target_id.in_(ids)
        )
    ).all()
    o, od = aliased(QuantityRow), aliased(DocumentRow)
    figures: dict[int, Observation] = {}
    observing = sorted({observation_id for _, observation_id in links})
    for chunk in (observing[i : i + _BATCH] for i in range(0, len(observing), _BATCH)):
        for r in conn.execute(
            select(
                o.id,
                o.document_id,
                od.published,
                o.value,
                o.value_max,
                o.unit,
                o.as_of,
                o.comparator,
                o.change,
                o.metric,
                o.subject,
                o.annual,
                o.baseline,
            )
            .join(od, od.id == o.document_id)
            .where(o.id.in_(chunk))
        ):
            figures[r.id] = Observation(
                id=r.id,
                document_id=r.document_id,
                published=r.published,
                value=r.value,
                value_max=r.value_max,
                unit=r.unit,
                as_of=from_stored(r.as_of),
                comparator=r.comparator,
                change=r.change,
                metric=r.metric,
                subject=r.subject,
                annual=r.annual,
                baseline=r.baseline,
            )
    observations: dict[int, list[Observation]] = defaultdict(list)
    for target_id, observation_id in links:
        observations[target_id].append(figures[observation_id])
    restaters: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for target_id, later_id, published in conn.execute(
        select(TargetRestatementRow.target_id, TargetRestatementRow.restated_by_id, od.published)
        .join(o, o.id == TargetRestatementRow.restated_by_id)
        .join(od, od.id == o.document_id)
        .where(TargetRestatementRow.target_id.in_(ids))
    ):
        start = period_start(published)
        if start is not None:
            restaters[target_id].append((start, later_id))
    return observations, restaters


def _judge(
    r: Any, observations: Sequence[Observation], restaters: Sequence[tuple[dt.date, int]], as_of: dt.date
) -> tuple[TargetFact, Status, int | None]:
    """The target's status on ``as_of``; superseded by the restatement published by then, if any.

    A term or threshold is not judged: its "status" is its role.
    """
    fact = TargetFact(
        id=r.id,
        document_id=r.document_id,
        published=r.published,
        subject=r.subject,
        metric=r.metric,
        value=r.value,
        value_max=r.value_max,
        unit=r.unit,
        comparator=r.comparator,
        change=r.change,
        deadline=from_stored(r.deadline),
        annual=r.annual,
        baseline=r.baseline,
    )
    if r.role is not None:
        return fact, Status(r.role, None, None, f"a {r.role} of a policy instrument, not a goal"), None
    visible = [(day, later) for day, later in restaters if day <= as_of]
    superseded_by = max(visible)[1] if visible else None
    return fact, target_status(fact, observations, as_of, superseded_by), superseded_by


def _target_view(
    r: Any, fact: TargetFact, status: Status, superseded_by: int | None, observations: Sequence[Observation]
) -> TargetView:
    latest = status.latest_observation
    return TargetView(
        id=r.id,
        document_id=r.document_id,
        title=r.title,
        published=r.published,
        text=r.text,
        subject=r.subject,
        entity=EntityRef(r.entity_id, r.entity_type, r.entity_name, r.entity_key) if r.entity_id else None,
        metric=r.metric,
        value=r.value,
        value_max=r.value_max,
        unit=r.unit,
        comparator=r.comparator,
        change=r.change,
        deadline=fact.deadline,
        status=status.status,
        progress_percent=status.progress_percent,
        reason=status.reason,
        latest=_observation(latest) if latest else None,
        observations=[_observation(x) for x in observations],
        restated_by=superseded_by,
        role=r.role or "goal",
    )


def _observation(o: Observation) -> dict[str, Any]:
    return {
        "id": o.id,
        "document_id": o.document_id,
        "published": o.published,
        "value": o.value,
        "unit": o.unit,
        "as_of": o.as_of,
        "comparator": o.comparator,
        "metric": o.metric,
    }


# --- conflicts ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: int
    kind: str
    reason: str
    quantity_id: int
    document_id: int
    text: str
    value: float
    other_quantity_id: int | None
    other_document_id: int | None
    other_text: str | None
    other_value: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def conflicts(
    conn: Connection, kind: str | None = None, region: int | None = None, limit: int | None = None, newest: bool = False
) -> list[ConflictView]:
    """Conflicts oldest first, or ``newest`` first: by the later of the two figures in conflict.

    A conflict's id is computed from its quantities with the later one in the
    high bits (``derive.conflict_ids``), and quantity ids grow with the
    documents stored, so id order is that order and "newest" reads the
    primary key's index backwards.
    """
    a, b = aliased(QuantityRow), aliased(QuantityRow)
    stmt = (
        select(
            ConflictRow.id,
            ConflictRow.kind,
            ConflictRow.reason,
            a.id,
            a.document_id,
            a.text,
            ConflictRow.value,
            b.id,
            b.document_id,
            b.text,
            ConflictRow.other_value,
        )
        .join(a, a.id == ConflictRow.quantity_id)
        .outerjoin(b, b.id == ConflictRow.other_quantity_id)
    )
    if kind:
        stmt = stmt.where(ConflictRow.kind == kind)
    if region is not None:
        stmt = stmt.where(
            exists().where(
                DocumentEntityRow.document_id == a.document_id,
                EntityLinkRow.document_entity_id == DocumentEntityRow.id,
                EntityRegionRow.entity_id == EntityLinkRow.entity_id,
                EntityRegionRow.region_id == region,
            )
        )
    order = ConflictRow.id.desc() if newest else ConflictRow.id
    return [ConflictView(*row) for row in conn.execute(stmt.order_by(order).limit(limit))]


# --- overview -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Overview:
    """What a dashboard shows first: how much there is, what came in last, and when targets fall due."""

    as_of: dt.date
    counts: dict[str, int]  # documents, entities, targets, conflicts
    status_counts: dict[str, int]  # targets by their status on as_of
    deadlines: list[dict[str, Any]]  # {"year", "status", "count"}: targets by deadline year and status
    recent_documents: list[dict[str, Any]]
    recent_conflicts: list[ConflictView]

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "counts": self.counts,
            "status_counts": self.status_counts,
            "deadlines": self.deadlines,
            "recent_documents": self.recent_documents,
            "recent_conflicts": [c.to_dict() for c in self.recent_conflicts],
        }


def overview(conn: Connection, as_of: dt.date, recent: int = 8) -> Overview:
    """Counts by aggregate queries and status from the stored status periods: no target is judged here."""

    def count(stmt: Select) -> int:
        return conn.scalar(stmt) or 0

    q, p = QuantityRow, TargetStatusPeriodRow
    counts = {
        "documents": count(select(func.count()).select_from(DocumentRow)),
        "entities": count(select(func.count()).select_from(EntityRow).where(_LISTED)),
        # Goals only: terms and thresholds (target_roles) have no status to count.
        "targets": count(
            select(func.count())
            .select_from(q)
            .where(q.kind == "target", ~exists().where(TargetRoleRow.target_id == q.id))
        ),
        "terms": count(select(func.count()).select_from(TargetRoleRow)),
        "conflicts": count(select(func.count()).select_from(ConflictRow)),
    }
    # One pass over the targets' status periods gives both the status counts and the chart.
    status_counts: Counter[str] = Counter()
    deadlines = []
    for year, status, n in conn.execute(
        select(q.deadline_year, p.status, func.count())
        .join(p, p.target_id == q.id)
        .where(q.kind == "target", p.start_day <= as_of, or_(p.end_day.is_(None), p.end_day > as_of))
        .group_by(q.deadline_year, p.status)
        .order_by(q.deadline_year, p.status)
    ):
        status_counts[status] += n
        if year is not None:
            deadlines.append({"year": year, "status": status, "count": n})
    documents = [
        dict(r._mapping)
        for r in conn.execute(
            select(
                DocumentRow.id, DocumentRow.title, DocumentRow.published, DocumentRow.source_type, DocumentRow.source
            )
            .order_by(DocumentRow.id.desc())
            .limit(recent)
        )
    ]
    return Overview(
        as_of,
        counts,
        dict(status_counts.most_common()),
        deadlines,
        documents,
        conflicts(conn, limit=recent, newest=True),
    )


# --- export -------------------------------------------------------------------------------------


def export_tables(conn: Connection, as_of: dt.date) -> dict[str, list[dict[str, Any]]]:
    """The knowledge across documents as flat tables (one dict per row, the same keys in each)."""
    parent = aliased(EntityRow)
    aliases: dict[int, list[str]] = defaultdict(list)
    for eid, alias in conn.execute(
        select(EntityAliasRow.entity_id, EntityAliasRow.alias).order_by(
            EntityAliasRow.count.desc(), EntityAliasRow.alias
        )
    ):
        if alias not in aliases[eid]:
            aliases[eid].append(alias)
    entities = [
        {
            "id": e.id,
            "type": e.type,
            "name": e.name,
            "key": e.key,
            "level": e.level,
            "aliases": "; ".join(a for a in aliases[e.id] if a != e.name),
            "mention_count": e.mention_count,
            "document_count": e.document_count,
        }
        for e in conn.execute(select(EntityRow).order_by(EntityRow.id))
    ]
    relations = [
        {
            "subject_id": r.subject_id,
            "subject": r.subject,
            "relation": r.relation,
            "object_id": r.object_id,
            "object": r.object if r.object is not None else r.object_value,
            "document_id": r.document_id,
        }
        for r in conn.execute(
            select(
                EntityRelationRow.subject_id,
                EntityRow.name.label("subject"),
                EntityRelationRow.relation,
                EntityRelationRow.object_id,
                parent.name.label("object"),
                EntityRelationRow.object_value,
                EntityRelationRow.document_id,
            )
            .join(EntityRow, EntityRow.id == EntityRelationRow.subject_id)
            .outerjoin(parent, parent.id == EntityRelationRow.object_id)
            .order_by(*_RELATION_ORDER)
        )
    ]
    target_rows = []
    for t in targets(conn, as_of):
        latest = t.latest or {}
        target_rows.append(
            {
                "id": t.id,
                "document_id": t.document_id,
                "published": t.published,
                "subject": t.subject,
                "entity_id": t.entity.id if t.entity else None,
                "entity": t.entity.name if t.entity else None,
                "metric": t.metric,
                "value": t.value,
                "value_max": t.value_max,
                "unit": t.unit,
                "comparator": t.comparator,
                "change": t.change,
                "deadline": None if t.deadline is None else str(t.deadline),
                "status": t.status,
                "progress_percent": t.progress_percent,
                "latest_value": latest.get("value"),
                "latest_as_of": None if latest.get("as_of") is None else str(latest["as_of"]),
                "restated_by": t.restated_by,
                "as_of": as_of.isoformat(),
                "text": t.text,
            }
        )
    return {
        "entities": entities,
        "relations": relations,
        "targets": target_rows,
        "conflicts": [c.to_dict() for c in conflicts(conn)],
    }

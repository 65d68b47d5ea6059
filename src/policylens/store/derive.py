"""Rebuild what the knowledge base knows across documents from what each document said.

One pass, one transaction: canonical entities and their aliases, the links
from each document's entities to them, relations, the region closure, the
entities that quantities and events are about, then the track stage's
progress links, restatements and conflicts.  Rebuilding the whole rather
than patching it keeps the result independent of the order documents came
in, and re-applies the user's merge and split decisions every time.  The
ingest API runs it once after each batch, not once per document.

Near-duplicate documents (a story reposted elsewhere) count as their first
version here: a repost of a plan does not "restate" the plan's targets, nor
does it report progress on them.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Text, case, cast, func, select, text

from ..extraction import gazetteer as gz
from ..extraction.industries import industries_in, taxonomy
from ..model import Alternative, Quantity
from ..periods import from_stored
from ..track.batch import track_all
from ..track.roles import AFTER_CHARS, BEFORE_CHARS, role_of
from . import diffwrite
from .resolve import Cluster, Decision, Record, normalise, resolve, surface
from .schema import (
    ConflictRow,
    DocumentEntityRow,
    DocumentRow,
    EntityAliasRow,
    EntityDecisionRow,
    EntityLinkRow,
    EntityMentionRow,
    EntityRegionRow,
    EntityRelationRow,
    EntityRow,
    EventEntityRow,
    EventRow,
    QuantityAlternativeRow,
    QuantityRow,
    QuantitySubjectRow,
    TargetIndustryRow,
    TargetProgressRow,
    TargetRestatementRow,
    TargetRoleRow,
    TargetStatusPeriodRow,
)

# Any fixed number, distinct from the migration lock's.
_REBUILD_LOCK = 0x706C5F6B62

# Children before parents, so that deleting needs no cascade.
DERIVED = (ConflictRow, TargetIndustryRow, TargetRoleRow, TargetStatusPeriodRow, TargetRestatementRow, TargetProgressRow, EventEntityRow, QuantitySubjectRow,
           EntityRegionRow, EntityRelationRow, EntityLinkRow, EntityAliasRow, EntityRow)


@dataclass(slots=True)
class _Entity:
    id: int
    type: str
    name: str
    key: str | None
    level: str | None
    attributes: dict[str, Any]
    aliases: dict[str, str] = field(default_factory=dict)  # lookup form -> spelling
    alias_counts: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    mentions: int = 0
    documents: int = 0


class _Builder:
    """Entities in id order, with the gazetteer's places created on demand for the hierarchy."""

    def __init__(self) -> None:
        self.places = gz.load()
        self.entities: list[_Entity] = []
        self.by_key: dict[str, int] = {}
        self.by_norm: dict[str, list[int]] = defaultdict(list)

    def add(self, entity_type: str, name: str, key: str | None, level: str | None,
            attributes: dict[str, Any]) -> _Entity:
        entity = _Entity(len(self.entities) + 1, entity_type, name, key, level, attributes)
        self.entities.append(entity)
        self.alias(entity, name, 0)
        return entity

    def alias(self, entity: _Entity, spelling: str, count: int) -> None:
        """Register a spelling under its surface form (its own) and its normalised form (the first one's)."""
        written, normal = surface(spelling), normalise(spelling)
        for form in dict.fromkeys((written, normal)):
            if not form:
                continue
            if form not in entity.aliases:
                self.by_norm[form].append(entity.id)
            if form not in entity.aliases or (form == written and form not in entity.surfaces):
                entity.aliases[form] = spelling
            entity.alias_counts[form] += count
        if written:
            entity.surfaces.add(written)

    def place(self, key: str | None) -> int | None:
        """The entity of a gazetteer place, created with its ancestors if no document named it."""
        if key is None:
            return None
        if key in self.by_key:
            return self.by_key[key]
        place = self.places.get(key)
        if place is None:
            return None
        entity = self.add("place", place.name, key, place.level, {"level": place.level})
        self.by_key[key] = entity.id
        for variant in place.variants:
            self.alias(entity, variant, 0)
        self.place(place.parent)
        return entity.id

    def get(self, entity_id: int) -> _Entity:
        return self.entities[entity_id - 1]


def rebuild(conn: Connection) -> dict[str, int]:
    """Replace every derived table from the stored documents; returns row counts for reporting.

    On PostgreSQL two rebuilds (two ingest batches at once) take turns: the
    second would otherwise delete only what it could see and then collide
    with the first one's rows.  SQLite's write lock already serialises them.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REBUILD_LOCK})
    docs = {r.id: r for r in conn.execute(
        select(DocumentRow.id, DocumentRow.published, DocumentRow.near_duplicate_of))}
    root = {d: (r.near_duplicate_of or d) for d, r in docs.items()}
    published = {d: r.published for d, r in docs.items()}
    mention_counts = dict(conn.execute(
        select(EntityMentionRow.entity_id, func.count()).group_by(EntityMentionRow.entity_id)).all())
    # The JSON columns come as text and each distinct text is parsed once: a corpus repeats a few
    # hundred attribute sets ('{"level": "region"}') and mostly has no aliases ('[]').  Every
    # record still gets its own dict and tuple; nothing below changes the values inside.
    parsed: dict[str | None, Any] = {}

    def loaded(text: str | None) -> Any:
        if text not in parsed:
            parsed[text] = json.loads(text) if text is not None else None
        return parsed[text]

    records = [
        Record(r.id, r.document_id, r.type, r.name, r.key, dict(loaded(r.attributes) or {}),
               tuple(loaded(r.aliases) or ()), mention_counts.get(r.id, 0))
        for r in conn.execute(select(DocumentEntityRow.id, DocumentEntityRow.document_id, DocumentEntityRow.type,
                                     DocumentEntityRow.name, DocumentEntityRow.key,
                                     cast(DocumentEntityRow.attributes, Text).label("attributes"),
                                     cast(DocumentEntityRow.aliases, Text).label("aliases"))).all()
    ]
    decisions = [Decision(r.action, r.name, r.other) for r in conn.execute(
        select(EntityDecisionRow.action, EntityDecisionRow.name, EntityDecisionRow.other)
        .order_by(EntityDecisionRow.id))]

    builder = _Builder()
    entity_of_record = _entities(builder, resolve(records, decisions))
    resolver = _Resolver(builder, records, entity_of_record)
    relations = _relations(builder, resolver, records, entity_of_record)
    quantities = _quantities(conn)
    subjects = {qid: hit for qid, doc_id, q in quantities
                if (hit := resolver.resolve(doc_id, q.subject)) is not None}
    event_links, issued = _events(conn, resolver, builder)
    relations |= issued | _hierarchy(builder)
    regions = _regions(builder, relations)

    nearest_region = {}
    for (entity_id, region), depth in sorted(regions.items(), key=lambda item: -item[1]):
        if depth > 0:
            nearest_region[entity_id] = region
    tables: diffwrite.Tables = {
        EntityRow: (("id", "type", "name", "norm", "key", "level", "attributes", "mention_count", "document_count"),
                    [(e.id, e.type, e.name, normalise(e.name), e.key, e.level, e.attributes, e.mentions, e.documents)
                     for e in builder.entities]),
        EntityAliasRow: (("entity_id", "norm", "alias", "count"),
                         [(e.id, form, spelling, e.alias_counts[form])
                          for e in builder.entities for form, spelling in e.aliases.items()]),
        EntityLinkRow: (("document_entity_id", "entity_id"), list(entity_of_record.items())),
        EntityRelationRow: (("id", "subject_id", "relation", "object_id", "object_value", "document_id"),
                            [(i, *r) for i, r in enumerate(sorted(relations, key=_relation_order), 1)]),
        EntityRegionRow: (("entity_id", "region_id", "depth"), [(e, r, depth) for (e, r), depth in regions.items()]),
        QuantitySubjectRow: (("quantity_id", "entity_id"), [(q, hit[0]) for q, hit in subjects.items()]),
        EventEntityRow: (("event_id", "role", "entity_id"), [(ev, role, e) for (ev, role), e in event_links.items()]),
        TargetIndustryRow: (("target_id", "industry"), _target_industries(quantities, subjects, builder)),
        **_tracked(quantities, subjects, builder, nearest_region, root, published, _roles(conn)),
    }
    diffwrite.write(conn, tables, DERIVED)
    return {"entities": len(builder.entities), "relations": len(relations),
            "progress_links": len(tables[TargetProgressRow][1]),
            "restatements": len(tables[TargetRestatementRow][1]), "conflicts": len(tables[ConflictRow][1])}


def _relation_order(r: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple((x is None, x) for x in r)


def _entities(builder: _Builder, clusters: list[Cluster]) -> dict[int, int]:
    """Create one entity per cluster (places keep the gazetteer's name and level); record id -> entity id."""
    entity_of_record: dict[int, int] = {}
    for cluster in clusters:
        attributes = _merged_attributes(cluster.records)
        place = builder.places.get(cluster.key) if cluster.key else None
        level = place.level if place else attributes.get("level")
        if place is not None:
            attributes["level"] = place.level
            if len(cluster.keys) > 1:
                attributes["keys"] = list(cluster.keys)
        entity = builder.add(cluster.type, cluster.name, cluster.key, level, attributes)
        for key in cluster.keys:
            builder.by_key.setdefault(key, entity.id)
        for spelling, count in cluster.aliases.values():
            builder.alias(entity, spelling, count)
        if place is not None:
            for variant in place.variants:
                builder.alias(entity, variant, 0)
        entity.mentions = sum(r.mentions for r in cluster.records)
        entity.documents = len({r.document_id for r in cluster.records})
        for r in cluster.records:
            entity_of_record[r.id] = entity.id
    for key in list(builder.by_key):  # every named place's ancestors exist, for the hierarchy
        place = builder.places.get(key)
        if place is not None:
            builder.place(place.parent)
    return entity_of_record


def _merged_attributes(records: list[Record]) -> dict[str, Any]:
    """The most common value of each attribute; industries (``focus``) are the union, in first-seen order."""
    values: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, Any] = {}
    focus: dict[str, None] = {}
    for r in records:
        for name, value in r.attributes.items():
            if name == "focus":
                focus.update(dict.fromkeys(value if isinstance(value, list) else [value]))
            elif isinstance(value, (str, int, float)):
                values[name][str(value)] += 1
                first.setdefault(name, value)
            else:
                first.setdefault(name, value)
    out = dict(first)
    for name, counter in values.items():
        out[name] = counter.most_common(1)[0][0]
    if focus:
        out["focus"] = list(focus)
    return out


class _Resolver:
    """Which entity a phrase in a document (a subject, an actor, a place) refers to.

    The document's own entities come first, since the same words elsewhere
    may mean something else; then the names of every entity; then the
    gazetteer.  ``exact`` is False when only a name inside the phrase was
    recognised ("the Jiaozhou economic zone" -> Jiaozhou): good enough to
    place a figure in a region, not to say two figures share a subject.
    """

    def __init__(self, builder: _Builder, records: list[Record], entity_of_record: dict[int, int]):
        self.builder = builder
        self.in_document: dict[int, dict[str, int]] = defaultdict(dict)
        for r in records:
            entity = entity_of_record[r.id]
            for form in (surface(r.name), normalise(r.name)):
                self.in_document[r.document_id].setdefault(form, entity)

    def resolve(self, document_id: int, phrase: str | None, types: Iterable[str] | None = None
                ) -> tuple[int, bool] | None:
        if not phrase:
            return None
        allowed = set(types) if types else None

        def ok(entity_id: int) -> bool:
            return allowed is None or self.builder.get(entity_id).type in allowed

        own = self.in_document.get(document_id, {})
        for form in (surface(phrase), normalise(phrase)):
            if form in own and ok(own[form]):
                return own[form], True
        for form in (surface(phrase), normalise(phrase)):
            found = {e for e in self.builder.by_norm.get(form, ()) if ok(e)}
            if len(found) == 1:
                return found.pop(), True
        if allowed is None or "place" in allowed:
            for place in self.builder.places.lookup(phrase)[:1]:
                entity = self.builder.place(place.key)
                if entity is not None:
                    return entity, True
        text = f" {surface(phrase)} "
        inside = [(len(form), e) for form, e in own.items() if f" {form} " in text and ok(e)]
        if inside:
            return max(inside)[1], False
        return None


def _relations(builder: _Builder, resolver: _Resolver, records: list[Record],
               entity_of_record: dict[int, int]) -> set[tuple[Any, ...]]:
    """(subject, relation, object id, object value, document id) tuples from the gazetteer and the attributes."""
    relations: set[tuple[Any, ...]] = set()
    for r in records:
        entity = entity_of_record[r.id]
        if builder.get(entity).key:
            continue  # a gazetteer place's position comes from the gazetteer
        located = r.attributes.get("located_in")
        if isinstance(located, str):
            hit = resolver.resolve(r.document_id, located, types=("place",))
            if hit is not None and hit[0] != entity:
                relations.add((entity, "located_in", hit[0], None, r.document_id))
        focus = r.attributes.get("focus") or []
        for industry in focus if isinstance(focus, list) else [focus]:
            relations.add((entity, "focuses_on", None, str(industry), r.document_id))
        for name in ("member_of", "part_of"):
            value = r.attributes.get(name)
            if isinstance(value, str) and (hit := resolver.resolve(r.document_id, value)) is not None:
                relations.add((entity, name, hit[0], None, r.document_id))
    return relations


def _events(conn: Connection, resolver: _Resolver, builder: _Builder
            ) -> tuple[dict[tuple[int, str], int], set[tuple[Any, ...]]]:
    """Entities named as an event's actor and object; an issuance makes the object issued_by the actor."""
    links: dict[tuple[int, str], int] = {}
    issued: set[tuple[Any, ...]] = set()
    for ev in conn.execute(select(EventRow.id, EventRow.document_id, EventRow.type, EventRow.actor,
                                  EventRow.object)).all():
        actor = resolver.resolve(ev.document_id, ev.actor)
        obj = resolver.resolve(ev.document_id, ev.object)
        if actor is not None:
            links[(ev.id, "actor")] = actor[0]
        if obj is not None:
            links[(ev.id, "object")] = obj[0]
        if (ev.type == "issuance" and actor is not None and obj is not None and obj[1]
                and actor[0] != obj[0] and builder.get(obj[0]).type == "programme"):
            issued.add((obj[0], "issued_by", actor[0], None, ev.document_id))
    return links, issued


def _hierarchy(builder: _Builder) -> set[tuple[Any, ...]]:
    """part_of between gazetteer places, from the gazetteer; run last, once every place exists."""
    relations = set()
    i = 0
    while i < len(builder.entities):  # builder.place() may append parents as we go
        entity = builder.entities[i]
        place = builder.places.get(entity.key) if entity.key else None
        if place is not None and place.parent and (parent := builder.place(place.parent)) is not None:
            relations.add((entity.id, "part_of", parent, None, None))
        i += 1
    return relations


def _regions(builder: _Builder, relations: set[tuple[Any, ...]]) -> dict[tuple[int, int], int]:
    """(entity, region) -> depth: every place an entity lies in, through part_of and located_in."""
    up: dict[int, set[int]] = defaultdict(set)
    for subject, relation, obj, _, _ in relations:
        if relation in ("part_of", "located_in") and obj is not None and builder.get(obj).type == "place":
            up[subject].add(obj)
    closure: dict[tuple[int, int], int] = {}
    for entity in builder.entities:
        frontier = [entity.id] if entity.type == "place" else []
        if entity.type == "place":
            closure[(entity.id, entity.id)] = 0
        else:
            frontier = []
            for region in up.get(entity.id, ()):
                closure.setdefault((entity.id, region), 1)
                frontier.append(region)
        seen = set(frontier)
        while frontier:
            nxt = []
            for node in frontier:
                depth = closure[(entity.id, node)]
                for region in up.get(node, ()):
                    if region not in seen:
                        seen.add(region)
                        closure[(entity.id, region)] = depth + 1
                        nxt.append(region)
            frontier = nxt
    return closure


def _quantities(conn: Connection) -> list[tuple[int, int, Quantity]]:
    """Every stored quantity as (id, document id, Quantity) with its alternatives."""
    alternatives: dict[int, list[Alternative]] = defaultdict(list)
    for a in conn.execute(select(QuantityAlternativeRow.quantity_id, QuantityAlternativeRow.value,
                                 QuantityAlternativeRow.unit).order_by(QuantityAlternativeRow.ordinal)).all():
        alternatives[a.quantity_id].append(Alternative(a.value, a.unit))
    out = []
    q_ = QuantityRow
    columns = (q_.id, q_.document_id, q_.kind, q_.text, q_.start_offset, q_.end_offset, q_.value, q_.unit, q_.metric,
               q_.value_max, q_.comparator, q_.change, q_.baseline, q_.deadline, q_.as_of, q_.annual, q_.subject)
    # Unpacked as tuples: named access on 90,000 rows of 17 columns costs more than building them.
    for (qid, document_id, kind, text_, start, end, value, unit, metric, value_max, comparator, change, baseline,
         deadline, as_of, annual, subject) in conn.execute(select(*columns).order_by(QuantityRow.id)).all():
        out.append((qid, document_id, Quantity(
            kind=kind, text=text_, start=start, end=end, value=value, unit=unit, metric=metric, value_max=value_max,
            comparator=comparator, change=change, baseline=baseline, deadline=from_stored(deadline),
            as_of=from_stored(as_of), annual=annual, subject=subject, alternatives=alternatives.get(qid, []))))
    return out


def _target_industries(quantities: list[tuple[int, int, Quantity]], subjects: dict[int, tuple[int, bool]],
                       builder: _Builder) -> list[tuple[int, str]]:
    """(target id, industry) for the industries of a target's own metric and subject.

    The subject's industries are those its name says, or, for a company or
    cluster, its stated focus; the document's other industries do not count.
    """
    known = taxonomy()
    rows = []
    for qid, _, q in quantities:
        if q.kind != "target":
            continue
        words = [q.metric, q.subject]
        if (hit := subjects.get(qid)) is not None:
            entity = builder.get(hit[0])
            focus = entity.attributes.get("focus") or []
            words += [entity.name, *(f for f in focus if isinstance(f, str))]
        found = dict.fromkeys(i for w in words if w for i in ([w] if w in known else industries_in(w)))
        rows += [(qid, industry) for industry in found]
    return rows


def _roles(conn: Connection) -> dict[int, str]:
    """Target id -> its role when it is not a goal (``track.roles``), from the words around its span.

    The database cuts the few words on either side of each target, so no
    document's whole text is read.
    """
    q, d = QuantityRow, DocumentRow
    start = case((q.start_offset > BEFORE_CHARS, q.start_offset - BEFORE_CHARS), else_=0)
    rows = conn.execute(
        select(q.id, q.text, q.unit,
               func.substr(d.text, start + 1, q.start_offset - start).label("before"),
               func.substr(d.text, q.end_offset + 1, AFTER_CHARS).label("after"))
        .join(d, d.id == q.document_id).where(q.kind == "target")).all()
    return {r.id: role for r in rows if (role := role_of(r.text, r.before or "", r.after or "", r.unit)) != "goal"}


def _tracked(quantities: list[tuple[int, int, Quantity]],
             subjects: dict[int, tuple[int, bool]], builder: _Builder, nearest_region: dict[int, int],
             root: dict[int, int], published: dict[int, str | None],
             roles: dict[int, str]) -> diffwrite.Tables:
    """The track stage's tables (``track.batch``), with subjects named by their canonical entity.

    A subject resolved exactly is replaced by its entity's name, so "Haier"
    and "Haier Group" targets are about the same subject; one only recognised
    inside a longer phrase keeps its own words.  A plan's targets are the
    commitments of the place it governs, and that place is what later
    reports give figures for: a target whose subject is a programme is
    tracked under the place the programme lies in.
    """
    def subject_of(qid: int, q: Quantity) -> str | None:
        hit = subjects.get(qid)
        if not hit or not hit[1]:
            return q.subject
        entity = builder.get(hit[0])
        if entity.type == "programme" and entity.id in nearest_region:
            entity = builder.get(nearest_region[entity.id])
        return entity.name

    tracked = track_all(quantities, {qid: subject_of(qid, q) for qid, _, q in quantities}, root, published, roles)
    return {
        TargetProgressRow: (("target_id", "observation_id", "score"), tracked.progress),
        TargetRestatementRow: (("target_id", "restated_by_id"), tracked.restated),
        TargetStatusPeriodRow: (("target_id", "start_day", "status", "end_day"), tracked.periods),
        TargetRoleRow: (("target_id", "role"), sorted(roles.items())),
        ConflictRow: (("id", "kind", "quantity_id", "other_quantity_id", "value", "other_value", "reason"),
                      [(i, *c) for i, c in enumerate(tracked.conflicts, 1)]),
    }

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

import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, Text, bindparam, cast, func, or_, select, text

from .. import collector
from ..errors import StoreError
from ..extraction import gazetteer as gz
from ..extraction.industries import industries_in, taxonomy
from ..model import Alternative, Quantity
from ..periods import from_stored, period_start
from ..track.batch import reach, track_all
from ..track.incremental import Outline, retrack
from ..track.linking import normalise_subject
from ..track.roles import AFTER_CHARS, BEFORE_CHARS, role_of
from . import blocking, diffwrite
from .resolve import (
    Cluster,
    Decision,
    Record,
    _blocking_keys,
    cluster_of_kinds,
    group_of,
    normalise,
    resolve,
    rules,
    surface,
)
from .schema import (
    ConflictRow,
    DocumentEntityRow,
    DocumentRow,
    EntityAliasRow,
    EntityDecisionRow,
    EntityKindRow,
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
    TrackedGroupRow,
    TrackedSubjectRow,
)

_log = logging.getLogger(__name__)

# Any fixed number, distinct from the migration lock's.
_REBUILD_LOCK = 0x706C5F6B62
_TEXTS_AT_ONCE = 500  # documents whose whole text _roles holds at once

# Children before parents, so that deleting needs no cascade.
DERIVED = (
    ConflictRow,
    TrackedSubjectRow,
    TrackedGroupRow,
    TargetIndustryRow,
    TargetRoleRow,
    TargetStatusPeriodRow,
    TargetRestatementRow,
    TargetProgressRow,
    EventEntityRow,
    QuantitySubjectRow,
    EntityRegionRow,
    EntityRelationRow,
    EntityLinkRow,
    EntityKindRow,
    EntityAliasRow,
    EntityRow,
)


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


# Gazetteer places take ids from here up, by their position in the gazetteer; every other entity
# takes the id of its first document entity, which stays below (a billion rows of document_entities).
PLACE_IDS = 2**30


@cache
def _place_positions() -> dict[str, int]:
    return {key: i for i, key in enumerate(gz.load().places)}


def place_id(key: str) -> int | None:
    """The entity id of a gazetteer place, the same in every knowledge base built with this gazetteer."""
    position = _place_positions().get(key)
    return None if position is None else PLACE_IDS + position


def cluster_id(cluster: Cluster) -> int:
    """A canonical entity's id: its gazetteer place's, else its first document entity's.

    It depends only on what the entity is made of, not on when a pass met
    it: more mentions leave it alone, and of two entities that merge the
    one named first keeps its id (a place always keeps its own).
    """
    places = [i for k in cluster.keys if (i := place_id(k)) is not None]
    return min(places) if places else min(r.id for r in cluster.records)


class _Builder:
    """Entities in the order made, with the gazetteer's places created on demand for the hierarchy."""

    def __init__(self) -> None:
        self.places = gz.load()
        self.entities: list[_Entity] = []
        self.by_id: dict[int, _Entity] = {}
        self.by_key: dict[str, int] = {}
        self.by_norm: dict[str, list[int]] = defaultdict(list)

    def add(
        self,
        entity_id: int,
        entity_type: str,
        name: str,
        key: str | None,
        level: str | None,
        attributes: dict[str, Any],
    ) -> _Entity:
        entity = _Entity(entity_id, entity_type, name, key, level, attributes)
        self.entities.append(entity)
        self.by_id[entity_id] = entity
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
        entity = self.add(
            PLACE_IDS + _place_positions()[key], "place", place.name, key, place.level, {"level": place.level}
        )
        self.by_key[key] = entity.id
        for variant in place.variants:
            self.alias(entity, variant, 0)
        self.place(place.parent)
        return entity.id

    def get(self, entity_id: int) -> _Entity:
        return self.by_id[entity_id]


@collector.paused()
def rebuild(conn: Connection) -> dict[str, int]:
    """Replace every derived table from the stored documents; returns row counts for reporting.

    The repair pass: it trusts nothing the derived tables hold.  On
    PostgreSQL two passes (two ingest batches at once) take turns: the
    second would otherwise delete only what it could see and then collide
    with the first one's rows.  SQLite's write lock already serialises them.
    The pass keeps hundreds of thousands of rows and records alive until it
    ends, so it runs with the cyclic garbage collector paused (``collector``).
    """
    _lock(conn)
    docs = _Documents(conn)
    state = _resolved(conn)
    quantities = _quantities(conn)
    subjects = state.subjects([(qid, doc_id, q.subject) for qid, doc_id, q in quantities])
    event_links = state.finish(conn)
    tracked_subjects = {qid: state.tracked_subject(subjects.get(qid), q.subject) for qid, _, q in quantities}
    roles = _roles(conn)
    tracked = track_all(quantities, tracked_subjects, docs.root, docs.published, roles)
    tables = {
        **state.tables(event_links),
        QuantitySubjectRow: (("quantity_id", "entity_id"), [(q, hit[0]) for q, hit in subjects.items()]),
        TrackedSubjectRow: (
            TRACKED_COLUMNS,
            [(qid, tracked_subjects[qid], q.metric, qid in subjects) for qid, _, q in quantities],
        ),
        TrackedGroupRow: (
            GROUP_COLUMNS,
            group_rows(
                Counter((tracked_subjects[qid], q.metric) for qid, _, q in quantities),
                Counter((tracked_subjects[qid], q.metric) for qid, _, q in quantities if qid in subjects),
            ),
        ),
        TargetIndustryRow: (
            ("target_id", "industry"),
            _target_industries(quantities, {q: hit[0] for q, hit in subjects.items()}, state.builder),
        ),
        TargetRoleRow: (("target_id", "role"), sorted(roles.items())),
        TargetProgressRow: (("target_id", "observation_id", "score"), tracked.progress),
        TargetRestatementRow: (("target_id", "restated_by_id"), tracked.restated),
        TargetStatusPeriodRow: (PERIOD_COLUMNS, tracked.periods),
        ConflictRow: (CONFLICT_COLUMNS, conflict_ids(tracked.conflicts)),
    }
    diffwrite.write(conn, tables, DERIVED)
    return {
        "entities": len(state.builder.entities),
        "relations": len(tables[EntityRelationRow][1]),
        "progress_links": len(tracked.progress),
        "restatements": len(tracked.restated),
        "conflicts": len(tracked.conflicts),
    }


# The entity stage's tables, children before parents: a batch's pass compares them whole (the
# quantities' subject entities, the document entities' links and the relations only where they changed).
_ENTITY_TABLES = (
    QuantitySubjectRow,
    EventEntityRow,
    EntityRegionRow,
    EntityRelationRow,
    EntityLinkRow,
    EntityKindRow,
    EntityAliasRow,
    EntityRow,
)


# Most rewritten facts a batch's pass retracks one by one within their groups (see update).
RETRACK_LIMIT = 1000


@collector.paused()
def update(conn: Connection, document_ids: Iterable[int]) -> dict[str, int]:
    """After a batch of new documents, bring the derived tables to what :func:`rebuild` would make them.

    The entity stage runs the resolution rules only over the part of the
    names the batch's can reach through their blocking keys (a new name can
    join, split or make ambiguous the entities of that part, and only
    those: :mod:`.blocking` gives the argument), or over all of them when
    that part is most of them; every other entity is made again from its
    stored records.  Only the phrases whose entity can have changed are
    resolved again (``_phrases_again``: the batch's, those of documents
    whose records moved, those looked up by a name that now answers to other
    entities, those whose entity was renamed or is a programme); every other
    quantity, event and document keeps its stored subject, entities and
    relations, or, when more than half of the documents would be resolved
    again, all are resolved as in :func:`rebuild`.  Its tables are written as
    a difference (the events' entities only for the events resolved again;
    the others whole): each relation's id is its own (:func:`relation_id`),
    so a new relation writes one row (and only new relations are hashed), and
    an emptied relations table (as migration 0013 leaves it) is filled again.  The
    track stage looks only at the (subject,
    metric) pairs the batch touched: those of the batch's quantities, and
    the old and new ones of every stored quantity whose tracked subject the
    new entities moved (``tracked_subjects`` keeps the last pass's; only the
    rows of the quantities resolved again are read: any other keeps its), with
    every pair whose metric is alike under the same subject
    (``track.batch.reach``).  Other facts cannot meet these, so their
    progress links, restatements, status periods and conflicts stay as stored.
    Within those pairs ``track.incremental.retrack`` recomputes only the
    targets whose results can change (the new and moved ones, those a new
    figure counts for, those a new target restates first, those whose goal's
    day or a deciding figure moved), from their stored rows and the few facts
    they need; when the batch brings most of those facts, or more than
    ``RETRACK_LIMIT`` of them, the pairs are tracked whole instead, which
    is then cheaper.  A target with no subject links to any statistic, so when one is stored and
    the batch touches a statistic, or the batch brings a fact with no
    subject, every quantity is tracked again (``track.batch.track_all``).  Target roles and currency
    restatements depend on their own document only: computed for the batch's.
    A conflict concerns its two figures alone and its id is computed from
    them (:func:`conflict_ids`), so only the conflicts of the batch's and the
    moved quantities are written.

    Falls back to :func:`rebuild` when the stored derived tables cannot be
    trusted as the last pass left them: none yet, or a quantity or document
    entity outside the batch with no tracked subject or canonical entity (a
    database just migrated, emptied tables).  A deleted
    document, a new or withdrawn merge/split decision, or an edited
    gazetteer or rules file needs ``rebuild`` (``policylens resolve --full``):
    the merge and split commands run it themselves.
    """
    batch = set(document_ids)
    _lock(conn)
    if not batch:
        return rebuild(conn)
    counts = _Counts.read(conn, batch)
    if counts.stale():
        return rebuild(conn)
    book = _Book(conn)
    fresh = {row[0] for row in book.of_documents(batch)}
    state = _resolved(conn, batch)
    stored_relations = _StoredRelations(conn)
    documents = conn.scalar(select(func.count()).select_from(DocumentRow)) or 0  # counted on an index
    said = _phrases_again(conn, state, batch, book, stored_relations, documents, counts)
    if said is None:
        state.load(conn, None)
        said = _all_phrases(conn, state, book.all())
    tracked_subjects = said.tracked  # the quantities resolved again (all, when all were); more are added below
    again = said.subjects if said.subjects is not None else {qid: row[3] for qid, row in book.rows.items()}
    # The last pass's tracked subjects of the quantities resolved again (the batch's among them), read by id.
    ts = TrackedSubjectRow
    stored_tracked = _fetched_rows(conn, select(ts.quantity_id, ts.subject, ts.resolved), ts.quantity_id, again.keys())
    was = {qid: subject for qid, subject, _ in stored_tracked}
    was_flagged = {qid for qid, _, flag in stored_tracked if flag}
    previous = {  # the last pass's tracked subject of each stored quantity the entities moved
        qid: old for qid in again.keys() - fresh if (old := was[qid]) != tracked_subjects[qid]
    }
    moved = set(previous)
    rewritten = fresh | moved
    row_of = book.rows  # every quantity read so far: the rewritten among them
    norm_of: dict[str | None, str | None] = {}

    def normal(subject: str | None) -> str | None:
        if subject not in norm_of:
            norm_of[subject] = normalise_subject(subject)
        return norm_of[subject]

    touched = {(normal(tracked_subjects[q]), row_of[q][4]) for q in rewritten} | {
        (normal(previous[q]), row_of[q][4]) for q in moved
    }
    # The stored facts keep their tracked subject unless rewritten: the groups come from the stored rows
    # (``tracked_groups`` lists the few thousand of them) and the rewritten facts' new subjects.
    stored_groups = book.groups()
    # A stored target under no subject lies in a stored group with none: without such a group, nothing to read
    # (the query meets every stored target).
    subjectless_target = any(row_of[q][2] == "target" and tracked_subjects[q] is None for q in rewritten) or (
        any(s is None for s, _ in stored_groups) and bool(book.subjectless_targets() - rewritten)
    )
    whole = any(s is None for s, _ in touched) or (
        subjectless_target and any(row_of[q][2] != "target" for q in rewritten)
    )
    if whole:
        stored = dict(_fetched(conn, select(ts.quantity_id, ts.subject)))  # all: every group is tracked again
        tracked_subjects = {qid: stored.get(qid, row[3]) for qid, row in book.all_rows().items()} | said.tracked
        affected = set(tracked_subjects)
        tracked_under = {q: (normal(s), row_of[q][4]) for q, s in tracked_subjects.items()}
    else:
        metrics: dict[str, set[str | None]] = defaultdict(set)
        pairs = {(normal(s), m) for s, m in stored_groups} | {
            (normal(tracked_subjects[q]), row_of[q][4]) for q in rewritten
        }
        for s, m in pairs | touched:  # a few thousand distinct pairs
            if s is not None:
                metrics[s].add(m)
        reached: set[tuple[str | None, str | None]] = set(reach({(s, m) for s, m in touched if s is not None}, metrics))
        metrics_reached: dict[str | None, set[str | None]] = defaultdict(set)
        for r, m in reached:
            metrics_reached[r].add(m)
        # each stored tracked subject whose groups the batch reaches -> the metrics reached under it
        within = {
            s: metrics_reached[normal(s)] for s, _ in stored_groups if s is not None and normal(s) in metrics_reached
        }
        tracked_under = {}
        for qid, subject in book.tracked_in(within).items():  # stored facts, under their stored tracked subject
            if qid not in rewritten and (normal(subject), row_of[qid][4]) in reached:
                tracked_subjects.setdefault(qid, subject)
                tracked_under[qid] = (normal(subject), row_of[qid][4])
        for q in rewritten:
            if (under := (normal(tracked_subjects[q]), row_of[q][4])) in reached:
                tracked_under[q] = under
        affected = set(tracked_under)
    kind = {q: row_of[q][2] for q in affected | rewritten | again.keys()}
    # The documents of the facts tracked, and the batch's (their currency restatements): no other is asked for.
    docs = _Documents(conn, None if whole else {row_of[q][1] for q in affected | rewritten} | batch)
    targets = {q for q in affected if kind[q] == "target"}
    batch_roles = _roles(conn, batch)  # a target's role depends on its own document alone
    roles = {
        **dict(_rows(conn, select(TargetRoleRow.target_id, TargetRoleRow.role), TargetRoleRow.target_id, targets)),
        **batch_roles,
    }
    rewritten = fresh | moved
    # Retracking within a group costs a search of the group for each rewritten fact: when the batch brings
    # most of its groups or thousands of their facts (a first batch, one document of thousands of figures)
    # tracking them whole is cheaper, and gives the same rows.
    arriving = len(rewritten & affected)
    if whole or 2 * arriving > len(affected) or arriving > RETRACK_LIMIT:
        tracked = track_all(
            _quantities(conn, affected),
            tracked_subjects,
            docs.root,
            docs.published,
            roles,
            currency_documents=batch,
            conflicts_of=rewritten,
        )
        linked = restated = relinked_targets = targets
        lost: list[tuple[int, int]] = []
        gained: list[tuple[int, int, float]] = []
        cuts: list[tuple[int, date, date | None]] = []
        cut_periods: list[tuple[int, date, str, date | None]] = []
        periods_read: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        periods_of: dict[int, date] = {}
    else:
        outlines = _outlines(
            [row_of[q] for q in sorted(affected)], affected - roles.keys(), tracked_under, docs.published
        )
        stored_tracking = _StoredTracking(conn, docs)
        retracked = retrack(
            outlines, rewritten, stored_tracking, tracked_subjects, docs.root, docs.published, roles, batch
        )
        periods_read, periods_of = stored_tracking.periods_read, stored_tracking.periods_of
        tracked, linked, restated = retracked.tracked, retracked.linked, retracked.restated
        relinked_targets, lost, gained = retracked.relinked, retracked.lost, retracked.gained
        cuts, cut_periods = retracked.cuts, retracked.cut_periods

    # A target's industries come from its own words and its subject entity's name and focus.
    changed_entities = _changed_entities(conn, state.builder)
    new_hits, old_hits = said.hits, said.old_hits
    # Only a quantity resolved again can have another subject entity; only those that moved are written.
    moved_hits = {q for q in again if old_hits.get(q) != new_hits.get(q)}
    renamed_hits = {q for q, e in new_hits.items() if e in changed_entities}
    if changed_entities:  # the other quantities keep their stored subject entity
        kept_hits = {q: e for q, e in book.hits_to(changed_entities).items() if q not in again}
        renamed_hits |= kept_hits.keys()
        new_hits = {**kept_hits, **new_hits}
    kind.update((q, k) for q, k in book.kinds(renamed_hits - kind.keys()).items())
    industry_targets = {q for q in fresh | moved_hits | renamed_hits if kind[q] == "target"}

    links, stored_links = state.entity_of_record, state.stored_links or {}
    relinked = {r for r in links.keys() | stored_links.keys() if links.get(r) != stored_links.get(r)}
    relation_rows, changed_relations = _relation_changes(stored_relations, said.related, state.relations)
    tables = {
        **state.tables(said.event_links, relation_rows),
        QuantitySubjectRow: (
            ("quantity_id", "entity_id"),
            [(q, new_hits[q]) for q in sorted(moved_hits & new_hits.keys())],
        ),
        EntityLinkRow: (("document_entity_id", "entity_id"), [(r, links[r]) for r in sorted(relinked & links.keys())]),
    }
    Scope = diffwrite.Scope
    diffwrite.write(
        conn,
        tables,
        _ENTITY_TABLES,
        {
            QuantitySubjectRow: Scope("quantity_id", moved_hits),
            EntityLinkRow: Scope("document_entity_id", relinked),
            EntityRelationRow: Scope("id", changed_relations),
            **({} if said.events is None else {EventEntityRow: Scope("event_id", said.events)}),
        },
    )
    # A tracked subject's row changes with the subject, and with whether the quantity has a subject entity.
    flagged = rewritten | {q for q in moved_hits if (q in old_hits) != (q in said.hits)}
    scoped: dict[type, tuple[tuple[tuple[str, ...], list[tuple[Any, ...]]], diffwrite.Scope]] = {
        TrackedSubjectRow: (
            (TRACKED_COLUMNS, [(q, tracked_subjects[q], row_of[q][4], q in said.hits) for q in sorted(flagged)]),
            Scope("quantity_id", flagged),
        ),
        TargetIndustryRow: (
            (
                ("target_id", "industry"),
                _target_industries(_quantities(conn, industry_targets), new_hits, state.builder),
            ),
            Scope("target_id", industry_targets),
        ),
        TargetRoleRow: ((("target_id", "role"), sorted(batch_roles.items())), Scope("target_id", fresh)),
        TargetProgressRow: (
            (("target_id", "observation_id", "score"), tracked.progress),
            Scope("target_id", relinked_targets),
        ),
        TargetRestatementRow: ((("target_id", "restated_by_id"), tracked.restated), Scope("target_id", restated)),
        TargetStatusPeriodRow: (
            (PERIOD_COLUMNS, tracked.periods),
            Scope("target_id", linked - {t for t, _, _ in cuts}),
        ),
    }
    # The groups change as the rewritten quantities' tracked subjects do: each leaves its stored one's group;
    # and their counts of flagged quantities as the flags of the rows rewritten do.
    grouped = Counter((tracked_subjects[q], row_of[q][4]) for q in rewritten)
    grouped.subtract((was[q], row_of[q][4]) for q in rewritten if q in was)
    resolved = Counter((tracked_subjects[q], row_of[q][4]) for q in flagged if q in said.hits)
    resolved.subtract((was[q], row_of[q][4]) for q in flagged & was_flagged)
    ids = {group_id(*g): g for g in grouped.keys() | resolved.keys()}
    g_ = TrackedGroupRow
    for i, n, r in _fetched_rows(conn, select(g_.id, g_.quantities, g_.resolved), g_.id, ids):
        grouped[ids[i]] += n
        resolved[ids[i]] += r
    scoped[TrackedGroupRow] = ((GROUP_COLUMNS, group_rows(grouped, resolved)), Scope("id", ids.keys()))
    # A conflict concerns its two figures alone (their subject, metric, values and documents), and its id is
    # its own (conflict_ids): only the rows of the batch's and the moved quantities change.  A moved
    # quantity's currency restatements stay as stored (they are computed for the batch's documents only).
    kept = [c for c in _stored_conflicts(conn, moved - fresh) if c[0] != "cross_document"]
    scoped[ConflictRow] = (
        (CONFLICT_COLUMNS, conflict_ids(tracked.conflicts + kept)),
        Scope(("quantity_id", "other_quantity_id"), rewritten),
    )
    _log.debug(
        "batch pass: %d new quantities, %d moved, %d in reach, %d targets linked again, %d restated again",
        len(fresh),
        len(moved),
        len(affected),
        len(linked),
        len(restated),
    )
    order = [m for m in DERIVED if m in scoped]
    diffwrite.write(
        conn, {m: rows for m, (rows, _) in scoped.items()}, order, {m: scope for m, (_, scope) in scoped.items()}
    )
    # The targets whose stored links retrack read: only the links they gain or lose are written.
    diffwrite.patch(conn, TargetProgressRow, ("target_id", "observation_id", "score"), lost, gained)
    # And the targets whose periods changed only from a day on: only those from that day are written.
    diffwrite.cut(conn, TargetStatusPeriodRow, PERIOD_COLUMNS, cuts, cut_periods, periods_read, periods_of.keys())
    return {
        "entities": len(state.builder.entities),
        "relations": len(state.relations),
        "progress_links": len(tracked.progress),
        "restatements": len(tracked.restated),
        "conflicts": conn.scalar(select(func.count()).select_from(ConflictRow)) or 0,
    }


@dataclass(frozen=True, slots=True)
class _Counts:
    """The row counts by which a batch's pass tells that the stored derived tables are as the last pass left them.

    Counted, not joined: a tracked subject, a link and a subject entity each
    have their quantity's or document entity's id as primary key and a
    foreign key to it that cascades on delete, so every such row belongs to
    one source row and each source row has at most one; the rows outside the
    batch all have theirs exactly when as many derived rows belong to them as
    there are such rows.  The counts cost PostgreSQL about a third of the
    anti-join that stops at the first row without one (which finds none, so
    reads both tables whole: 35-45 ms at 10,000 documents).  Each table is
    counted once, in one statement, on its smallest index; the batch's rows
    are counted by the document index and subtracted, since counting
    ``document_id NOT IN (…)`` compared each of the 85,000 rows with every
    batch document (PostgreSQL 10-20 ms a count at 10,000 documents).  The
    tracked subjects flagged as naming an entity are counted by their groups
    (``tracked_groups.resolved``, kept by each pass): counting the flags
    themselves read the whole table, the largest part of these counts (about
    40 of 50 ms at 50,000 documents on SQLite).
    """

    quantities: int  # outside the batch, as are the three below
    tracked: int  # tracked subjects of those quantities
    entities: int  # document entities
    links: int  # their links to canonical entities
    tracked_all: int  # every tracked subject
    subject_entities: int  # the quantities' subject entities (quantity_subjects rows)
    kinds: int  # the document entities the stored kinds count
    groups: int  # the tracked quantities the stored groups count
    flagged: int  # the tracked quantities with a subject entity the stored groups count

    @classmethod
    def read(cls, conn: Connection, batch: Collection[int]) -> _Counts:
        q_, ts, de, link = QuantityRow, TrackedSubjectRow, DocumentEntityRow, EntityLinkRow

        def count(model: Any) -> Any:
            return select(func.count()).select_from(model).scalar_subquery()

        def inside(stmt: Any, model: Any) -> Any:
            return stmt.where(model.document_id.in_(batch)).scalar_subquery()

        row = conn.execute(
            select(
                count(q_) - inside(select(func.count()).select_from(q_), q_),
                count(ts) - inside(select(func.count()).select_from(ts).join(q_, q_.id == ts.quantity_id), q_),
                count(de) - inside(select(func.count()).select_from(de), de),
                count(link)
                - inside(select(func.count()).select_from(link).join(de, de.id == link.document_entity_id), de),
                count(ts),
                count(QuantitySubjectRow),
                select(func.coalesce(func.sum(EntityKindRow.records), 0)).scalar_subquery(),
                select(func.coalesce(func.sum(TrackedGroupRow.quantities), 0)).scalar_subquery(),
                select(func.coalesce(func.sum(TrackedGroupRow.resolved), 0)).scalar_subquery(),
            )
        ).one()
        return cls(*row)

    def stale(self) -> bool:
        """Whether the derived tables cannot be built on: some quantity or document entity outside the batch has
        no tracked subject or canonical entity (a database just migrated, emptied tables), or the stored kinds
        do not count those document entities, or the stored groups the tracked quantities (a database just
        migrated to 0015 or 0016)."""
        return (
            self.tracked != self.quantities
            or self.links != self.entities
            or self.kinds != self.entities
            or self.groups != self.tracked_all
        )

    def unsubjected(self) -> bool:
        """Whether the stored subject entities are not those the last pass flagged (rows deleted or added since).

        Each pass writes a tracked subject for every quantity, flagged when it
        writes the quantity's subject entity too, and both rows go with their
        quantity, and counts the flagged ones in their groups; so the counts
        differ only when something else deleted or added one.
        """
        return self.flagged != self.subject_entities


@dataclass(slots=True)
class _Phrases:
    """What a pass made of the phrases that name entities: quantities' subjects, events' actors and objects."""

    hits: dict[int, int]  # quantity id -> its subject entity, for the quantities resolved again that have one
    tracked: dict[int, str | None]  # quantity id -> the subject the track stage files it under, every quantity
    event_links: dict[tuple[int, str], int]  # (event id, role) -> entity, for the events in ``events``
    events: set[int] | None  # the events resolved again; None: all of them
    # The quantities resolved again, with their own subject words; None: all of them.  Every other
    # quantity keeps its stored subject entity and tracked subject.
    subjects: dict[int, str | None] | None = None
    old_hits: dict[int, int] = field(default_factory=dict)  # the stored subject entities of those quantities
    # The documents whose relations were made again (with the gazetteer's hierarchy); None: every one.  Every
    # other document's stored relations stay, and are not in the pass's relations.
    related: set[int] | None = None


_QUANTITY_COLUMNS = ("id", "document_id", "kind", "subject", "metric", "deadline", "as_of")


class _Book:
    """The quantities a batch's pass reads, as (id, document id, kind, subject, metric, deadline, as-of) tuples.

    Read on demand (the batch's, those resolved again, those in the groups the batch reaches), not all
    90,000: named access on that many rows, a dozen times over, cost more than the rest of the pass.
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self.rows: dict[int, tuple[Any, ...]] = {}
        self.complete = False

    def _select(self) -> Any:
        q_ = QuantityRow
        return select(*(getattr(q_, c) for c in _QUANTITY_COLUMNS))

    def _keep(self, rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        out = sorted(rows)
        self.rows.update((r[0], r) for r in out)
        return out

    def of_documents(self, documents: Collection[int]) -> list[tuple[Any, ...]]:
        return self._keep(_fetched_rows(self.conn, self._select(), QuantityRow.document_id, documents))

    def of(self, ids: Collection[int]) -> list[tuple[Any, ...]]:
        """The rows of ``ids``, in id order."""
        missing = [i for i in ids if i not in self.rows]
        if missing:
            self._keep(_fetched_rows(self.conn, self._select(), QuantityRow.id, missing))
        return [self.rows[i] for i in sorted(ids)]

    def all(self) -> list[tuple[Any, ...]]:
        """Every quantity's row, in id order."""
        if not self.complete:
            self._keep(_fetched(self.conn, self._select().order_by(QuantityRow.id)))
            self.complete = True
        return sorted(self.rows.values())

    def all_rows(self) -> dict[int, tuple[Any, ...]]:
        self.all()
        return self.rows

    def subjects(self) -> list[str]:
        """The distinct subjects the quantities state (a few hundred)."""
        q_ = QuantityRow
        return [s for (s,) in _fetched(self.conn, select(q_.subject).distinct()) if s is not None]

    def with_subjects(self, subjects: Collection[str]) -> set[int]:
        q_ = QuantityRow
        if not subjects:
            return set()
        return {q for (q,) in _fetched(self.conn, select(q_.id).where(q_.subject.in_(sorted(subjects))))}

    def groups(self) -> list[tuple[str | None, str | None]]:
        """The distinct (tracked subject, metric) pairs the last pass stored (a few thousand)."""
        return list(_fetched(self.conn, select(TrackedGroupRow.subject, TrackedGroupRow.metric)))

    def subjectless_targets(self) -> set[int]:
        """The targets the last pass tracked under no subject."""
        q_, ts = QuantityRow, TrackedSubjectRow
        stmt = select(q_.id).join(ts, ts.quantity_id == q_.id).where(q_.kind == "target", ts.subject.is_(None))
        return {q for (q,) in _fetched(self.conn, stmt)}

    def tracked_in(self, groups: Mapping[str, Collection[str | None]]) -> dict[int, str | None]:
        """Quantity id -> stored tracked subject, for the quantities tracked under a subject of ``groups`` with
        one of its metrics (tracked subject -> metrics); their rows kept."""
        if not groups:
            return {}
        q_, ts = QuantityRow, TrackedSubjectRow

        def metric_in(metrics: Collection[str | None]) -> Any:  # the stored copy: the index covers it
            named = sorted(m for m in metrics if m is not None)
            clauses = [ts.metric.in_(named)] if named else []
            return or_(*clauses, *([ts.metric.is_(None)] if None in metrics else []))

        by_metrics: dict[frozenset[str | None], list[str]] = defaultdict(list)  # subjects sharing their metrics
        for subject, metrics in groups.items():
            by_metrics[frozenset(metrics)].append(subject)
        stmt = (
            select(*(getattr(q_, c) for c in _QUANTITY_COLUMNS), ts.subject)
            .join(ts, ts.quantity_id == q_.id)
            .where(or_(*(ts.subject.in_(sorted(s)) & metric_in(m) for m, s in by_metrics.items())))
        )
        rows = _fetched(self.conn, stmt)
        self._keep(r[:-1] for r in rows if r[0] not in self.rows)
        return {r[0]: r[-1] for r in rows}

    def hits_to(self, entities: Collection[int]) -> dict[int, int]:
        """Quantity id -> stored subject entity, for the quantities whose stored subject entity is in ``entities``."""
        qs = QuantitySubjectRow
        return dict(_fetched_rows(self.conn, select(qs.quantity_id, qs.entity_id), qs.entity_id, entities))

    def kinds(self, ids: Collection[int]) -> dict[int, str]:
        return {row[0]: row[2] for row in self.of(ids)}


def _all_phrases(conn: Connection, state: _Resolved, phrases: Sequence[tuple[Any, ...]]) -> _Phrases:
    """Every phrase resolved, as a full pass does: the records' relations, the subjects, the events."""
    state.relations = _relations(state.builder, state.resolver, state.records, state.entity_of_record)
    subjects = state.subjects((qid, document_id, subject) for qid, document_id, _, subject, *_ in phrases)
    event_links = state.finish(conn)
    tracked = {qid: state.tracked_subject(subjects.get(qid), subject) for qid, _, _, subject, *_ in phrases}
    qs = QuantitySubjectRow
    old_hits = dict(_fetched(conn, select(qs.quantity_id, qs.entity_id)))
    return _Phrases({q: hit[0] for q, hit in subjects.items()}, tracked, event_links, None, None, old_hits)


def _phrases_again(
    conn: Connection,
    state: _Resolved,
    batch: Collection[int],
    book: _Book,
    stored_relations: _StoredRelations,
    documents: int,
    counts: _Counts,
) -> _Phrases | None:
    """A batch's pass's phrases: those whose entity can have changed resolved again, the rest as stored.

    A phrase resolves (``_Resolver``) from its own document's records and
    their entities, the entities looked up by its name (``named``: the
    entities of the documents and their places' ancestors, never places
    made on demand, so the order of the phrases does not matter), the type
    of each, and, for a gazetteer place, the entity holding that place's
    key.  So a stored phrase resolves as it did in the last pass unless its
    document holds a record that changed entity, or whose entity changed
    type, key or names; or one of its names is looked up among other
    entities than before (``forms``); or its stored entity held a key that
    moved to another entity.  Those are resolved again, and the records'
    relations and the events of any document where one is (an issuance's
    relation is its document's); every other quantity keeps its stored
    subject entity and tracked subject, unless that entity was renamed or is
    a programme (tracked under its nearest region, which any relation may
    move); every other event its stored entities, every other document its
    stored relations, which are not read: the database lists the entities
    they name and the places they put entities in.  Places that kept
    phrases name are made as the full pass makes them, and a place only
    dropped phrases named is no longer made.  The gazetteer's hierarchy and
    every entity's regions are computed again over all relations.

    None when more than half the documents are to be resolved again (the
    caller then resolves everything), or a kept phrase names an entity the
    pass no longer makes and no gazetteer place (which would mean the
    argument above missed a way).
    """
    builder, resolver, records, links = state.builder, state.resolver, state.records, state.entity_of_record
    stored_links = state.stored_links or {}
    if _emptied(conn, batch, stored_relations):
        return None
    places = builder.places
    e_ = EntityRow
    stored = {i: (t, name, key) for i, t, name, key in conn.execute(select(e_.id, e_.type, e_.name, e_.key)).all()}
    stored_forms: dict[int, set[str]] = defaultdict(set)
    for i, form in conn.execute(select(EntityAliasRow.entity_id, EntityAliasRow.norm)).all():
        stored_forms[i].add(form)
    # The batch's records and those the rules moved to another entity; the keys the stored records give.
    # (Records outside the part the rules ran over keep their entity: the part's, the batch's and, in a
    # pass that resolved everything, all are read.)
    moved = [r for r in records if stored_links.get(r.id) != links[r.id]]
    moved_keys = {r.key for r in moved if r.key}
    kinds = state.stored_kinds
    if kinds is None:
        kinds = _kind_rows((r for r in records if r.id in stored_links), state.texts, stored_links)
    stored_keys = {k[3] for k in kinds if k[3]}
    # The entities the last pass's resolver looked names up among: its clusters and their places' ancestors.
    old_static = {k[8] for k in kinds} | {
        p for a in _ancestors(places, stored_keys) - stored_keys if (p := place_id(a)) is not None
    }
    new_static = state.static
    if not old_static <= stored.keys():
        _log.warning("batch pass: a stored link names no stored entity; all phrases resolved")
        return None
    old_named: dict[str, set[int]] = defaultdict(set)
    for i in old_static:
        for form in stored_forms[i]:
            old_named[form].add(i)
    new_named = resolver.named
    forms = {f for f in old_named.keys() | new_named.keys() if old_named.get(f, set()) != set(new_named.get(f, ()))}
    changed = old_static ^ new_static
    for i in old_static & new_static:
        entity = builder.get(i)
        if stored[i][0] != entity.type or stored[i][2] != entity.key:
            changed.add(i)
    for i in changed:
        forms |= stored_forms.get(i, set())
        if i in builder.by_id:
            forms |= builder.get(i).aliases.keys()
    if moved_keys:  # a key's holder: its records' entity, or else its gazetteer place
        holders: dict[str, tuple[set[int], set[int]]] = {k: (set(), set()) for k in moved_keys}
        for r in records:
            if r.key in holders:
                before = stored_links.get(r.id)
                if before is not None:
                    holders[r.key][0].add(before)
                holders[r.key][1].add(links[r.id])
        if not state.complete:  # a kind outside the part keeps its entity
            for k in kinds:
                if k[3] in holders and k[0] not in state.part:
                    holders[k[3]][0].add(k[8])
                    holders[k[3]][1].add(k[8])
        for key, (before_, after_) in holders.items():
            default = {p} if (p := place_id(key)) is not None else set()
            if (before_ or default) != (after_ or default):
                changed |= before_ | after_ | default
    again = set(batch) | {r.document_id for r in moved}
    if changed:
        again |= {r.document_id for r in records if links[r.id] in changed or stored_links.get(r.id) in changed}
        if not state.complete:  # the records read keep their stored entity, as those read are
            again |= _documents_linked(conn, changed)
    if 2 * len(again) > documents:
        return None

    def stale(phrase: str | None) -> bool:
        return phrase is not None and (surface(phrase) in forms or normalise(phrase) in forms)

    # Documents whose records' relations or events must be made again: those above, and any whose phrase is stale.
    related = set(again)
    if forms:
        if state.complete:
            related |= {
                r.document_id
                for r in records
                if any(
                    isinstance(v := r.attributes.get(a), str) and stale(v)
                    for a in ("located_in", "member_of", "part_of")
                )
            }
        else:  # the stored kinds with a stale attribute, then their records' documents (the batch's are in again)
            reader = _Reader()
            stale_kinds = [
                k
                for k in kinds
                if any(
                    isinstance(v := reader.attributes(k[5]).get(a), str) and stale(v)
                    for a in ("located_in", "member_of", "part_of")
                )
            ]
            related |= {r.document_id for r in _records_of_kinds(conn, reader, stale_kinds, mentions=False)[0]}
    stored_events: dict[tuple[int, str], int] = {}
    if forms or changed:
        event_rows = _event_rows(conn)
        if changed:
            ee = EventEntityRow
            stored_events = dict(
                ((event, role), entity)
                for event, role, entity in conn.execute(select(ee.event_id, ee.role, ee.entity_id)).all()
            )
            linked_changed = {event for (event, _), entity in stored_events.items() if entity in changed}
        else:
            linked_changed = set()
        related |= {
            ev.document_id for ev in event_rows if ev.id in linked_changed or stale(ev.actor) or stale(ev.object)
        }
        related |= stored_relations.documents_naming(changed)
        event_rows = [ev for ev in event_rows if ev.document_id in related]
    else:
        event_rows = _event_rows(conn, related)
    if 2 * len(related) > documents:
        return None

    watched = changed | {e.id for e in builder.entities if e.type == "programme"}
    watched |= {i for i, (_, name, _) in stored.items() if i in builder.by_id and builder.get(i).name != name}
    # The phrases to resolve again: those of the documents above, those whose stored entity is watched,
    # and the stale ones.  A phrase the last pass left unresolved stays so unless one of those holds (its
    # document, or a name it is looked up by); but should a subject entity have gone missing since (a row
    # deleted by hand), every quantity without one is tried again.
    qs, q_ = QuantitySubjectRow, QuantityRow
    redone = {row[0] for row in book.of_documents(again)}
    redone |= {q for q, _ in _fetched_rows(conn, select(qs.quantity_id, qs.entity_id), qs.entity_id, watched)}
    if counts.unsubjected():
        unresolved = select(q_.id).outerjoin(qs, qs.quantity_id == q_.id)
        unresolved = unresolved.where(qs.quantity_id.is_(None), q_.subject.is_not(None), q_.subject != "")
        redone |= {q for (q,) in _fetched(conn, unresolved)}
    if forms:
        redone |= book.with_subjects([s for s in book.subjects() if stale(s)])
    redo = [(qid, document_id, subject) for qid, document_id, _, subject, *_ in book.of(redone)]
    stored_hits = dict(_fetched_rows(conn, select(qs.quantity_id, qs.entity_id), qs.quantity_id, redone))
    kept_relations = stored_relations.kept(related)  # (subject, relation, object) of every other document's
    # The entities kept phrases name that the pass has not made (places made on demand, else a lost way).
    unmade = select(qs.quantity_id, qs.entity_id).where(qs.entity_id.not_in(sorted(builder.by_id)))
    named_kept = {e for q, e in _fetched(conn, unmade) if q not in redone}
    redone_events = {ev.id for ev in event_rows}
    if not stored_events:  # only the links to places matter below (a kept phrase's place is made on demand)
        ee = EventEntityRow
        rows = conn.execute(select(ee.event_id, ee.role, ee.entity_id).where(ee.entity_id >= PLACE_IDS)).all()
        stored_events = {(event, role): entity for event, role, entity in rows}
    named_kept |= {e for (event, _), e in stored_events.items() if event not in redone_events}
    named_kept |= {i for r in kept_relations for i in (r[0], r[2]) if i is not None}
    missing = named_kept - builder.by_id.keys()
    if any(i < PLACE_IDS for i in missing):
        _log.warning("batch pass: a kept phrase names an entity the pass no longer makes; all phrases resolved")
        return None
    for i in sorted(missing):
        builder.place(_place_keys()[i - PLACE_IDS])
    state.load(conn, related | {document_id for _, document_id, _ in redo})

    subjects = {q: found for q, document_id, subject in redo if (found := resolver.resolve(document_id, subject))}
    event_links, issued = _events(event_rows, resolver, builder)
    relating = [r for r in records if r.document_id in related]
    state.relations = issued | _relations(builder, resolver, relating, links)
    state.close({(subject, relation, obj, None, None) for subject, relation, obj in kept_relations})
    hits = {q: hit[0] for q, hit in subjects.items()}
    tracked = {qid: state.tracked_subject(subjects.get(qid), subject) for qid, _, subject in redo}
    _log.debug(
        "batch pass: phrases of %d documents resolved again (%d related), %d subjects, %d events, %d stale names",
        len(again),
        len(related),
        len(redo),
        len(event_rows),
        len(forms),
    )
    return _Phrases(
        hits, tracked, event_links, redone_events, {qid: subject for qid, _, subject in redo}, stored_hits, related
    )


def _emptied(conn: Connection, batch: Collection[int], stored_relations: _StoredRelations) -> bool:
    """Whether the relations or the events' entities are empty while stored documents could have made some.

    Migration 0013 empties the relations; a batch's pass that kept the stored
    ones would keep none.  Rows lost otherwise need ``rebuild``.
    """
    if stored_relations.empty() and conn.scalar(
        select(DocumentEntityRow.id).where(DocumentEntityRow.document_id.not_in(batch)).limit(1)
    ):
        return True
    ee, ev = EventEntityRow, EventRow
    return conn.scalar(select(ee.event_id).limit(1)) is None and (
        conn.scalar(select(ev.id).where(ev.document_id.not_in(batch)).limit(1)) is not None
    )


def _documents_linked(conn: Connection, entities: Collection[int]) -> set[int]:
    """The documents holding a document entity the last pass linked to one of ``entities``."""
    de, link = DocumentEntityRow, EntityLinkRow
    stmt = select(de.document_id).join(link, link.document_entity_id == de.id).distinct()
    return {d for (d,) in _fetched_rows(conn, stmt, link.entity_id, entities)}


@cache
def _place_keys() -> list[str]:
    """The gazetteer's place keys by position (``place_id`` minus ``PLACE_IDS``)."""
    return list(gz.load().places)


def _ancestors(places: gz.Gazetteer, keys: Iterable[str]) -> set[str]:
    """The keys of every place the places ``keys`` lie in, up to the top of the gazetteer."""
    out: set[str] = set()
    for key in keys:
        place = places.get(key)
        while place is not None and place.parent and place.parent not in out:
            out.add(place.parent)
            place = places.get(place.parent)
    return out


def _changed_entities(conn: Connection, builder: _Builder) -> set[int]:
    """Ids of the entities whose name or focus the pass changes (or makes)."""
    stored = {
        r.id: (r.name, (r.attributes or {}).get("focus"))
        for r in conn.execute(select(EntityRow.id, EntityRow.name, EntityRow.attributes))
    }
    return {e.id for e in builder.entities if stored.get(e.id) != (e.name, e.attributes.get("focus"))}


def _stored_conflicts(conn: Connection, quantities: Collection[int]) -> list[tuple[Any, ...]]:
    """The stored conflicts of ``quantities`` (their ``quantity_id``), without their ids."""
    c = ConflictRow
    return [
        tuple(r)
        for r in _rows(
            conn,
            select(c.kind, c.quantity_id, c.other_quantity_id, c.value, c.other_value, c.reason),
            c.quantity_id,
            quantities,
        )
    ]


def _outlines(
    phrases: Iterable[tuple[Any, ...]],
    quantities: Collection[int],
    tracked_under: Mapping[int, tuple[str | None, str | None]],
    published: Mapping[int, str | None],
) -> dict[int, Outline]:
    """The outlines of ``quantities`` (each with a tracked subject) from the batch pass's phrases."""
    outlines = {}
    # Tens of thousands of facts share a few hundred periods and publication days: each is read once.
    periods: dict[str | None, str | None] = {}
    days: dict[int, date | None] = {}
    for qid, document_id, kind, _, metric, deadline, as_of in phrases:
        if qid in quantities:
            subject = tracked_under[qid][0]
            assert subject is not None  # a fact without one sends the pass to track_all
            stated = deadline if kind == "target" else as_of
            if stated not in periods:
                periods[stated] = None if (period := from_stored(stated)) is None else str(period)
            if document_id not in days:
                days[document_id] = period_start(published[document_id])
            outlines[qid] = Outline(kind == "target", subject, metric, days[document_id], periods[stated])
    return outlines


class _StoredTracking:
    """The stored quantities and track stage rows a batch's pass reads on demand (``track.incremental.Stored``)."""

    def __init__(self, conn: Connection, documents: _Documents):
        self.conn = conn
        self.documents = documents
        # The stored status periods read (``periods``), as the driver returns them, and the targets they are of.
        self.periods_read: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.periods_of: dict[int, date] = {}

    def quantities(self, ids: Collection[int]) -> list[tuple[int, int, Quantity]]:
        """The quantities of ``ids``, their documents read (should retrack reach past the pass's groups)."""
        rows = _quantities(self.conn, ids)
        self.documents.read({document_id for _, document_id, _ in rows})
        return rows

    def restatements(self, targets: Collection[int]) -> dict[int, int]:
        r = TargetRestatementRow
        return dict(_fetched_rows(self.conn, select(r.target_id, r.restated_by_id), r.target_id, targets))

    def linking(self, statistics: Collection[int]) -> set[int]:
        p = TargetProgressRow
        return {target for (target,) in _rows(self.conn, select(p.target_id), p.observation_id, statistics)}

    def periods(self, since: Mapping[int, date]) -> dict[int, list[tuple[date, str, date | None]]]:
        # Read as diffwrite.cut reads them, which is then handed the rows rather than reading them again.
        read = diffwrite.held(self.conn, TargetStatusPeriodRow, PERIOD_COLUMNS, since)
        self.periods_read.update(read)
        self.periods_of.update(since)
        held: dict[int, list[tuple[date, str, date | None]]] = defaultdict(list)
        for target, start, status, end in sorted(read.values()):
            held[target].append((_day(start), status, None if end is None else _day(end)))
        return held


def _day(value: date | str) -> date:
    """A day as the driver returns it: a date (psycopg) or its ISO text (sqlite3)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REBUILD_LOCK})


class _Documents:
    """Each document's first version (near duplicates count as it) and publication date, for those read.

    A full pass reads every document; a batch's only those of the facts it
    tracks (:meth:`read`), since the track stage asks for no other: every
    document's, 50,000 rows, had been a tenth of a batch's pass.
    """

    def __init__(self, conn: Connection, ids: Collection[int] | None = None):
        self.conn = conn
        self.root: dict[int, int] = {}
        self.published: dict[int, str | None] = {}
        self.read(ids)

    def read(self, ids: Collection[int] | None) -> None:
        """Read the documents of ``ids`` not read yet (every document for None)."""
        if ids is not None:
            ids = set(ids) - self.root.keys()
            if not ids:
                return
        d = DocumentRow
        for i, published, original in _fetched_rows(
            self.conn, select(d.id, d.published, d.near_duplicate_of), d.id, ids
        ):
            self.root[i] = original or i
            self.published[i] = published


CONFLICT_COLUMNS = ("id", "kind", "quantity_id", "other_quantity_id", "value", "other_value", "reason")
PERIOD_COLUMNS = ("target_id", "start_day", "status", "end_day")
# The metric a copy of the quantity's, for the index; resolved: whether it has a subject entity (_Counts.unsubjected).
TRACKED_COLUMNS = ("quantity_id", "subject", "metric", "resolved")


# Conflict kinds that concern one quantity, by rank; a cross-document conflict concerns two.
_SINGLE_KINDS = ("currency_restatement",)
_QUANTITY_BITS = 31  # quantity ids are PostgreSQL INTEGERs


def conflict_ids(conflicts: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """(id, *conflict) rows, each id computed from the conflict's own quantities, never from other conflicts.

    The later quantity fills the high bits and the earlier one (twice it,
    even) or the single-quantity kind's rank and ordinal (odd) the low 32,
    so ids are distinct, order conflicts by their later figure as stored,
    and a batch that adds one conflict writes one row.  The ordinal numbers
    the restatements of one quantity (one per other currency it gives).
    """
    rows = []
    ordinal: Counter[tuple[str, int]] = Counter()
    for c in sorted(conflicts, key=_relation_order):
        kind, quantity, other = c[0], c[1], c[2]
        if other is not None:
            low = min(quantity, other) << 1
        else:
            n = ordinal[(kind, quantity)]
            ordinal[(kind, quantity)] += 1
            low = ((n * len(_SINGLE_KINDS) + _SINGLE_KINDS.index(kind)) << 1) | 1
        rows.append(((max(quantity, other or 0) << (_QUANTITY_BITS + 1)) | low, *c))
    return rows


class RelationIdCollision(StoreError):
    """Two different relations were given one id: the pass stops rather than store either under the other's."""


_RELATION_ID_MASK = (1 << 63) - 1  # a positive BIGINT


GROUP_COLUMNS = ("id", "subject", "metric", "quantities", "resolved")


def group_id(subject: str | None, metric: str | None) -> int:
    """A tracked group's id: 63 bits of a BLAKE2b digest of its (subject, metric), as :func:`relation_id`.

    A knowledge base holds a few thousand groups, so two sharing an id
    (about one chance in 10^12) is left unchecked.
    """
    return _hashed_id("|".join("-" if v is None else f"{len(v)}:{v}" for v in (subject, metric)))


def group_rows(
    counts: Mapping[tuple[str | None, str | None], int], resolved: Mapping[tuple[str | None, str | None], int]
) -> list[tuple[Any, ...]]:
    """(id, subject, metric, quantities, resolved) rows of the groups that hold any, in id order: ``counts``
    the quantities of each, ``resolved`` how many of them have a subject entity (none when absent)."""
    return sorted((group_id(*g), *g, n, resolved.get(g, 0)) for g, n in counts.items() if n > 0)


def _hashed_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big") & _RELATION_ID_MASK


def relation_id(relation: tuple[Any, ...]) -> int:
    """A relation's id: 63 bits of a BLAKE2b digest of the relation itself, the same in every process.

    The relation is (subject entity id, relation, object entity id, object
    value, document id); the encoding writes each field so that no two
    relations read alike (ids and None as text, strings after their length).
    Nothing else goes in, so a batch's new relations leave every other
    relation's id, and row, as they are.  Changing the encoding renumbers
    every stored relation: it needs a migration that empties the table.
    """
    subject, name, obj, value, document = relation
    written = "-" if value is None else f"{len(value)}:{value}"
    return _hashed_id(f"{subject}|{len(name)}:{name}|{obj}|{written}|{document}")


def relation_ids(
    relations: Iterable[tuple[Any, ...]], kept: Mapping[int, tuple[Any, ...]] | None = None
) -> list[tuple[Any, ...]]:
    """(id, *relation) rows in id order, each id :func:`relation_id`; RelationIdCollision if two share one.

    ``relations`` are distinct (a set).  ``kept`` (id -> relation) are the
    stored relations a batch's pass keeps as they are: a new relation's id
    must not be one of theirs either.  A full pass hands over every relation
    and a batch's the new ones, so any two that collide are met the first
    time both are made.
    """
    by_id: dict[int, tuple[Any, ...]] = dict(kept or {})
    for r in relations:
        i = relation_id(r)
        if by_id.setdefault(i, r) != r:
            raise RelationIdCollision(
                f"relations {by_id[i]!r} and {r!r} both get id {i}; nothing was written "
                "(the relation id needs more bits: derive.relation_id)"
            )
    return [(i, *r) for i, r in sorted(by_id.items()) if kept is None or i not in kept]


class _StoredRelations:
    """The relations the last pass stored, read by the documents a batch's pass makes them again for.

    Every other document keeps its stored relations (38,630 at 10,000
    documents), so they are not read: the database lists the documents
    whose relations name given entities, and the entities and places the
    kept relations name.
    """

    def __init__(self, conn: Connection):
        self.conn = conn

    def empty(self) -> bool:
        return self.conn.scalar(select(EntityRelationRow.id).limit(1)) is None

    def of(self, documents: Collection[int] | None) -> dict[tuple[Any, ...], int]:
        """(subject, relation, object, object value, document) -> the row's id, for the relations of ``documents``
        and the gazetteer's (no document); every stored relation for None."""
        r_ = EntityRelationRow
        stmt = select(r_.id, r_.subject_id, r_.relation, r_.object_id, r_.object_value, r_.document_id)
        rows = _fetched_rows(self.conn, stmt, r_.document_id, documents)
        if documents is not None:
            rows += _fetched(self.conn, stmt.where(r_.document_id.is_(None)))
        return {tuple(relation): i for i, *relation in rows}

    def documents_naming(self, entities: Collection[int]) -> set[int]:
        """The documents with a stored relation whose subject or object is one of ``entities``."""
        r_ = EntityRelationRow
        stmt = select(r_.document_id).where(r_.document_id.is_not(None)).distinct()
        return {
            d for column in (r_.subject_id, r_.object_id) for (d,) in _fetched_rows(self.conn, stmt, column, entities)
        }

    def kept(self, documents: Collection[int]) -> set[tuple[int, str, int | None]]:
        """The distinct (subject, relation, object) of the stored relations of the documents not in ``documents``."""
        r_ = EntityRelationRow
        others = r_.document_id.is_not(None) & r_.document_id.not_in(sorted(documents))
        stmt = select(r_.subject_id, r_.relation, r_.object_id).where(others).distinct()
        return {(subject, relation, obj) for subject, relation, obj in _fetched(self.conn, stmt)}

    def taken(self, ids: Collection[int]) -> dict[int, tuple[Any, ...]]:
        """Id -> stored relation, for the stored relations among ``ids``."""
        r_ = EntityRelationRow
        stmt = select(r_.id, r_.subject_id, r_.relation, r_.object_id, r_.object_value, r_.document_id)
        return {i: tuple(relation) for i, *relation in _fetched_rows(self.conn, stmt, r_.id, ids)}


def _relation_changes(
    stored: _StoredRelations, related: Collection[int] | None, relations: set[tuple[Any, ...]]
) -> tuple[list[tuple[Any, ...]], set[int]]:
    """A batch's pass's relation rows to write (the new relations') and the ids of the stored rows they replace.

    A relation's id is its own (:func:`relation_id`), so a stored relation
    the pass makes again keeps its row: only the relations it makes anew are
    hashed and written, and only the stored ones it no longer makes deleted.
    ``relations`` are those of the documents ``related`` and the gazetteer's
    (all, for None), compared with the stored ones of the same; a new one's
    id must not be a stored relation's of another document either.
    """
    part = stored.of(related)
    kept = {i: r for r, i in part.items() if r in relations}
    rows = relation_ids((r for r in relations if r not in part), kept=kept)
    if related is not None:
        kept |= {i: r for i, r in stored.taken({row[0] for row in rows}).items() if r not in part}
        rows = relation_ids((row[1:] for row in rows), kept=kept)
    return rows, {row[0] for row in rows} | {i for r, i in part.items() if r not in relations}


@dataclass(slots=True)
class _Resolved:
    """The entity stage of a pass: canonical entities, their links, relations and regions, and the resolver."""

    builder: _Builder
    records: list[Record]
    entity_of_record: dict[int, int]
    resolver: _Resolver
    relations: set[tuple[Any, ...]]
    static: frozenset[int]  # the entities the resolver looks names up among (``_Resolver.named``)
    stored_links: dict[int, int] | None = None  # a batch's pass: the links the last pass left
    nearest_region: dict[int, int] = field(default_factory=dict)
    regions: dict[tuple[int, int], int] = field(default_factory=dict)
    texts: dict[int, _Texts] = field(default_factory=dict)  # each record's aliases and attributes as stored
    stored_kinds: list[_KindRow] | None = None  # a batch's pass: the kinds the last pass left
    batch: set[int] = field(default_factory=set)
    # Whether ``records`` are every document entity; a batch's pass that resolved only its part
    # holds those, the batch's, and the records of the documents it loads (``load``).
    complete: bool = True
    part: set[int] = field(default_factory=set)  # the first ids of the stored kinds in the part resolved again

    def load(self, conn: Connection, documents: Collection[int] | None) -> None:
        """Read the records of ``documents`` (all for None) not yet read, with the entities they keep.

        Only records outside the part the rules ran over are left to read, and each keeps its stored
        entity (a kept entity keeps its id).  Call before any phrase is resolved: the resolver
        indexes the records by document once.
        """
        if self.complete:
            return
        assert self.resolver.by_document is None, "records loaded after a phrase was resolved"
        de = DocumentEntityRow
        known = self.entity_of_record.keys()
        if documents is None:
            found, texts = _Reader().read(conn, mentions=False, exclude=known)
            links = _links(conn, None)
            self.complete = True
        else:
            wanted = sorted(set(documents) - self.batch)
            found, texts = [], {}
            for i in range(0, len(wanted), diffwrite.IN_CHUNK):
                chunk = [int(d) for d in wanted[i : i + diffwrite.IN_CHUNK]]
                more, more_texts = _Reader().read(conn, de.document_id.in_(chunk), mentions=False, exclude=known)
                found += more
                texts.update(more_texts)
            links = _links(conn, [r.id for r in found])
        stored_links = self.stored_links if self.stored_links is not None else {}
        for r in found:
            self.entity_of_record[r.id] = stored_links[r.id] = links[r.id]
        self.stored_links = stored_links
        self.texts.update(texts)
        self.records.extend(found)
        self.records.sort(key=lambda r: r.id)

    def kind_rows(self) -> list[_KindRow]:
        """The ``entity_kinds`` rows after this pass."""
        if self.stored_kinds is None:
            return _kind_rows(self.records, self.texts, self.entity_of_record)
        # A batch's pass: the stored kinds, the part's with their new entity, and the batch's records added.
        links = self.entity_of_record
        rows: dict[tuple[Any, ...], list[Any]] = {(k[1], k[2], k[3], k[4], k[5]): list(k) for k in self.stored_kinds}
        for row in rows.values():
            if row[0] in links:  # a record the pass linked (the part's, or any when all were resolved)
                row[8] = links[row[0]]
        for r in self.records:
            if r.document_id in self.batch:
                _count_kind(rows, r, self.texts[r.id], links[r.id])
        return sorted(cast_kind(row) for row in rows.values())

    def subjects(self, phrases: Iterable[tuple[int, int, str | None]]) -> dict[int, tuple[int, bool]]:
        """Quantity id -> (entity, exact) for each (quantity id, document id, subject) that resolves."""
        return {
            qid: hit for qid, doc_id, subject in phrases if (hit := self.resolver.resolve(doc_id, subject)) is not None
        }

    def finish(self, conn: Connection) -> dict[tuple[int, str], int]:
        """Resolve the events, then close the relations and the regions; returns the events' entities.

        Run after the quantities' subjects: resolving makes gazetteer places
        on demand, and a full pass and a batch's pass must meet them in one order.
        """
        event_links, issued = _events(_event_rows(conn), self.resolver, self.builder)
        self.relations |= issued
        self.close()
        return event_links

    def close(self, kept: Iterable[tuple[Any, ...]] = ()) -> None:
        """Add the places' hierarchy to the relations, then find every entity's regions and nearest one.

        ``kept``: the relations a batch's pass keeps as stored, which place entities too.
        """
        self.relations |= _hierarchy(self.builder)
        self.regions = _regions(self.builder, self.relations.union(kept))
        # The nearest region; of two as near, the one inside more regions (a city before its province),
        # then the smaller id: never the order the relations came in, which a batch's pass does not share.
        above: Counter[int] = Counter(entity for (entity, _), depth in self.regions.items() if depth > 0)
        nearest: dict[int, tuple[int, int, int]] = {}
        for (entity_id, region), depth in self.regions.items():
            if depth > 0:
                key = (depth, -above[region], region)
                if entity_id not in nearest or key < nearest[entity_id]:
                    nearest[entity_id] = key
        self.nearest_region = {entity_id: key[2] for entity_id, key in nearest.items()}

    def tracked_subject(self, hit: tuple[int, bool] | None, subject: str | None) -> str | None:
        """The subject a quantity is tracked under by the track stage (``track.batch``).

        A subject resolved exactly is replaced by its entity's name, so
        "Haier" and "Haier Group" targets are about the same subject; one only
        recognised inside a longer phrase keeps its own words.  A plan's
        targets are the commitments of the place it governs, and that place
        is what later reports give figures for: a target whose subject is a
        programme is tracked under the place the programme lies in.
        """
        if not hit or not hit[1]:
            return subject
        entity = self.builder.get(hit[0])
        if entity.type == "programme" and entity.id in self.nearest_region:
            entity = self.builder.get(self.nearest_region[entity.id])
        return entity.name

    def tables(
        self, event_links: dict[tuple[int, str], int], relation_rows: list[tuple[Any, ...]] | None = None
    ) -> dict[type, tuple[tuple[str, ...], list]]:
        """Each entity-stage table's columns and rows; the relations' rows are all of them unless given."""
        entities = self.builder.entities
        return {
            EntityRow: (
                ("id", "type", "name", "norm", "key", "level", "attributes", "mention_count", "document_count"),
                [
                    (e.id, e.type, e.name, normalise(e.name), e.key, e.level, e.attributes, e.mentions, e.documents)
                    for e in entities
                ],
            ),
            EntityAliasRow: (
                ("entity_id", "norm", "alias", "count"),
                [
                    (e.id, form, spelling, e.alias_counts[form])
                    for e in entities
                    for form, spelling in e.aliases.items()
                ],
            ),
            EntityLinkRow: (("document_entity_id", "entity_id"), list(self.entity_of_record.items())),
            EntityKindRow: (KIND_COLUMNS, self.kind_rows()),
            EntityRelationRow: (
                ("id", "subject_id", "relation", "object_id", "object_value", "document_id"),
                relation_ids(self.relations) if relation_rows is None else relation_rows,
            ),
            EntityRegionRow: (
                ("entity_id", "region_id", "depth"),
                [(e, r, depth) for (e, r), depth in self.regions.items()],
            ),
            EventEntityRow: (
                ("event_id", "role", "entity_id"),
                [(ev, role, e) for (ev, role), e in event_links.items()],
            ),
        }


_Texts = tuple[str | None, str | None]  # a document entity's aliases and attributes as stored (JSON as text)
# An entity_kinds row: first_id, type, name, key, aliases, attributes, records, mentions, entity_id, keys.
_KindRow = tuple[int, str, str, str | None, str | None, str | None, int, int, int, str]
KIND_COLUMNS = ("first_id", "type", "name", "key", "aliases", "attributes", "records", "mentions", "entity_id", "keys")


class _Reader:
    """Document entities as :class:`Record` s, their JSON texts parsed once per distinct text.

    The JSON columns come as text and each distinct text is parsed once: a corpus repeats a few
    hundred attribute sets ('{"level": "region"}') and mostly has no aliases ('[]').  Every
    record still gets its own attributes dict (aliases are a tuple); nothing below changes the
    values inside.  Rows are unpacked as tuples: named access on 85,000 rows costs more than the rest.
    """

    def __init__(self) -> None:
        self.attributes_of: dict[str | None, dict[str, Any]] = {}
        self.aliases_of: dict[str | None, tuple[str, ...]] = {}

    def attributes(self, text: str | None) -> dict[str, Any]:
        if text not in self.attributes_of:
            self.attributes_of[text] = (json.loads(text) if text is not None else None) or {}
        return self.attributes_of[text]

    def aliases(self, text: str | None) -> tuple[str, ...]:
        if text not in self.aliases_of:
            self.aliases_of[text] = tuple((json.loads(text) if text is not None else None) or ())
        return self.aliases_of[text]

    def read(
        self,
        conn: Connection,
        where: Any = None,
        mentions: bool = True,
        exclude: Collection[int] = (),
    ) -> tuple[list[Record], dict[int, _Texts]]:
        """The document entities (all, or those ``where`` selects), in id order, with their JSON texts.

        ``mentions``: count each one's mentions (else 0: records read only to resolve phrases).
        """
        de = DocumentEntityRow
        stmt = select(
            de.id, de.document_id, de.type, de.name, de.key, cast(de.attributes, Text), cast(de.aliases, Text)
        )
        rows = _fetched(conn, stmt if where is None else stmt.where(where))
        rows = [r for r in rows if r[0] not in exclude] if exclude else rows
        rows.sort()
        if not mentions:
            counts: Mapping[int, int] = {}
        elif where is None:
            m = EntityMentionRow
            counts = dict(_fetched(conn, select(m.entity_id, func.count()).group_by(m.entity_id)))
        else:
            m = EntityMentionRow
            counts = dict(
                _fetched_rows(
                    conn, select(m.entity_id, func.count()).group_by(m.entity_id), m.entity_id, [r[0] for r in rows]
                )
            )
        records, texts = [], {}
        for record_id, document_id, entity_type, name, key, attributes, aliases in rows:
            texts[record_id] = (aliases, attributes)
            records.append(
                Record(
                    record_id,
                    document_id,
                    entity_type,
                    name,
                    key,
                    dict(self.attributes(attributes)),
                    self.aliases(aliases),
                    counts.get(record_id, 0),
                )
            )
        return records, texts


def _decisions(conn: Connection) -> list[Decision]:
    d = EntityDecisionRow
    return [Decision(r.action, r.name, r.other) for r in conn.execute(select(d.action, d.name, d.other).order_by(d.id))]


def _stored_kinds(conn: Connection) -> list[_KindRow]:
    k = EntityKindRow
    columns = [getattr(k, c) for c in KIND_COLUMNS]
    return [cast_kind(r) for r in _fetched(conn, select(*columns).order_by(k.first_id))]


def cast_kind(row: Sequence[Any]) -> _KindRow:
    return (int(row[0]), row[1], row[2], row[3], row[4], row[5], int(row[6]), int(row[7]), int(row[8]), row[9])


def _keys_text(entity_type: str, name: str, aliases: tuple[str, ...], key: str | None) -> str:
    """A kind's blocking keys as stored: JSON, sorted [key, name] pairs."""
    return json.dumps(sorted(_blocking_keys(group_of(entity_type), name, aliases, key)), ensure_ascii=False)


def _keys_of(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((key, norm) for key, norm in json.loads(text))


def _kind_rows(
    records: Iterable[Record], texts: Mapping[int, _Texts], entity_of_record: Mapping[int, int]
) -> list[_KindRow]:
    """The ``entity_kinds`` rows of ``records`` (every document entity, in id order)."""
    kinds: dict[tuple[Any, ...], list[Any]] = {}
    for r in records:
        _count_kind(kinds, r, texts[r.id], entity_of_record[r.id])
    return [cast_kind(row) for row in kinds.values()]


def _count_kind(kinds: dict[tuple[Any, ...], list[Any]], r: Record, texts: _Texts, entity_id: int) -> None:
    """Count one record into the row of its kind (type, name, key, alias and attribute texts), opening the row
    (first record, counts, entity, blocking keys) when the kind is new."""
    aliases, attributes = texts
    kind = (r.type, r.name, r.key, aliases, attributes)
    if (row := kinds.get(kind)) is None:
        keys = _keys_text(r.type, r.name, tuple(r.aliases), r.key)
        kinds[kind] = [r.id, *kind, 1, r.mentions, entity_id, keys]
    else:
        row[6] += 1
        row[7] += r.mentions


def _resolved(conn: Connection, batch: Collection[int] | None = None) -> _Resolved:
    """Resolve the stored document entities (with the user's decisions) and their relations.

    With a ``batch`` of documents, the rules run only over the records those
    can reach (:mod:`.blocking`, over the stored ``entity_kinds``), every
    other entity is made again from its stored kinds and the batch's records
    named as they are, and only the reached records and the batch's are
    read (``_Resolved.load`` reads the documents a phrase is resolved in);
    without, over all of them.
    """
    decisions = _decisions(conn)
    reader = _Reader()
    if batch is None:
        records, texts = reader.read(conn)
        return _made(conn, records, texts, resolve(records, decisions), None, None, batch)
    kinds = _stored_kinds(conn)
    fresh, fresh_texts = reader.read(conn, DocumentEntityRow.document_id.in_([int(d) for d in sorted(batch)]))
    groups = rules()["group_of"]

    def signed(t: str, name: str, aliases: tuple[str, ...], key: str | None) -> Any:
        return (groups.get(t, t), name, aliases, key)

    kind_signature = [signed(k[1], k[2], reader.aliases(k[4]), k[3]) for k in kinds]
    counts: dict[Any, int] = {}
    keys: dict[Any, frozenset[tuple[str, str]]] = {}  # the stored kinds' blocking keys, read rather than computed
    for k, sig in zip(kinds, kind_signature, strict=True):
        counts[sig] = counts.get(sig, 0) + k[6]
        if sig not in keys:
            keys[sig] = _keys_of(k[9])
    stored_signatures = set(counts)
    fresh_signature = blocking.signatures(fresh)
    for sig in fresh_signature:
        counts[sig] = counts.get(sig, 0) + 1
    types = {k[1] for k in kinds} | {r.type for r in fresh}
    part = blocking.reach_signatures(counts, stored_signatures, set(fresh_signature), types, decisions, keys)
    if part is None:
        _log.debug("batch pass: the batch reaches most document entities; all resolved")
        return _whole(conn, reader, decisions, kinds, batch)
    reached, crowded = part
    kept: dict[int, list[_KindRow]] = defaultdict(list)
    entities_of: dict[Any, set[int]] = defaultdict(set)  # signature -> the stored entities of its kinds
    reached_kinds: list[_KindRow] = []
    for k, sig in zip(kinds, kind_signature, strict=True):
        if sig in reached:
            reached_kinds.append(k)
        else:
            kept[k[8]].append(k)
            entities_of[sig].add(k[8])
    joiners: dict[int, list[Record]] = defaultdict(list)
    for r, sig in zip(fresh, fresh_signature, strict=True):
        if sig not in reached:
            entities = entities_of.get(sig, set())
            if len(entities) != 1:
                _log.warning("batch pass: a batch's name is held by %d stored entities; all resolved", len(entities))
                return _whole(conn, reader, decisions, kinds, batch)
            joiners[next(iter(entities))].append(r)
    if any(k[8] in kept for k in reached_kinds):
        _log.warning("batch pass: a stored entity lies across the batch's part; all resolved")
        return _whole(conn, reader, decisions, kinds, batch)
    stored_part, texts = _records_of_kinds(conn, reader, reached_kinds)
    stored_part = [r for r in stored_part if r.document_id not in batch]  # the batch's are in ``fresh``
    texts.update(fresh_texts)
    part_records = sorted(
        [*stored_part, *(r for r, sig in zip(fresh, fresh_signature, strict=True) if sig in reached)],
        key=lambda r: r.id,
    )
    clusters: list[Cluster | _Kept] = list(resolve(part_records, decisions, crowded))
    documents = dict(_fetched_rows(conn, select(EntityRow.id, EntityRow.document_count), EntityRow.id, kept.keys()))
    for entity_id, rows in kept.items():
        clusters.append(_kept(reader, rows, joiners.get(entity_id, []), documents.get(entity_id, 0), fresh_texts))
    clusters.sort(key=_first_id)
    _log.debug("batch pass: %d of %d document entities resolved", len(part_records), sum(counts.values()))
    loaded = [*part_records, *(r for rs in joiners.values() for r in rs)]
    loaded.sort(key=lambda r: r.id)
    state = _made(
        conn, loaded, {**texts, **fresh_texts}, clusters, _links(conn, [r.id for r in stored_part]), kinds, batch
    )
    state.complete = False
    state.part = {k[0] for k in reached_kinds}
    return state


def _links(conn: Connection, ids: Collection[int] | None) -> dict[int, int]:
    """The stored links of the document entities ``ids`` (all for None)."""
    links = select(EntityLinkRow.document_entity_id, EntityLinkRow.entity_id)
    return dict(_fetched_rows(conn, links, EntityLinkRow.document_entity_id, ids))


def _whole(
    conn: Connection, reader: _Reader, decisions: list[Decision], kinds: list[_KindRow], batch: Collection[int]
) -> _Resolved:
    """A batch's pass that resolves every document entity (the part reached is most of them, or not whole)."""
    records, texts = reader.read(conn)
    return _made(conn, records, texts, resolve(records, decisions), _links(conn, None), kinds, batch)


def _made(
    conn: Connection,
    records: list[Record],
    texts: dict[int, _Texts],
    clusters: Sequence[Cluster | _Kept],
    stored_links: dict[int, int] | None,
    kinds: list[_KindRow] | None,
    batch: Collection[int] | None,
) -> _Resolved:
    builder = _Builder()
    entity_of_record = _entities(builder, clusters, {i: t[1] for i, t in texts.items()})
    static = frozenset(builder.by_id)
    resolver = _Resolver(builder, records, entity_of_record)
    # A batch's pass relates only the records whose phrases it resolves again (_phrases_again).
    relations = _relations(builder, resolver, records, entity_of_record) if batch is None else set()
    state = _Resolved(builder, records, entity_of_record, resolver, relations, static, stored_links)
    state.texts, state.stored_kinds, state.batch = texts, kinds, set(batch or ())
    return state


def _records_of_kinds(
    conn: Connection, reader: _Reader, kinds: Sequence[_KindRow], mentions: bool = True
) -> tuple[list[Record], dict[int, _Texts]]:
    """The stored document entities of ``kinds`` (read by type and name, then matched whole), in id order."""
    wanted = {(k[1], k[2], k[3], k[4], k[5]) for k in kinds}
    by_type: dict[str, set[str]] = defaultdict(set)
    for k in kinds:
        by_type[k[1]].add(k[2])
    de = DocumentEntityRow
    out: list[Record] = []
    texts: dict[int, _Texts] = {}
    for entity_type, names in by_type.items():
        ordered = sorted(names)
        for i in range(0, len(ordered), 500):
            found, found_texts = reader.read(
                conn, (de.type == entity_type) & de.name.in_(ordered[i : i + 500]), mentions=False
            )
            for r in found:
                aliases, attributes = found_texts[r.id]
                if (r.type, r.name, r.key, aliases, attributes) in wanted:
                    out.append(r)
                    texts[r.id] = found_texts[r.id]
    if mentions and out:
        m = EntityMentionRow
        counts = dict(
            _fetched_rows(
                conn, select(m.entity_id, func.count()).group_by(m.entity_id), m.entity_id, [r.id for r in out]
            )
        )
        for r in out:
            r.mentions = counts.get(r.id, 0)
    out.sort(key=lambda r: r.id)
    return out, texts


@dataclass(slots=True)
class _Kept:
    """A stored entity outside the batch's part, made again from its kinds and the batch's records named as one."""

    cluster: Cluster  # its records: the batch's joining it, only
    first: int  # its first document entity
    mentions: int
    documents: int
    attribute_sets: list[
        tuple[dict[str, Any], int]
    ]  # each distinct attributes text's value and count, first seen first


def _kept(
    reader: _Reader, kinds: list[_KindRow], joiners: list[Record], documents: int, texts: Mapping[int, _Texts]
) -> _Kept:
    """What ``cluster_of`` and ``_entities`` make of the records of ``kinds`` (in first-id order) and ``joiners``.

    The joiners are newer than every stored record (the batch's documents were stored last), so they
    come after the kinds in first-seen order; their documents are new ones.
    """
    counted: dict[Any, int] = {}
    sets: dict[str | None, list[Any]] = {}
    for k in kinds:
        kind = (k[1], k[2], reader.aliases(k[4]), k[3])
        counted[kind] = counted.get(kind, 0) + k[6]
        if (seen := sets.get(k[5])) is None:
            sets[k[5]] = [reader.attributes(k[5]), k[6]]
        else:
            seen[1] += k[6]
    for r in joiners:
        kind = (r.type, r.name, tuple(r.aliases), r.key)
        counted[kind] = counted.get(kind, 0) + 1
        if (seen := sets.get(text := texts[r.id][1])) is None:
            sets[text] = [r.attributes, 1]
        else:
            seen[1] += 1
    return _Kept(
        cluster_of_kinds(counted, joiners),
        kinds[0][0],
        sum(k[7] for k in kinds) + sum(r.mentions for r in joiners),
        documents + len({r.document_id for r in joiners}),
        [(attributes, n) for attributes, n in sets.values()],
    )


def _first_id(c: Cluster | _Kept) -> int:
    return c.first if isinstance(c, _Kept) else c.records[0].id


def _relation_order(r: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple((x is None, x) for x in r)


def _entities(
    builder: _Builder, clusters: Sequence[Cluster | _Kept], attribute_text: Mapping[int, str | None]
) -> dict[int, int]:
    """Create one entity per cluster (places keep the gazetteer's name and level); record id -> entity id.

    ``attribute_text`` gives each record's attributes as stored (records alike there have equal attributes).
    A kept entity (:class:`_Kept`) comes with its totals; its records (the batch's joining it) are linked.
    """
    entity_of_record: dict[int, int] = {}
    for item in clusters:
        if isinstance(item, _Kept):
            cluster = item.cluster
            attributes = _merged_sets(item.attribute_sets)
            places = [i for k in cluster.keys if (i := place_id(k)) is not None]
            entity_id = min(places) if places else item.first
        else:
            cluster = item
            attributes = _merged_attributes(cluster.records, attribute_text)
            entity_id = cluster_id(cluster)
        place = builder.places.get(cluster.key) if cluster.key else None
        level = place.level if place else attributes.get("level")
        if place is not None:
            attributes["level"] = place.level
            if len(cluster.keys) > 1:
                attributes["keys"] = list(cluster.keys)
        entity = builder.add(entity_id, cluster.type, cluster.name, cluster.key, level, attributes)
        for key in cluster.keys:
            builder.by_key.setdefault(key, entity.id)
        for spelling, count in cluster.aliases.values():
            builder.alias(entity, spelling, count)
        if place is not None:
            for variant in place.variants:
                builder.alias(entity, variant, 0)
        if isinstance(item, _Kept):
            entity.mentions, entity.documents = item.mentions, item.documents
        else:
            entity.mentions = sum(r.mentions for r in cluster.records)
            entity.documents = len({r.document_id for r in cluster.records})
        for r in cluster.records:
            entity_of_record[r.id] = entity.id
    for key in list(builder.by_key):  # every named place's ancestors exist, for the hierarchy
        place = builder.places.get(key)
        if place is not None:
            builder.place(place.parent)
    return entity_of_record


def _merged_attributes(records: list[Record], attribute_text: Mapping[int, str | None]) -> dict[str, Any]:
    """The most common value of each attribute; industries (``focus``) are the union, in first-seen order.

    Records whose attributes were stored as one text (``attribute_text``, record id -> text) have equal
    attributes: each such set is read once, in the order of its first record, and counted as often as it
    occurs.  That gives each value the count and the first-seen place it would get record by record, and
    so the same most common value (``most_common`` breaks ties by first insertion) and the same union.
    """
    sets: dict[str | None, list[Any]] = {}  # text -> [attributes of its first record, how many records]
    for r in records:
        if (seen := sets.get(text := attribute_text[r.id])) is None:
            sets[text] = [r.attributes, 1]
        else:
            seen[1] += 1
    return _merged_sets([(attributes, count) for attributes, count in sets.values()])


def _merged_sets(sets: Iterable[tuple[dict[str, Any], int]]) -> dict[str, Any]:
    """:func:`_merged_attributes` of distinct attribute sets with their counts, first seen first."""
    values: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, Any] = {}
    focus: dict[str, None] = {}
    for attributes, count in sets:
        for name, value in attributes.items():
            if name == "focus":
                focus.update(dict.fromkeys(value if isinstance(value, list) else [value]))
            elif isinstance(value, (str, int, float)):
                values[name][str(value)] += count
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

    The names looked up are those of the entities the documents make (and
    the places they lie in) when the resolver is made, not those of places
    the gazetteer step makes on demand later: so a phrase resolves alike
    whatever was resolved before it, and a batch's pass can keep a stored
    phrase's entity when nothing it depends on moved (see ``update``).
    """

    def __init__(self, builder: _Builder, records: list[Record], entity_of_record: dict[int, int]):
        self.builder = builder
        self.named: dict[str, tuple[int, ...]] = {form: tuple(ids) for form, ids in builder.by_norm.items()}
        self.records, self.entity_of_record = records, entity_of_record
        self.by_document: dict[int, list[Record]] | None = None  # made on the first phrase resolved
        self.in_document: dict[int, dict[str, int]] = {}

    def own(self, document_id: int) -> dict[str, int]:
        """The names of a document's own records (surface and normalised forms) -> their entities, first record first."""
        found = self.in_document.get(document_id)
        if found is None:
            if self.by_document is None:
                self.by_document = defaultdict(list)
                for r in self.records:
                    self.by_document[r.document_id].append(r)
            found = self.in_document[document_id] = {}
            for r in sorted(self.by_document.get(document_id, ()), key=lambda r: r.id):
                entity = self.entity_of_record[r.id]
                for form in (surface(r.name), normalise(r.name)):
                    found.setdefault(form, entity)
        return found

    def resolve(
        self, document_id: int, phrase: str | None, types: Iterable[str] | None = None
    ) -> tuple[int, bool] | None:
        if not phrase:
            return None
        allowed = set(types) if types else None

        def ok(entity_id: int) -> bool:
            return allowed is None or self.builder.get(entity_id).type in allowed

        own = self.own(document_id)
        for form in (surface(phrase), normalise(phrase)):
            if form in own and ok(own[form]):
                return own[form], True
        for form in (surface(phrase), normalise(phrase)):
            found = {e for e in self.named.get(form, ()) if ok(e)}
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


def _relations(
    builder: _Builder, resolver: _Resolver, records: list[Record], entity_of_record: dict[int, int]
) -> set[tuple[Any, ...]]:
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


def _event_rows(conn: Connection, documents: Collection[int] | None = None) -> list[Any]:
    """The events (of ``documents``, or all) as (id, document id, type, actor, object) rows."""
    e = EventRow
    return _rows(conn, select(e.id, e.document_id, e.type, e.actor, e.object), e.document_id, documents)


def _events(
    events: Iterable[Any], resolver: _Resolver, builder: _Builder
) -> tuple[dict[tuple[int, str], int], set[tuple[Any, ...]]]:
    """Entities named as an event's actor and object; an issuance makes the object issued_by the actor."""
    links: dict[tuple[int, str], int] = {}
    issued: set[tuple[Any, ...]] = set()
    for ev in events:
        actor = resolver.resolve(ev.document_id, ev.actor)
        obj = resolver.resolve(ev.document_id, ev.object)
        if actor is not None:
            links[(ev.id, "actor")] = actor[0]
        if obj is not None:
            links[(ev.id, "object")] = obj[0]
        if (
            ev.type == "issuance"
            and actor is not None
            and obj is not None
            and obj[1]
            and actor[0] != obj[0]
            and builder.get(obj[0]).type == "programme"
        ):
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


def _chunks(ids: Collection[int] | None, size: int = diffwrite.IN_CHUNK) -> Iterator[list[int] | None]:
    """``ids`` in sorted lists of ``size`` at most (short enough for one IN (…) each); None (every row) as itself."""
    if ids is None:
        yield None
        return
    ordered = sorted(ids)
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]


def _fetched(conn: Connection, stmt: Any) -> list[tuple[Any, ...]]:
    """The rows of a select without parameters, as tuples straight from the driver.

    For the tables a pass reads whole (90,000 quantities, 85,000 document
    entities): SQLAlchemy's result rows cost about as much again as the
    driver's fetch.  The columns read are integers and text, which the
    driver returns as SQLAlchemy would.
    """
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = diffwrite.driver(conn).cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _rows(conn: Connection, stmt: Any, column: Any, ids: Collection[int] | None) -> list[Any]:
    """The rows of ``stmt`` whose ``column`` is among ``ids`` (all of them for None), in chunks.

    The ids, integers the pass computed, are written into the statement
    rather than bound one parameter each (as ``diffwrite.Scope`` writes
    them): PostgreSQL took about four times as long to take 5,000 bound
    parameters as to parse 5,000 numbers.
    """
    return [
        r
        for chunk in _chunks(ids)
        for r in conn.execute(
            stmt
            if chunk is None
            else stmt.where(column.in_(bindparam("ids", [int(i) for i in chunk], expanding=True, literal_execute=True)))
        ).all()
    ]


def _fetched_rows(conn: Connection, stmt: Any, column: Any, ids: Collection[int] | None) -> list[tuple[Any, ...]]:
    """:func:`_rows` as tuples straight from the driver (:func:`_fetched`), for columns of integers, floats and text.

    For the rows a batch's pass reads by the ten thousand (the stored progress links of the targets it
    extends, the quantities it re-tracks), where SQLAlchemy's result rows cost more than the fetch.
    """
    if ids is None:
        return _fetched(conn, stmt)
    return [r for chunk in _chunks(ids) for r in _fetched(conn, stmt.where(column.in_([int(i) for i in chunk or ()])))]


def _quantities(conn: Connection, ids: Collection[int] | None = None) -> list[tuple[int, int, Quantity]]:
    """The stored quantities (every one, or those of ``ids``) as (id, document id, Quantity), in id order."""
    alternatives: dict[int, list[Alternative]] = defaultdict(list)
    a_ = QuantityAlternativeRow
    for quantity_id, value, unit, _ in sorted(
        _fetched_rows(conn, select(a_.quantity_id, a_.value, a_.unit, a_.ordinal), a_.quantity_id, ids),
        key=lambda a: a[3],
    ):
        alternatives[quantity_id].append(Alternative(value, unit))
    out = []
    q_ = QuantityRow
    columns = (
        q_.id,
        q_.document_id,
        q_.kind,
        q_.text,
        q_.start_offset,
        q_.end_offset,
        q_.value,
        q_.unit,
        q_.metric,
        q_.value_max,
        q_.comparator,
        q_.change,
        q_.baseline,
        q_.deadline,
        q_.as_of,
        q_.annual,
        q_.subject,
    )
    # Unpacked as tuples: named access on 90,000 rows of 17 columns costs more than building them.
    for (
        qid,
        document_id,
        kind,
        text_,
        start,
        end,
        value,
        unit,
        metric,
        value_max,
        comparator,
        change,
        baseline,
        deadline,
        as_of,
        annual,
        subject,
    ) in sorted(_fetched_rows(conn, select(*columns), q_.id, ids)):
        out.append(
            (
                qid,
                document_id,
                Quantity(
                    kind=kind,
                    text=text_,
                    start=start,
                    end=end,
                    value=value,
                    unit=unit,
                    metric=metric,
                    value_max=value_max,
                    comparator=comparator,
                    change=change,
                    baseline=baseline,
                    deadline=from_stored(deadline),
                    as_of=from_stored(as_of),
                    annual=bool(annual),  # SQLite's driver gives 0 or 1
                    subject=subject,
                    alternatives=alternatives.get(qid, []),
                ),
            )
        )
    return out


def _target_industries(
    quantities: list[tuple[int, int, Quantity]], subjects: Mapping[int, int], builder: _Builder
) -> list[tuple[int, str]]:
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
            entity = builder.get(hit)
            focus = entity.attributes.get("focus") or []
            words += [entity.name, *(f for f in focus if isinstance(f, str))]
        found = dict.fromkeys(i for w in words if w for i in ([w] if w in known else industries_in(w)))
        rows += [(qid, industry) for industry in found]
    return rows


def _roles(conn: Connection, documents: Collection[int] | None = None) -> dict[int, str]:
    """Target id -> its role when it is not a goal (``track.roles``), from the words around its span.

    Each document's text is read once and cut in Python: asking the database
    for the words around every target (``substr``) walks the text from its
    start each time in SQLite, which on a long page with thousands of
    targets is quadratic.  Texts are read a few hundred documents at a time.
    """
    q, d = QuantityRow, DocumentRow
    stmt = select(q.document_id, q.id, q.text, q.unit, q.start_offset, q.end_offset, q.kind)
    # Some documents' quantities are read whatever their kind: asked for their targets alone, SQLite walks
    # every stored target by the kind's index (0.02-0.03 s at 10,000 documents) rather than the documents'.
    targets: dict[int, list[Any]] = defaultdict(list)
    for r in _rows(conn, stmt if documents is not None else stmt.where(q.kind == "target"), q.document_id, documents):
        if r.kind == "target":
            targets[r.document_id].append(r)
    roles: dict[int, str] = {}
    for chunk in _chunks(targets, _TEXTS_AT_ONCE):
        for document_id, body in conn.execute(select(d.id, d.text).where(d.id.in_(chunk or ()))):
            for r in targets[document_id]:
                before = body[max(0, r.start_offset - BEFORE_CHARS) : r.start_offset]
                after = body[r.end_offset : r.end_offset + AFTER_CHARS]
                if (role := role_of(r.text, before, after, r.unit)) != "goal":
                    roles[r.id] = role
    return roles

"""What the knowledge base adds to a brief: related documents, target status across documents, conflicts.

A brief is written from one extraction; the knowledge base is what lets it
say what the analyst could not see — the earlier documents on the same
cluster, region or programme, whether their targets were met, and figures
that disagree.  All of that reaches the composer through one small object,
:class:`BriefContext`, so the composer never queries a database and the way
the context is gathered can change without touching it.

:func:`context_from_kb` asks the knowledge base's resolved entities, not the
documents' text: relatives are the documents linked to the same cluster,
park or programme entity, or naming a place in or inside one of the brief's
places (the store's region hierarchy) together with one of its main
industries.  Target status and conflicts are the store's own (its progress
links, restatements and conflict table), so a brief says what
``policylens targets`` and ``conflicts`` say.  A document in hand that the
knowledge base does not hold has no such rows; its targets are tracked here
against its relatives' figures (:func:`track_facts`, the same tracking the
store runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from policylens.model import Entity, Extraction, Quantity
from policylens.store import KnowledgeBase, dedup, queries
from policylens.track import (
    Observation,
    Status,
    TargetFact,
    cross_document_conflicts,
    track_targets,
)
from policylens.track.roles import role_in

from . import kbfacts
from .kbfacts import clear_cache  # noqa: F401  (benchmarks and tests clear it through this module)

MAX_RELATED = 10
MAIN_INDUSTRIES = 2
# Names that identify what a document is about, strongly enough on their own.
_STRONG = ("cluster", "park", "programme")
# Places too broad to relate two documents on their own or with an industry.
_BROAD_LEVELS = ("country",)
CROSS_DOCUMENT = "cross_document"  # the store's kind of conflict between two documents' figures


@dataclass(slots=True)
class RelatedDocument:
    extraction: Extraction
    shared: list[Entity]  # its clusters, parks, programmes or places that the brief's document names too
    industries: list[str] = field(default_factory=list)  # industry ids shared too


@dataclass(slots=True)
class BriefContext:
    """Knowledge-base facts for one brief.  ``statuses`` is keyed by ``id()`` of the Quantity objects held here."""

    related: list[RelatedDocument] = field(default_factory=list)
    statuses: dict[int, Status] = field(default_factory=dict)
    conflicts: list[tuple[tuple[Extraction, Quantity], tuple[Extraction, Quantity]]] = field(default_factory=list)
    truncated: bool = False  # more relatives were found than a brief lists
    # id() of a target -> the latest figure the store links to it, as its own document states it.
    latest: dict[int, tuple[Extraction, Quantity]] = field(default_factory=dict)

    def status(self, quantity: Quantity) -> Status | None:
        return self.statuses.get(id(quantity))


def context_from_kb(
    kb: KnowledgeBase, extraction: Extraction, as_of: date, *, max_related: int = MAX_RELATED
) -> BriefContext:
    """Related documents, target status and cross-document conflicts for ``extraction``, from ``kb``.

    The document itself (same id or same text) is not its own relative.
    """
    me = extraction.document
    stored = me.id is not None
    # A document in hand (not read back from the knowledge base) is recognised by its text's hash.
    my_id = me.id if stored else kb.find_by_hash(me.content_hash or dedup.content_hash(me.text))
    with kb.engine.connect() as conn:
        strong, places = _entity_ids(kb, conn, extraction, me.id)
        found = kb.sharing_documents(strong, places, extraction.industries[:MAIN_INDUSTRIES], my_id)
        # The closest relatives (most shared names) are the ones loaded: a region can relate hundreds.
        found.sort(key=lambda s: (-len(s.ordinals), -s.document_id))
        truncated = len(found) > max_related
        found = found[:max_related]
        hashes = kb.content_hashes(s.document_id for s in found)
        related = []
        for s in found:
            other = kbfacts.stored_extraction(kb, s.document_id, hashes.get(s.document_id))
            if other is None:
                continue
            shared = [other.entities[o] for o in s.ordinals if o < len(other.entities)]
            unique = list({e.name.casefold(): e for e in shared}.values())
            related.append(RelatedDocument(other, unique, s.industries[:2]))
        # The most recent first.
        related.sort(key=lambda r: r.extraction.document.published or "", reverse=True)
        if me.id is None:
            statuses, conflicts = track_facts([extraction, *(r.extraction for r in related)], as_of)
            return BriefContext(related, statuses, conflicts, truncated=truncated)
        # Relatives are read back from the store, so each has its id.
        loaded = {
            me.id: extraction,
            **{i: r.extraction for r in related if (i := r.extraction.document.id) is not None},
        }
        statuses, latest = _stored_statuses(kb, conn, loaded, as_of)
    conflicts = _stored_conflicts(kb, loaded)
    return BriefContext(related, statuses, conflicts, truncated=truncated, latest=latest)


def _entity_ids(kb: KnowledgeBase, conn, extraction: Extraction, document_id: int | None) -> tuple[set[int], set[int]]:
    """The knowledge base's entities for the brief's clusters, parks, programmes and (not too broad) places.

    A stored document's entities are linked already; a document in hand is
    looked up by name, as ``policylens entity NAME`` would.
    """
    links = kb.linked_entities(document_id) if document_id is not None else {}
    strong: set[int] = set()
    places: set[int] = set()
    for ordinal, e in enumerate(extraction.entities):
        if e.type in _STRONG:
            into = strong
        elif e.type == "place" and e.attributes.get("level") not in _BROAD_LEVELS and len(e.name) > 2:
            into = places
        else:
            continue
        if document_id is not None:
            if ordinal in links:
                into.add(links[ordinal])
        else:
            into.update(f.id for f in queries.find_entities(conn, e.name, e.type)[:1])
    return strong, places


def _stored_statuses(
    kb: KnowledgeBase, conn, loaded: dict[int, Extraction], as_of: date
) -> tuple[dict[int, Status], dict[int, tuple[Extraction, Quantity]]]:
    """The store's status (with progress) of every target of the loaded documents, keyed by id(Quantity).

    Also the latest figure behind each status, read from its own document
    (loaded for the purpose when it is not a relative), so that a brief can
    quote where the goal stands.
    """
    # The store answers per document; a document that states no target is not asked about.
    views = [
        v
        for doc_id, x in loaded.items()
        if any(q.kind == "target" for q in x.quantities)
        for v in queries.targets(conn, as_of, queries.TargetFilters(document_id=doc_id))
    ]
    owners = kbfacts.quantities(kb, loaded, (v.id for v in views))
    statuses = {
        id(owners[v.id][1]): Status(v.status, v.progress_percent, None, v.reason) for v in views if v.id in owners
    }
    figures = {v.id: v.latest for v in views if v.id in owners and v.latest is not None}
    wanted = {f["document_id"] for f in figures.values()} - loaded.keys()
    hashes = kb.content_hashes(wanted)
    extractions = dict(loaded)
    for doc_id in wanted:
        if (x := kbfacts.stored_extraction(kb, doc_id, hashes.get(doc_id))) is not None:
            extractions[doc_id] = x
    found = kbfacts.quantities(kb, extractions, (f["id"] for f in figures.values()))
    latest = {id(owners[tid][1]): found[f["id"]] for tid, f in figures.items() if f["id"] in found}
    return statuses, latest


def _stored_conflicts(kb: KnowledgeBase, loaded: dict[int, Extraction]) -> list:
    """The store's cross-document conflicts between figures of the loaded documents."""
    pairs = [
        (c.quantity_id, other)
        for c in kb.conflicts(kind=CROSS_DOCUMENT)
        if c.document_id in loaded and c.other_document_id in loaded and (other := c.other_quantity_id) is not None
    ]
    if not pairs:
        return []
    owners = kbfacts.quantities(kb, loaded, [q for pair in pairs for q in pair])
    return [(owners[a], owners[b]) for a, b in pairs if a in owners and b in owners]


def track_facts(extractions: list[Extraction], as_of: date) -> tuple[dict[int, Status], list]:
    """Status of every target and the cross-document conflicts among these extractions' quantities.

    The track stage works on numbered facts; here they are numbered in
    order and mapped back to the Quantity objects the brief quotes.  Terms
    and thresholds (:mod:`policylens.track.roles`) get their role, not a status.
    """
    targets: list[TargetFact] = []
    observations: list[Observation] = []
    owner: dict[int, tuple[Extraction, Quantity]] = {}
    roles: dict[int, Status] = {}
    for doc_number, x in enumerate(extractions):
        doc_id = x.document.id if x.document.id is not None else -(doc_number + 1)
        for q in x.quantities:
            fact_id = len(owner) + 1
            owner[fact_id] = (x, q)
            if q.kind == "target" and (role := role_in(x.document.text, q.start, q.end, q.unit)) != "goal":
                roles[id(q)] = Status(role, None, None, f"a {role} of a policy instrument, not a goal")
            elif q.kind == "target":
                targets.append(
                    TargetFact.from_quantity(q, id=fact_id, document_id=doc_id, published=x.document.published)
                )
            else:
                observations.append(
                    Observation.from_quantity(q, id=fact_id, document_id=doc_id, published=x.document.published)
                )
    statuses = {id(owner[k][1]): s for k, s in track_targets(targets, observations, as_of).items()} | roles
    conflicts = [
        (owner[c.facts[0].id], owner[c.facts[1].id]) for c in cross_document_conflicts([*targets, *observations])
    ]
    return statuses, conflicts

"""What the knowledge base adds to a brief: related documents, target status across documents, conflicts.

A brief is written from one extraction; the knowledge base is what lets it
say what the analyst could not see — the earlier documents on the same
cluster, region or programme, whether their targets were met, and figures
that disagree.  All of that reaches the composer through one small object,
:class:`BriefContext`, so the composer never queries a database and the way
the context is gathered can change without touching it.

:func:`context_from_kb` gathers it from what the knowledge base stores today
(documents and their extractions): it scans documents, keeps those sharing a
cluster, park or programme name, or a region and an industry, and runs the
track stage over their facts.  When the knowledge base gains resolved
entities, stored target status and conflict tables, only this module should
change.  :func:`track_facts` is the same tracking for one document alone.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from threading import Lock

from policylens.extraction.industries import taxonomy
from policylens.model import Document, Entity, Extraction, Quantity
from policylens.store import KnowledgeBase, dedup
from policylens.track import (
    Observation,
    Status,
    TargetFact,
    cross_document_conflicts,
    normalise_subject,
    track_targets,
)

# Scanning every stored extraction is linear in the knowledge base; past this
# many documents the brief says the scan was cut short instead of stalling.
MAX_SCANNED = 2000
MAX_RELATED = 10
MAIN_INDUSTRIES = 2
_PAGE = 200
# Names that identify what a document is about, strongly enough on their own.
_STRONG = ("cluster", "park", "programme")
# Places too broad to relate two documents on their own or with an industry.
_BROAD_LEVELS = ("country",)


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
    scanned: int = 0
    truncated: bool = False  # the knowledge base holds more documents than were searched

    def status(self, quantity: Quantity) -> Status | None:
        return self.statuses.get(id(quantity))


def context_from_kb(kb: KnowledgeBase, extraction: Extraction, as_of: date, *,
                    max_scanned: int = MAX_SCANNED) -> BriefContext:
    """Related documents, target status and cross-document conflicts for ``extraction``, from ``kb``.

    The document itself (same id or same text) is not its own relative.
    """
    strong, places, industries = _keys(extraction)
    keywords = _industry_words(tuple(sorted(industries)))
    me = extraction.document
    # A document in hand (not read back from the knowledge base) is recognised by its text's hash.
    my_hash = me.content_hash or dedup.content_hash(me.text)
    related, scanned, offset = [], 0, 0
    truncated = False
    while True:
        page = kb.list_documents(limit=_PAGE, offset=offset)
        if not page:
            break
        offset += len(page)
        for doc in page:
            if scanned >= max_scanned:
                truncated = True
                break
            scanned += 1
            if (me.id is not None and doc.id == me.id) or doc.content_hash == my_hash:
                continue
            folded = doc.text.casefold()
            # Cheap text tests first: only a document naming the cluster, park or programme, or a
            # place together with a word of the main industries, is loaded whole.
            if not any(name in folded for name in strong) and not (
                    any(name in folded for name in places) and any(k in folded for k in keywords)):
                continue
            other = _stored_extraction(kb, doc)
            if other is not None and (found := _shared(strong, places, industries, other)):
                related.append(found)
        if truncated:
            break
    # The closest relatives (most shared names) first, then the most recent of them first.
    related = sorted(related, key=lambda r: -len(r.shared))[:MAX_RELATED]
    related.sort(key=lambda r: r.extraction.document.published or "", reverse=True)
    statuses, conflicts = track_facts([extraction, *(r.extraction for r in related)], as_of)
    return BriefContext(related, statuses, conflicts, scanned=scanned, truncated=truncated)


# A stored document never changes (its id names one text, whose hash is kept), so its extraction
# can be reused by every brief a process writes: a batch or a web server loads each one once.
_CACHE: OrderedDict[tuple[str, int, str], Extraction] = OrderedDict()
CACHE_SIZE = 1024
_CACHE_LOCK = Lock()  # a web server writes briefs from several threads


def _stored_extraction(kb: KnowledgeBase, doc: Document) -> Extraction | None:
    key = (str(kb.engine.url), doc.id, doc.content_hash)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    found = kb.load_extraction(doc.id)
    if found is not None:
        with _CACHE_LOCK:
            _CACHE[key] = found
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    return found


def clear_cache() -> None:
    """Forget the extractions kept for reuse (benchmarks time a first brief with it)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def track_facts(extractions: list[Extraction], as_of: date) -> tuple[dict[int, Status], list]:
    """Status of every target and the cross-document conflicts among these extractions' quantities.

    The track stage works on numbered facts; here they are numbered in
    order and mapped back to the Quantity objects the brief quotes.
    """
    targets, observations, owner = [], [], {}
    for doc_number, x in enumerate(extractions):
        doc_id = x.document.id if x.document.id is not None else -(doc_number + 1)
        for q in x.quantities:
            fact_id = len(owner) + 1
            owner[fact_id] = (x, q)
            if q.kind == "target":
                targets.append(TargetFact.from_quantity(q, id=fact_id, document_id=doc_id,
                                                        published=x.document.published))
            else:
                observations.append(Observation.from_quantity(q, id=fact_id, document_id=doc_id,
                                                              published=x.document.published))
    statuses = {id(owner[k][1]): s for k, s in track_targets(targets, observations, as_of).items()}
    conflicts = [(owner[c.facts[0].id], owner[c.facts[1].id])
                 for c in cross_document_conflicts([*targets, *observations])]
    return statuses, conflicts


@lru_cache(maxsize=256)
def _industry_words(industries: tuple[str, ...]) -> tuple[str, ...]:
    """The taxonomy's keywords of these industries, case-folded, for a substring test."""
    table = taxonomy()
    return tuple(w.casefold() for i in industries if i in table for w in (*table[i].en, *table[i].zh))


def _keys(extraction: Extraction) -> tuple[set[str], set[str], set[str]]:
    strong = {e.name.casefold() for e in extraction.entities if e.type in _STRONG}
    places = {e.name.casefold() for e in extraction.entities
              if e.type == "place" and e.attributes.get("level") not in _BROAD_LEVELS and len(e.name) > 2}
    # A region relates two documents only through the brief's main industries (the most mentioned first),
    # not a side mention of logistics or software.
    return strong, places, set(extraction.industries[:MAIN_INDUSTRIES])


def _shared(strong: set[str], places: set[str], industries: set[str], other: Extraction) -> RelatedDocument | None:
    """``other`` as a relative if it shares a strong name, or a place together with an industry."""
    mine = {normalise_subject(s) for s in strong}
    names = [e for e in other.entities if e.type in _STRONG and normalise_subject(e.name) in mine]
    common = [i for i in other.industries if i in industries]
    if common:
        names += [e for e in other.entities if e.type == "place" and e.name.casefold() in places]
    if not names:
        return None
    unique = list({e.name.casefold(): e for e in names}.values())
    return RelatedDocument(other, unique, common[:2])

"""The reads a brief needs to quote the store's answers: ids back to hashes, spans and entity links."""

from __future__ import annotations

import datetime as dt

from store_samples import CLUSTER_STORY, PORT_STORY, bare_extraction, full_extraction

from policylens.store.dedup import content_hash
from policylens.store.search import SearchFilters


def test_ids_come_back_as_the_hash_and_spans_a_loaded_extraction_is_indexed_by(kb):
    first = kb.save(full_extraction()).document_id
    other = kb.save(bare_extraction(PORT_STORY, "docs/port.txt")).document_id
    assert kb.content_hashes([first, other, first, 999_999]) == {
        first: content_hash(CLUSTER_STORY),
        other: content_hash(PORT_STORY),
    }
    assert kb.content_hashes([]) == {}

    loaded = kb.load_extraction(first)
    spans = kb.quantity_spans(range(1, 1000))
    assert sorted((doc, start, end) for _, doc, start, end in spans) == sorted(
        (first, q.start, q.end) for q in loaded.quantities
    )
    assert all(loaded.document.text[start:end] for _, _, start, end in spans)
    assert kb.quantity_spans([]) == []


def test_a_documents_entities_link_to_the_canonical_ones_once_resolved(kb):
    doc = kb.save(full_extraction()).document_id
    assert kb.linked_entities(doc) == {}  # nothing resolved yet
    kb.resolve()
    links = kb.linked_entities(doc)
    assert sorted(links) == list(range(len(kb.load_extraction(doc).entities)))
    assert kb.sharing_documents(set(links.values()), set(), [], exclude=doc) == []


def test_the_window_holds_documents_by_publication_day(kb):
    doc = kb.save(full_extraction()).document_id  # published 2026-06-24
    day = dt.date(2026, 6, 24)
    assert [w.id for w in kb.documents_in_window(day, day)] == [doc]
    assert kb.documents_in_window(day + dt.timedelta(days=1), day + dt.timedelta(days=30)) == []


def test_the_reads_the_monitor_matches_and_quotes_with(kb):
    """Watchlist matching asks the store for new documents, the names that made them match and fact offsets."""
    first = kb.save(full_extraction()).document_id
    other = kb.save(bare_extraction(PORT_STORY, "docs/port.txt")).document_id
    kb.resolve()
    assert kb.document_texts([first, other, 999_999]) == {first: CLUSTER_STORY, other: PORT_STORY}
    new = (0, other)
    assert kb.matching_documents(SearchFilters(id_range=new)) == {first: None, other: None}
    assert kb.matching_documents(SearchFilters(id_range=(first, other))) == {other: None}
    [canonical] = {
        e
        for e in kb.linked_entities(first).values()
        if kb.entity_names(new, entity_ids=[e]) == [(first, "Riverton Province")]
    }
    assert kb.matching_documents(SearchFilters(id_range=new), [canonical]) == {first: None}
    in_region = kb.entity_names(new, region_id=canonical)
    assert (first, "Riverton Province") in in_region and {doc for doc, _ in in_region} == {first}
    loaded = kb.load_extraction(first)
    tagged = kb.industry_quantities("machine_tools", new)
    assert tagged == [(first, q.start) for q in loaded.quantities if "machine_tools" in q.industries]
    ids = [qid for qid, doc, _, _ in kb.quantity_spans(range(1, 1000)) if doc == first]
    assert sorted(kb.fact_starts("quantity", ids).values()) == sorted(q.start for q in loaded.quantities)

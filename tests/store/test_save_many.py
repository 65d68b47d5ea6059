"""Saving a group of documents in one transaction (the ingest writer's step), on SQLite and PostgreSQL."""

from __future__ import annotations

import math

from store_samples import CLUSTER_STORY_REPOST, PORT_STORY, bare_extraction, full_extraction

from policylens.errors import StoreError
from policylens.store import SaveResult
from policylens.store.precompute import precompute


def test_a_group_is_stored_and_deduplicated_within_itself(kb):
    group = [
        bare_extraction(PORT_STORY, "a/port.txt"),
        full_extraction(source="a/cluster.txt"),
        bare_extraction(PORT_STORY, "b/port.txt"),
        bare_extraction(CLUSTER_STORY_REPOST, "b/cluster.txt"),
    ]
    results = kb.save_many([(e, precompute(e) if i % 2 else None) for i, e in enumerate(group)])
    port, cluster, again, repost = results
    assert [r.status for r in results] == ["stored", "stored", "duplicate", "stored"]
    assert again.duplicate_of == port.document_id
    assert repost.near_duplicate_of == cluster.document_id
    assert kb.count_documents() == 3
    assert [e.document.id for e in group] == [
        port.document_id,
        cluster.document_id,
        port.document_id,
        repost.document_id,
    ]
    assert kb.load_extraction(cluster.document_id).quantities == group[1].quantities


def test_a_bad_document_fails_alone_and_leaves_nothing_of_itself(kb):
    bad = full_extraction(source="bad/cluster.txt")
    bad.quantities[0].value = math.nan
    group = [bare_extraction(PORT_STORY, "port.txt"), bad, bare_extraction(CLUSTER_STORY_REPOST, "cluster.txt")]
    port, failed, cluster = kb.save_many([(e, None) for e in group])
    assert isinstance(failed, StoreError) and "bad/cluster.txt" in str(failed)
    assert isinstance(port, SaveResult) and isinstance(cluster, SaveResult)
    assert cluster.near_duplicate_of is None  # the bad document, its first version, was not stored
    assert kb.count_documents() == 2
    assert bad.document.id is None
    assert {kb.get_document(r.document_id).source for r in (port, cluster)} == {"port.txt", "cluster.txt"}
    bad.quantities[0].value = 60e9  # fixed, it stores (nothing of the failed attempt is in the way)
    assert kb.save(bad).status == "stored"
    assert kb.count_documents() == 3


def test_search_finds_what_a_worker_indexed(kb):
    extraction = full_extraction()
    kb.save_many([(extraction, precompute(extraction))])
    hits = kb.search("spindle makers")
    assert [h.document_id for h in hits][:1] == [extraction.document.id]

"""Saving and reading documents with their facts, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import math
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from store_samples import CLUSTER_STORY, PORT_STORY, bare_extraction, full_extraction

from policylens.errors import StoreError
from policylens.model import Entity, Quantity
from policylens.store import KnowledgeBase, SaveResult
from policylens.store.dedup import content_hash
from policylens.store.schema import Base, DocumentRow, EventRow, QuantityRow


def _row_counts(kb: KnowledgeBase) -> dict[str, int]:
    with kb.engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table)) for name, table in Base.metadata.tables.items()
        }


def test_round_trip_keeps_everything(kb):
    extraction = full_extraction()
    result = kb.save(extraction)
    assert result == SaveResult(result.document_id, "stored")

    loaded = kb.load_extraction(result.document_id)
    assert loaded == extraction
    # The contract's shapes survive too: a bare year stays an int, an ISO month a string.
    q = loaded.quantities
    assert (q[0].deadline, q[1].as_of, q[2].as_of) == (2028, "2025-12", 2025)
    assert q[0].alternatives[1].unit == "EUR" and q[2].value_max == 12.5
    for entity in loaded.entities:
        for start, end in entity.mentions:
            assert loaded.document.text[start:end]
    assert loaded.entities[1].attributes["focus"] == ["machine tools"]


def test_save_fills_in_hash_and_id(kb):
    extraction = full_extraction()
    result = kb.save(extraction)
    assert extraction.document.content_hash == content_hash(CLUSTER_STORY)
    assert extraction.document.id == result.document_id
    assert kb.find_by_hash(content_hash(CLUSTER_STORY)) == result.document_id
    assert kb.find_by_hash("0" * 64) is None


def test_sortable_dates_are_stored_beside_the_contract_strings(kb):
    stored = kb.save(full_extraction())
    with kb.engine.connect() as conn:
        doc = conn.execute(select(DocumentRow.published, DocumentRow.published_date)).one()
        event_dates = conn.scalars(select(EventRow.event_date).order_by(EventRow.ordinal)).all()
        years = conn.execute(
            select(QuantityRow.deadline_year, QuantityRow.as_of_year)
            .where(QuantityRow.document_id == stored.document_id)
            .order_by(QuantityRow.ordinal)
        ).all()
    assert tuple(doc) == ("2026-06-24", dt.date(2026, 6, 24))
    assert event_dates == [dt.date(2026, 6, 1), None]
    assert [tuple(y) for y in years] == [(2028, None), (None, 2025), (None, 2025)]


def test_get_list_and_count(kb):
    first = kb.save(full_extraction(source="a.txt")).document_id
    second = kb.save(bare_extraction(PORT_STORY, "b.txt")).document_id
    assert kb.count_documents() == 2
    assert [d.source for d in kb.list_documents()] == ["a.txt", "b.txt"]
    assert [d.id for d in kb.list_documents(limit=1, offset=1)] == [second]
    doc = kb.get_document(first)
    assert (doc.title, doc.url, doc.publisher, doc.format) == (
        "Riverton approves machine-tool cluster",
        "https://news.example/riverton-cluster",
        "Example News",
        "html",
    )
    assert kb.get_document(second + 1000) is None
    assert kb.load_extraction(second + 1000) is None


def test_same_text_twice_is_one_document(kb):
    first = kb.save(full_extraction(source="site-a/story.html"))
    again = kb.save(full_extraction(source="site-b/story.html"))
    assert again == SaveResult(first.document_id, "duplicate", duplicate_of=first.document_id)
    assert kb.count_documents() == 1


def test_spacing_and_case_do_not_make_a_new_document(kb):
    first = kb.save(bare_extraction(PORT_STORY, "a"))
    variant = "  " + PORT_STORY.upper().replace(" ", "  \n") + "\n"
    assert content_hash(variant) == content_hash(PORT_STORY)
    assert kb.save(bare_extraction(variant, "b")).duplicate_of == first.document_id
    assert kb.count_documents() == 1


def _assert_nothing_stored(kb: KnowledgeBase) -> None:
    counts = _row_counts(kb)
    assert counts.pop("alembic_version", 0) <= 1
    assert set(counts.values()) == {0}, counts


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_rejected_quantity_leaves_nothing(kb, value):
    extraction = full_extraction()
    extraction.quantities.append(Quantity(kind="statistic", text="x", start=0, end=1, value=value, unit="count"))
    with pytest.raises(StoreError, match="docs/cluster.txt"):
        kb.save(extraction)
    _assert_nothing_stored(kb)
    assert extraction.document.id is None


def test_a_bad_span_after_the_other_facts_leaves_nothing(kb):
    extraction = full_extraction()
    extraction.entities.append(Entity(type="place", name="Nowhere", mentions=[(0, 5), (9, 3)]))
    with pytest.raises(StoreError):
        kb.save(extraction)
    _assert_nothing_stored(kb)


def test_an_unstorable_attribute_leaves_nothing(kb):
    extraction = full_extraction()
    extraction.entities[0].attributes["founded"] = dt.date(2020, 1, 1)  # not JSON
    with pytest.raises(StoreError, match="docs/cluster.txt"):
        kb.save(extraction)
    _assert_nothing_stored(kb)


def test_a_failed_save_does_not_disturb_the_others(kb):
    kept = kb.save(bare_extraction(PORT_STORY, "port.txt"))
    bad = full_extraction()
    bad.quantities[0].value = math.nan
    with pytest.raises(StoreError):
        kb.save(bad)
    assert kb.count_documents() == 1
    assert kb.save(full_extraction()).status == "stored"
    assert kb.get_document(kept.document_id).source == "port.txt"


def test_a_directory_that_does_not_exist(tmp_path):
    url = f"sqlite:///{tmp_path}/missing/kb.db"
    with pytest.raises(StoreError, match="missing/kb.db"):
        KnowledgeBase.open(url)


def test_a_closed_postgres_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://someone:secret@127.0.0.1:{port}/kb"
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}/kb") as caught:
        KnowledgeBase.open(url)
    assert "secret" not in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_a_url_that_names_no_database(url):
    with pytest.raises(StoreError, match="cannot open knowledge base"):
        KnowledgeBase.open(url)


def test_two_writers_on_one_file(kb_url):
    """Two writers (say the CLI and the web server) at once: nothing lost, no lock errors."""

    def save_all(prefix: str, texts: list[str]) -> list[str]:
        with KnowledgeBase.open(kb_url) as kb:
            return [kb.save(bare_extraction(text, f"{prefix}/{i}")).status for i, text in enumerate(texts)]

    texts = [f"{PORT_STORY} Report number {i} of {n}." for n in ("one", "two") for i in range(30)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(save_all, ["a", "b"], [texts[:30] + texts[:5], texts[30:]]))
    assert results[1] == ["stored"] * 30
    assert results[0][:30] == ["stored"] * 30 and results[0][30:] == ["duplicate"] * 5
    with KnowledgeBase.open(kb_url) as kb:
        assert kb.count_documents() == 60

"""The knowledge across documents, on SQLite and a real PostgreSQL: entities, hierarchy, targets, conflicts, search.

The documents are the project's own, written for these tests; places are
real (the gazetteer's), companies and parks invented.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from policylens.errors import InputError
from policylens.model import Alternative, Document, Entity, Event, Extraction, Quantity
from policylens.store import KnowledgeBase
from policylens.store.schema import EntityDecisionRow

JIAOZHOU = "adcode:370281"
AS_OF = dt.date(2026, 11, 22)


def _extraction(
    source: str,
    published: str,
    text: str,
    *,
    source_type: str = "government",
    entities=(),
    quantities=(),
    events=(),
    industries=(),
) -> Extraction:
    """An extraction whose spans are found in ``text``: entities as (type, name, key, attributes)."""

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    ents = [Entity(type=t, name=n, key=k, attributes=dict(a), mentions=[span(n)]) for t, n, k, a in entities]
    qs = []
    for q in quantities:
        start, end = span(q.pop("text"))
        qs.append(Quantity(text=text[start:end], start=start, end=end, **q))
    evs = []
    for e in events:
        start, end = span(e.pop("text"))
        evs.append(Event(text=text[start:end], start=start, end=end, **e))
    return Extraction(
        Document(source=source, text=text, title=text.split(".")[0], published=published, source_type=source_type),
        qs,
        evs,
        ents,
        list(industries),
    )


def plan_2022() -> Extraction:
    text = (
        "Jiaozhou issues a plan for smart manufacturing. The Jiaozhou Smart Manufacturing Action Plan "
        "(2022-2025) was issued by the Jiaozhou Municipal Government. By 2025 Jiaozhou will build at least "
        "40 smart factories. Northgate Precision Machinery Co., Ltd. will raise its output to 5 billion yuan "
        "($700 million) by 2027. The Riverside Industrial Park will host 660 billion yuan ($98.42 million) "
        "of projects. The Lakeside Industrial Park opens next year."
    )
    return _extraction(
        "plan-2022.txt",
        "2022-03-01",
        text,
        industries=["machine-tools"],
        entities=[
            ("place", "Jiaozhou", JIAOZHOU, {"level": "county", "located_in": "Qingdao"}),
            ("programme", "Jiaozhou Smart Manufacturing Action Plan (2022-2025)", None, {}),
            ("government", "Jiaozhou Municipal Government", None, {"located_in": "Jiaozhou"}),
            (
                "company",
                "Northgate Precision Machinery Co., Ltd.",
                None,
                {"located_in": "Jiaozhou", "focus": ["machine-tools"]},
            ),
            ("park", "Riverside Industrial Park", None, {"located_in": "Jiaozhou"}),
            ("park", "Lakeside Industrial Park", None, {"located_in": "Jiaozhou"}),
        ],
        quantities=[
            dict(
                kind="target",
                text="at least 40 smart factories",
                value=40,
                unit="count",
                comparator=">=",
                metric="smart factories",
                deadline=2025,
                subject="Jiaozhou",
                industries=["machine-tools"],
            ),
            dict(
                kind="target",
                text="5 billion yuan ($700 million)",
                value=5e9,
                unit="CNY",
                metric="output",
                deadline=2027,
                subject="Northgate Precision Machinery Co., Ltd.",
                alternatives=[Alternative(7e8, "USD")],
            ),
            dict(
                kind="target",
                text="660 billion yuan ($98.42 million)",
                value=6.6e11,
                unit="CNY",
                metric="project investment",
                deadline=2025,
                subject="Riverside Industrial Park",
                alternatives=[Alternative(9.842e7, "USD")],
            ),
        ],
        events=[
            dict(
                type="issuance",
                text="The Jiaozhou Smart Manufacturing Action Plan (2022-2025) was issued "
                "by the Jiaozhou Municipal Government",
                actor="Jiaozhou Municipal Government",
                object="Jiaozhou Smart Manufacturing Action Plan (2022-2025)",
                date="2022-03",
            )
        ],
    )


def update_2024() -> Extraction:
    text = (
        "Jiaozhou City raises its ambitions. A new plan says Jiaozhou City will have 60 smart factories "
        "by 2027. Northgate Precision Machinery opened a second plant."
    )
    return _extraction(
        "update-2024.txt",
        "2024-05-01",
        text,
        source_type="media",
        entities=[
            ("place", "Jiaozhou City", JIAOZHOU, {"level": "county"}),
            ("company", "Northgate Precision Machinery", None, {}),
        ],
        quantities=[
            dict(
                kind="target",
                text="60 smart factories",
                value=60,
                unit="count",
                metric="smart factories",
                deadline=2027,
                subject="Jiaozhou City",
            )
        ],
        events=[
            dict(
                type="production",
                text="Northgate Precision Machinery opened a second plant",
                actor="Northgate Precision Machinery",
                date="2024-04",
            )
        ],
    )


def report_2026() -> Extraction:
    text = (
        "胶州市智能工厂建设成效显著. In 2025 Jiaozhou had 30 smart factories, and industrial output of "
        "Jiaozhou reached 100 billion yuan."
    )
    return _extraction(
        "report-2026.txt",
        "2026-02-10",
        text,
        source_type="state_media",
        entities=[("place", "Jiaozhou", JIAOZHOU, {"level": "county"})],
        quantities=[
            dict(
                kind="statistic",
                text="30 smart factories",
                value=30,
                unit="count",
                metric="smart factories",
                as_of=2025,
                subject="Jiaozhou",
            ),
            dict(
                kind="statistic",
                text="100 billion yuan",
                value=1e11,
                unit="CNY",
                metric="industrial output",
                as_of=2025,
                subject="Jiaozhou",
            ),
        ],
    )


def other_report_2026() -> Extraction:
    text = "A second account of the year. Industrial output of Jiaozhou was 150 billion yuan in 2025."
    return _extraction(
        "other-2026.txt",
        "2026-03-01",
        text,
        source_type="media",
        entities=[("place", "Jiaozhou", JIAOZHOU, {})],
        quantities=[
            dict(
                kind="statistic",
                text="150 billion yuan",
                value=1.5e11,
                unit="CNY",
                metric="industrial output",
                as_of=2025,
                subject="Jiaozhou",
            )
        ],
    )


@pytest.fixture
def filled(kb: KnowledgeBase) -> KnowledgeBase:
    for extraction in (plan_2022(), update_2024(), report_2026(), other_report_2026()):
        kb.save(extraction)
    kb.resolve()
    return kb


def _target(kb: KnowledgeBase, metric: str, deadline: int, as_of: dt.date = AS_OF):
    return next(t for t in kb.targets(as_of=as_of) if t.metric == metric and t.deadline == deadline)


def test_the_same_company_in_two_documents_is_one_entity(filled):
    company = filled.profile("Northgate Precision Machinery")
    assert company.entity.name == "Northgate Precision Machinery Co., Ltd."
    assert company.document_count == 2
    assert "Northgate Precision Machinery" in company.aliases
    assert [e["type"] for e in company.events] == ["production"]
    assert {"relation": "focuses_on", "object": "machine-tools"}.items() <= next(
        r for r in company.relations if r["relation"] == "focuses_on"
    ).items()
    assert filled.entity("Northgate Precision Machinery Co Ltd").id == company.entity.id


def test_two_industrial_parks_stay_two(filled):
    assert filled.entity("Riverside Industrial Park").id != filled.entity("Lakeside Industrial Park").id


def test_places_resolve_by_gazetteer_key_with_their_hierarchy(filled):
    jiaozhou = filled.profile("Jiaozhou City")
    assert jiaozhou.entity.key == JIAOZHOU and jiaozhou.entity.name == "Jiaozhou"
    assert [h.name for h in jiaozhou.hierarchy] == ["Qingdao", "Shandong", "China"]
    assert jiaozhou.document_count == 4
    assert {p.name for p in jiaozhou.contains["park"]} == {"Riverside Industrial Park", "Lakeside Industrial Park"}
    assert [c.name for c in jiaozhou.contains["company"]] == ["Northgate Precision Machinery Co., Ltd."]
    plan = filled.profile("Jiaozhou Smart Manufacturing Action Plan (2022-2025)")
    assert any(r["relation"] == "issued_by" and r["object"] == "Jiaozhou Municipal Government" for r in plan.relations)


def test_target_status_follows_the_as_of_day(filled):
    early = _target(filled, "smart factories", 2025, dt.date(2023, 6, 1))
    assert (early.status, early.progress_percent) == ("open", None)
    restated = _target(filled, "smart factories", 2025)
    assert restated.status == "superseded" and restated.restated_by is not None
    assert restated.progress_percent == 75.0
    later = _target(filled, "smart factories", 2027)
    assert (later.status, later.progress_percent) == ("open", 50.0)
    assert later.latest["value"] == 30
    due = _target(filled, "smart factories", 2027, dt.date(2027, 3, 1))
    assert due.status == "due"
    unverified = _target(filled, "project investment", 2025)
    assert unverified.status == "past_due_unverified"


def test_default_as_of_is_today(filled):
    today = dt.date.today()
    expected = {t.id: t.status for t in filled.targets(as_of=today)}
    assert {t.id: t.status for t in filled.targets()} == expected


def test_targets_filter_by_region_industry_and_status(filled):
    assert len(filled.targets(as_of=AS_OF, region="Shandong")) == 4
    assert len(filled.targets(as_of=AS_OF, region="Qingdao")) == 4
    assert filled.targets(as_of=AS_OF, region="Guangdong") == []  # a real place no document is about
    # Only the target whose own subject is in the industry (a machine-tool maker), not every target of a
    # document that mentions machine tools.
    assert [t.metric for t in filled.targets(as_of=AS_OF, industry="machine-tools", region="Jiaozhou")] == ["output"]
    assert [t.deadline for t in filled.targets(as_of=AS_OF, status="open")] == [2027, 2027]
    with pytest.raises(InputError, match="unknown status"):
        filled.targets(status="finished")
    with pytest.raises(InputError, match="no entity"):
        filled.targets(region="Qwxzv")


def test_conflicts_across_documents_and_currency_restatements(filled):
    conflicts = filled.conflicts()
    kinds = sorted(c.kind for c in conflicts)
    assert kinds == ["cross_document", "currency_restatement"]
    currency = next(c for c in conflicts if c.kind == "currency_restatement")
    assert "$98.42 million" in currency.text and "98.42 million USD" in currency.reason
    cross = next(c for c in conflicts if c.kind == "cross_document")
    assert {cross.value, cross.other_value} == {1e11, 1.5e11}
    assert filled.conflicts(kind="currency_restatement") == [currency]


def test_search_documents_and_facts_with_filters(filled):
    hits = filled.search("smart factories")
    assert {h.kind for h in hits} >= {"document", "quantity"}
    assert all("smart" in h.text.lower() or h.kind == "document" for h in hits)
    assert {h.document_id for h in filled.search("smart factories", source_type="media")} == {2}
    assert (
        filled.search("smart factories", since=dt.date(2026, 1, 1), kinds=("quantity",))[0].text == "30 smart factories"
    )
    assert filled.search("factory", region="Shandong")  # a singular finds the plural
    assert filled.search("factory", region="Guangdong") == []
    assert {h.document_id for h in filled.search("factories", entity="Northgate Precision Machinery")} == {1, 2}
    assert {h.document_id for h in filled.search("plan", industry="machine-tools")} == {1}
    # Chinese: one and two characters, and a longer phrase only where it stands together.
    assert {h.document_id for h in filled.search("胶州")} == {3}
    assert {h.document_id for h in filled.search("厂")} == {3}
    assert filled.search("州胶") == []
    with pytest.raises(InputError, match="nothing to search"):
        filled.search("  ?! ")


def test_merge_and_split_are_kept_across_reingest(filled):
    merged = filled.merge_entities("Riverside Industrial Park", "Lakeside Industrial Park")
    assert filled.entity("Lakeside Industrial Park").id == merged.id
    kept, split_off = filled.split_entity("Northgate Precision Machinery Co., Ltd.", "Northgate Precision Machinery")
    assert kept.id != split_off.id
    # A new document arrives and everything is rebuilt: the decisions still hold.
    filled.save(
        _extraction(
            "later.txt",
            "2026-05-01",
            "Lakeside Industrial Park grows. Riverside Industrial Park too.",
            entities=[("park", "Lakeside Industrial Park", None, {}), ("park", "Riverside Industrial Park", None, {})],
        )
    )
    filled.resolve()
    assert filled.entity("Lakeside Industrial Park").id == filled.entity("Riverside Industrial Park").id
    assert (
        filled.entity("Northgate Precision Machinery").id != filled.entity("Northgate Precision Machinery Co., Ltd.").id
    )
    with filled.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(EntityDecisionRow)) == 2
    # A later merge undoes the split.
    filled.merge_entities("Northgate Precision Machinery", "Northgate Precision Machinery Co., Ltd.")
    assert (
        filled.entity("Northgate Precision Machinery").id == filled.entity("Northgate Precision Machinery Co., Ltd.").id
    )


def test_bad_decisions_are_refused(filled):
    with pytest.raises(InputError, match="already one entity"):
        filled.merge_entities("Jiaozhou", "Jiaozhou City")
    with pytest.raises(InputError, match="gazetteer place"):
        filled.split_entity("Jiaozhou", "Jiaozhou City")
    with pytest.raises(InputError, match="is not a name of"):
        filled.split_entity("Jiaozhou", "Riverside Industrial Park")
    with pytest.raises(InputError, match="did you mean"):
        filled.profile("Riversid Industrial Park")


def test_resolve_is_idempotent_and_export_is_flat(filled):
    first = filled.export_tables(AS_OF)
    filled.resolve()
    assert filled.export_tables(AS_OF) == first
    assert set(first) == {"entities", "relations", "targets", "conflicts"}
    for rows in first.values():
        assert rows and all(set(r) == set(rows[0]) for r in rows)
    assert {r["status"] for r in first["targets"]} == {"superseded", "open", "past_due_unverified"}


def test_documents_deleted_take_their_search_rows(kb):
    stored = kb.save(report_2026())
    assert kb.search("胶州")
    from policylens.store.schema import DocumentRow

    with kb.engine.begin() as conn:
        conn.execute(DocumentRow.__table__.delete().where(DocumentRow.id == stored.document_id))
    assert kb.search("胶州") == []


def test_two_rebuilds_at_once_take_turns(filled):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: filled.resolve(), range(3)))
    assert results[0] == results[1] == results[2]
    assert filled.entity("Jiaozhou").key == JIAOZHOU


def _derived(kb: KnowledgeBase) -> dict[str, list[tuple]]:
    from policylens.store.derive import DERIVED

    with kb.reading() as conn:
        return {
            m.__tablename__: sorted((tuple(r) for r in conn.execute(select(m.__table__))), key=repr) for m in DERIVED
        }


def _emptied(kb: KnowledgeBase) -> None:
    from policylens.store.derive import DERIVED

    with kb.writing() as conn:
        for model in DERIVED:
            conn.execute(model.__table__.delete())


def test_a_pass_over_changed_tables_writes_what_a_pass_over_empty_ones_writes(filled):
    """The pass writes only the rows that differ; whatever the tables held, it leaves the same rows."""
    from policylens.store.schema import ConflictRow, EntityLinkRow, EntityRow, EventEntityRow, TargetStatusPeriodRow

    expected = _derived(filled)
    entities = EntityRow.__table__
    with filled.writing() as conn:
        keyed = conn.execute(
            select(entities.c.id, entities.c.key).where(entities.c.key.is_not(None)).order_by(entities.c.id).limit(2)
        ).all()
        (a, key_a), (b, key_b) = keyed
        conn.execute(entities.update().where(entities.c.id == a).values(key=None))  # trade gazetteer keys
        conn.execute(entities.update().where(entities.c.id == b).values(key=key_a))
        conn.execute(entities.update().where(entities.c.id == a).values(key=key_b))
        conn.execute(entities.update().values(name=entities.c.name + " X", mention_count=0))
        conn.execute(
            entities.insert().values(
                id=9999, type="company", name="Gone", norm="gone", attributes={}, mention_count=1, document_count=1
            )
        )
        links = EntityLinkRow.__table__
        first_link = conn.execute(select(func.min(links.c.document_entity_id))).scalar()
        conn.execute(links.update().where(links.c.document_entity_id == first_link).values(entity_id=9999))
        conn.execute(EventEntityRow.__table__.update().values(entity_id=9999))
        conn.execute(TargetStatusPeriodRow.__table__.update().values(status="met"))
        conn.execute(ConflictRow.__table__.delete().where(ConflictRow.id == 1))
    filled.resolve()
    assert _derived(filled) == expected

    filled.save(
        _extraction(
            "later.txt",
            "2026-06-01",
            "Jiaozhou will build 60 smart factories by 2028, Southbay Robotics among them.",
            entities=[
                ("place", "Jiaozhou", JIAOZHOU, {}),
                ("company", "Southbay Robotics", None, {"located_in": "Jiaozhou"}),
            ],
            quantities=[
                dict(
                    kind="target",
                    text="60 smart factories",
                    value=60.0,
                    unit="count",
                    metric="smart factories",
                    deadline=2028,
                    subject="Jiaozhou",
                )
            ],
        )
    )
    filled.resolve()  # over the tables of the batch before
    after_batch = _derived(filled)
    _emptied(filled)
    filled.resolve()  # from nothing
    assert _derived(filled) == after_batch != expected


def test_a_pass_over_unchanged_documents_writes_nothing(filled, monkeypatch):
    from policylens.store import diffwrite

    written = []
    monkeypatch.setattr(diffwrite, "_insert", lambda conn, table, columns, rows: written.append((table, len(rows))))
    monkeypatch.setattr(diffwrite, "_executemany", lambda conn, statement, rows: written.append((statement, len(rows))))
    before = _derived(filled)
    filled.resolve()
    assert written == [] and _derived(filled) == before


def test_using_opens_a_url_for_the_block_and_passes_an_open_kb_through(tmp_path):
    missing = tmp_path / "nowhere.db"
    with pytest.raises(InputError, match="no knowledge base here"):
        with KnowledgeBase.using(f"sqlite:///{missing}", existing=True):
            pass
    assert not missing.exists()  # a read pointed at the wrong path creates nothing
    with KnowledgeBase.using(f"sqlite:///{missing}") as opened:
        assert opened.count_documents() == 0
    assert missing.exists()
    with KnowledgeBase.open(f"sqlite:///{missing}") as owned:
        with KnowledgeBase.using(owned) as same:
            assert same is owned

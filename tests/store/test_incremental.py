"""A batch's resolution pass (``derive.update``) leaves exactly what a full rebuild leaves, ids included.

Random sequences of batches of generated documents (seeded, so a failure
replays): companies, parks, programmes and organisations named in several
spellings, initialisms and short forms, places with and without gazetteer
keys, targets and statistics on shared subjects, currency restatements,
issuances, near duplicates.  After each batch's incremental pass the
derived tables' fingerprint must equal the one a full rebuild of the same
stored documents gives, on SQLite and on PostgreSQL.  The names and
sentences are this test's own.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from policylens.model import Alternative, Document, Entity, Event, Extraction, Quantity
from policylens.store import KnowledgeBase, blocking, derive, diffwrite
from policylens.store.derive import DERIVED, RelationIdCollision, conflict_ids, relation_id, relation_ids
from policylens.store.digest import fingerprint
from policylens.store.resolve import CROWDED
from policylens.store.schema import (
    ConflictRow,
    DocumentEntityRow,
    EntityAliasRow,
    EntityKindRow,
    EntityLinkRow,
    EntityRelationRow,
    EntityRow,
    QuantityRow,
    QuantitySubjectRow,
    TargetProgressRow,
    TargetRestatementRow,
    TargetRoleRow,
    TargetStatusPeriodRow,
    TrackedGroupRow,
    TrackedSubjectRow,
)

PLACES = [
    ("Jiaozhou", "adcode:370281"),
    ("Jiaozhou City", "adcode:370281"),
    ("Qingdao", "adcode:370200"),
    ("Weifang", "adcode:370700"),
    ("Shandong", "adcode:370000"),
    ("Huangdao", "adcode:370211"),
    ("Port Ellery", None),
]
ORGANISATIONS = [
    ("company", "Northgate Precision Machinery Co., Ltd."),
    ("company", "Northgate Precision Machinery"),
    ("company", "Northgate Precision Machinery Group"),
    ("company", "Harbor Robotics"),
    ("company", "Harbor Robotic"),
    ("company", "Weifang Harbor Robotics"),
    ("company", "NPM"),
    ("park", "Riverside Industrial Park"),
    ("park", "Riverside Hydrogen Industrial Park"),
    ("park", "Lakeside Industrial Park"),
    ("park", "Qingdao Riverside Industrial Park"),
    ("cluster", "Jiaozhou Machine Tools Cluster"),
    ("cluster", "Jiaozhou Machine Tools Industry Cluster"),
    ("programme", "Jiaozhou Smart Manufacturing Action Plan (2022-2025)"),
    ("programme", "Smart Manufacturing Action Plan"),
    ("organization", "Qingdao West Coast New Area"),
    ("organization", "West Coast New Area (WCNA)"),
    ("organization", "WCNA"),
    ("government", "Jiaozhou Municipal Government"),
]
# Spelling variants of one measure ("smart factory" / "smart factories built") beside different measures.
METRICS = [
    ("smart factories", "count"),
    ("smart factory", "count"),
    ("smart factories built", "count"),
    ("industrial output", "CNY"),
    ("output", "CNY"),
    ("exports", "USD"),
    ("export", "USD"),
    ("project investment", "CNY"),
    ("green factories", "count"),
]
INDUSTRIES = ["machine-tools", "robots", "new-energy-vehicles"]


def _document(rng: random.Random, n: int) -> Extraction:
    """One generated document: sentences naming its entities and stating its figures, spans found in the text."""
    sentences = [f"Bulletin {n} from the desk {rng.randrange(10**9)}."]
    entities, quantities, events = [], [], []
    names: list[str] = []
    for name, key in rng.sample(PLACES, rng.randint(1, 3)):
        located = rng.choice([None, "Qingdao", "Shandong"])
        entities.append(("place", name, key, {"located_in": located} if located else {}))
        names.append(name)
    for entity_type, name in rng.sample(ORGANISATIONS, rng.randint(1, 4)):
        attributes: dict = {}
        if rng.random() < 0.6:
            attributes["located_in"] = rng.choice([p for p, _ in PLACES])
        if rng.random() < 0.4:
            attributes["focus"] = [rng.choice(INDUSTRIES)]
        if rng.random() < 0.2:
            attributes["member_of"] = rng.choice([o for _, o in ORGANISATIONS])
        entities.append((entity_type, name, None, attributes))
        names.append(name)
    for name in names:
        sentences.append(f"News about {name} came today.")
    for i in range(rng.randint(1, 5)):
        metric, unit = rng.choice(METRICS)
        value = float(rng.choice([10, 20, 30, 40, 60, 100]) * (1e9 if unit != "count" else 1))
        # Rarely none: a target without a subject makes every statistic's batch re-track everything.
        subject = (
            None
            if rng.random() < 0.03
            else rng.choice([*names, *names, f"the {rng.choice(names)} zone", rng.choice(PLACES)[0]])
        )
        phrase = f"{value:g} {unit} of {metric} item{i}"
        sentences.append(f"It reported {phrase}.")
        figure = dict(text=phrase, value=value, unit=unit, metric=metric, subject=subject)
        if rng.random() < 0.5:
            figure.update(kind="target", deadline=rng.choice([2025, 2026, 2027]), comparator=rng.choice(["=", ">="]))
        else:
            figure.update(kind="statistic", as_of=rng.choice([2023, 2024, 2025]))
        if unit == "CNY" and rng.random() < 0.3:
            figure["alternatives"] = [Alternative(value / rng.choice([6.5, 7.1, 9.0]), "USD")]
        quantities.append(figure)
    programmes = [n for t, n in ORGANISATIONS if t == "programme" and n in names]
    governments = [n for n in names if n.endswith("Government")]
    if programmes and governments:
        phrase = f"{programmes[0]} was issued by {governments[0]}"
        sentences.append(phrase + ".")
        events.append(dict(type="issuance", text=phrase, actor=governments[0], object=programmes[0], date="2022-03"))
    text = " ".join(sentences)

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    ents = [Entity(type=t, name=name, key=k, attributes=a, mentions=[span(name)]) for t, name, k, a in entities]
    qs = []
    for q in quantities:
        start, end = span(q.pop("text"))
        qs.append(Quantity(text=text[start:end], start=start, end=end, **q))
    evs = []
    for e in events:
        start, end = span(e.pop("text"))
        evs.append(Event(text=text[start:end], start=start, end=end, **e))
    published = f"{rng.choice([2022, 2023, 2024, 2025, 2026])}-{rng.randint(1, 12):02d}-01"
    return Extraction(
        Document(source=f"doc-{n}.txt", text=text, title=sentences[0], published=published, source_type="media"),
        qs,
        evs,
        ents,
        [],
    )


@pytest.fixture(autouse=True)
def _resolve_parts_however_large(monkeypatch):
    """A batch's pass resolves all names once it reaches most of them; these small bases would always do so."""
    monkeypatch.setattr(blocking, "MOST", 1.0)


def _derived(kb: KnowledgeBase) -> dict[str, tuple[int, str]]:
    with kb.reading() as conn:
        return fingerprint(conn)


def _batches(kb: KnowledgeBase, seed: int, batches: int) -> None:
    rng = random.Random(seed)
    n = 0
    for _ in range(batches):
        ids = []
        for _ in range(rng.randint(1, 6)):
            n += 1
            extraction = _document(rng, n)
            if ids and rng.random() < 0.15:  # a repost of the previous one, one sentence longer
                last = extraction
                extraction = Extraction(
                    Document(
                        source=f"repost-{n}.txt",
                        text=last.document.text + " More.",
                        title=last.document.title,
                        published=last.document.published,
                        source_type="media",
                    ),
                    last.quantities,
                    last.events,
                    last.entities,
                    [],
                )
            saved = kb.save(extraction)
            if saved.document_id is not None:
                ids.append(saved.document_id)
        kb.resolve(ids)
        after_batch = _derived(kb)
        kb.resolve()  # the full rebuild of the same stored documents
        assert _derived(kb) == after_batch, f"seed {seed}: the batch's pass differs from a full rebuild"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_batches_leave_what_a_full_rebuild_leaves(kb, seed):
    _batches(kb, seed, batches=6)
    with kb.reading() as conn:
        assert conn.scalar(select(EntityLinkRow.entity_id).limit(1)) is not None  # the test resolved something


def test_entity_ids_stay_when_a_batch_adds_mentions(kb):
    rng = random.Random(7)
    first = [kb.save(_document(rng, i)).document_id for i in range(4)]
    kb.resolve(first)
    with kb.reading() as conn:
        before = dict(conn.execute(select(EntityLinkRow.document_entity_id, EntityLinkRow.entity_id)).all())
    kb.resolve([kb.save(_document(rng, i)).document_id for i in range(4, 8)])
    with kb.reading() as conn:
        after = dict(conn.execute(select(EntityLinkRow.document_entity_id, EntityLinkRow.entity_id)).all())
    # Records whose entity did not merge with another keep its id (a merge keeps the older of the two).
    moved = {r for r in before if after[r] != before[r]}
    assert all(after[r] < before[r] for r in moved)
    assert len(moved) < len(before)


def test_a_pass_over_emptied_tables_rebuilds_what_the_batches_made(kb):
    _batches(kb, 11, batches=3)
    expected = _derived(kb)
    with kb.writing() as conn:
        for model in DERIVED:
            conn.execute(model.__table__.delete())
    kb.resolve([1])  # the batch's pass sees nothing to build on, and rebuilds
    assert _derived(kb) == expected


def _stated(
    source: str, published: str, entities: list[tuple[str, str]], figures: list[tuple[str, str, int]]
) -> Extraction:
    """A document naming ``entities`` (type, name) and stating targets (subject, metric, value) by 2027."""
    sentences = [f"{source} says what it says."] + [f"{name} appears here." for _, name in entities]
    sentences += [f"{subject} aims at {value} {metric} by 2027." for subject, metric, value in figures]
    text = " ".join(sentences)
    ents = [Entity(type=t, name=n, mentions=[(text.index(n), text.index(n) + len(n))]) for t, n in entities]
    qs = []
    for subject, metric, value in figures:
        phrase = f"{value} {metric}"
        start = text.index(phrase)
        qs.append(
            Quantity(
                kind="target",
                text=phrase,
                start=start,
                end=start + len(phrase),
                value=float(value),
                unit="count",
                metric=metric,
                deadline=2027,
                subject=subject,
            )
        )
    return Extraction(
        Document(source=source, text=text, title=sentences[0], published=published, source_type="media"),
        qs,
        [],
        ents,
        [],
    )


def test_a_subject_that_moves_takes_its_old_subjects_rows_along(kb):
    """A batch renames an entity: figures left under the old name lose the links they had with its figures."""
    # "Northgate Works" is a company and a park, so a bare mention of it names neither: that target keeps
    # its own words as its subject, the very name the company's own target is tracked under.
    kb.save(_stated("a.txt", "2021-01-01", [("company", "Northgate Works"), ("park", "Eastfield Park")], []))
    kb.save(_stated("b.txt", "2021-02-01", [("park", "Northgate Works")], []))
    kb.save(_stated("c.txt", "2022-01-01", [], [("Northgate Works", "robot cells", 40)]))
    kb.save(_stated("d.txt", "2023-01-01", [("company", "Northgate Works")], [("Northgate Works", "robot cells", 55)]))
    kb.resolve()
    assert kb.conflicts(kind="cross_document")  # 40 and 55 robot cells by 2027, under one subject
    ids = [
        kb.save(_stated(f"e{i}.txt", "2024-01-01", [("company", "Northgate Works Group Ltd")], [])).document_id
        for i in range(3)
    ]
    kb.resolve(ids)  # the company's name is now "Northgate Works Group Ltd": its target moves away
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    assert not kb.conflicts(kind="cross_document")


def _tracked(kb: KnowledgeBase) -> dict[int, str | None]:
    with kb.reading() as conn:
        return dict(conn.execute(select(TrackedSubjectRow.quantity_id, TrackedSubjectRow.subject)).all())


def test_subjects_move_to_and_from_their_own_words(kb):
    """The batch's pass reads only the tracked subjects that are not a figure's own words: both kinds move.

    The company is named "Northgate Works Group Ltd" more often, then (after
    the batch) "Northgate Works": the figure written "Northgate Works" goes
    from the entity's name back to its own words, the one written "Northgate
    Works Group Ltd" from its own words to the entity's new name.
    """
    for i in range(3):
        kb.save(_stated(f"a{i}.txt", "2021-01-01", [("company", "Northgate Works Group Ltd")], []))
    kb.save(_stated("b.txt", "2022-01-01", [("company", "Northgate Works")], [("Northgate Works", "robot cells", 40)]))
    kb.save(
        _stated(
            "c.txt",
            "2023-01-01",
            [("company", "Northgate Works Group Ltd")],
            [("Northgate Works Group Ltd", "robot cells", 55)],
        )
    )
    kb.resolve()
    assert sorted(_tracked(kb).values()) == ["Northgate Works Group Ltd"] * 2
    ids = [
        kb.save(_stated(f"d{i}.txt", "2024-01-01", [("company", "Northgate Works")], [])).document_id for i in range(5)
    ]
    kb.resolve(ids)
    assert sorted(_tracked(kb).values()) == ["Northgate Works"] * 2
    assert kb.conflicts(kind="cross_document")  # still one subject: 40 and 55 robot cells by 2027
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_figure_without_a_tracked_subject_sends_the_batch_to_a_rebuild(kb, monkeypatch):
    _batches(kb, 17, batches=2)
    with kb.writing() as conn:
        dropped = conn.scalar(select(TrackedSubjectRow.quantity_id).limit(1))
        conn.execute(TrackedSubjectRow.__table__.delete().where(TrackedSubjectRow.quantity_id == dropped))
    rebuilt: list[int] = []
    full = derive.rebuild
    monkeypatch.setattr(derive, "rebuild", lambda conn: rebuilt.append(1) or full(conn))
    kb.resolve([kb.save(_document(random.Random(18), 99)).document_id])
    assert rebuilt == [1]
    after_batch = _derived(kb)
    assert dropped in _tracked(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_the_checks_count_the_rows_of_the_documents_outside_the_batch(kb):
    """The checks that a batch's pass may trust the stored derived tables count rather than join: a stored
    document in the batch has its tracked subjects and links already, which are not those of the others;
    a row missing outside the batch is found whatever the batch holds."""
    _batches(kb, 17, batches=2)
    with kb.reading() as conn:
        first, last = conn.execute(select(func.min(QuantityRow.document_id), func.max(QuantityRow.document_id))).one()
        kept = {first, last}
        counts = derive._Counts.read(conn, kept)
        assert counts.tracked == counts.quantities and counts.links == counts.entities
    with kb.writing() as conn:
        dropped = conn.scalar(select(QuantityRow.id).where(QuantityRow.document_id == last).limit(1))
        conn.execute(TrackedSubjectRow.__table__.delete().where(TrackedSubjectRow.quantity_id == dropped))
    with kb.reading() as conn:
        counts = derive._Counts.read(conn, kept)
        assert counts.tracked == counts.quantities and counts.groups != counts.tracked_all  # grouped, not tracked
        counts = derive._Counts.read(conn, {first})
        assert counts.tracked == counts.quantities - 1 and counts.stale()
        assert derive._Counts.read(conn, {10**9}).stale()
    # The kinds count every stored document's entities, not yet a new document's.
    new = kb.save(_document(random.Random(18), 99)).document_id
    with kb.reading() as conn:
        alone, none, other = (derive._Counts.read(conn, batch) for batch in ({new}, set(), {first}))
        assert alone.kinds == alone.entities == alone.links
        assert none.kinds == none.links != none.entities
        assert other.kinds != other.entities


def test_a_document_stored_without_a_pass_sends_the_next_batch_to_a_rebuild(kb, monkeypatch):
    """A stored document whose pass never ran (it failed, or the documents were stored alone) has quantities
    with no tracked subject: the next batch's pass, which does not hold it, rebuilds everything."""
    kb.save(_stated("a.txt", "2021-01-01", [], [("Northgate Works", "robot cells", 40)]))
    kb.resolve()
    kb.save(_stated("b.txt", "2022-01-01", [], [("Northgate Works", "robot cells", 50)]))  # no pass
    rebuilt: list[int] = []
    rebuild = derive.rebuild
    monkeypatch.setattr(derive, "rebuild", lambda conn: rebuilt.append(1) or rebuild(conn))
    c = kb.save(_stated("c.txt", "2023-01-01", [], [("Northgate Works", "robot cells", 60)])).document_id
    kb.resolve([c])
    assert rebuilt == [1]
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_subject_entity_deleted_by_hand_is_counted_missing(kb):
    """The tracked subjects flagged as naming an entity count the stored subject entities: one deleted since
    the last pass (or one more) shows."""
    _batches(kb, 17, batches=2)
    with kb.reading() as conn:
        assert not derive._Counts.read(conn, {1}).unsubjected()
    with kb.writing() as conn:
        dropped = conn.scalar(select(QuantitySubjectRow.quantity_id).limit(1))
        conn.execute(QuantitySubjectRow.__table__.delete().where(QuantitySubjectRow.quantity_id == dropped))
    with kb.reading() as conn:
        assert derive._Counts.read(conn, {1}).unsubjected()


def test_a_batch_writes_only_the_links_that_moved(kb, monkeypatch):
    """The batch's records get links, a stored record its batch joins to another entity a new one; no other."""
    kb.save(_named("a.txt", ("company", "Westbrook Cables"), ("company", "Ironvale Turbines")))
    kb.save(_named("b.txt", ("organization", "Kestrel Trade Zone")))
    kb.save(_named("c.txt", ("organization", "Orchard Bay Hub")))
    kb.resolve()
    written: list[set[int]] = []
    write = derive.diffwrite.write

    def spy(conn, tables, order, scopes=None):
        if EntityLinkRow in tables:
            written.append({row[0] for row in tables[EntityLinkRow][1]})
        return write(conn, tables, order, scopes)

    monkeypatch.setattr(derive.diffwrite, "write", spy)
    batch = [
        _named("d.txt", ("company", "Westbrook Cables")),
        _named("e.txt", ("organization", "Kestrel Trade Zone", ["Orchard Bay Hub"])),
    ]
    ids = [kb.save(e).document_id for e in batch]
    kb.resolve(ids)
    with kb.reading() as conn:
        de = DocumentEntityRow
        new = set(conn.scalars(select(de.id).where(de.document_id.in_(ids))))
        orchard = set(conn.scalars(select(de.id).where(de.name == "Orchard Bay Hub", de.document_id.not_in(ids))))
    assert written == [new | orchard]
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batch_over_emptied_entity_tables_rebuilds_them(kb):
    _batches(kb, 13, batches=2)
    expected = _derived(kb)
    with kb.writing() as conn:
        from policylens.store.schema import EntityRow

        conn.execute(EntityLinkRow.__table__.delete())
        conn.execute(EntityRow.__table__.delete())
    rng = random.Random(14)
    kb.resolve([kb.save(_document(rng, 99)).document_id])
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch != expected


def test_a_batch_rewrites_only_the_subject_links_that_moved_and_any_that_went_missing(kb, monkeypatch):
    """The batch's pass writes a quantity's subject entity only where it differs from the stored one."""

    _batches(kb, 15, batches=2)
    with kb.writing() as conn:
        dropped = conn.execute(select(QuantitySubjectRow.quantity_id).limit(3)).scalars().all()
        conn.execute(QuantitySubjectRow.__table__.delete().where(QuantitySubjectRow.quantity_id.in_(dropped)))
    assert dropped
    rng = random.Random(16)
    document_id = kb.save(_document(rng, 99)).document_id
    with monkeypatch.context() as m:
        m.setattr(derive, "rebuild", None)  # a batch's pass, not the fallback to a full one
        kb.resolve([document_id])
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_conflicts_id_depends_on_it_alone():
    cross = ("cross_document", 7, 3, 40.0, 55.0, "r")
    twins = [("currency_restatement", 5, None, 1.0, 2.0, "a"), ("currency_restatement", 5, None, 1.0, 3.0, "b")]
    alone = {tuple(row[1:]): row[0] for row in conflict_ids([cross])}
    together = {
        tuple(row[1:]): row[0] for row in conflict_ids([*twins, cross, ("cross_document", 9, 8, 1.0, 2.0, "s")])
    }
    assert together[cross] == alone[cross]
    assert len(set(together.values())) == 4  # two restatements of one quantity stay two
    assert together[cross] < together[("cross_document", 9, 8, 1.0, 2.0, "s")]  # ordered by the later figure
    assert all(i.bit_length() <= 63 for i in together.values())


def test_a_relations_id_depends_on_it_alone():
    located = (5, "located_in", 7, None, 3)
    # Pinned: the same in every process and every version (a change renumbers every stored relation,
    # which needs a migration emptying entity_relations, as 0013 did).
    assert relation_id(located) == 2477237722913527422
    assert relation_id((5, "focuses_on", None, "robots", 3)) == 8610483484930642256
    assert relation_id((5, "part_of", 7, None, None)) == 2388153239068001055
    # Fields never run into one another: None is not "None", nor an id the next field's.
    alike = [(5, "focuses_on", None, None, 3), (5, "focuses_on", None, "None", 3), (5, "focuses_on", None, "", 3)]
    assert len({relation_id(r) for r in alike}) == 3
    others = [(n, "located_in", 7, None, n) for n in range(1, 200)]
    alone = dict((tuple(row[1:]), row[0]) for row in relation_ids([located]))
    together = dict((tuple(row[1:]), row[0]) for row in relation_ids([*others, located]))
    assert together[located] == alone[located]
    assert all(0 <= i < 2**63 for i in together.values())


def test_relations_that_share_an_id_stop_the_pass(kb, monkeypatch):
    _batches(kb, 41, batches=1)
    expected = _derived(kb)
    assert expected["entity_relations"][0] > 1
    monkeypatch.setattr(derive, "relation_id", lambda relation: 42)
    with pytest.raises(RelationIdCollision, match="both get id 42"):
        kb.resolve()
    rng = random.Random(42)
    with pytest.raises(RelationIdCollision):
        kb.resolve([kb.save(_document(rng, 100)).document_id])
    assert _derived(kb) == expected  # neither pass wrote anything


def test_a_new_relation_sharing_a_kept_ones_id_stops_the_batch(kb, monkeypatch):
    """A batch's pass hashes only its new relations, and checks them against the stored ones it keeps."""
    _batches(kb, 47, batches=1)
    expected = _derived(kb)
    with kb.reading() as conn:
        stored = {tuple(row[1:]): row[0] for row in conn.execute(select(*EntityRelationRow.__table__.columns))}
    taken = min(stored.values())
    own = derive.relation_id
    monkeypatch.setattr(derive, "relation_id", lambda relation: own(relation) if relation in stored else taken)
    holder = next(relation for relation, i in stored.items() if i == taken)
    rng = random.Random(48)
    with pytest.raises(RelationIdCollision, match=re.escape(f"relations {holder!r} and")):
        kb.resolve([kb.save(_document(rng, 100)).document_id])
    assert _derived(kb) == expected  # nothing was written


def test_the_stored_relations_answer_by_document_as_the_whole_table_does(kb):
    """A batch's pass reads the stored relations of the documents it makes again, and asks the database
    which documents' relations name an entity, and what every other document's relations name."""
    _batches(kb, 47, batches=2)
    with kb.reading() as conn:
        rows = [tuple(r) for r in conn.execute(select(*EntityRelationRow.__table__.columns))]
        stored = derive._StoredRelations(conn)
        documents = sorted({r[5] for r in rows if r[5] is not None})
        related, entities = set(documents[::3]), {r[1] for r in rows[::7]} | {r[3] for r in rows[::11] if r[3]}
        assert stored.of(None) == {r[1:]: r[0] for r in rows}
        assert stored.of(related) == {r[1:]: r[0] for r in rows if r[5] in related or r[5] is None}
        assert stored.documents_naming(entities) == {
            r[5] for r in rows if r[5] is not None and (r[1] in entities or r[3] in entities)
        }
        assert stored.kept(related) == {r[1:4] for r in rows if r[5] is not None and r[5] not in related}
        assert stored.taken([rows[0][0], -1]) == {rows[0][0]: rows[0][1:]}
        assert not stored.empty() and related and stored.documents_naming(entities)


class _Part:
    """Stored relations for ``derive._relation_changes``: the part the pass made again, and one kept apart."""

    def __init__(self, part: dict, elsewhere: dict):
        self.part, self.elsewhere = part, elsewhere

    def of(self, documents):
        return self.part

    def taken(self, ids):
        return {i: r for i, r in {**self.elsewhere, **{i: r for r, i in self.part.items()}}.items() if i in ids}


def test_a_new_relation_sharing_the_id_of_a_relation_not_read_stops_the_batch(monkeypatch):
    """The pass reads only the relations of the documents it makes again: a new relation's id is also
    checked against the others', and may reuse the id of one of the part it no longer makes."""
    new, gone = ("a", "located_in", 1, None, 7), ("b", "located_in", 2, None, 8)
    monkeypatch.setattr(derive, "relation_id", lambda relation: 5)
    with pytest.raises(RelationIdCollision):  # a relation of a document the pass did not read holds id 5
        derive._relation_changes(_Part({}, {5: ("c", "part_of", 2, None, 9)}), {7}, {new})
    rows, changed = derive._relation_changes(_Part({gone: 5}, {}), {7, 8}, {new})
    assert rows == [(5, *new)] and changed == {5}


def test_a_batch_leaves_the_rows_of_relations_it_does_not_change(kb):
    _batches(kb, 43, batches=2)
    with kb.reading() as conn:
        before = set(conn.execute(select(*EntityRelationRow.__table__.columns)).all())
    rng = random.Random(44)
    kb.resolve([kb.save(_document(rng, 100 + n)).document_id for n in range(3)])
    with kb.reading() as conn:
        after = set(conn.execute(select(*EntityRelationRow.__table__.columns)).all())
    kept = {r[1:] for r in before} & {r[1:] for r in after}
    assert kept and {r for r in before if r[1:] in kept} <= after  # same rows, same ids


def test_a_base_migrated_to_relation_ids_gets_its_relations_back_on_the_next_batch(kb, monkeypatch):
    """Revision 0013 empties entity_relations (ids of the old numbering); the next pass, a batch's, fills it.

    The code now needs a table later revisions add (entity_kinds, 0015), so 0013's effect is made here
    at the head: the relations deleted, as its upgrade deletes them.
    """

    def as_0013_leaves_it() -> None:
        with kb.engine.begin() as conn:
            conn.execute(delete(EntityRelationRow))

    _batches(kb, 45, batches=2)
    expected = _derived(kb)["entity_relations"]
    as_0013_leaves_it()
    assert _derived(kb)["entity_relations"][0] == 0
    kb.resolve([])  # no new document: the same tables as before the migration
    assert _derived(kb)["entity_relations"] == expected
    as_0013_leaves_it()
    rng = random.Random(46)
    document_id = kb.save(_document(rng, 100)).document_id
    with monkeypatch.context() as m:
        m.setattr(derive, "rebuild", None)  # a batch's pass, not the fallback to a full one
        kb.resolve([document_id])
    after_batch = _derived(kb)
    assert after_batch["entity_relations"][0] >= expected[0]
    kb.resolve()
    assert _derived(kb) == after_batch


def test_revision_0014_sends_the_next_batch_to_a_full_rebuild(kb, monkeypatch):
    """A base resolved before phrases were kept by a batch's pass is resolved whole once, then by batches."""
    from policylens.store.migrate import downgrade, upgrade

    _batches(kb, 47, batches=2)
    downgrade(kb.engine, "0013")
    upgrade(kb.engine)
    assert not _tracked(kb)
    rebuilt: list[int] = []
    rebuild = derive.rebuild
    monkeypatch.setattr(derive, "rebuild", lambda conn: rebuilt.append(1) or rebuild(conn))
    rng = random.Random(48)
    kb.resolve([kb.save(_document(rng, 100)).document_id])
    assert rebuilt == [1]
    kb.resolve([kb.save(_document(rng, 101)).document_id])
    assert rebuilt == [1]  # the next batch's pass is a batch's again
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_conflicts_a_batch_does_not_reach_keep_their_rows(kb):
    """A batch removes the first conflict (its subject moves, as above): the later one keeps its id and row."""
    kb.save(_stated("a.txt", "2021-01-01", [("company", "Northgate Works"), ("park", "Eastfield Park")], []))
    kb.save(_stated("b.txt", "2021-02-01", [("park", "Northgate Works")], []))
    kb.save(_stated("c.txt", "2022-01-01", [], [("Northgate Works", "robot cells", 40)]))
    kb.save(_stated("d.txt", "2023-01-01", [("company", "Northgate Works")], [("Northgate Works", "robot cells", 55)]))
    for n, value in (("e", 2), ("f", 7)):
        kb.save(
            _stated(
                f"{n}.txt",
                "2023-06-01",
                [("company", "Westbrook Cables")],
                [("Westbrook Cables", "cable plants", value)],
            )
        )
    kb.resolve()
    with kb.reading() as conn:
        before = set(conn.execute(select(*ConflictRow.__table__.columns)).all())
    assert len(before) == 2
    ids = [
        kb.save(_stated(f"g{i}.txt", "2024-01-01", [("company", "Northgate Works Group Ltd")], [])).document_id
        for i in range(3)
    ]
    kb.resolve(ids)
    with kb.reading() as conn:
        after = set(conn.execute(select(*ConflictRow.__table__.columns)).all())
    assert len(after) == 1 and after < before  # the cable plants' conflict, id and all
    assert next(iter(after))[0] != 1  # not a rank
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_moved_figure_keeps_its_currency_restatement(kb):
    """The figure whose subject a batch moves states its value in a second currency, far off any rate."""
    kb.save(_stated("a.txt", "2021-01-01", [("company", "Northgate Works"), ("park", "Eastfield Park")], []))
    kb.save(_stated("b.txt", "2021-02-01", [("park", "Northgate Works")], []))
    moving = _stated("d.txt", "2023-01-01", [("company", "Northgate Works")], [("Northgate Works", "plant output", 80)])
    q = moving.quantities[0]
    moving.quantities[0] = Quantity(
        kind="target",
        text=q.text,
        start=q.start,
        end=q.end,
        value=8e9,
        unit="CNY",
        metric=q.metric,
        deadline=2027,
        subject=q.subject,
        alternatives=[Alternative(9e9, "USD")],
    )
    kb.save(moving)
    kb.resolve()
    assert kb.conflicts(kind="currency_restatement")
    ids = [
        kb.save(_stated(f"e{i}.txt", "2024-01-01", [("company", "Northgate Works Group Ltd")], [])).document_id
        for i in range(3)
    ]
    kb.resolve(ids)
    with kb.reading() as conn:
        moved = conn.scalar(select(TrackedSubjectRow.subject).where(TrackedSubjectRow.quantity_id == 1))
    assert moved == "Northgate Works Group Ltd"  # the batch did move it
    assert kb.conflicts(kind="currency_restatement")
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def _named(source: str, *entities: tuple) -> Extraction:
    """A document naming ``entities``: (type, name) or (type, name, aliases)."""
    text = f"{source} lists names. " + " ".join(f"{e[1]} appears here." for e in entities)
    ents = [
        Entity(
            type=e[0],
            name=e[1],
            aliases=list(e[2]) if len(e) > 2 else [],
            mentions=[(text.index(e[1]), text.index(e[1]) + len(e[1]))],
        )
        for e in entities
    ]
    return Extraction(
        Document(source=source, text=text, title=source, published="2024-01-01", source_type="media"), [], [], ents, []
    )


def _entities_named(kb: KnowledgeBase) -> dict[str, set[int]]:
    """Each document entity's name -> the canonical entities its records link to."""
    out: dict[str, set[int]] = {}
    with kb.reading() as conn:
        rows = conn.execute(
            select(DocumentEntityRow.name, EntityLinkRow.entity_id).join(
                EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id
            )
        )
        for name, entity_id in rows:
            out.setdefault(name, set()).add(entity_id)
    return out


def _stored_then_batch(kb: KnowledgeBase, stored: list[Extraction], batch: list[Extraction]) -> dict[str, set[int]]:
    """Store and fully resolve ``stored``, then add ``batch`` with its own pass; that pass must equal a rebuild."""
    for extraction in stored:
        kb.save(extraction)
    kb.resolve()
    kb.resolve([kb.save(e).document_id for e in batch])
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    return _entities_named(kb)


def test_a_batch_name_joins_two_stored_entities(kb):
    """A new record answering to two stored names makes their entities one, under the older one's id."""
    stored = [
        _named("a.txt", ("organization", "Kestrel Trade Zone")),
        _named("b.txt", ("organization", "Orchard Bay Hub")),
        _named("c.txt", ("company", "Westbrook Cables")),
    ]
    for extraction in stored:
        kb.save(extraction)
    kb.resolve()
    before = _entities_named(kb)
    assert before["Kestrel Trade Zone"] != before["Orchard Bay Hub"]
    after = _stored_then_batch(kb, [], [_named("d.txt", ("organization", "Kestrel Trade Zone", ["Orchard Bay Hub"]))])
    assert after["Kestrel Trade Zone"] == after["Orchard Bay Hub"] == before["Kestrel Trade Zone"]
    assert after["Westbrook Cables"] == before["Westbrook Cables"]


def test_a_batch_name_makes_a_stored_initialism_ambiguous(kb):
    """ "KTZ" stood for the one Kestrel Trade Zone; a Kingfisher Tech Zone makes it stand for neither."""
    kb.save(_named("a.txt", ("organization", "Kestrel Trade Zone")))
    kb.save(_named("b.txt", ("organization", "KTZ")))
    kb.resolve()
    assert _entities_named(kb)["KTZ"] == _entities_named(kb)["Kestrel Trade Zone"]
    after = _stored_then_batch(kb, [], [_named("c.txt", ("organization", "Kingfisher Tech Zone"))])
    assert len({*after["KTZ"], *after["Kestrel Trade Zone"], *after["Kingfisher Tech Zone"]}) == 3


def test_a_batch_adds_a_spelling_to_a_stored_entity(kb):
    after = _stored_then_batch(
        kb,
        [_named("a.txt", ("company", "Westbrook Cables")), _named("b.txt", ("company", "Ironvale Turbines"))],
        [_named("c.txt", ("company", "Westbrook Cables Co., Ltd."))],
    )
    assert after["Westbrook Cables Co., Ltd."] == after["Westbrook Cables"] != after["Ironvale Turbines"]
    with kb.reading() as conn:
        spellings = set(
            conn.scalars(select(EntityAliasRow.alias).where(EntityAliasRow.entity_id.in_(after["Westbrook Cables"])))
        )
    assert "Westbrook Cables Co., Ltd." in spellings


def test_a_batch_naming_only_stored_names_runs_no_rule(kb, monkeypatch):
    """Records named exactly as stored ones join those records' entities: the rules see none of them.

    The entity's name, counts and aliases still come from all its records:
    the spelling the batch repeats becomes its name, as a rebuild makes it.
    """
    kb.save(_named("a.txt", ("company", "Westbrook Cables"), ("company", "Westbrook Cables Co., Ltd.")))
    kb.save(_named("b.txt", ("company", "Westbrook Cables"), ("place", "Jiaozhou"), ("company", "Ironvale Turbines")))
    kb.resolve()
    assert "Westbrook Cables" in _canonical_names(kb)
    resolved: list[list] = []
    rules = derive.resolve

    def spy(records, *args, **kwargs):
        resolved.append(list(records))
        return rules(resolved[-1], *args, **kwargs)

    monkeypatch.setattr(derive, "resolve", spy)
    batch = [_named(f"c{i}.txt", ("company", "Westbrook Cables Co., Ltd."), ("place", "Jiaozhou")) for i in range(3)]
    kb.resolve([kb.save(e).document_id for e in batch])
    assert resolved == [[]]
    after_batch = _derived(kb)
    assert "Westbrook Cables Co., Ltd." in _canonical_names(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def _canonical_names(kb: KnowledgeBase) -> set[str]:
    with kb.reading() as conn:
        return set(conn.scalars(select(EntityRow.name)))


def test_a_batch_respects_a_stored_split(kb):
    """The user parted two spellings; a batch bringing a third, like both, joins the one it shares a name with."""
    kb.save(_named("a.txt", ("company", "Westbrook Cables")))
    kb.save(_named("b.txt", ("company", "Westbrook Cable")))
    kb.resolve()
    assert _entities_named(kb)["Westbrook Cables"] == _entities_named(kb)["Westbrook Cable"]
    kb.split_entity("Westbrook Cables", "Westbrook Cable")
    after = _stored_then_batch(kb, [], [_named("c.txt", ("company", "Westbrook Cables Group"))])
    assert after["Westbrook Cables Group"] == after["Westbrook Cables"] != after["Westbrook Cable"]


def test_a_word_too_common_to_block_on_stays_so_in_a_batch(kb):
    """Two near spellings share only "zephyr", which more than CROWDED stored names share: rule 4 never compares them.

    The batch's pass sees the two of them and few of the other Zephyr names,
    yet must skip the word as the full pass does.
    """
    crowd = [("park", f"Zephyr Quarter Park Number {n}") for n in range(CROWDED + 1)]
    after = _stored_then_batch(
        kb,
        [_named("a.txt", *crowd), _named("b.txt", ("park", "Zephyr Ashgrove Park"))],
        [_named("c.txt", ("park", "Zephyr Ashgrove Park"), ("park", "Zephyr Ashgrov Park"))],
    )
    assert after["Zephyr Ashgrove Park"] != after["Zephyr Ashgrov Park"]


@pytest.mark.parametrize("seed", [21, 22])
def test_batches_after_decisions_leave_what_a_full_rebuild_leaves(kb, seed):
    """The user merged two names no rule joins and parted an initialism from its name; random batches follow."""
    kb.save(_named("names.txt", *ORGANISATIONS))
    kb.resolve()
    kb.merge_entities("Harbor Robotics", "Lakeside Industrial Park")
    kb.split_entity("Northgate Precision Machinery", "NPM")
    # A company of the merged park's name shares no key with the park or the robot maker: the merge alone joins it.
    named = _stored_then_batch(kb, [], [_named("company.txt", ("company", "Lakeside Industrial Park"))])
    assert named["Lakeside Industrial Park"] == named["Harbor Robotics"]
    _batches(kb, seed, batches=4)
    named = _entities_named(kb)
    assert named["Harbor Robotics"] == named["Lakeside Industrial Park"]
    assert named["NPM"] != named["Northgate Precision Machinery"]


def test_a_batch_reaching_most_names_resolves_them_all(kb, monkeypatch):
    monkeypatch.setattr(blocking, "MOST", 0.5)
    _batches(kb, 31, batches=4)


def _reported(source: str, published: str, figures: list[tuple[str, float, int]]) -> Extraction:
    """A document stating figures (kind, value, year) of Lakeside's robot makers: a target's year is its deadline."""
    sentences = [f"{source} says what it says."]
    qs = []
    for kind, value, year in figures:
        phrase = f"{value:g} robot makers in {year}"
        sentences.append(f"Lakeside counts {phrase}.")
        text = " ".join(sentences)
        start = text.index(phrase)
        when = {"deadline": year} if kind == "target" else {"as_of": year}
        qs.append(
            Quantity(
                kind=kind,
                text=phrase,
                start=start,
                end=start + len(phrase),
                value=value,
                unit="count",
                metric="robot makers",
                subject="Lakeside",
                **when,
            )
        )
    text = " ".join(sentences)
    return Extraction(
        Document(source=source, text=text, title=sentences[0], published=published, source_type="media"), qs, [], [], []
    )


def _progress(kb: KnowledgeBase) -> set[tuple[int, int]]:
    with kb.reading() as conn:
        return set(conn.execute(select(TargetProgressRow.target_id, TargetProgressRow.observation_id)).all())


def test_a_batch_figure_displaces_a_stored_deciding_one_and_a_batch_plan_restates_a_stored_goal(kb):
    """Stored: a 2022 goal, its 2025 restatement, figures for 2023 and 2024; the batch brings a figure for
    2024 known before the one for 2023 (which then decides nothing) and a 2023 plan that restates the
    2022 goal first (so the 2025 goal dates from 2025 again and loses the figure for 2023)."""
    kb.save(_reported("a.txt", "2022-01-01", [("target", 500, 2027)]))
    kb.save(_reported("b.txt", "2025-02-01", [("target", 600, 2027)]))
    kb.save(_reported("c.txt", "2024-01-01", [("statistic", 300, 2023)]))
    kb.save(_reported("d.txt", "2025-01-01", [("statistic", 400, 2024)]))
    kb.resolve()
    before = _progress(kb)
    ids = [
        kb.save(_reported("e.txt", "2023-12-01", [("statistic", 350, 2024)])).document_id,
        kb.save(_reported("f.txt", "2023-06-01", [("target", 700, 2028)])).document_id,
    ]
    kb.resolve(ids)
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    assert _progress(kb) != before
    with kb.reading() as conn:
        restated = dict(conn.execute(select(TargetRestatementRow.target_id, TargetRestatementRow.restated_by_id)).all())
        figure = dict(conn.execute(select(QuantityRow.id, QuantityRow.value)).all())
    by_value = {v: q for q, v in figure.items()}
    assert restated[by_value[500]] == by_value[700]  # the batch's plan restates the 2022 goal first
    assert (by_value[500], by_value[300]) in before and (by_value[500], by_value[300]) not in _progress(kb)
    assert (by_value[600], by_value[300]) in before and (by_value[600], by_value[300]) not in _progress(kb)


def _periods(kb: KnowledgeBase) -> list[tuple]:
    with kb.reading() as conn:
        p = TargetStatusPeriodRow
        return [tuple(r) for r in conn.execute(select(p.start_day, p.status, p.end_day).order_by(p.start_day))]


def test_a_batch_figure_rewrites_a_stored_goals_periods_from_the_day_it_became_known(kb, monkeypatch):
    """Stored: a 2027 goal of 500 and figures short of it; the batch's figure meets it, known from 2026:
    the period in force then ends on that day, the later ones go, and the earlier ones are not written."""
    kb.save(_reported("a.txt", "2022-01-01", [("target", 500, 2027)]))
    kb.save(_reported("c.txt", "2024-01-01", [("statistic", 300, 2023)]))
    kb.save(_reported("d.txt", "2025-01-01", [("statistic", 400, 2024)]))
    kb.resolve()
    before = _periods(kb)
    cuts = []
    cut = diffwrite.cut
    monkeypatch.setattr(
        diffwrite, "cut", lambda conn, model, columns, c, *rest: cuts.extend(c) or cut(conn, model, columns, c, *rest)
    )
    kb.resolve([kb.save(_reported("e.txt", "2026-01-01", [("statistic", 600, 2025)])).document_id])
    after_batch, periods = _derived(kb), _periods(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    assert [day for _, day, _ in cuts] == [date(2026, 1, 1)]
    assert before[0][:2] == periods[0][:2] and before[0][2] > date(2026, 1, 1)  # open until the deadline's year
    assert periods == [(date.min, "open", date(2026, 1, 1)), (date(2026, 1, 1), "met", None)]


def test_a_batch_figure_that_leaves_a_goals_later_periods_as_they_were_writes_none_of_them(kb, monkeypatch):
    """Stored: a 2027 goal of 500 and a figure of 300 for 2023; the batch's figure of 400 for 2024, known
    from 2025, decides the goal's status from then on but changes no period: open until the deadline's year,
    due, then past due with no figure for it.  The cut reads the periods from 2025 on and writes none."""
    kb.save(_reported("a.txt", "2022-01-01", [("target", 500, 2027)]))
    kb.save(_reported("c.txt", "2024-01-01", [("statistic", 300, 2023)]))
    kb.resolve()
    before = _periods(kb)
    cuts, written = [], []
    cut, executemany, insert = diffwrite.cut, diffwrite._executemany, diffwrite._insert
    monkeypatch.setattr(
        diffwrite, "cut", lambda conn, model, columns, c, *rest: cuts.extend(c) or cut(conn, model, columns, c, *rest)
    )
    monkeypatch.setattr(
        diffwrite,
        "_executemany",
        lambda conn, statement, rows: (
            written.extend((statement, r) for r in rows if "status_periods" in statement)
            or executemany(conn, statement, rows)
        ),
    )
    monkeypatch.setattr(
        diffwrite,
        "_insert",
        lambda conn, table, columns, rows: (
            written.extend((table, r) for r in rows if "status_periods" in table) or insert(conn, table, columns, rows)
        ),
    )
    kb.resolve([kb.save(_reported("d.txt", "2025-01-01", [("statistic", 400, 2024)])).document_id])
    after_batch = _derived(kb)
    assert [day for _, day, _ in cuts] == [date(2025, 1, 1)]
    assert written == []
    assert _periods(kb) == before
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batchs_roles_are_its_targets_alone(kb):
    """The batch's documents' quantities are read whatever their kind, so that SQLite does not walk every
    stored target for them; a statistic worded like an instrument's terms ("a reward of RMB 5 million")
    still gets no role, as in a rebuild, and the target worded so gets "term"."""
    kb.save(_reported("a.txt", "2022-01-01", [("target", 500, 2027)]))
    kb.resolve()
    text = "Lakeside paid a reward of RMB 5 million in 2024. It offers a reward of RMB 8 million in 2027."
    figures = []
    for kind, phrase, year in (("statistic", "RMB 5 million", 2024), ("target", "RMB 8 million", 2027)):
        start = text.index(phrase)
        when = {"deadline": year} if kind == "target" else {"as_of": year}
        figures.append(
            Quantity(
                kind=kind,
                text=phrase,
                start=start,
                end=start + len(phrase),
                value=float(phrase.split()[1]),
                unit="CNY",
                metric="reward",
                subject="Lakeside",
                **when,
            )
        )
    document = Document(source="b.txt", text=text, title="b", published="2025-01-01", source_type="media")
    kb.resolve([kb.save(Extraction(document, figures, [], [], [])).document_id])
    after_batch = _derived(kb)
    with kb.reading() as conn:
        roles = conn.execute(select(QuantityRow.kind, TargetRoleRow.role).join(QuantityRow)).all()
    assert [tuple(r) for r in roles] == [("target", "term")]
    kb.resolve()
    assert _derived(kb) == after_batch


def _about(source: str, subject: str, *entities: tuple) -> Extraction:
    """A document naming ``entities`` ((type, name) or (type, name, key)) and giving one figure about ``subject``."""
    phrase = "40 smart factories"
    text = f"{source} lists names. " + " ".join(f"{e[1]} appears here." for e in entities) + f" It has {phrase}."
    ents = [
        Entity(
            type=e[0],
            name=e[1],
            key=e[2] if len(e) > 2 else None,
            mentions=[(text.index(e[1]), text.index(e[1]) + len(e[1]))],
        )
        for e in entities
    ]
    start = text.index(phrase)
    figure = Quantity(
        kind="statistic",
        text=phrase,
        start=start,
        end=start + len(phrase),
        value=40.0,
        unit="count",
        metric="smart factories",
        subject=subject,
        as_of=2024,
    )
    return Extraction(
        Document(source=source, text=text, title=source, published="2024-01-01", source_type="media"),
        [figure],
        [],
        ents,
        [],
    )


def _subject_entities(kb: KnowledgeBase) -> dict[str, int]:
    """Each quantity's document source -> its subject entity."""
    from policylens.store.schema import DocumentRow

    with kb.reading() as conn:
        rows = conn.execute(
            select(DocumentRow.source, QuantitySubjectRow.entity_id)
            .join(QuantityRow, QuantityRow.document_id == DocumentRow.id)
            .join(QuantitySubjectRow, QuantitySubjectRow.quantity_id == QuantityRow.id)
        ).all()
    return {source: entity for source, entity in rows}


HUANGDAO, WEST_COAST = "adcode:370211", "area:west-coast-new-area"  # the gazetteer's same_place_as pair


def test_a_phrase_resolves_alike_whatever_was_resolved_before_it(kb):
    """A place made on demand for one phrase is not among the names the next phrase is looked up by.

    a.txt's subject, a name of the West Coast New Area no record gives, makes that place; b.txt's
    subject is also one of its gazetteer names, but a company goes by it: b.txt's figure is the
    company's, as it would be were a.txt not there (the pass resolving in another order).
    """
    kb.save(_about("a.txt", "West Coast New District"))
    kb.save(_about("b.txt", "Huangdao New Area"))
    kb.save(_named("c.txt", ("company", "Huangdao New Area")))
    kb.resolve()
    subjects, names = _subject_entities(kb), _entities_named(kb)
    assert subjects["a.txt"] == derive.place_id(WEST_COAST)
    assert {subjects["b.txt"]} == names["Huangdao New Area"]


def test_a_key_a_batch_moves_moves_the_stored_phrases_that_reached_it(kb):
    """A stored figure about "West Coast New District" (a gazetteer name no record gives) is the West
    Coast New Area's, a place made on demand; a batch naming that area with its key joins it to the
    stored Huangdao (the gazetteer's same place), so the figure is now Huangdao's entity's, though no
    name the figure is looked up by changed."""
    kb.save(_named("a.txt", ("place", "Huangdao")))
    with kb.writing() as conn:  # the record's key, as extraction gives it
        conn.execute(DocumentEntityRow.__table__.update().values(key=HUANGDAO))
    kb.save(_about("b.txt", "West Coast New District"))
    kb.resolve()
    assert _subject_entities(kb)["b.txt"] == derive.place_id(WEST_COAST)
    batch = kb.save(_about("c.txt", "Lakeside", ("place", "West Coast New Area", WEST_COAST))).document_id
    kb.resolve([batch])
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    assert _subject_entities(kb)["b.txt"] == derive.place_id(HUANGDAO) == min(_entities_named(kb)["Huangdao"])


def test_a_batch_resolves_only_the_phrases_it_can_change(kb, monkeypatch):
    """Stored figures, events and relations keep their entities: the batch's pass resolves its own
    documents' phrases (and, cheaply, programmes' subjects and those that found no entity), and its
    tables equal a rebuild's."""
    _batches(kb, 41, batches=4)
    resolved: list[int] = []
    resolve = derive._Resolver.resolve

    def counted(self, document_id, phrase, types=None):
        resolved.append(document_id)
        return resolve(self, document_id, phrase, types)

    rng = random.Random(42)
    batch = [kb.save(_document(rng, 200 + i)).document_id for i in range(2)]
    with kb.reading() as conn:
        documents = set(conn.scalars(select(QuantityRow.document_id)))
    monkeypatch.setattr(derive._Resolver, "resolve", counted)
    with monkeypatch.context() as m:
        m.setattr(derive, "rebuild", None)  # a batch's pass, not the fallback to a full one
        m.setattr(derive, "_all_phrases", None)  # nor one resolving every phrase
        kb.resolve(batch)
    assert set(batch) <= set(resolved)
    assert len(set(resolved) - set(batch)) < len(documents - set(batch)) / 2
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_programme_in_two_regions_as_near_is_tracked_under_the_inner_one(kb):
    """A plan said to lie in Qingdao and, elsewhere, in Shandong (both one step away): its targets are
    Qingdao's, the region inside the other, whichever order its relations came in (a batch's pass meets
    them in another order than a rebuild)."""

    def plan(source: str, region: str) -> Extraction:
        text = f"{source}: the Harbor Action Plan in {region}. {region} is named."
        return Extraction(
            Document(source=source, text=text, title=source, published="2024-01-01", source_type="media"),
            [],
            [],
            [
                Entity(
                    type="programme",
                    name="Harbor Action Plan",
                    attributes={"located_in": region},
                    mentions=[(text.index("Harbor"), text.index("Harbor") + len("Harbor Action Plan"))],
                ),
                Entity(
                    type="place",
                    name=region,
                    key=dict(PLACES)[region],
                    mentions=[(text.index(f"{region} is"), text.index(f"{region} is") + len(region))],
                ),
            ],
            [],
        )

    kb.save(plan("a.txt", "Shandong"))
    kb.save(plan("b.txt", "Qingdao"))
    kb.resolve()
    batch = kb.save(_about("c.txt", "Harbor Action Plan")).document_id
    kb.resolve([batch])
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch
    assert set(_tracked(kb).values()) == {"Qingdao"}


def _described(source: str, *entities: tuple[str, str, dict]) -> Extraction:
    """A document naming ``entities``: (type, name, attributes)."""
    text = f"{source} lists names. " + " ".join(f"{e[1]} appears here." for e in entities)
    ents = [
        Entity(type=t, name=n, attributes=a, mentions=[(text.index(n), text.index(n) + len(n))]) for t, n, a in entities
    ]
    return Extraction(
        Document(source=source, text=text, title=source, published="2024-01-01", source_type="media"), [], [], ents, []
    )


def _kinds(kb: KnowledgeBase) -> dict[str, tuple[int, int]]:
    """Each stored kind's name -> (records, entity), kinds of one name summed (their entity is one)."""
    out: dict[str, tuple[int, int]] = {}
    with kb.reading() as conn:
        for name, records, entity in conn.execute(
            select(EntityKindRow.name, EntityKindRow.records, EntityKindRow.entity_id)
        ):
            out[name] = (out.get(name, (0, entity))[0] + records, entity)
    return out


def test_a_batch_reads_the_records_of_its_part_and_of_its_documents_only(kb, monkeypatch):
    """Stored names the batch's cannot reach are kept from their kinds: their document entities are not read."""
    for i in range(30):
        maker = ("company", f"Stored Maker {chr(65 + i % 26)}{i}", {"located_in": "Qingdao"})
        kb.save(_described(f"s{i}.txt", maker, ("place", "Qingdao", {})))
    kb.resolve()
    read: list[int] = []
    reader = derive._Reader.read

    def counted(self, *args, **kwargs):
        records, texts = reader(self, *args, **kwargs)
        read.append(len(records))
        return records, texts

    monkeypatch.setattr(derive._Reader, "read", counted)
    batch = _described("new.txt", ("company", "Brand New Pumps", {"located_in": "Qingdao"}), ("place", "Qingdao", {}))
    kb.resolve([kb.save(batch).document_id])
    # the batch's 2 records, and the batch's place Qingdao's 30 stored records are not in the part (a stored
    # name again): nothing else is read
    assert sum(read) <= 2, read
    after_batch = _derived(kb)
    assert _kinds(kb)["Qingdao"][0] == 31
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batch_turns_a_kept_entitys_type_and_attributes_as_a_rebuild_does(kb):
    """Records named as stored ones, of the other type of their group and another place, outvote the stored ones."""
    stored = [
        _described("a.txt", ("company", "Westbrook Cables", {"located_in": "Qingdao"})),
        _described("b.txt", ("company", "Westbrook Cables", {"located_in": "Qingdao"}), ("place", "Weifang", {})),
    ]
    for e in stored:
        kb.save(e)
    kb.resolve()
    batch = [
        _described(f"c{i}.txt", ("platform", "Westbrook Cables", {"located_in": "Weifang"}), ("place", "Weifang", {}))
        for i in range(3)
    ]
    kb.resolve([kb.save(e).document_id for e in batch])
    after_batch = _derived(kb)
    e_ = EntityRow
    with kb.reading() as conn:
        entity_type, attributes, mentions, documents = conn.execute(
            select(e_.type, e_.attributes, e_.mention_count, e_.document_count).where(e_.name == "Westbrook Cables")
        ).one()
    assert (entity_type, attributes.get("located_in"), mentions, documents) == ("platform", "Weifang", 5, 5)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batch_merging_and_splitting_names_leaves_the_kinds_a_rebuild_leaves(kb):
    """A new name joins two stored entities (their kinds move to the older one); after a split, a batch keeps them apart."""
    kb.save(_named("a.txt", ("organization", "Kestrel Trade Zone")))
    kb.save(_named("b.txt", ("organization", "Orchard Bay Hub")))
    kb.resolve()
    assert _kinds(kb)["Kestrel Trade Zone"][1] != _kinds(kb)["Orchard Bay Hub"][1]
    _stored_then_batch(kb, [], [_named("c.txt", ("organization", "Kestrel Trade Zone", ["Orchard Bay Hub"]))])
    kinds = _kinds(kb)
    assert kinds["Kestrel Trade Zone"][1] == kinds["Orchard Bay Hub"][1]
    kb.split_entity("Kestrel Trade Zone", "Orchard Bay Hub")
    kb.resolve([kb.save(_named("d.txt", ("organization", "Orchard Bay Hub"))).document_id])
    after_batch = _derived(kb)
    kinds = _kinds(kb)
    assert kinds["Orchard Bay Hub"][0] == 2 and kinds["Orchard Bay Hub"][1] != kinds["Kestrel Trade Zone"][1]
    kb.resolve()
    assert _derived(kb) == after_batch


@pytest.mark.parametrize("table", [EntityKindRow, TrackedGroupRow])
def test_a_batch_over_emptied_kinds_or_groups_rebuilds(kb, monkeypatch, table):
    """Kinds that do not count the stored document entities, or groups that do not count the tracked
    quantities (a base just migrated to 0015 or 0016), send the batch to a rebuild."""
    _batches(kb, 51, batches=2)
    with kb.engine.begin() as conn:
        conn.execute(delete(table))
    rebuilt: list[int] = []
    rebuild = derive.rebuild
    monkeypatch.setattr(derive, "rebuild", lambda conn: rebuilt.append(1) or rebuild(conn))
    kb.resolve([kb.save(_document(random.Random(52), 200)).document_id])
    assert rebuilt == [1]
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batch_computes_the_blocking_keys_of_its_new_names_only(kb, monkeypatch):
    """The stored kinds carry their blocking keys: the walk reads them, and computes only the batch's new names'."""
    for i in range(12):
        kb.save(_named(f"s{i}.txt", ("company", f"Keyed Maker {chr(65 + i)}"), ("place", "Weifang")))
    kb.resolve()
    computed: list[tuple] = []
    keys = blocking._blocking_keys

    def counted(*signature):
        computed.append(signature)
        return keys(*signature)

    monkeypatch.setattr(blocking, "_blocking_keys", counted)
    kb.resolve([kb.save(_named("new.txt", ("company", "Keyed Maker Z"), ("place", "Weifang"))).document_id])
    assert [s[1] for s in computed] == ["Keyed Maker Z"]
    after_batch = _derived(kb)
    kb.resolve()
    assert _derived(kb) == after_batch


def test_a_batch_reads_the_documents_of_the_facts_it_tracks_only(kb, monkeypatch):
    """The documents' days and first versions are read for the groups the batch reaches (and the batch's own),
    not for every stored document; and with no group stored under no subject, no stored target is searched
    for one."""
    a = kb.save(_stated("a.txt", "2021-01-01", [], [("Northgate Works", "robot cells", 40)])).document_id
    kb.save(_stated("b.txt", "2021-02-01", [], [("Eastfield Park", "charging piles", 300)]))
    kb.resolve()
    read: list[set[int] | None] = []
    reader = derive._Documents.read

    def spied(self, ids):
        read.append(None if ids is None else set(ids))
        return reader(self, ids)

    monkeypatch.setattr(derive._Documents, "read", spied)
    monkeypatch.setattr(derive._Book, "subjectless_targets", None)
    c = kb.save(_stated("c.txt", "2022-01-01", [], [("Northgate Works", "robot cells", 55)])).document_id
    kb.resolve([c])
    assert read and None not in read
    assert set().union(*read) == {a, c}
    after_batch = _derived(kb)
    monkeypatch.undo()
    kb.resolve()
    assert _derived(kb) == after_batch

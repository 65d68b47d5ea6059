"""The migrations, not the models, create the schema; these check they agree and reverse cleanly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from store_samples import full_extraction

from policylens.store import KnowledgeBase
from policylens.store.digest import fingerprint
from policylens.store.migrate import MIGRATIONS, alembic_config, downgrade, upgrade
from policylens.store.schema import Base, is_model_table

TABLES = set(Base.metadata.tables)


def _head() -> str:
    with create_engine("sqlite://").connect() as conn:
        return ScriptDirectory.from_config(alembic_config(conn)).get_current_head()


def _tables(engine) -> set[str]:
    """The model tables present (SQLite's full-text index tables are the search revision's own)."""
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return {n for n in names if is_model_table(n, "table")}


def test_migrations_ship_inside_the_package():
    assert (MIGRATIONS / "env.py").is_file()
    assert any(MIGRATIONS.joinpath("versions").glob("*.py"))


def test_open_migrates_an_empty_database_to_head(kb_url):
    with KnowledgeBase.open(kb_url) as kb:
        assert _tables(kb.engine) == TABLES
        with kb.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == _head()


def test_migrations_match_the_models(kb_url):
    with KnowledgeBase.open(kb_url) as kb, kb.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": is_model_table})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_then_upgrade(kb_url):
    with KnowledgeBase.open(kb_url) as kb:
        kb.save(full_extraction())
        downgrade(kb.engine, "base")
        assert _tables(kb.engine) == set()
        upgrade(kb.engine)
        assert _tables(kb.engine) == TABLES
        assert kb.count_documents() == 0
        assert kb.save(full_extraction()).status == "stored"


def test_reopening_keeps_what_was_stored(kb_url):
    with KnowledgeBase.open(kb_url) as kb:
        stored = kb.save(full_extraction())
    with KnowledgeBase.open(kb_url) as kb:
        assert kb.count_documents() == 1
        assert kb.get_document(stored.document_id) is not None


def test_search_works_below_and_at_the_stored_vector_revision(kb_url):
    """Revision 0006 (PostgreSQL: a stored tsvector column) reverses to 0005 and back; rows keep matching."""
    with KnowledgeBase.open(kb_url) as kb:
        kb.save(full_extraction())
        postgres = kb.engine.dialect.name == "postgresql"

        def columns() -> set[str]:
            return {c["name"] for c in inspect(kb.engine).get_columns("search_items")}

        assert ("tsv" in columns()) is postgres
        assert kb.search("machine tools")
        downgrade(kb.engine, "0005")
        assert "tsv" not in columns()
        upgrade(kb.engine)
        assert ("tsv" in columns()) is postgres
        assert kb.search("machine tools")  # rows stored before the column have their vector


def test_the_head_that_open_checks_is_alembics_head(tmp_path):
    from policylens.store.migrate import head

    assert head() == _head()
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    KnowledgeBase.open(url).close()
    engine = create_engine(url)
    downgrade(engine, "-1")  # a database one revision behind is upgraded on the next open
    with KnowledgeBase.open(url) as kb, kb.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head()
    engine.dispose()


def test_the_tracked_metric_revision_fills_the_column_as_a_pass_writes_it(kb_url):
    """Revision 0017 copies each quantity's metric beside its tracked subject: no pass has to run again."""
    with KnowledgeBase.open(kb_url) as kb:
        kb.save(full_extraction())
        kb.resolve()
        with kb.engine.connect() as conn:
            resolved = fingerprint(conn)
            assert conn.scalar(text("SELECT count(*) FROM tracked_subjects WHERE metric IS NOT NULL"))
        downgrade(kb.engine, "0016")
        assert "metric" not in {c["name"] for c in inspect(kb.engine).get_columns("tracked_subjects")}
        upgrade(kb.engine)
        with kb.engine.connect() as conn:
            assert fingerprint(conn) == resolved


def test_the_group_resolved_revision_fills_the_column_as_a_pass_writes_it(kb_url):
    """Revision 0018 counts each group's quantities that have a subject entity, as a pass would: the derived
    tables are what they were, and the next batch's pass, not a rebuild, follows."""
    from policylens.store import derive

    with KnowledgeBase.open(kb_url) as kb:
        kb.save(full_extraction())
        kb.resolve()
        with kb.engine.connect() as conn:
            resolved = fingerprint(conn)
            assert conn.scalar(text("SELECT sum(resolved) FROM tracked_groups"))
        downgrade(kb.engine, "0017")
        assert "resolved" not in {c["name"] for c in inspect(kb.engine).get_columns("tracked_groups")}
        upgrade(kb.engine)
        with kb.engine.connect() as conn:
            assert fingerprint(conn) == resolved
            counts = derive._Counts.read(conn, set())
            assert not counts.stale() and not counts.unsubjected()

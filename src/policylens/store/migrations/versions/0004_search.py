"""Full-text search over documents and facts: SQLite FTS5, PostgreSQL tsvector with GIN.

The FTS5 table is an external-content index of ``search_items`` kept in step
by triggers (a document's cascade delete fires them too).  PostgreSQL needs
no second table: an expression index on ``to_tsvector('simple', text)``.
Both use plain word tokens without stemming; ``store.search.index_text``
writes every Chinese, Japanese or Korean character as a token of its own so
that a query of one or two such characters finds its phrase on both.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_search_items_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_items")),
    )
    op.create_index(op.f("ix_search_items_document_id"), "search_items", ["document_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5("
                   "text, content='search_items', content_rowid='id', "
                   "tokenize='unicode61 remove_diacritics 2')")
        op.execute("CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN "
                   "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END")
        op.execute("CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN "
                   "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_search_items_tsv ON search_items "
                   "USING GIN (to_tsvector('simple', text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_items_ad")
        op.execute("DROP TRIGGER IF EXISTS search_items_ai")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_items")

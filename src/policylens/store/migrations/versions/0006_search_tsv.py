"""PostgreSQL search on a stored tsvector column instead of an expression index.

Revision 0004 indexed ``to_tsvector('simple', text)`` as an expression, so the
GIN index found the matching rows but ranking them (``ts_rank``) parsed each
one's text again: seconds for a common word over thousands of documents.  A
generated column ``tsv`` keeps the parsed vector beside the text, and the GIN
index (same name as before) is on that column; ``store.search`` filters and
ranks on it.  The column is PostgreSQL's alone and not in the models (like
the index, ``schema.is_model_table`` leaves it out of the comparison); on
SQLite, whose FTS5 index already stores its tokens, this revision does nothing.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_items_tsv")
    op.execute("ALTER TABLE search_items ADD COLUMN tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED")
    op.execute("CREATE INDEX ix_search_items_tsv ON search_items USING GIN (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_search_items_tsv")
    op.execute("ALTER TABLE search_items DROP COLUMN IF EXISTS tsv")
    op.execute("CREATE INDEX ix_search_items_tsv ON search_items "
               "USING GIN (to_tsvector('simple', text))")

"""Conflict ids computed from each conflict's own quantities, so a batch's pass writes only its conflicts' rows.

The ids (``derive.conflict_ids``) need 64 bits: PostgreSQL's column
becomes BIGINT (SQLite's INTEGER already is).  The stored conflicts carry
ids of the old numbering, so they and the tracked subjects are cleared: a
knowledge base with quantities but no tracked subjects gets a full pass on
its next resolution (``derive.update`` falls back to ``rebuild``), which
numbers them anew.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM conflicts")
    op.execute("DELETE FROM tracked_subjects")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("conflicts", "id", type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=False)


def downgrade() -> None:
    op.execute("DELETE FROM conflicts")
    op.execute("DELETE FROM tracked_subjects")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("conflicts", "id", type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=False)

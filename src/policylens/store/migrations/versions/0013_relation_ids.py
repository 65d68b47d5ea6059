"""Relation ids computed from each relation itself, so a batch's new relations leave the others' rows alone.

The ids (``derive.relation_id``) need 63 bits: PostgreSQL's column
becomes BIGINT (SQLite's INTEGER already is).  The stored relations carry
ids of the old numbering (their rank), so they are cleared.  Nothing
derives anything from the stored relations, and every pass, a batch's
(``derive.update``) as well as a full one, computes all of them and
writes their table whole: the next resolution fills it again, numbered anew.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM entity_relations")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "entity_relations", "id", type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=False
        )


def downgrade() -> None:
    op.execute("DELETE FROM entity_relations")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "entity_relations", "id", type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=False
        )

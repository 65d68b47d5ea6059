"""Entity kinds: the document entities alike in type, name, aliases, key and attributes, one row each.

A derived table (``schema.EntityKindRow``) that a batch's pass reads
instead of every document entity.  It starts empty, so the tracked subjects
are cleared as well: the next pass finds quantities without one and
rebuilds everything (``derive._Counts``), which fills it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_kinds",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("aliases", sa.Text(), nullable=True),
        sa.Column("attributes", sa.Text(), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("first_id"),
    )
    op.execute("DELETE FROM tracked_subjects")


def downgrade() -> None:
    op.drop_table("entity_kinds")
    op.execute("DELETE FROM tracked_subjects")

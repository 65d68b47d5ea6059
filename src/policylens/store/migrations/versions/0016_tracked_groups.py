"""Tracked groups: the (tracked subject, metric) pairs of the stored quantities, with their counts, one row each.

A derived table (``schema.TrackedGroupRow``) that a batch's pass reads
instead of listing the distinct pairs of every tracked quantity.  It starts
empty: the next pass finds that its counts do not add up to the tracked
quantities and rebuilds everything (``derive._Counts``), which fills it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracked_groups",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("metric", sa.Text(), nullable=True),
        sa.Column("quantities", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("tracked_groups")

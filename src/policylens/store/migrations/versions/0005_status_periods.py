"""Targets' status periods, so that a status filter is a range query.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_status_periods",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("start_day", sa.Date(), nullable=False),
        sa.Column("end_day", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["target_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_target_status_periods_target_id_quantities")),
        sa.PrimaryKeyConstraint("target_id", "start_day", name=op.f("pk_target_status_periods")),
    )
    op.create_index("ix_target_status_periods_status_start_day", "target_status_periods",
                    ["status", "start_day"])


def downgrade() -> None:
    op.drop_table("target_status_periods")

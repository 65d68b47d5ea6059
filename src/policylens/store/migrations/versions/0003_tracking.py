"""Targets' progress observations and restatements, and conflicting figures.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["quantities.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_{column}_quantities"))


def upgrade() -> None:
    op.create_table(
        "target_progress",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        _fk("target_progress", "target_id"),
        _fk("target_progress", "observation_id"),
        sa.PrimaryKeyConstraint("target_id", "observation_id", name=op.f("pk_target_progress")),
    )
    op.create_index(op.f("ix_target_progress_observation_id"), "target_progress", ["observation_id"])

    op.create_table(
        "target_restatements",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("restated_by_id", sa.Integer(), nullable=False),
        _fk("target_restatements", "target_id"),
        _fk("target_restatements", "restated_by_id"),
        sa.PrimaryKeyConstraint("target_id", "restated_by_id", name=op.f("pk_target_restatements")),
    )
    op.create_index(op.f("ix_target_restatements_restated_by_id"), "target_restatements",
                    ["restated_by_id"])

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("quantity_id", sa.Integer(), nullable=False),
        sa.Column("other_quantity_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("other_value", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("conflicts", "quantity_id"),
        _fk("conflicts", "other_quantity_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    for column in ("kind", "quantity_id", "other_quantity_id"):
        op.create_index(op.f(f"ix_conflicts_{column}"), "conflicts", [column])


def downgrade() -> None:
    for table in ("conflicts", "target_restatements", "target_progress"):
        op.drop_table(table)

"""Tracked subjects keep their quantity's metric, indexed with the subject, and whether its subject names an entity.

A batch's pass reads the facts of the (tracked subject, metric) groups it
reaches; with the metric only on ``quantities`` both backends joined every
quantity to its tracked subject to find them.  And it listed every quantity
with a subject and no subject entity (a join of two whole tables) to resolve
them again, though only one whose subject entity was deleted since can
resolve otherwise than before; with the flag, two counts tell whether any
was (``derive._Counts``).  Both columns are filled as a pass writes
them, so no pass has to run again.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tracked_subjects", sa.Column("metric", sa.Text(), nullable=True))
    op.add_column("tracked_subjects", sa.Column("resolved", sa.Boolean(), nullable=True))
    op.execute(
        "UPDATE tracked_subjects SET "
        "metric = (SELECT quantities.metric FROM quantities WHERE quantities.id = tracked_subjects.quantity_id), "
        "resolved = EXISTS (SELECT 1 FROM quantity_subjects "
        "WHERE quantity_subjects.quantity_id = tracked_subjects.quantity_id)"
    )
    with op.batch_alter_table("tracked_subjects") as batch:
        batch.alter_column("resolved", existing_type=sa.Boolean(), nullable=False)
    op.create_index("ix_tracked_subjects_subject_metric", "tracked_subjects", ["subject", "metric"])


def downgrade() -> None:
    op.drop_index("ix_tracked_subjects_subject_metric", table_name="tracked_subjects")
    with op.batch_alter_table("tracked_subjects") as batch:
        batch.drop_column("resolved")
        batch.drop_column("metric")

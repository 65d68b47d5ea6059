"""Tracked groups count their quantities that have a subject entity.

A batch's pass checks that no subject entity was deleted or added since the
last pass by comparing the stored subject entities with the tracked
subjects flagged as having one; counting the flags read every tracked
subject (about 40 ms at 50,000 documents on SQLite, growing with the
base), the groups' counts only a few thousand rows (``derive._Counts``).
The column is filled from the flags, group by group, so no pass has to run
again.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tracked_groups", sa.Column("resolved", sa.Integer(), nullable=True))
    groups = sa.table("tracked_groups", sa.column("subject"), sa.column("metric"), sa.column("resolved"))
    tracked = sa.table("tracked_subjects", sa.column("subject"), sa.column("metric"), sa.column("resolved"))
    bind = op.get_bind()
    flagged = bind.execute(
        sa.select(tracked.c.subject, tracked.c.metric, sa.func.count())
        .where(tracked.c.resolved == sa.true())
        .group_by(tracked.c.subject, tracked.c.metric)
    ).all()
    bind.execute(sa.update(groups).values(resolved=0))
    for subject, metric, n in flagged:  # a few thousand groups; either of the pair may be NULL
        bind.execute(
            sa.update(groups)
            .where(groups.c.subject.is_not_distinct_from(subject), groups.c.metric.is_not_distinct_from(metric))
            .values(resolved=n)
        )
    with op.batch_alter_table("tracked_groups") as batch:
        batch.alter_column("resolved", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("tracked_groups") as batch:
        batch.drop_column("resolved")

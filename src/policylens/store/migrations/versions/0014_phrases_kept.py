"""A batch's pass keeps the entities of stored phrases: one full pass first, to make them as a pass now does.

Since this revision a phrase is looked up among the entities the documents
make, never among places made on demand by phrases resolved before it, and
a programme's nearest region is chosen in a fixed order; a batch's pass
(``derive.update``) keeps every stored phrase's entity whose inputs did not
change.  A knowledge base resolved before may hold, in rare cases, entities
the passes now would not give, and a batch's pass would keep them.  So the
tracked subjects are cleared: the next pass finds quantities without one and
rebuilds everything (``derive._Counts``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM tracked_subjects")


def downgrade() -> None:
    op.execute("DELETE FROM tracked_subjects")

"""The subject each quantity is tracked under, kept so that a batch's pass can tell what it changed.

The incremental resolution pass (``derive.update``) re-tracks only the
subjects a batch touches; a quantity whose tracked subject moves takes both
its old and its new subject along, and the old one is read from here.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracked_subjects",
        sa.Column("quantity_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["quantity_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_tracked_subjects_quantity_id_quantities")),
        sa.PrimaryKeyConstraint("quantity_id", name=op.f("pk_tracked_subjects")),
    )


def downgrade() -> None:
    op.drop_table("tracked_subjects")

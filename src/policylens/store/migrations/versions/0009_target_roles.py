"""Targets' roles and own industries.

Roles: which stated numbers are terms or thresholds of an instrument rather
than goals, derived by ``track.roles`` on every resolution pass; only
targets that are not goals have a row.  Industries: those a target's own
metric or subject names, so that an industry filter does not return every
target of a document that mentions the industry somewhere.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_roles",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["target_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_target_roles_target_id_quantities")),
        sa.PrimaryKeyConstraint("target_id", name=op.f("pk_target_roles")),
    )
    op.create_table(
        "target_industries",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("industry", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["target_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_target_industries_target_id_quantities")),
        sa.PrimaryKeyConstraint("target_id", "industry", name=op.f("pk_target_industries")),
    )
    op.create_index("ix_target_industries_industry", "target_industries", ["industry"])


def downgrade() -> None:
    op.drop_index("ix_target_industries_industry", table_name="target_industries")
    op.drop_table("target_industries")
    op.drop_table("target_roles")

"""Sources without feeds: each feed's kind, the feed a page declared, its paging budget; robots.txt kept.

Feeds registered before this revision were RSS or Atom URLs, so they are
marked "feed"; new ones start as "auto" and their first read decides.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("kind", sa.String(), server_default="feed", nullable=False))
        batch.add_column(sa.Column("fetch_url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("pages", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("feeds") as batch:
        batch.alter_column("kind", server_default="auto")
    op.create_table(
        "robots_files",
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("origin", name=op.f("pk_robots_files")),
    )


def downgrade() -> None:
    op.drop_table("robots_files")
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("pages")
        batch.drop_column("fetch_url")
        batch.drop_column("kind")

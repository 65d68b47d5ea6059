"""Monitoring: watchlists, feeds and the entries already stored, alerts, destinations and deliveries.

None of these tables is derived: ``derive.rebuild`` never deletes them.
They refer to documents by id and to places, industries and entities by the
words the user gave, since canonical entity ids change with each rebuild.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _fk(column: str, table: str, owner: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{table}.id"], ondelete=ondelete,
                                   name=op.f(f"fk_{owner}_{column}_{table}"))


def upgrade() -> None:
    op.create_table(
        "watchlists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("industry", sa.String(), nullable=True),
        sa.Column("entity", sa.Text(), nullable=True),
        sa.Column("keyword", sa.Text(), nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlists")),
        sa.UniqueConstraint("name", name=op.f("uq_watchlists_name")),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("next_due", _WHEN, nullable=False),
        sa.Column("last_polled_at", _WHEN, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("added_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_index("ix_feeds_next_due", "feeds", ["next_due"])
    op.create_table(
        "feed_entries",
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", _WHEN, nullable=False),
        _fk("feed_id", "feeds", "feed_entries", "CASCADE"),
        _fk("document_id", "documents", "feed_entries", "SET NULL"),
        sa.PrimaryKeyConstraint("feed_id", "key", name=op.f("pk_feed_entries")),
    )
    op.create_index("ix_feed_entries_document_id", "feed_entries", ["document_id"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("watchlist", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("earlier_document_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("facts", _JSON, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        _fk("document_id", "documents", "alerts", "CASCADE"),
        _fk("earlier_document_id", "documents", "alerts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("key", name=op.f("uq_alerts_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_alerts_uid")),
    )
    op.create_index("ix_alerts_document_id", "alerts", ["document_id"])
    op.create_index("ix_alerts_earlier_document_id", "alerts", ["earlier_document_id"])
    op.create_table(
        "destinations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("first_alert_id", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _WHEN, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("added_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destinations")),
        sa.UniqueConstraint("spec", name=op.f("uq_destinations_spec")),
    )
    op.create_table(
        "deliveries",
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("delivered_at", _WHEN, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _fk("alert_id", "alerts", "deliveries", "CASCADE"),
        _fk("destination_id", "destinations", "deliveries", "CASCADE"),
        sa.PrimaryKeyConstraint("alert_id", "destination_id", name=op.f("pk_deliveries")),
    )
    op.create_index("ix_deliveries_destination_id", "deliveries", ["destination_id"])
    op.create_table(
        "monitor_state",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_monitor_state")),
    )


def downgrade() -> None:
    for table in ("monitor_state", "deliveries", "destinations", "alerts", "feed_entries", "feeds", "watchlists"):
        op.drop_table(table)

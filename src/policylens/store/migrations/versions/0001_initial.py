"""Documents, their quantities, events, entities with mentions, industries, minhash bands.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
SPAN = "start_offset >= 0 AND start_offset <= end_offset"


def _finite(column: str) -> str:
    return f"{column} > -1e308 AND {column} < 1e308"


def _document_id() -> sa.Column:
    return sa.Column("document_id", sa.Integer(), nullable=False)


def _document_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_document_id_documents"))


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("source_type", sa.String(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("near_duplicate_of", sa.Integer(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["near_duplicate_of"], ["documents.id"], ondelete="SET NULL",
                                name=op.f("fk_documents_near_duplicate_of_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    for column in ("near_duplicate_of", "published_date", "source_type", "url"):
        op.create_index(op.f(f"ix_documents_{column}"), "documents", [column])

    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer(), nullable=False),
        _document_id(),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("metric", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("comparator", sa.String(), nullable=False),
        sa.Column("change", sa.String(), nullable=True),
        sa.Column("baseline", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.String(), nullable=True),
        sa.Column("deadline_year", sa.Integer(), nullable=True),
        sa.Column("as_of", sa.String(), nullable=True),
        sa.Column("as_of_year", sa.Integer(), nullable=True),
        sa.Column("annual", sa.Boolean(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.CheckConstraint(SPAN, name=op.f("ck_quantities_span")),
        sa.CheckConstraint(_finite("value"), name=op.f("ck_quantities_value_finite")),
        sa.CheckConstraint(_finite("value_max"), name=op.f("ck_quantities_value_max_finite")),
        _document_fk("quantities"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantities")),
    )
    op.create_index(op.f("ix_quantities_document_id"), "quantities", ["document_id"])
    op.create_index("ix_quantities_kind_deadline_year", "quantities", ["kind", "deadline_year"])
    op.create_index("ix_quantities_metric_unit", "quantities", ["metric", "unit"])

    op.create_table(
        "quantity_alternatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quantity_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.CheckConstraint(_finite("value"), name=op.f("ck_quantity_alternatives_value_finite")),
        sa.ForeignKeyConstraint(["quantity_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_quantity_alternatives_quantity_id_quantities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantity_alternatives")),
    )
    op.create_index(op.f("ix_quantity_alternatives_quantity_id"), "quantity_alternatives",
                    ["quantity_id"])

    op.create_table(
        "quantity_industries",
        sa.Column("quantity_id", sa.Integer(), nullable=False),
        sa.Column("industry", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["quantity_id"], ["quantities.id"], ondelete="CASCADE",
                                name=op.f("fk_quantity_industries_quantity_id_quantities")),
        sa.PrimaryKeyConstraint("quantity_id", "industry", name=op.f("pk_quantity_industries")),
    )
    op.create_index(op.f("ix_quantity_industries_industry"), "quantity_industries", ["industry"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        _document_id(),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("object", sa.Text(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.CheckConstraint(SPAN, name=op.f("ck_events_span")),
        _document_fk("events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_document_id"), "events", ["document_id"])
    op.create_index("ix_events_type_event_date", "events", ["type", "event_date"])

    op.create_table(
        "document_entities",
        sa.Column("id", sa.Integer(), nullable=False),
        _document_id(),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("attributes", JSON, nullable=False),
        sa.Column("aliases", JSON, nullable=False),
        _document_fk("document_entities"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_entities")),
    )
    op.create_index(op.f("ix_document_entities_document_id"), "document_entities", ["document_id"])
    op.create_index(op.f("ix_document_entities_key"), "document_entities", ["key"])
    op.create_index("ix_document_entities_type_name", "document_entities", ["type", "name"])

    op.create_table(
        "entity_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.CheckConstraint(SPAN, name=op.f("ck_entity_mentions_span")),
        sa.ForeignKeyConstraint(["entity_id"], ["document_entities.id"], ondelete="CASCADE",
                                name=op.f("fk_entity_mentions_entity_id_document_entities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_mentions")),
    )
    op.create_index(op.f("ix_entity_mentions_entity_id"), "entity_mentions", ["entity_id"])

    op.create_table(
        "document_industries",
        _document_id(),
        sa.Column("industry", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        _document_fk("document_industries"),
        sa.PrimaryKeyConstraint("document_id", "industry", name=op.f("pk_document_industries")),
    )
    op.create_index(op.f("ix_document_industries_industry"), "document_industries", ["industry"])

    op.create_table(
        "minhash_bands",
        _document_id(),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        _document_fk("minhash_bands"),
        sa.PrimaryKeyConstraint("document_id", "band", name=op.f("pk_minhash_bands")),
    )
    op.create_index(op.f("ix_minhash_bands_hash"), "minhash_bands", ["hash"])


def downgrade() -> None:
    # Dropping a table drops its indexes; children go before the tables they point at.
    for table in ("minhash_bands", "document_industries", "entity_mentions", "document_entities",
                  "events", "quantity_industries", "quantity_alternatives", "quantities",
                  "documents"):
        op.drop_table(table)

"""Canonical entities with aliases, links from document entities, relations, region closure, decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("attributes", JSON, nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("document_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("key", name=op.f("uq_entities_key")),
    )
    op.create_index(op.f("ix_entities_norm"), "entities", ["norm"])
    op.create_index("ix_entities_type_norm", "entities", ["type", "norm"])

    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        _fk("entity_aliases", "entity_id", "entities"),
        sa.PrimaryKeyConstraint("entity_id", "norm", name=op.f("pk_entity_aliases")),
    )
    op.create_index(op.f("ix_entity_aliases_norm"), "entity_aliases", ["norm"])

    op.create_table(
        "entity_links",
        sa.Column("document_entity_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        _fk("entity_links", "document_entity_id", "document_entities"),
        _fk("entity_links", "entity_id", "entities"),
        sa.PrimaryKeyConstraint("document_entity_id", name=op.f("pk_entity_links")),
    )
    op.create_index(op.f("ix_entity_links_entity_id"), "entity_links", ["entity_id"])

    op.create_table(
        "entity_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("object_value", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        _fk("entity_relations", "subject_id", "entities"),
        _fk("entity_relations", "object_id", "entities"),
        _fk("entity_relations", "document_id", "documents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_relations")),
    )
    op.create_index(op.f("ix_entity_relations_subject_id"), "entity_relations", ["subject_id"])
    op.create_index(op.f("ix_entity_relations_document_id"), "entity_relations", ["document_id"])
    op.create_index("ix_entity_relations_relation_object_id", "entity_relations", ["relation", "object_id"])
    op.create_index("ix_entity_relations_relation_object_value", "entity_relations",
                    ["relation", "object_value"])

    op.create_table(
        "entity_regions",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        _fk("entity_regions", "entity_id", "entities"),
        _fk("entity_regions", "region_id", "entities"),
        sa.PrimaryKeyConstraint("entity_id", "region_id", name=op.f("pk_entity_regions")),
    )
    op.create_index(op.f("ix_entity_regions_region_id"), "entity_regions", ["region_id"])

    op.create_table(
        "entity_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('merge', 'split')", name=op.f("ck_entity_decisions_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_decisions")),
    )

    op.create_table(
        "quantity_subjects",
        sa.Column("quantity_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        _fk("quantity_subjects", "quantity_id", "quantities"),
        _fk("quantity_subjects", "entity_id", "entities"),
        sa.PrimaryKeyConstraint("quantity_id", name=op.f("pk_quantity_subjects")),
    )
    op.create_index(op.f("ix_quantity_subjects_entity_id"), "quantity_subjects", ["entity_id"])

    op.create_table(
        "event_entities",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        _fk("event_entities", "event_id", "events"),
        _fk("event_entities", "entity_id", "entities"),
        sa.PrimaryKeyConstraint("event_id", "role", name=op.f("pk_event_entities")),
    )
    op.create_index(op.f("ix_event_entities_entity_id"), "event_entities", ["entity_id"])


def downgrade() -> None:
    for table in ("event_entities", "quantity_subjects", "entity_decisions", "entity_regions",
                  "entity_relations", "entity_links", "entity_aliases", "entities"):
        op.drop_table(table)

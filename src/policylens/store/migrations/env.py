"""Alembic environment for the knowledge base.

Configured from code, never from an alembic.ini: ``policylens.store.migrate``
passes an open connection in ``config.attributes["connection"]``, so the same
migrations run from an installed package, the tests and the CLI.  Batch mode
lets SQLite, which cannot ALTER most things, take the same revisions as
PostgreSQL.

To write the next revision against a database at head::

    from alembic import command
    from policylens.store.migrate import alembic_config
    with engine.begin() as conn:
        command.revision(alembic_config(conn), message="...", autogenerate=True)
"""

from alembic import context

from policylens.store.schema import Base, is_model_table

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=is_model_table
)
with context.begin_transaction():
    context.run_migrations()

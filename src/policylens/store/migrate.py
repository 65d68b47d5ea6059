"""Bring a database to the schema this version of the package expects.

Opening a knowledge base runs ``upgrade head``; the migrations ship inside the
package, so an installed copy upgrades a database written by an older one.
A database already at the newest revision is recognised with one query, without loading
Alembic and its scripts (a second or so that every command would pay).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed number: concurrent openers of one PostgreSQL database migrate one at a time.
_PG_LOCK_KEY = 0x706F6C6963796C
_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([\w-]+|None)["\']?', re.MULTILINE)


@cache
def head() -> str:
    """The newest revision: the one no script names as its ``down_revision`` (read from the scripts' text).

    Alembic would find it by importing every script; tests/store/test_migrations.py checks both agree.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in MIGRATIONS.joinpath("versions").glob("*.py"):
        for key, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).add(value)
    [newest] = revisions - parents
    return newest


class MigrationError(Exception):
    """Alembic could not bring the database to the newest schema (its CommandError, without importing it)."""


def at_head(engine: Engine) -> bool:
    """Whether the database's recorded revision is the newest (False when it has none yet)."""
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT version_num FROM alembic_version")) == head()
    except SQLAlchemyError:
        return False


def upgrade_if_needed(engine: Engine) -> None:
    """``upgrade head`` unless the database is there already; MigrationError if Alembic refuses."""
    if at_head(engine):
        return
    from alembic.util import CommandError

    try:
        upgrade(engine)
    except CommandError as exc:
        raise MigrationError(str(exc)) from exc


def alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)

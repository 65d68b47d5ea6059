"""One poll at a time per knowledge base: two pollers would both deliver the same pending alert.

PostgreSQL: a session advisory lock, held by a connection of its own.
SQLite: an exclusive ``flock`` on a file beside the database.  Both are
released by the operating system or the server when the process dies, so a
poller killed with SIGKILL never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from policylens.errors import PolicylensError
from policylens.store import KnowledgeBase

_PG_KEY = 0x706C5F706F6C6C  # any fixed number, distinct from the store's locks


class PollRunning(PolicylensError):
    """Another poll holds the knowledge base."""


@contextmanager
def poll_lock(kb: KnowledgeBase) -> Iterator[None]:
    url = kb.engine.url
    if url.get_backend_name() == "postgresql":
        with kb.engine.connect() as conn:
            if not conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": _PG_KEY}):
                raise PollRunning(f"{url.render_as_string(hide_password=True)}: another poll is running")
            conn.commit()  # a session lock outlives the transaction; no snapshot is held open meanwhile
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_KEY})
                conn.commit()
        return
    if not url.database or url.database == ":memory:":
        yield  # a private in-memory database: nobody else can poll it
        return
    path = f"{url.database}.poll-lock"
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PollRunning(f"{url.database}: another poll is running") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

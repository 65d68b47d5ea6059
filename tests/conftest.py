"""Fixtures every test package can use: knowledge-base URLs for SQLite and a real PostgreSQL.

The PostgreSQL server is started by the tests themselves from the installed
binaries (``scripts/install-system-deps.sh`` installs them), in a throwaway
directory, on a free port of 127.0.0.1: no system service, no shared state.
Each test that asks for ``pg_url`` gets a fresh database on that server.
When the binaries are absent the PostgreSQL tests are skipped with a message
saying so, unless ``POLICYLENS_TEST_PG=required`` (set it in CI) turns that
into a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_USER = "postgres"  # the superuser initdb creates; also the Debian system user that runs it


def _pg_bindir() -> Path | None:
    """The newest PostgreSQL's bin directory (Debian layout), or where pg_ctl is on PATH."""

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in path.parent.name.split(".") if p.isdigit())

    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()]
    if found:
        return max(found, key=version)
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests need a local server: {reason}; run scripts/install-system-deps.sh"
    if os.environ.get("POLICYLENS_TEST_PG") == "required":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class PgServer:
    host: str
    port: int
    _databases: itertools.count

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@{self.host}:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"test_{next(self._databases)}"
        with psycopg.connect(host=self.host, port=self.port, user=PG_USER, dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("initdb/pg_ctl not found under /usr/lib/postgresql/*/bin or on PATH")
    # initdb refuses to run as root, so as root the server runs as the postgres user,
    # in a directory under /tmp that user owns (pytest's own tmp dirs are root-only).
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        _unavailable("running as root and runuser is missing")
    base = Path(tempfile.mkdtemp(prefix="policylens-pg-"))
    if as_root:
        try:
            shutil.chown(base, user=PG_USER)
        except LookupError:
            shutil.rmtree(base)
            _unavailable(f"running as root and there is no {PG_USER!r} system user")

    def run(*args: str) -> None:
        command = [str(bindir / args[0]), *args[1:]]
        if as_root:
            command = ["runuser", "-u", PG_USER, "--", *command]
        done = subprocess.run(command, cwd=base, capture_output=True, text=True)
        if done.returncode != 0:
            log = base / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}{tail}")

    data, port = base / "data", _free_port()
    # Durability settings off: the cluster is thrown away after the session.
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    started = False
    try:
        run("initdb", "-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--locale=C")
        run("pg_ctl", "-D", str(data), "-o", options, "-l", str(base / "server.log"), "-w", "start")
        started = True
        yield PgServer("127.0.0.1", port, itertools.count(1))
    finally:
        if started:
            run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return pg_server.create_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kb_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty knowledge base, once on each backend."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")

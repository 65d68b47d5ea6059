"""A fingerprint of everything the resolution pass derived: one SHA-256 per derived table, ids included.

The proof that a batch's pass (``derive.update``) leaves what a full
rebuild leaves, and that an optimisation of either changes nothing: the
tests and ``benchmarks/check_rebuild.py`` compare these.  Rows are
compared raw, ids included, sorted, with floats as their repr and dates
as ISO text, so SQLite and PostgreSQL fingerprint alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import cast

from sqlalchemy import Connection, Table, select

from .derive import DERIVED


def _canon(value: object) -> object:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    return value


def fingerprint(conn: Connection) -> dict[str, tuple[int, str]]:
    """Table name -> (row count, digest of its sorted rows), parents first."""
    out = {}
    for model in reversed(DERIVED):
        table = cast(Table, model.__table__)
        rows = [
            json.dumps(_canon(list(r)), sort_keys=True, ensure_ascii=False)
            for r in conn.execute(select(*table.columns))
        ]
        rows.sort()
        out[table.name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return out


def overall(tables: dict[str, tuple[int, str]]) -> str:
    """One digest of a fingerprint."""
    digest = hashlib.sha256()
    for name, (n, table_digest) in tables.items():
        digest.update(f"{name}:{n}:{table_digest}\n".encode())
    return digest.hexdigest()

"""Write a set of tables so that each holds exactly the rows computed for it, writing only the difference.

The knowledge base's derived tables are recomputed from scratch on every
pass, but most passes follow a batch of a few documents, or none at all, and
recompute nearly every row as it already is: at 10,000 documents some
800,000 rows, whose deleting and re-inserting (with their indexes and, on
PostgreSQL, their foreign-key checks) cost more than computing them.  So
each table is compared with what it holds, and only the difference is
written: stale rows deleted (children before parents), changed rows of a
parent table updated in place, new rows inserted (parents before children).
A table that changed in more than half its rows is replaced whole instead.
The result is the same as deleting and re-inserting everything; only the
writing differs (tests/store: a pass over tampered tables, and over the last
batch's, leaves what a pass over empty tables leaves).

A batch's pass (``derive.update``) recomputes only part of a table: its
``scope`` says which stored rows the rows given replace (those of the
targets it re-tracked, say), and the rows outside it are left as they are.

Nothing here knows which tables these are: the caller names them, in order.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.orm import DeclarativeBase

Rows = list[tuple[Any, ...]]
Model = type[DeclarativeBase]
Tables = dict[Model, tuple[Sequence[str], Rows]]  # each table's columns, and its rows in their order

# Ids per IN (…) of a scope: well under SQLite's and PostgreSQL's limits on parameters.
IN_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class Scope:
    """The stored rows a partial table replaces: those whose integer ``column`` is among ``ids``.

    ``column`` may be a tuple of names: then the rows where any of them is.
    """

    column: str | tuple[str, ...]
    ids: Collection[int] = ()

    def where(self, conn: Connection) -> list[str]:
        """WHERE clauses (one per chunk of ids) selecting the rows; the ids are ints, written in."""
        quote = conn.dialect.identifier_preparer.quote
        columns = (self.column,) if isinstance(self.column, str) else self.column
        ids = sorted(self.ids)
        listed = [", ".join(str(int(i)) for i in ids[n : n + IN_CHUNK]) for n in range(0, len(ids), IN_CHUNK)]
        return [" OR ".join(f"{quote(c)} IN ({chunk})" for c in columns) for chunk in listed]


def write(
    conn: Connection,
    tables: Mapping[Model, tuple[Sequence[str], Rows]],
    order: Sequence[Model],
    scopes: Mapping[Model, Scope] | None = None,
) -> None:
    """Make every table of ``order`` hold exactly the rows given for it (tuples in the order of its columns).

    ``order`` lists the tables' models children before parents: stale rows
    are deleted in that order, new ones written in the reverse.  A table with
    a :class:`Scope` is made to hold the rows given in place of the stored
    rows in the scope; its other rows stay.
    """
    scopes = scopes or {}
    plans = {model: _Plan(conn, model, *tables[model], order, scopes.get(model)) for model in order}
    for model in order:  # children first
        plans[model].delete(conn)
    for model in reversed(order):  # parents first
        plans[model].write(conn)


def patch(conn: Connection, model: Model, columns: Sequence[str], deletes: Rows, inserts: Rows) -> None:
    """Delete the rows of ``model`` whose primary keys are ``deletes`` (in key order), then insert ``inserts``.

    For a caller that knows exactly which stored rows go and which come, so
    that nothing needs reading: the rows are written as :func:`write` would.
    """
    table = model.__table__
    assert isinstance(table, Table)
    quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
    if deletes:
        where = " AND ".join(f"{quote(c.name)} = {mark}" for c in table.primary_key.columns)
        _executemany(conn, f"DELETE FROM {quote(table.name)} WHERE {where}", deletes)
    if inserts:
        processors = [
            (i, p) for i, name in enumerate(columns) if (p := table.c[name].type._cached_bind_processor(conn.dialect))
        ]
        _insert(conn, table.name, columns, [_processed(r, processors) for r in inserts] if processors else inserts)


def held(
    conn: Connection, model: Model, columns: Sequence[str], since: Mapping[int, Any]
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The stored rows a :func:`cut` of each id from its day (``since``: id -> day) replaces, by primary key.

    Those from the day on and the one in force the day before: the rows that
    end on that day or later (or never), as the driver returns them.
    """
    table = model.__table__
    assert isinstance(table, Table)
    quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
    name, key, end = (quote(n) for n in (table.name, columns[0], "end_day"))
    day = table.c[columns[1]].type._cached_bind_processor(conn.dialect) or (lambda value: value)
    by_day: dict[Any, list[int]] = {}  # the ids cut on each day (a batch's figures arrive on a few days)
    for k in sorted(since):
        by_day.setdefault(day(since[k]), []).append(k)
    rows: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    cursor = driver(conn).cursor()
    try:
        for first, ids in by_day.items():
            for n in range(0, len(ids), IN_CHUNK):
                cursor.execute(
                    f"SELECT {', '.join(quote(c) for c in columns)} FROM {name} WHERE {key} IN "
                    f"({', '.join(str(int(k)) for k in ids[n : n + IN_CHUNK])}) AND ({end} IS NULL OR {end} >= {mark})",
                    (first,),
                )
                rows.update((row[:2], row) for row in map(tuple, cursor.fetchall()))
    finally:
        cursor.close()
    return rows


def cut(
    conn: Connection,
    model: Model,
    columns: Sequence[str],
    cuts: Rows,
    rows: Rows,
    read: Mapping[tuple[Any, ...], tuple[Any, ...]] | None = None,
    read_ids: Collection[int] = (),
) -> None:
    """Replace the periods of some ids from a day on: ``cuts`` holds (id, day, end), ``rows`` the new periods.

    ``model`` is a table of periods keyed by (id, start), each row an id's
    period from its start until its end, the next row's start (``columns``:
    the id, the start, then the rest, the end among them, named
    ``end_day``).  For each cut, the id's rows that start on the day or
    later become ``rows``' rows of that id, and the row in force the day
    before ends at ``end``.  For a caller that knows an id's periods changed
    only from that day on, so that the earlier ones need neither reading nor
    writing.  The rows from the day on are read (:func:`held`; ``read``
    holds those of the ids ``read_ids``, read already by the caller from the
    same days) and only those that differ are written: a figure that arrives
    mostly leaves the later periods as they were (on the benchmark's batch,
    5,735 of the 6,285 rows cut).
    """
    if not cuts:
        return
    table = model.__table__
    assert isinstance(table, Table)
    assert [c.name for c in table.primary_key.columns] == list(columns[:2])  # (id, start): what a cut replaces
    quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
    name, key, start = (quote(n) for n in (table.name, columns[0], columns[1]))
    # Tens of thousands of period rows a batch share a few hundred days: each is bound once (SQLite's
    # processor formats a date in Python).
    processors = [
        (i, cache(p)) for i, c in enumerate(columns) if (p := table.c[c].type._cached_bind_processor(conn.dialect))
    ]
    day = table.c[columns[1]].type._cached_bind_processor(conn.dialect) or (lambda value: value)
    ends = columns.index("end_day")
    since = {k: day(d) for k, d, _ in cuts}  # as the driver stores and returns days
    finish = {k: None if f is None else day(f) for k, _, f in cuts}
    # The stored rows each cut replaces, and what they become: the one in force the day before ends anew.
    stored = held(conn, model, columns, {k: d for k, d, _ in cuts if k not in read_ids})
    stored.update((pk, row) for pk, row in (read or {}).items() if pk[0] in since)
    wanted: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for pk, row in stored.items():
        if row[1] < since[row[0]]:
            wanted[pk] = (*row[:ends], finish[row[0]], *row[ends + 1 :])
    wanted.update((r[:2], r) for r in (_processed(row, processors) for row in rows))
    gone = [k for k in stored if k not in wanted]
    changed = [r for k, r in wanted.items() if k in stored and stored[k] != r]
    new = [r for k, r in wanted.items() if k not in stored]
    if gone:
        _executemany(conn, f"DELETE FROM {name} WHERE {key} = {mark} AND {start} = {mark}", gone)
    if changed:
        rest = range(2, len(columns))
        assignments = ", ".join(f"{quote(columns[i])} = {mark}" for i in rest)
        _executemany(
            conn,
            f"UPDATE {name} SET {assignments} WHERE {key} = {mark} AND {start} = {mark}",
            [tuple(r[i] for i in rest) + r[:2] for r in changed],
        )
    if new:
        _insert(conn, table.name, columns, new)


class _Plan:
    """What one derived table needs to go from the rows it holds to ``rows``.

    Rows are compared as the driver stores and returns them, so the new ones
    first go through their column types' bind processors (dates and floats
    on SQLite, JSON), as an ORM insert would send them.  JSON is compared
    as its value, since PostgreSQL's JSONB returns keys in an order of its own.
    """

    def __init__(
        self,
        conn: Connection,
        model: Model,
        columns: Sequence[str],
        rows: Rows,
        order: Sequence[Model],
        scope: Scope | None = None,
    ):
        table = model.__table__
        assert isinstance(table, Table)  # a model mapped to a table (the only kind the knowledge base has)
        dialect = conn.dialect
        self.table, self.columns = table, tuple(columns)
        processors = [
            (i, p)
            for i, name in enumerate(columns)
            if (p := table.c[name].type._cached_bind_processor(dialect)) is not None
        ]
        stored = [_processed(row, processors) for row in rows] if processors else rows
        self.key = [self.columns.index(c.name) for c in table.primary_key.columns]
        self.rest = [i for i in range(len(self.columns)) if i not in self.key]
        self.unique = [i for i in self.rest if table.c[self.columns[i]].unique]
        json = [i for i, name in enumerate(columns) if table.c[name].type._type_affinity is JSON]
        old = _fetch(conn, table, self.columns, scope)
        if json:  # compare JSON by value; write what the processors made of it
            old = [_json_compared(r, json, stored=True) for r in old]
            rows = [_json_compared(r, json, stored=False) for r in rows]
            written = dict(zip(rows, stored, strict=True))
        else:
            rows = stored
        self.whole = False
        self.deletes: Rows = []
        self.updates: Rows = []
        self.inserts: Rows = []
        if not old:  # the first pass, or the table was emptied
            self.inserts = stored
            return
        before, after = set(old), set(rows)
        if before == after:
            return
        added = after - before
        fresh = {self._key(r): r for r in added}
        stale = {self._key(r) for r in before - after}
        # A parent table is never emptied whole: that would cascade to rows its children keep.
        parent = any(fk.column.table is table for other in order for fk in other.__table__.foreign_keys)
        if scope is None and not parent and len(stale) > len(before) // 2:
            self.whole, self.inserts = True, stored
            return
        # A changed row of a parent table is updated in place, since deleting it would cascade to
        # its children; a child's changed row is deleted and inserted again, before its old parent
        # can go (a parent id that disappears takes the rows still pointing at it along).
        changed = stale & fresh.keys() if parent else set()
        self.deletes = [k for k in stale if k not in changed]
        self.updates = [fresh[k] for k in changed]
        # In the order computed, as a whole rewrite would insert them.
        self.inserts = [r for r in rows if r in added and (not changed or self._key(r) not in changed)]
        if json:
            self.updates = [written[r] for r in self.updates]
            self.inserts = [written[r] for r in self.inserts]

    def _key(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(row[i] for i in self.key)

    def delete(self, conn: Connection) -> None:
        quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
        if self.whole:
            conn.exec_driver_sql(f"DELETE FROM {quote(self.table.name)}")
        elif self.deletes:
            where = " AND ".join(f"{quote(self.columns[i])} = {mark}" for i in self.key)
            _executemany(conn, f"DELETE FROM {quote(self.table.name)} WHERE {where}", self.deletes)

    def write(self, conn: Connection) -> None:
        quote, mark = conn.dialect.identifier_preparer.quote, _mark(conn)
        if self.updates and self.unique:
            # Rows may trade unique values (an entity's gazetteer key moving to another id):
            # clear them first, so that no update meets a value another row still holds.
            cleared = ", ".join(f"{quote(self.columns[i])} = NULL" for i in self.unique)
            where = " AND ".join(f"{quote(self.columns[i])} = {mark}" for i in self.key)
            _executemany(
                conn,
                f"UPDATE {quote(self.table.name)} SET {cleared} WHERE {where}",
                [self._key(r) for r in self.updates],
            )
        if self.updates:
            assignments = ", ".join(f"{quote(self.columns[i])} = {mark}" for i in self.rest)
            where = " AND ".join(f"{quote(self.columns[i])} = {mark}" for i in self.key)
            _executemany(
                conn,
                f"UPDATE {quote(self.table.name)} SET {assignments} WHERE {where}",
                [tuple(r[i] for i in (*self.rest, *self.key)) for r in self.updates],
            )
        if self.inserts:
            _insert(conn, self.table.name, self.columns, self.inserts)


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _json_compared(row: tuple[Any, ...], columns: list[int], stored: bool) -> tuple[Any, ...]:
    """The row with its JSON values as canonical text: from the driver (text or parsed) or from Python."""
    values = list(row)
    for i in columns:
        value = values[i]
        if stored and isinstance(value, str):
            value = json.loads(value)
        values[i] = json.dumps(value, sort_keys=True)
    return tuple(values)


def _fetch(conn: Connection, table: Table, columns: Sequence[str], scope: Scope | None = None) -> Rows:
    """Every row of ``table`` (in ``scope``, if given) as the driver returns it."""
    quote = conn.dialect.identifier_preparer.quote
    select = f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table.name)}"
    cursor = driver(conn).cursor()
    try:
        rows: Rows = []
        for where in scope.where(conn) if scope is not None else [""]:
            cursor.execute(f"{select} WHERE {where}" if where else select)
            rows += cursor.fetchall()
        return rows
    finally:
        cursor.close()


def driver(conn: Connection) -> Any:
    """The driver's own connection under ``conn`` (sqlite3 or psycopg), for what SQLAlchemy does row by row."""
    dbapi = conn.connection.driver_connection
    assert dbapi is not None  # None only once the pooled connection is closed, and ``conn`` is open
    return dbapi


def _executemany(conn: Connection, statement: str, rows: Rows) -> None:
    cursor = driver(conn).cursor()
    try:
        cursor.executemany(statement, rows)
    finally:
        cursor.close()


def _insert(conn: Connection, table: str, columns: Sequence[str], rows: Rows) -> None:
    """Insert rows straight through the driver: one executemany on SQLite, one COPY on PostgreSQL.

    SQLAlchemy's executemany of dicts builds every row's parameters in
    Python, and on PostgreSQL each row is an INSERT of its own.
    """
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in columns)
    if conn.dialect.name == "postgresql":
        with driver(conn).cursor() as cursor, cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(_mark(conn) for _ in columns)
        _executemany(conn, f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


def _processed(row: tuple[Any, ...], processors: list[tuple[int, Any]]) -> tuple[Any, ...]:
    """The row as SQLAlchemy would bind it: each processor sees every value, None too (JSON's makes it 'null')."""
    values = list(row)
    for i, process in processors:
        values[i] = process(values[i])
    return tuple(values)

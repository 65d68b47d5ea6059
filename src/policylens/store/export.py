"""Write the knowledge base's tables (``queries.export_tables``) as CSV, JSON or Parquet.

CSV and Parquet give one file per table in a folder, since spreadsheets and
data frames want flat tables; JSON gives one object holding every table.
Parquet needs pyarrow (``pip install 'policylens[parquet]'``); without it
the export says so instead of writing something else.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ..errors import ParameterError

FORMATS = ("csv", "json", "parquet")


def write(tables: dict[str, list[dict[str, Any]]], fmt: str, out: Path | None) -> list[Path]:
    """Write the tables to ``out`` (a file for JSON, a folder otherwise); returns the files written."""
    if fmt not in FORMATS:
        raise ParameterError("fmt", f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if out is None:
        raise ParameterError("out", "say where to write the export")
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(tables, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
        return [out]
    if out.exists() and not out.is_dir():
        raise ParameterError("out", f"{out} is a file; a csv or parquet export is written to a folder")
    writer = _parquet if fmt == "parquet" else _csv
    if fmt == "parquet":
        _pyarrow()
    out.mkdir(parents=True, exist_ok=True)
    return [writer(rows, out / f"{name}.{fmt}") for name, rows in tables.items()]


def _csv(rows: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ParameterError(
            "fmt", "parquet needs pyarrow, which is not installed: pip install 'policylens[parquet]'"
        ) from None
    return pyarrow


def _parquet(rows: list[dict[str, Any]], path: Path) -> Path:
    pa = _pyarrow()
    pa.parquet.write_table(pa.Table.from_pylist(rows), path)
    return path

"""Extraction: a pure function from a Document to its Extraction (no database, no network, no clock).

``extract`` is loaded on first use (PEP 562), so that a reader of one data
module (``from policylens.extraction import gazetteer``, as the store's queries
do) does not load the whole pipeline and its rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["extract"]

if TYPE_CHECKING:
    from policylens.extraction.pipeline import extract


def __getattr__(name: str) -> Any:
    if name == "extract":
        from policylens.extraction.pipeline import extract

        return extract
    raise AttributeError(f"module 'policylens.extraction' has no attribute {name!r}")

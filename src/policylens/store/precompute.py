"""What storing a document computes from its extraction alone, computed before the writer needs it.

The one writer is the stage every document of an ingest waits for; the
deduplication fingerprint (MinHash) and the indexed form of the search rows
are pure functions of the extraction, so ingest workers compute them beside
the extraction (``parallel.prepare_to_store``) and the writer only inserts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Extraction
from . import dedup, search


@dataclass(frozen=True, slots=True)
class Precomputed:
    fingerprint: dedup.Fingerprint
    search_texts: list[str]  # search.item_texts of the extraction


def precompute(extraction: Extraction) -> Precomputed:
    return Precomputed(dedup.fingerprint(extraction.document.text), search.item_texts(extraction))

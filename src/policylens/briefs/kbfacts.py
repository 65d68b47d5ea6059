"""The stored extractions a brief quotes, and the figures of them that the store's ids denote.

The store answers "which targets, with what status" and "which conflicts"
by ids; a brief must also *quote and cite* each answer, so it needs the
stored extraction a fact belongs to and the fact's place in that document's
text.  These helpers take the store's ids (a quantity id from a TargetView
or ConflictView, a document id) back to the Quantity objects of a loaded
Extraction, reading only through ``KnowledgeBase`` methods.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from threading import Lock

from policylens.model import Extraction, Quantity
from policylens.store import KnowledgeBase

# A stored document never changes (its id names one text, whose hash is kept), so its extraction
# can be reused by every brief a process writes: a batch or a web server loads each one once.
_CACHE: OrderedDict[tuple[str, int, str], Extraction] = OrderedDict()
CACHE_SIZE = 1024
_CACHE_LOCK = Lock()  # a web server writes briefs from several threads


def stored_extraction(kb: KnowledgeBase, document_id: int, content_hash: str | None) -> Extraction | None:
    """The stored extraction of a document, from the process-wide cache when this text was loaded before."""
    key = (str(kb.engine.url), document_id, content_hash or "")
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    found = kb.load_extraction(document_id)
    if found is not None:
        with _CACHE_LOCK:
            _CACHE[key] = found
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    return found


def clear_cache() -> None:
    """Forget the extractions kept for reuse (benchmarks time a first brief with it)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def quantities(
    kb: KnowledgeBase, extractions: dict[int, Extraction], ids: Iterable[int]
) -> dict[int, tuple[Extraction, Quantity]]:
    """The Quantity objects of loaded extractions that the store's quantity ``ids`` denote.

    Matched by document and character span, which name one figure of one
    text whatever order the rows were read back in; an id whose document is
    not loaded is left out.
    """
    spans: dict[int, dict[tuple[int, int], Quantity]] = {}
    out = {}
    for qid, doc_id, start, end in kb.quantity_spans(ids):
        x = extractions.get(doc_id)
        if x is None:
            continue
        if doc_id not in spans:
            spans[doc_id] = {(q.start, q.end): q for q in reversed(x.quantities)}
        q = spans[doc_id].get((start, end))
        if q is not None:
            out[qid] = (x, q)
    return out

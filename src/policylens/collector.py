"""Pausing Python's cyclic garbage collector while work builds many objects that all stay alive.

The collector runs each time allocations outrun deallocations by a threshold,
and its oldest generation's collections walk every tracked object still
alive.  Loading the gazetteer, or a resolution pass over a large knowledge
base, makes hundreds of thousands of objects (rows, records, tuples, dicts)
that live until the work ends: the collector walks them again and again and
frees nothing.  At 10,000 documents that was about a quarter of a batch's
pass.  Reference cycles made during a pause are collected by the first
collection after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block (or, as a decorator, the function) with the collector off; leave it as it was found."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()

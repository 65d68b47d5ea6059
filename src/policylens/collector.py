"""Pausing Python's cyclic garbage collector while work builds many objects that all stay alive.

The collector runs each time allocations outrun deallocations by a threshold,
and its oldest generation's collections walk every tracked object still
alive.  Loading the gazetteer, or a resolution pass over a large knowledge
base, makes hundreds of thousands of objects (rows, records, tuples, dicts)
that live until the work ends: the collector walks them again and again and
frees nothing.  At 10,000 documents that was about a quarter of a batch's
pass.  Reference cycles made during a pause are collected by the first
collection after it.

Imports are the same case for good: SQLAlchemy and the store's mapped tables
are some 55,000 tracked objects that live as long as the process.  A pause alone
only defers the walks (the first collections after it go through all of
them), so ``lasting`` also moves them out of every later collection.
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


@contextmanager
def lasting() -> Iterator[None]:
    """Run the block (an import) with the collector off, then exempt everything alive from later collections.

    ``gc.freeze`` puts every object tracked at the end of the block in the permanent generation, which no
    collection walks: a command that imports the store spent about 50 ms of its 0.6 s in the collector,
    walking modules, classes and mapped tables that could never be freed.  A cycle already garbage at the
    freeze is never freed either, so this is for the imports of a short process such as a CLI command.
    """
    with paused():
        yield
        gc.freeze()

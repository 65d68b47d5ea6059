"""The pipeline's service layer: the ingest and extract entry points every door (CLI, web, monitor, scripts) calls.

One ingest call reads each source, extracts its facts and stores both in the
knowledge base, a group of documents per transaction; a failure on one input
is reported and skipped while the rest of the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from policylens import parallel, vocab
from policylens.config import Settings
from policylens.errors import InputError, PolicylensError
from policylens.extraction import extract
from policylens.ingestion import RawInput, expand_sources, read_path
from policylens.model import Document, Extraction
from policylens.parallel import Ready, extract_within_budget, failure
from policylens.store import KnowledgeBase
from policylens.store.kb import SaveResult

if TYPE_CHECKING:
    from policylens.store.precompute import Precomputed

T = TypeVar("T")
# A write transaction holds up to GROUP documents, or what arrived in GROUP_SECONDS: a commit per
# document cost the one writer more than its inserts; a group of 50 is ~0.1 s of writing.
GROUP = 50
GROUP_SECONDS = 0.5


@dataclass(slots=True)
class Outcome:
    """What happened to one input of a batch."""

    source: str
    status: str  # "stored", "duplicate" or "failed"
    document: Document | None = None
    document_id: int | None = None
    duplicate_of: int | None = None
    near_duplicate_of: int | None = None
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "source": self.source,
            "status": self.status,
            "document_id": self.document_id,
            "duplicate_of": self.duplicate_of,
            "near_duplicate_of": self.near_duplicate_of,
            "error": self.error,
            "title": doc.title if doc else None,
            "published": doc.published if doc else None,
            "source_type": doc.source_type if doc else None,
            "language": doc.language if doc else None,
            **self.counts,
        }


@dataclass(slots=True)
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files found in folders and left out (see folder_skips)
    # Set when the batch's resolution pass failed (a full disk, an I/O error): the outcomes still say which
    # documents were stored, and the caller reports failure.
    error: str | None = None

    @property
    def documents(self) -> list[Document]:
        return [o.document for o in self.outcomes if o.document is not None and o.status != "failed"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def ingest(
    sources: Sequence[str | RawInput] | str,
    *,
    db: str | KnowledgeBase | None = None,
    settings: Settings | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    exclude: Sequence[str] = (),
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Read, extract and store every source; return what happened to each.

    ``sources`` are paths, URLs, feeds or "-" as the CLI takes them, or RawInput
    bytes already in hand (an upload).  ``db`` is a database URL or an open
    KnowledgeBase (default: the settings' URL).  ``on_outcome`` is called after
    each input, for progress display.  Files found in a folder or by a glob
    whose names match ``data/folder_files.yaml`` (README, LICENSE, …) or one of
    the ``exclude`` patterns are left out and listed in ``report.skipped``.

    ``workers`` > 1 reads and extracts in that many worker processes, and
    ``scheduler`` (a Dask address, ``tcp://HOST:8786``) on a Dask cluster; this
    process is the one writer either way (see ``policylens.parallel``).  Outcomes
    come in input order, except from Dask, where they come as tasks complete.
    """
    settings = settings or Settings.from_env()
    if isinstance(sources, (str, Path)):
        sources = [str(sources)]
    report = IngestReport()
    named = {name for s in sources if isinstance(s, str) for name in (s, str(Path(s)))}
    skip = (*folder_skips(), *(p.casefold() for p in exclude))

    def kept(items: Iterable[RawInput | InputError]) -> Iterator[RawInput | InputError]:
        for item in items:
            source = item.source
            if (
                source not in named
                and "://" not in source
                and any(fnmatchcase(Path(source).name.casefold(), p) for p in skip)
            ):
                report.skipped.append(source)
            else:
                yield item

    with knowledge_base(db, settings) as kb:
        inputs = kept(expand_sources(list(sources), settings))
        ready = parallel.prepared(
            inputs, settings, workers=workers, scheduler=scheduler, step=parallel.prepare_to_store
        )
        for group in write_groups(ready):
            for outcome in store_documents(kb, group, settings):
                report.outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
        if report.count("stored"):
            # Entities, relations, progress and conflicts span documents: rebuilt once per batch.
            try:
                kb.resolve([o.document_id for o in report.outcomes if o.status == "stored" and o.document_id])
            except PolicylensError as exc:
                report.error = str(exc)
            except Exception as exc:  # noqa: BLE001 - a driver's own error (disk full) from the bulk writes
                report.error = f"cannot resolve knowledge base: {failure(exc, '')}"
    return report


@cache
def folder_skips() -> tuple[str, ...]:
    """The name patterns of files that describe a folder rather than report news (lower case)."""
    return tuple(p.casefold() for p in vocab.load("policylens", "folder_files.yaml")["skip"])


def extract_path(path: str | Path) -> Extraction:
    """Read one file and extract its facts, without touching a knowledge base."""
    return extract(read_path(path))


def extract_sources(sources: Iterable[str], settings: Settings | None = None):
    """Read and extract every source; yields an Extraction or an InputError for each input."""
    settings = settings or Settings.from_env()
    yield from parallel.prepared(expand_sources(list(sources), settings), settings)


def store_documents(
    kb: KnowledgeBase, items: Sequence[Document | Extraction | Ready | InputError], settings: Settings | None = None
) -> list[Outcome]:
    """Extract (unless a worker did) and store a group of read documents, or report the errors they came as.

    The batch step of ingest and poll: the group is written in one transaction
    (``KnowledgeBase.save_many``).  Whatever goes wrong with one input becomes its
    failed outcome, so the batch or poll goes on.  Outcomes in input order.
    """
    outcomes: list[Outcome | None] = []
    pending: list[tuple[int, Extraction, Precomputed | None]] = []
    for item in items:
        if isinstance(item, InputError):
            outcomes.append(Outcome(item.source, "failed", error=item.reason))
            continue
        if isinstance(item, Ready):
            extraction, pre = item.extraction, item.precomputed
        elif isinstance(item, Extraction):
            extraction, pre = item, None
        else:
            try:
                extraction, pre = extract_within_budget(item, settings or Settings.from_env()), None
            except Exception as exc:  # noqa: BLE001 - the batch goes on
                outcomes.append(Outcome(item.source, "failed", document=item, error=failure(exc, item.source)))
                continue
        pending.append((len(outcomes), extraction, pre))
        outcomes.append(None)
    saved = kb.save_many([(extraction, pre) for _, extraction, pre in pending]) if pending else []
    for (i, extraction, _), result in zip(pending, saved, strict=True):
        outcomes[i] = _outcome(extraction, result)
    return [o for o in outcomes if o is not None]


def _outcome(extraction: Extraction, saved: SaveResult | Exception) -> Outcome:
    document = extraction.document
    if isinstance(saved, Exception):
        return Outcome(document.source, "failed", document=document, error=failure(saved, document.source))
    return Outcome(
        document.source,
        saved.status,
        document=document,
        document_id=saved.document_id,
        duplicate_of=saved.duplicate_of,
        near_duplicate_of=saved.near_duplicate_of,
        counts={
            "quantities": len(extraction.quantities),
            "events": len(extraction.events),
            "entities": len(extraction.entities),
        },
    )


def write_groups(results: Iterable[T]) -> Iterator[list[T]]:
    """``results`` in groups of up to GROUP, or fewer when GROUP_SECONDS passed since a group's first arrived.

    The time bound keeps outcomes (progress) flowing when inputs come slowly;
    it is checked as each result arrives.
    """
    group: list[T] = []
    started = 0.0
    for result in results:
        if not group:
            started = time.monotonic()
        group.append(result)
        if len(group) >= GROUP or time.monotonic() - started >= GROUP_SECONDS:
            yield group
            group = []
    if group:
        yield group


@contextmanager
def knowledge_base(db: str | KnowledgeBase | None, settings: Settings) -> Iterator[KnowledgeBase]:
    """``KnowledgeBase.using`` with the settings' URL when the caller named none."""
    with KnowledgeBase.using(db or settings.db_url) as kb:
        yield kb

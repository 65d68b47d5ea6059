"""The pipeline's service layer: the ingest and extract entry points every door (CLI, web, monitor, scripts) calls.

One ingest call reads each source, extracts its facts and stores both in the
knowledge base in a single transaction, so a failure on one input is
reported and skipped while the rest of the batch goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from policylens import parallel, vocab
from policylens.config import Settings
from policylens.errors import InputError, PolicylensError
from policylens.extraction import extract
from policylens.ingestion import RawInput, expand_sources, read_path
from policylens.model import Document, Extraction
from policylens.parallel import extract_within_budget, failure
from policylens.store import KnowledgeBase


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
            if (source not in named and "://" not in source
                    and any(fnmatchcase(Path(source).name.casefold(), p) for p in skip)):
                report.skipped.append(source)
            else:
                yield item

    with knowledge_base(db, settings) as kb:
        inputs = kept(expand_sources(list(sources), settings))
        for item in parallel.prepared(inputs, settings, workers=workers, scheduler=scheduler):
            outcome = store_document(kb, item, settings)
            report.outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        if report.count("stored"):
            # Entities, relations, progress and conflicts span documents: rebuilt once per batch.
            try:
                kb.resolve()
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


def store_document(kb: KnowledgeBase, item: Document | Extraction | InputError,
                   settings: Settings | None = None) -> Outcome:
    """Extract (unless a worker did) and store one read document, or report the error it came as.

    The batch step of ingest and poll.  Whatever goes wrong with this one input becomes its failed
    outcome, so the batch or poll goes on.
    """
    if isinstance(item, InputError):
        return Outcome(item.source, "failed", error=item.reason)
    document = item.document if isinstance(item, Extraction) else item
    try:
        extraction = item if isinstance(item, Extraction) else extract_within_budget(
            item, settings or Settings.from_env())
        saved = kb.save(extraction)
    except Exception as exc:  # noqa: BLE001 - the batch goes on
        return Outcome(document.source, "failed", document=document, error=failure(exc, document.source))
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


@contextmanager
def knowledge_base(db: str | KnowledgeBase | None, settings: Settings) -> Iterator[KnowledgeBase]:
    """``KnowledgeBase.using`` with the settings' URL when the caller named none."""
    with KnowledgeBase.using(db or settings.db_url) as kb:
        yield kb



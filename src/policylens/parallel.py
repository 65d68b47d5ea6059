"""Reading, cleaning and extraction spread over the cores of one machine or a Dask cluster; one writer.

Each input's work is one pure step, ``prepare``: the bytes that source
expansion produced become a Document (decoded, cleaned, described) and its
Extraction, or the input's one-line InputError.  It touches no database, so
it can run anywhere the package is installed and its result (picklable) is
sent back to the process that writes the knowledge base.  Source expansion
(listing folders, reading files, fetching URLs and feeds) stays in the
writing process, so a worker never needs the caller's disk.

For ingest the step is ``prepare_to_store``: ``prepare`` plus what storing
computes from the extraction alone (``store.precompute``: the deduplication
fingerprint, the indexed search text), so the writer -- the stage every
document waits for -- does not.

Three executors run the step:

* in process (``workers=1``, or a batch too small to be worth a pool);
* a pool of worker processes (``workers>1``), results in input order;
* a Dask distributed cluster (``scheduler="tcp://HOST:8786"``), results in
  completion order; a task whose worker dies is run again elsewhere.

Inputs travel in chunks so that the cost of sending them does not dominate,
and only a bounded number of chunks is in flight, so a backfill of millions
of files never holds more than a few hundred inputs in memory.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING

from policylens.budget import within
from policylens.config import Settings
from policylens.errors import ConfigError, InputError, PolicylensError
from policylens.extraction import extract
from policylens.ingestion import RawInput, read_document
from policylens.model import Document, Extraction

if TYPE_CHECKING:
    from policylens.store.precompute import Precomputed

Item = RawInput | InputError
Result = Extraction | InputError


@dataclass(slots=True)
class Ready:
    """An input ready to store: its extraction and what the store computes from it."""

    extraction: Extraction
    precomputed: Precomputed


Step = Callable[[Item, Settings], object]

CHUNK = 8  # inputs per task: ~40 ms of extraction, far above the cost of one round trip
IN_FLIGHT = 4  # chunks queued per worker, so no worker waits while the writer stores
# Extracted once by each pool worker as it starts (see _start_worker): our own sentences, one per language.
WARM_UP = (
    ("en", "Riverton will build 12 smart factories by 2027, the city said on 3 March 2025."),
    ("zh", "河东市将于2027年前建成12家智能工厂。"),
)
SCHEDULER_TIMEOUT = "30s"  # to connect to the Dask scheduler
DASK_RETRIES = 3  # a task that raised is tried this many more times (a dead worker's tasks are rerun anyway)


def prepare(item: Item, settings: Settings) -> Result:
    """Read and extract one input within its budgets; whatever goes wrong becomes the InputError that names it."""
    if isinstance(item, InputError):
        return item
    try:
        return extract_within_budget(read_document(item, settings), settings)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one input's failure, whatever it is, is that input's line
        return InputError(item.source, failure(exc, item.source))


def prepare_to_store(item: Item, settings: Settings) -> Ready | InputError:
    """``prepare``, and ``store.precompute`` of its extraction."""
    result = prepare(item, settings)
    if isinstance(result, InputError):
        return result
    # Loaded on first use: NumPy and datasketch are not needed by commands that only extract.
    from policylens.store.precompute import precompute

    doc = result.document
    try:
        return Ready(result, precompute(result))
    except Exception as exc:  # noqa: BLE001 - one input's failure, whatever it is, is that input's line
        return InputError(doc.source, failure(exc, doc.source))


def prepare_chunk(items: list[Item], settings: Settings, step: Step = prepare) -> list:
    """The unit of work sent to a worker."""
    return [step(item, settings) for item in items]


def extract_within_budget(document: Document, settings: Settings) -> Extraction:
    """Extract, stopped with BudgetExceeded after ``settings.extract_seconds``."""
    return within(settings.extract_seconds, lambda: extract(document), "extraction (POLICYLENS_EXTRACT_SECONDS)")


def failure(exc: Exception, source: str) -> str:
    """Why an input failed, in one line, without naming the input (its outcome does that once)."""
    if isinstance(exc, InputError):
        return exc.reason
    if isinstance(exc, PolicylensError):
        message = str(exc)
        return message.removeprefix(f"{source}: ")
    return " ".join(f"unexpected {type(exc).__name__}: {exc}".split())[:500]


def default_workers() -> int:
    """The cores this process may run on (fewer than the machine's when a container or taskset limits it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def prepared(
    items: Iterable[Item], settings: Settings, *, workers: int = 1, scheduler: str | None = None, step: Step = prepare
) -> Iterator:
    """``step`` (``prepare`` or ``prepare_to_store``) applied to every item, on the executor the arguments
    choose; one result per item."""
    if scheduler:
        yield from _on_dask(items, settings, scheduler, step)
        return
    items = iter(items)
    head = list(islice(items, 2 * CHUNK))
    if workers <= 1 or len(head) < 2 * CHUNK:
        # Starting worker processes costs about a second: not worth it for a handful of inputs.
        yield from (step(item, settings) for item in chain(head, items))
    else:
        yield from _on_pool(chain(head, items), settings, workers, step)


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    items = iter(items)
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def _on_pool(items: Iterable[Item], settings: Settings, workers: int, step: Step) -> Iterator:
    """Chunks on a process pool, at most IN_FLIGHT per worker queued, results in input order."""
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers start from a clean interpreter (no copy of the writer's open database
    # connections, safe with threads); spawn where the platform has no forkserver.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker
    ) as pool:
        pending: deque = deque()
        for chunk in _chunks(items):
            pending.append(pool.submit(prepare_chunk, chunk, settings, step))
            if len(pending) >= IN_FLIGHT * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _start_worker() -> None:
    """Load what reading and extraction load on first use, before any budget runs.

    The warm-up keeps a worker's first document within its reading and
    extraction budgets (``POLICYLENS_EXTRACT_SECONDS``) on a busy machine,
    where loading the HTML reader, vocabularies and gazetteers took longer
    than the budget.  Workers run at the writer's priority: they used to run
    at +10, so that the writer came first, but once storing cost the writer
    a fifth of a core that bought nothing, and on a machine shared with
    other busy programs the lowered workers got almost no CPU (``--workers 2``
    ran at 11.5 docs/s against 31.2 for one process; at equal priority 27–42
    against 34–45).
    """
    for language, text in WARM_UP:
        extract(Document(source="warm-up", text=text, language=language))
    page = f"<html><head><title>Warm-up</title></head><body><article><p>{WARM_UP[0][1]}</p></article></body></html>"
    read_document(
        RawInput(source="warm-up.html", data=page.encode(), media_type="text/html", charset="utf-8"), Settings()
    )


def _on_dask(items: Iterable[Item], settings: Settings, scheduler: str, step: Step) -> Iterator:
    """Chunks on a Dask cluster, results as they complete; a bounded number of tasks is in flight."""
    try:  # the optional extra policylens[dask], loaded only here
        from distributed import Client, as_completed
    except ImportError:
        raise ConfigError("--scheduler needs Dask: pip install 'policylens[dask]' (here and on every worker)") from None
    from distributed.comm import get_address_host_port

    try:
        get_address_host_port(scheduler)  # checked first: a Client made for a bad address hangs when collected
        client = Client(scheduler, set_as_default=False, timeout=SCHEDULER_TIMEOUT)
    except (OSError, ValueError) as exc:  # refused, timed out (an OSError), or not an address
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    with client:
        slots = IN_FLIGHT * max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        chunks = _chunks(items)
        running = as_completed(loop=client.loop)
        for chunk in islice(chunks, slots):
            running.add(client.submit(prepare_chunk, chunk, settings, step, retries=DASK_RETRIES, pure=False))
        for future in running:
            results = future.result()
            future.release()
            for chunk in islice(chunks, 1):
                running.add(client.submit(prepare_chunk, chunk, settings, step, retries=DASK_RETRIES, pure=False))
            yield from results

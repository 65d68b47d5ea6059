"""Writer benchmark: CPU per document of storing alone, the way ingest's one writer does it.

    python benchmarks/bench_writer.py [--docs 300] [--rounds 2]

N generated documents (bench_ingest's generator) are read and extracted
first, untimed, as the workers of ``ingest --workers`` would; then stored
into fresh SQLite knowledge bases, alternately

* ``one-by-one``: ``KnowledgeBase.save`` per document, which computes the
  MinHash fingerprint and the search index text itself and commits each
  document (the writer before issue 15), and
* ``groups``: ``service.store_documents`` over ``service.write_groups``, with what
  the workers precomputed (the writer now).

CPU time (``time.process_time``) is reported beside wall time: on a busy
machine it is the figure that means something.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import generate  # noqa: E402

from policylens import parallel, service  # noqa: E402
from policylens.config import Settings  # noqa: E402
from policylens.ingestion import RawInput  # noqa: E402
from policylens.store import KnowledgeBase  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="policylens-bench-writer-"))
    try:
        generate(work, args.docs, seed=11)
        settings = Settings()
        ready = [
            parallel.prepare_to_store(RawInput(source=str(p), data=p.read_bytes()), settings)
            for p in sorted(work.rglob("*.txt"))
        ]
        ready = [r for r in ready if isinstance(r, parallel.Ready)]
        results: dict[str, list[dict]] = {"one-by-one": [], "groups": []}
        for round_ in range(args.rounds):
            for mode in results:
                for r in ready:  # a save fills these in; each knowledge base starts from the same extractions
                    r.extraction.document.id, r.extraction.document.content_hash = None, ""
                with KnowledgeBase.open(f"sqlite:///{work}/{mode}-{round_}.db") as kb:
                    t0, c0 = time.perf_counter(), time.process_time()
                    if mode == "groups":
                        for group in service.write_groups(ready):
                            service.store_documents(kb, group, settings)
                    else:
                        for r in ready:
                            kb.save(r.extraction)
                    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
                results[mode].append(
                    {
                        "cpu_ms_per_document": round(1000 * cpu / len(ready), 2),
                        "wall_ms_per_document": round(1000 * wall / len(ready), 2),
                    }
                )
        print(json.dumps({"documents": len(ready), **results}, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

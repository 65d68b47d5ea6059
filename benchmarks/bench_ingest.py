"""Ingest benchmark: N generated documents read, extracted and stored into a fresh SQLite knowledge base.

    python benchmarks/bench_ingest.py [--docs 10000] [--workers N] [--db URL] [--seed 7] [--keep]

The documents are generated from the sample corpus that ships with policylens
by perturbation: each one mixes paragraphs from several samples, swaps place
names, scales every number and gets its own headline and date, so that they
are distinct documents (not duplicates) of realistic size and density.

Reports documents per second (wall clock), with and without the one
resolution pass that ends the batch (``store_seconds`` runs until the last
document is stored; ``resolve_seconds`` is the rest), the CPU seconds and the
peak resident memory of this process, before resolution and in all (its VmHWM; `/usr/bin/time -v` run from a
shell gives the same peak as "Maximum resident set size").  With `--workers N` (N > 1) reading and
extraction run in N worker processes, each about 85 MB more, which these
figures leave out.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from policylens import service
from policylens.config import Settings
from policylens.demo import corpus_dir

PLACES = [
    "Qingdao",
    "Jinan",
    "Yantai",
    "Weifang",
    "Zibo",
    "Linyi",
    "Suzhou",
    "Wuxi",
    "Hefei",
    "Wuhan",
    "Changsha",
    "Chengdu",
    "Xi'an",
    "Foshan",
    "Dongguan",
    "Ningbo",
    "Jiaxing",
    "Nantong",
    "Xuzhou",
    "Tangshan",
]
MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def sample_paragraphs() -> list[str]:
    """Body paragraphs of the English plain-text samples (long enough to be prose)."""
    paras = []
    for path in sorted(corpus_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"[\u4e00-\u9fff]", text):
            continue
        paras += [p.strip() for p in text.split("\n") if len(p.strip()) > 120]
    return paras


def perturb(paragraph: str, rng: random.Random) -> str:
    def scale(m: re.Match) -> str:
        s = m.group()
        if len(s) == 4 and s.startswith("20"):  # a year: keep it a plausible year
            return str(rng.randint(2019, 2030))
        value = float(s) * rng.uniform(0.5, 1.9)
        return f"{value:.1f}" if "." in s else str(max(1, round(value)))

    out = NUMBER.sub(scale, paragraph)
    for place in PLACES:
        if place in out:
            out = out.replace(place, rng.choice(PLACES))
    return out


def make_document(i: int, paras: list[str], rng: random.Random) -> str:
    place = rng.choice(PLACES)
    body = [perturb(p, rng) for p in rng.sample(paras, k=min(len(paras), rng.randint(3, 7)))]
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2019, 2026)}"
    title = (
        f"{place} {rng.choice(['advances', 'releases', 'approves', 'expands', 'reports on'])} "
        f"{rng.choice(['manufacturing', 'industrial park', 'cluster', 'export', 'green factory'])} "
        f"{rng.choice(['plan', 'programme', 'projects', 'targets', 'progress'])} no. {i}"
    )
    return f"{title}\n\n{date}\n\n" + "\n\n".join(body) + "\n"


def peak_rss_mib() -> float:
    """This program's peak resident memory: the kernel's high-water mark of its own address space (VmHWM).

    Not ``ru_maxrss``: Linux carries that over ``exec`` from the process that
    started this one, so under a parent that had grown (bench_scale after
    querying a 50,000-document base: 1,071 MiB) it reported the parent's peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    paras = sample_paragraphs()
    if not paras:
        sys.exit(f"no sample paragraphs found in {corpus_dir()}")
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:05d}.txt").write_text(make_document(i, paras, rng), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1, help="processes that read and extract (default 1)")
    ap.add_argument("--db", default=None, help="knowledge base URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument(
        "--seed", type=int, default=7, help="of the generator: batches with different seeds are different documents"
    )
    ap.add_argument("--keep", action="store_true", help="keep the generated documents and database")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "ingest.json")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="policylens-bench-"))
    try:
        docs = work / "docs"
        docs.mkdir()
        t0 = time.perf_counter()
        generate(docs, args.docs, seed=args.seed)
        gen_s = time.perf_counter() - t0
        db = args.db or f"sqlite:///{work / 'bench.db'}"
        stored_at = [0.0, 0.0, 0.0]  # when the last outcome came, the peak RSS (MiB) and this process's CPU then

        def on_outcome(_outcome: service.Outcome) -> None:
            own = resource.getrusage(resource.RUSAGE_SELF)
            stored_at[:] = time.perf_counter(), peak_rss_mib(), own.ru_utime + own.ru_stime

        t0 = time.perf_counter()
        report = service.ingest(
            [str(docs)], db=db, settings=Settings(db_url=db), workers=args.workers, on_outcome=on_outcome
        )
        elapsed = time.perf_counter() - t0
        store_s = stored_at[0] - t0
        own = resource.getrusage(resource.RUSAGE_SELF)
        peak_mib = peak_rss_mib()
        result = {
            "documents": args.docs,
            "workers": args.workers,
            "stored": report.count("stored"),
            "duplicates": report.count("duplicate"),
            "near_duplicates": sum(1 for o in report.outcomes if o.near_duplicate_of),
            "failed": len(report.failed),
            "seconds": round(elapsed, 2),
            "documents_per_second": round(args.docs / elapsed, 1),
            "store_seconds": round(store_s, 2),
            "store_documents_per_second": round(args.docs / store_s, 1),
            "resolve_seconds": round(elapsed - store_s, 2),
            # The resolution pass runs in this process: its CPU, steadier than its wall time under load.
            "resolve_cpu_seconds": round(own.ru_utime + own.ru_stime - stored_at[2], 2),
            "peak_rss_mib": round(peak_mib, 1),
            "peak_rss_before_resolve_mib": round(stored_at[1], 1),
            # CPU seconds of this process: with --workers N > 1 the writer's (expansion, storing, resolution),
            # whose rate documents / these seconds is the ceiling of the run on idle cores; with 1, all of it.
            "cpu_seconds_this_process": round(own.ru_utime + own.ru_stime, 2),
            "generation_seconds": round(gen_s, 2),
            "db": "postgresql" if db.startswith("postgresql") else "sqlite",
        }
        print(json.dumps(result, indent=2))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

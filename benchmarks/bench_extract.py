"""How fast and how well policylens extracts, next to quantulum3 on the same texts.

    .venv/bin/python benchmarks/bench_extract.py [--docs 2000] [--repeat 3] [--quantulum-docs 100]
    .venv/bin/python benchmarks/bench_extract.py --corpus ../shared/corpus-zh

The design promises hundreds of documents a second on one core, so the
process pins itself to a single CPU and runs extraction in one process: the
figure is what one worker gives, not what the machine gives. The corpus is
small, so it is replicated to --docs documents to time a run long enough to
be steady; a warm-up pass over each distinct document first loads whatever
the extractors load lazily (gazetteers, compiled patterns), and the median
of --repeat runs is reported because other processes share the machine.
Each run also records its CPU time (time.process_time: the process is
single-threaded and pinned), and the table gives docs/s by CPU time beside
the wall-clock figure: on a busy machine wall time counts the time other
processes held the core, CPU time does not, so compare versions by CPU time,
in runs made close together (or alternated).

quantulum3 is the general-purpose parser one would use instead; it takes
about a tenth of a second per document, so it is timed on a sample of
--quantulum-docs documents (the table says how many). Its output goes
through benchmarks/quantulum_adapter.py and both are scored on the distinct
documents by the corpus's own score.py, so the quantity F1 figures are
comparable. quantulum3 reads English only and is skipped on corpus-zh.

Peak memory: `/usr/bin/time -v .venv/bin/python benchmarks/bench_extract.py`
prints it as "Maximum resident set size". The JSON also records this
process's peak RSS after the policylens runs, before quantulum3 is imported.

To compare two versions on a busy machine, `--against OLD_SRC` (the src folder
of an older checkout, e.g. `git archive COMMIT src | tar -x -C /tmp/old`)
alternates runs of that version and this one, --rounds times, and prints the
CPU-time figures of both.

Results go to benchmarks/results/extract.json (extract-<corpus>.json for
another corpus), git-ignored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from bench_ingest import make_document, sample_paragraphs

from policylens.extraction import extract
from policylens.ingestion import read_path
from policylens.model import Document

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "corpus" / "score.py"


def pin_one_core() -> int | None:
    """Run on one CPU so the speed is per core; None where the OS cannot pin."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def load(docs_dir: Path) -> list[tuple[Path, Document]]:
    """Every readable document; one that fails is named on stderr and left out."""
    loaded = []
    for path in sorted(p for p in docs_dir.iterdir() if p.is_file()):
        try:
            loaded.append((path, read_path(path)))
        except Exception as exc:  # a broken reader must not stop the measurement of the rest
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return loaded


def mostly_chinese(docs: list[tuple[Path, Document]]) -> bool:
    """quantulum3 reads English only; a corpus whose text is largely CJK is not its to read."""
    text = "".join(d.text for _, d in docs)
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 0.3 * len(text)


def generated_documents(n: int) -> list[Document]:
    """``n`` distinct English documents, as bench_ingest generates them (the sample corpus's paragraphs mixed,
    numbers scaled, places swapped): a replicated corpus repeats each page's names, whose patterns the
    extractor's caches then keep, and time is spent on every new page that the repeats do not show."""
    rng, paragraphs = random.Random(7), sample_paragraphs()
    return [Document(source=f"gen:{i}", text=make_document(i, paragraphs, rng)) for i in range(n)]


def replicate(items: list, n: int) -> list:
    return [items[i % len(items)] for i in range(max(n, len(items)))]


def time_runs(
    work: Callable[[object], object], warm: list, batch: list, repeat: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of `repeat` runs over the batch, after one warm-up pass."""
    for item in warm:
        work(item)
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for item in batch:
            work(item)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return wall, cpu


def speed(runs: tuple[list[float], list[float]], n: int) -> dict:
    wall, cpu = runs
    return {
        "docs": n,
        "runs_s": [round(r, 4) for r in wall],
        "median_s": round(statistics.median(wall), 4),
        "total_s": round(sum(wall), 4),
        "docs_per_s_median": round(n / statistics.median(wall), 1),
        "cpu_runs_s": [round(r, 4) for r in cpu],
        "cpu_median_s": round(statistics.median(cpu), 4),
        "docs_per_cpu_s_median": round(n / statistics.median(cpu), 1),
    }


def score(predictions: dict[str, dict], gold_dir: Path) -> dict | None:
    """score.py --json over one prediction file per distinct document; None when the corpus has no gold."""
    if not gold_dir.is_dir():
        return None
    with tempfile.TemporaryDirectory(prefix="policylens-bench-") as tmp:
        for stem, pred in predictions.items():
            (Path(tmp) / f"{stem}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(SCORER), tmp, str(gold_dir), "--json"], capture_output=True, text=True, check=True
        ).stdout
    result = json.loads(out)
    return {k: result[k] for k in ("quantities", "targets", "span_errors", "missing_documents")}


def bench_policylens(
    docs: list[tuple[Path, Document]], n: int, repeat: int, gold: Path, generated: bool = False
) -> dict:
    distinct = [d for _, d in docs]
    batch = generated_documents(n) if generated else replicate(distinct, n)
    out = speed(time_runs(extract, distinct + batch[:20], batch, repeat), max(n, len(distinct)))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["quality"] = score({p.stem: extract(d).to_dict() for p, d in docs}, gold)
    return out


def bench_quantulum(docs: list[tuple[Path, Document]], n: int, repeat: int, gold: Path) -> dict:
    try:
        with warnings.catch_warnings():  # it warns on import that its optional classifier is absent
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return {"skipped": "quantulum3 is not installed (pip install 'policylens[bench]')"}
    from quantulum_adapter import to_extraction

    texts = [d.text for _, d in docs]
    sample = replicate(texts, n)[: max(n, 1)]
    out = speed(time_runs(parser.parse, texts[:3], sample, repeat), len(sample))
    out["quality"] = score({p.stem: to_extraction(d.to_dict(), parser.parse(d.text)) for p, d in docs}, gold)
    return out


def git_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def f1_cell(result: dict) -> str:
    quality = result.get("quality")
    if not quality:
        return "n/a (no gold)"
    q = quality["quantities"]
    return f"{q['f1']:.3f} (P {q['precision']:.3f} R {q['recall']:.3f})"


def print_table(report: dict) -> None:
    print(
        f"corpus {report['corpus']}: {report['distinct_documents']} distinct documents, "
        f"cpu {report['cpu']}, {report['repeat']} timed run(s) after a warm-up"
    )
    print(f"{'':12}{'docs':>7}{'docs/s (median)':>17}{'docs/CPU-s':>12}{'s/run (median)':>16}  quantity F1")
    for name in ("policylens", "quantulum3"):
        r = report[name]
        if "skipped" in r:
            print(f"{name:12}  skipped: {r['skipped']}")
            continue
        print(
            f"{name:12}{r['docs']:>7}{r['docs_per_s_median']:>17.1f}{r['docs_per_cpu_s_median']:>12.1f}"
            f"{r['median_s']:>16.3f}  {f1_cell(r)}"
        )
        if r.get("quality") and r["quality"]["span_errors"]:
            print(f"{'':12}  {r['quality']['span_errors']} span error(s): text[start:end] differs from text")
    q = report["quantulum3"]
    if "docs" in q and q["docs"] < report["policylens"]["docs"]:
        print(f"(quantulum3 timed on a sample of {q['docs']} documents: it is slow; --quantulum-docs to change)")


def alternate(args: argparse.Namespace) -> int:
    """Run this benchmark on the other version and on this one in turn, --rounds times, each in its own
    process (PYTHONPATH puts the other src first), so both meet the same load on a shared machine."""
    versions = {"other": args.against.resolve(), "this": HERE.parent / "src"}
    figures: dict[str, list[float]] = {name: [] for name in versions}
    with tempfile.TemporaryDirectory(prefix="policylens-bench-") as tmp:
        for _ in range(args.rounds):
            for name, src in versions.items():
                out = Path(tmp) / f"{name}.json"
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--corpus",
                        str(args.corpus),
                        "--docs",
                        str(args.docs),
                        "--repeat",
                        str(args.repeat),
                        "--quantulum-docs",
                        "0",
                        *(["--generated"] if args.generated else []),
                        "--out",
                        str(out),
                    ],
                    env={**os.environ, "PYTHONPATH": str(src)},
                    check=True,
                    capture_output=True,
                )
                figures[name].append(json.loads(out.read_text(encoding="utf-8"))["policylens"]["docs_per_cpu_s_median"])
                print(f"{name:6} {src}: {figures[name][-1]:.1f} docs/CPU-s", flush=True)
    for name, values in figures.items():
        print(f"{name:6} median {statistics.median(values):.1f} docs/CPU-s (runs {', '.join(map(str, values))})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="folder with docs/ (and gold/)")
    ap.add_argument("--docs", type=int, default=2000, help="documents per timed run (corpus replicated)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the median is reported")
    ap.add_argument("--quantulum-docs", type=int, default=100, help="documents per quantulum3 timed run (0: skip it)")
    ap.add_argument("--out", type=Path, default=None, help="JSON report (default benchmarks/results/...)")
    ap.add_argument(
        "--against",
        type=Path,
        default=None,
        metavar="SRC",
        help="another version's src folder (e.g. a `git archive` of an older commit): time it and this "
        "one in alternate runs and print both CPU-time figures",
    )
    ap.add_argument("--rounds", type=int, default=3, help="alternations with --against (default 3)")
    ap.add_argument(
        "--generated",
        action="store_true",
        help="time --docs distinct generated English documents instead of the corpus replicated (give more "
        "than 512, re's cache, so that repeated runs cannot reuse every page's patterns)",
    )
    args = ap.parse_args(argv)
    if args.against is not None:
        return alternate(args)

    docs_dir = args.corpus / "docs"
    if not docs_dir.is_dir():
        print(
            f"no corpus at {args.corpus}: expected a docs/ folder there "
            f"(the shared corpus lives beside the repository, in {SHARED})",
            file=sys.stderr,
        )
        return 2
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}", file=sys.stderr)
        return 2
    docs = load(docs_dir)
    if not docs:
        print(f"no readable documents in {docs_dir}", file=sys.stderr)
        return 2
    gold = args.corpus / "gold"

    report = {
        "corpus": str(args.corpus),
        "distinct_documents": len(docs),
        "repeat": args.repeat,
        "cpu": pin_one_core(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "commit": git_commit(),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    report["policylens"] = bench_policylens(docs, args.docs, args.repeat, gold, args.generated)
    report["timed_documents"] = "generated, distinct" if args.generated else "the corpus replicated"
    if mostly_chinese(docs):
        report["quantulum3"] = {"skipped": "English-only parser; this corpus is Chinese"}
    elif args.quantulum_docs <= 0:
        report["quantulum3"] = {"skipped": "--quantulum-docs 0"}
    else:
        report["quantulum3"] = bench_quantulum(docs, min(args.quantulum_docs, args.docs), args.repeat, gold)
    print_table(report)

    default_corpus = args.corpus.resolve() == (SHARED / "corpus").resolve()
    name = "extract.json" if default_corpus else f"extract-{args.corpus.resolve().name}.json"
    out = args.out or HERE / "results" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

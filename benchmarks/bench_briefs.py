"""How briefs read: length, repeated figures and bullets without a metric, over both corpora.

    .venv/bin/python benchmarks/bench_briefs.py [--corpus ../shared/corpus ../shared/corpus-zh] [--long]

Every document of the corpora is ingested into one temporary SQLite
knowledge base, then briefed from it (English, as of --as-of), as
`policylens brief ID` would.  For each brief, from its Markdown:

- words: the words of the brief body (every section, without the numbered
  list of cited sentences, which a reader consults rather than reads);
  words_with_sources counts that list too.  The default brief should stay
  at 900 words or fewer; the hand-written analyst brief in the corpus is
  about 1,100 words of prose.
- max_figure_repeats: how many times the figure said most often occurs in
  the body — a figure being a number with its scale or percent sign
  ("13.4 billion", "67%", "300"), not a date or a year, which wording
  repeats ("as of 2026-12-04").  Each fact should be stated once.
- bullets_without_metric: target and figure bullets whose quantity has no
  metric (a number nobody can read: "Target: 6 months").

Prints a table per corpus and the totals, and writes
benchmarks/results/briefs.json (git-ignored).  Not a speed benchmark
(bench_brief.py is); it runs once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from policylens.briefs import brief, render
from policylens.service import ingest
from policylens.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent
DEFAULT_CORPORA = [ROOT.parent.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus-zh"]
LIMIT = 900

_SOURCES = re.compile(r"\n## Sources\n.*", re.DOTALL)
_CITATION = re.compile(r" ?\[\d+\]")
_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_FIGURE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)(\s*(?:%|percent|trillion|billion|million|thousand)|[亿万])?")
_WORD = re.compile(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+")


_MARKERS = re.compile(r"(?m)^(?:#+|-|\d+\.)\s+")
_EMPHASIS = re.compile(r"\*+|\\")


def words(text: str) -> int:
    """Words as a reader counts them: runs of non-space, and each Chinese character (Markdown markers aside)."""
    return len(_WORD.findall(_EMPHASIS.sub("", _MARKERS.sub(" ", text))))


def figures(body: str) -> Counter[str]:
    """Figures stated in the body: a number with its scale, minus dates and bare years."""
    body = _DATE.sub(" ", _CITATION.sub("", body.replace("\\", "")))
    found: Counter[str] = Counter()
    for m in _FIGURE.finditer(body):
        number, scale = m.group(1), (m.group(2) or "").strip()
        if not scale and re.fullmatch(r"(19|20)\d\d", number):
            continue
        found[f"{number} {scale}".strip()] += 1
    return found


def measure(b) -> dict:
    md = render(b, "md")
    body = _SOURCES.sub("", md)
    counted = figures(body.split("\n## ", 1)[-1])  # the sections: not the headline and byline above them
    top = counted.most_common(1)[0] if counted else ("", 0)
    bullets = [p for p in b.section("confirmed").points if p.kind in ("target", "statistic")]
    return {
        "words": words(_CITATION.sub("", body)),
        "words_with_sources": words(_CITATION.sub("", md)),
        "max_figure_repeats": top[1],
        "most_repeated": top[0],
        "bullets_without_metric": sum(1 for p in bullets if not p.data.get("metric")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--as-of", default="2026-11-23")
    parser.add_argument("--long", action="store_true", help="measure the full (--long) briefs instead")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "briefs.json")
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    files = {c.name: sorted(p for p in (c / "docs").iterdir() if p.is_file()) for c in args.corpus}
    results: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/briefs.db"
        report = ingest([str(p) for paths in files.values() for p in paths], db=url)
        ids = {o.source: o.document_id for o in report.outcomes if o.document_id is not None}
        with KnowledgeBase.open(url) as kb:
            for corpus, paths in files.items():
                rows = results.setdefault(corpus, [])
                for path in paths:
                    if str(path) not in ids:
                        continue
                    options = {"long": True} if args.long else {}  # a release without --long measures too
                    row = measure(brief(ids[str(path)], db=kb, as_of=as_of, **options))
                    rows.append({"document": path.name, **row})
    summary = {}
    print(
        f"{'corpus':<12} {'briefs':>6} {'words median':>12} {'max':>5} {'>' + str(LIMIT):>5} "
        f"{'max repeats':>11} {'no-metric bullets':>17}"
    )
    everything = [r for per_corpus in results.values() for r in per_corpus]
    for corpus, rows in [*results.items(), ("all", everything)]:
        if not rows:
            continue
        counts = [r["words"] for r in rows]
        summary[corpus] = {
            "briefs": len(rows),
            "words_median": statistics.median(counts),
            "words_max": max(counts),
            "over_limit": sum(c > LIMIT for c in counts),
            "max_figure_repeats": max(r["max_figure_repeats"] for r in rows),
            "bullets_without_metric": sum(r["bullets_without_metric"] for r in rows),
        }
        s = summary[corpus]
        print(
            f"{corpus:<12} {s['briefs']:>6} {s['words_median']:>12} {s['words_max']:>5} {s['over_limit']:>5} "
            f"{s['max_figure_repeats']:>11} {s['bullets_without_metric']:>17}"
        )
    worst = max(everything, key=lambda r: r["max_figure_repeats"], default=None)
    if worst:
        print(f"most repeated figure: {worst['most_repeated']!r} x{worst['max_figure_repeats']} in {worst['document']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {"as_of": args.as_of, "long": args.long, "summary": summary, "briefs": results},
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

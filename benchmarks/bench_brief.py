"""How many briefs a second policylens writes, on one core, over the corpus.

    .venv/bin/python benchmarks/bench_brief.py [--docs 500] [--repeat 5] [--corpus ../shared/corpus]

The issue's goal is at least 20 briefs a second on one core.  Three figures,
each the median of --repeat timed runs after a warm-up, with the corpus
replicated to --docs briefs per run (the helpers are bench_extract's, so
both benchmarks pin and time the same way):

- document → brief: extract the document's facts, compose the brief and
  render it as Markdown (what `policylens brief FILE` does without a
  knowledge base, minus reading the file);
- facts → brief: compose and render from an extraction in hand;
- knowledge base → brief: `briefs.brief(id, db=kb)` against a SQLite
  knowledge base holding every corpus document — loading the extraction,
  finding related documents, tracking targets across them and composing.
  Timed warm (related extractions already loaded by an earlier brief in the
  process, as in a batch or a server) and cold (cache cleared before each
  brief, as for one `policylens brief` command).  Related documents,
  target status and conflicts come from the knowledge base's own indexed
  queries (resolved entities, region closure, progress links), so it grows
  with the number of relatives, not of stored documents; the JSON records
  the knowledge base's size.
- knowledge base → digest: `briefs.digest(since, until, db=kb)` over a
  window holding every corpus document (new documents with their facts,
  targets due or changed, conflicts, what next), rendered as Markdown.

Results go to benchmarks/results/brief.json (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from bench_extract import SHARED, git_commit, load, pin_one_core, replicate, speed, time_runs

from policylens.briefs import brief, compose, digest, render
from policylens.briefs.context import clear_cache
from policylens.extraction import extract
from policylens.service import ingest
from policylens.store import KnowledgeBase

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 11, 23)  # fixed, so runs on different days time the same statuses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="folder with docs/")
    ap.add_argument("--docs", type=int, default=500, help="briefs per timed run (corpus replicated)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs; the median is reported")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "brief.json", help="JSON report")
    args = ap.parse_args(argv)

    docs_dir = args.corpus / "docs"
    if not docs_dir.is_dir():
        print(f"no corpus at {args.corpus}: expected a docs/ folder there", file=sys.stderr)
        return 2
    loaded = load(docs_dir)
    if not loaded:
        print(f"no readable documents in {docs_dir}", file=sys.stderr)
        return 2
    cpu = pin_one_core()
    documents = [d for _, d in loaded]
    extractions = [extract(d) for d in documents]

    def from_document(document):
        return render(compose(extract(document), as_of=AS_OF), "md")

    def from_facts(extraction):
        return render(compose(extraction, as_of=AS_OF), "md")

    report = {
        "corpus": str(args.corpus),
        "distinct_documents": len(documents),
        "repeat": args.repeat,
        "cpu": cpu,
        "commit": git_commit(),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "document_to_brief": speed(
            time_runs(from_document, documents, replicate(documents, args.docs), args.repeat),
            max(args.docs, len(documents)),
        ),
        "facts_to_brief": speed(
            time_runs(from_facts, extractions, replicate(extractions, args.docs), args.repeat),
            max(args.docs, len(extractions)),
        ),
    }
    with tempfile.TemporaryDirectory(prefix="policylens-bench-brief-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'kb.db'}"
        stored = ingest([str(p) for p, _ in loaded], db=url)
        ids = sorted({o.document_id for o in stored.outcomes if o.document_id is not None})
        with KnowledgeBase.open(url) as kb:
            n = max(args.docs // 5, len(ids))  # slower: a fifth as many per run

            def cold(i):
                clear_cache()
                return render(brief(i, db=kb, as_of=AS_OF), "md")

            warm = speed(
                time_runs(lambda i: render(brief(i, db=kb, as_of=AS_OF), "md"), ids, replicate(ids, n), args.repeat), n
            )
            report["kb_to_brief"] = {**warm, "kb_documents": kb.count_documents()}
            report["kb_to_brief_cold"] = {
                **speed(time_runs(cold, ids, replicate(ids, n), args.repeat), n),
                "kb_documents": kb.count_documents(),
            }
            windows = [(dt.date(1990, 1, 1), AS_OF)] * max(args.docs // 50, 1)
            report["kb_to_digest"] = {
                **speed(
                    time_runs(
                        lambda w: render(digest(*w, db=kb, as_of=AS_OF), "md"), windows[:1], windows, args.repeat
                    ),
                    len(windows),
                ),
                "kb_documents": kb.count_documents(),
            }

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"corpus {args.corpus}: {len(documents)} documents, cpu {cpu}, median of {args.repeat} runs")
    for key, label in (
        ("document_to_brief", "document -> brief (extract+compose+md)"),
        ("facts_to_brief", "facts -> brief (compose+md)"),
        ("kb_to_brief", f"knowledge base ({report['kb_to_brief']['kb_documents']} docs) -> brief, warm"),
        ("kb_to_brief_cold", "knowledge base -> brief, cold"),
        ("kb_to_digest", "knowledge base -> digest of every document"),
    ):
        r = report[key]
        unit = "digests/s" if key == "kb_to_digest" else "briefs/s"
        print(f"  {label:48} {r['docs_per_s_median']:>8.1f} {unit}  ({r['docs']} per run)")
    print(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

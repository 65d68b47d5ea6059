"""Score extraction on the seen and unseen parts of a corpus, side by side.

    python benchmarks/score_split.py [--corpus ../shared/corpus] [--frac 0.33] [--seed 1] [--json]

The corpus is split by site with the corpus's own ``split.py`` (the same seed
gives the same split), each part is extracted and scored with ``score.py``,
and the two tables are printed as one: a rule is written beside the seen part
only, and a change goes in when the unseen column does not fall.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from score_corpus import SHARED, write_predictions

ITEMS = ("quantities", "targets", "events", "places", "organisations", "clusters_parks", "programmes")
ATTRIBUTES = ("kind", "comparator", "deadline", "as_of", "change", "annual", "metric", "subject")
DOCUMENT = ("published", "source_type", "title")


def score_part(part: Path, work: Path) -> dict:
    pred = work / f"pred-{part.name}"
    write_predictions(part / "docs", pred)
    out = subprocess.run(
        [sys.executable, str(SHARED / "corpus" / "score.py"), str(pred), str(part / "gold"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def rows(scores: dict[str, dict]) -> list[tuple[str, list[float]]]:
    table = [(item, [s[item]["f1"] for s in scores.values()]) for item in ITEMS]
    table += [(a, [s["attribute_accuracy"].get(a, 0.0) for s in scores.values()]) for a in ATTRIBUTES]
    table += [(d, [s["document_accuracy"].get(d, 0.0) for s in scores.values()]) for d in DOCUMENT]
    table += [("span errors", [s["span_errors"] for s in scores.values()])]
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--frac", default="0.33")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.corpus / "docs").is_dir():
        print(f"no corpus at {args.corpus} (expected docs/ and gold/ there)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="policylens-split-") as tmp:
        work = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "corpus" / "split.py"),
                str(args.corpus),
                str(work / "split"),
                "--frac",
                args.frac,
                "--seed",
                args.seed,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        scores = {part: score_part(work / "split" / part, work) for part in ("seen", "unseen")}
    if args.json:
        print(json.dumps(scores, indent=1))
        return 0
    print(f"{args.corpus} split by site (frac {args.frac}, seed {args.seed})")
    print(f"{'':16}{'seen':>8}{'unseen':>8}")
    for name, (seen, unseen) in rows(scores):
        print(f"{name:16}{seen:>8.3f}{unseen:>8.3f}" if name != "span errors" else f"{name:16}{seen:>8}{unseen:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

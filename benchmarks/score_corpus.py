"""Extract every document of an annotated corpus and score it with the corpus's own score.py.

    python benchmarks/score_corpus.py [--corpus ../shared/corpus] [--out DIR] [--details]

Works for ../shared/corpus-zh too (any folder with docs/ and gold/; score.py
is taken from ../shared/corpus).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from policylens.extraction import extract
from policylens.ingestion import read_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def write_predictions(docs: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(docs.iterdir()):
        if not path.is_file():
            continue
        extraction = extract(read_path(path))
        target = out / (path.stem + ".json")
        target.write_text(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.corpus / "docs").is_dir():
        print(f"no corpus at {args.corpus} (expected docs/ and gold/ there)", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="policylens-pred-"))
    n = write_predictions(args.corpus / "docs", out)
    print(f"wrote {n} predictions to {out}", file=sys.stderr)
    cmd = [sys.executable, str(SHARED / "corpus" / "score.py"), str(out), str(args.corpus / "gold")]
    cmd += ["--details"] if args.details else []
    cmd += ["--json"] if args.json else []
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())

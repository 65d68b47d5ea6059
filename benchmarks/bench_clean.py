"""What policylens's cleaning layer costs or gains over trafilatura alone, on trafilatura's own evaluation set.

    git clone https://github.com/adbar/trafilatura /tmp/trafilatura   # or any copy of its tests/ folder
    .venv/bin/python benchmarks/bench_clean.py --eval /tmp/trafilatura/tests [--limit N] [--losses]

trafilatura ships about 1,000 saved pages, each annotated with up to six
passages the article holds ("with") and up to six that are page furniture
("without"; ``evaldata.json``, pages in ``cache/`` and ``eval/``).  It is
scored as trafilatura's own ``eval_common.py`` scores it: a passage counts when
it occurs in the output, whitespace normalised.  Two outputs are scored on the
same pages: the text policylens's HTML reader takes from trafilatura (before
any cleaning) and the text of the Document policylens stores (after
``ingestion.clean`` took off what it reads as furniture and put the headline
on top).  The difference is what the cleaning layer does: it should remove
"without" passages and keep every "with" one.

The pages are other people's text: they are read from the folder given, never
copied into this project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from policylens.errors import InputError
from policylens.ingestion import RawInput, read_document
from policylens.ingestion.formats import parse

_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, item: dict, text: str | None) -> list[str]:
        """Counts one page; returns the "with" passages the text lacks."""
        out = _norm(text) if text else ""
        withs = [w for w in item["with"] if _norm(w) in out]
        withouts = [w for w in item["without"] if _norm(w) in out]
        self.tp += len(withs)
        self.fp += len(withouts)
        self.fn += len(item["with"]) - len(withs)
        self.tn += len(item["without"]) - len(withouts)
        return [w for w in item["with"] if w not in withs]

    def row(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return f"{self.tp:>6}{self.fp:>6}{self.fn:>6}{self.tn:>6}{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, required=True, help="trafilatura's tests/ folder")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--losses", action="store_true", help="list passages the cleaning lost, on stderr")
    args = parser.parse_args()
    if not (args.eval / "evaldata.json").is_file():
        sys.exit(f"trafilatura's evaluation set not found at {args.eval} (see the docstring)")
    annotated = json.loads((args.eval / "evaldata.json").read_text(encoding="utf-8"))
    items = sorted(annotated.items())[: args.limit or None]
    before, after = Counts(), Counts()
    pages = 0
    for url, item in items:
        path = next(
            (args.eval / d / item["file"] for d in ("cache", "eval") if (args.eval / d / item["file"]).is_file()), None
        )
        if path is None:
            continue
        pages += 1
        raw = RawInput(source=str(path), data=path.read_bytes(), url=url, media_type="text/html")
        try:
            extracted: str | None = parse(raw).text
        except InputError:
            extracted = None
        try:
            stored: str | None = read_document(raw).text
        except InputError:
            stored = None
        missed_before = before.add(item, extracted)
        lost = [w for w in after.add(item, stored) if w not in missed_before]
        if args.losses and lost:
            print(f"  {path.name}: lost {lost}", file=sys.stderr)
    print(f"{pages} annotated pages from {args.eval}")
    print(f"{'text':<34}{'tp':>6}{'fp':>6}{'fn':>6}{'tn':>6}{'precision':>11}{'recall':>8}{'F1':>7}")
    print(f"{'trafilatura (the reader, uncleaned)':<34}{before.row()}")
    print(f"{'policylens (the stored Document)':<34}{after.row()}")


if __name__ == "__main__":
    main()

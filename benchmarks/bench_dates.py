"""How often policylens dates an HTML page right, on htmldate's own evaluation set.

    git clone https://github.com/adbar/htmldate /tmp/htmldate   # or any copy of its tests/ folder
    .venv/bin/python benchmarks/bench_dates.py --eval /tmp/htmldate/tests [--limit N] [--misses]

htmldate ships about 1,000 saved pages with the day each was published
(``eval_default.json``, ``eval_mediacloud_2020.json``; the pages in ``test_set/``,
``cache/`` and ``eval/``).  Each page goes through policylens's own reader
(``ingestion.read_document``: trafilatura, htmldate, then the page's date lines,
dateline and URL), and the published date is compared with the annotation, as
htmldate's ``evaluation.py`` does: right, wrong (a date, not the annotated one)
or none.  htmldate alone, in its fast and its extensive search, is scored on
the same pages beside it.  A wrong date is worse than none: a brief then
dates a plan or a statistic falsely, so the table shows both.

The pages are other people's text: they are read from the folder given, never
copied into this project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import htmldate

from policylens.errors import InputError
from policylens.ingestion import RawInput, read_document

FOLDERS = ("test_set", "cache", "eval")


def pages(tests: Path) -> list[tuple[str, Path, str | None]]:
    """(url, file, annotated day) for every annotated page present in the folder."""
    annotated: dict[str, dict] = {}
    for name in ("eval_mediacloud_2020.json", "eval_default.json"):
        annotated.update(json.loads((tests / name).read_text(encoding="utf-8")))
    found = []
    for url, entry in annotated.items():
        path = next((tests / d / entry["file"] for d in FOLDERS if (tests / d / entry["file"]).is_file()), None)
        if path is not None:
            found.append((url, path, entry["date"]))
    return found


def policylens_date(url: str, path: Path) -> str | None:
    try:
        return read_document(
            RawInput(source=str(path), data=path.read_bytes(), url=url, media_type="text/html")
        ).published
    except InputError:
        return None


def htmldate_date(extensive: bool) -> Callable[[str, Path], str | None]:
    def run(url: str, path: Path) -> str | None:
        html = path.read_bytes()
        try:
            return htmldate.find_date(html, url=url, original_date=True, extensive_search=extensive)
        except Exception:  # noqa: BLE001 - a library's failure on one page counts as no date
            return None

    return run


def score(run: Callable[[str, Path], str | None], items: list, misses: bool) -> tuple[Counter, float]:
    counts: Counter = Counter()
    started = time.process_time()
    for url, path, gold in items:
        got = run(url, path)
        if got is None:
            counts["none"] += 1
        elif got == gold:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            if misses:
                print(f"  wrong: {path.name}: {got} (annotated {gold})", file=sys.stderr)
    return counts, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, required=True, help="htmldate's tests/ folder")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--misses", action="store_true", help="list policylens's wrong dates on stderr")
    args = parser.parse_args()
    if not (args.eval / "eval_default.json").is_file():
        sys.exit(f"htmldate's evaluation set not found at {args.eval} (see the docstring)")
    items = pages(args.eval)[: args.limit or None]
    print(f"{len(items)} annotated pages from {args.eval}")
    print(f"{'reader':<22}{'right':>7}{'wrong':>7}{'none':>7}{'precision':>11}{'recall':>8}{'CPU s':>8}")
    readers = {
        "htmldate fast": htmldate_date(False),
        "htmldate extensive": htmldate_date(True),
        "policylens": policylens_date,
    }
    for name, run in readers.items():
        c, seconds = score(run, items, args.misses and name == "policylens")
        dated = c["right"] + c["wrong"]
        precision = c["right"] / dated if dated else 0.0
        print(
            f"{name:<22}{c['right']:>7}{c['wrong']:>7}{c['none']:>7}"
            f"{precision:>11.3f}{c['right'] / len(items):>8.3f}{seconds:>8.1f}"
        )


if __name__ == "__main__":
    main()

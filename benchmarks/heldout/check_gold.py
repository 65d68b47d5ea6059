"""Check the held-out gold against its documents (standard library only).

    python benchmarks/heldout/check_gold.py [--numbers] [SET_DIR]

SET_DIR is a folder with docs/ and gold/ (default: this folder, the English set;
benchmarks/heldout-zh holds the Chinese one).

For every gold file: the document exists; every quantity and event `text` occurs
verbatim in the document (outside the leading `URL: …` line), and occurs exactly
once, so that score.py's locate() (first occurrence) finds the intended place;
every entity's name or one of its aliases occurs in the document; quantities
have the contract's fields and value_max >= value. With --numbers it also lists
digit runs and number words in each document that no gold quantity text covers, to help spot
quantities the annotation may have missed (most are dates, codes and phone
numbers, which are not quantities); in Chinese, number words are runs of
numerals with a scale or multiple (两千六百, 四成, 翻一番).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = (
    "kind",
    "text",
    "metric",
    "value",
    "unit",
    "comparator",
    "change",
    "baseline",
    "deadline",
    "as_of",
    "annual",
    "subject",
    "alternatives",
)
KINDS = {"target", "statistic"}
COMPARATORS = {"=", ">", ">=", "<", "<=", "~"}
EVENT_TYPES = {"issuance", "approval", "launch", "establishment", "production", "investment", "achievement", "other"}
ENTITY_TYPES = {"place", "company", "government", "platform", "institution", "cluster", "park", "programme"}
SOURCE_TYPES = {"government", "state_media", "press_release", "media", "analysis", "unknown"}


def body(raw: str) -> tuple[str, int]:
    """The document text after the URL line, and where it starts in the file."""
    if raw.startswith("URL: "):
        cut = raw.index("\n") + 1
        return raw[cut:], cut
    return raw, 0


NUMBER_WORDS = (
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|"
    r"hundred|half|third|quarter|fifth|fourths?|doubled?|tripl\w*|lakh|crore|first|second)\b"
)
# Chinese numerals count as a number word only with a scale (两千六百) or a share or multiple (四成, 翻一番).
ZH_NUMBER_WORDS = r"[零一二两三四五六七八九十百千万亿]+[成倍番]|[一二两三四五六七八九十][十百千万亿][零一二两三四五六七八九十百千万亿]*"


def main(argv: list[str]) -> int:
    errors = warnings = 0
    dirs = [Path(a) for a in argv if not a.startswith("--")]
    root = dirs[0] if dirs else HERE
    for gold_path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = root / "docs" / (gold_path.stem + ".txt")
        problems: list[str] = []
        notes: list[str] = []
        if not doc_path.exists():
            print(f"{gold_path.name}: no document {doc_path.name}")
            errors += 1
            continue
        raw = doc_path.read_text(encoding="utf-8")
        text, offset = body(raw)
        meta = gold.get("document") or {}
        if meta.get("source") != doc_path.name:
            problems.append(f"document.source is {meta.get('source')!r}")
        if meta.get("source_type") not in SOURCE_TYPES:
            problems.append(f"bad source_type {meta.get('source_type')!r}")
        if meta.get("title") and meta["title"] not in text:
            problems.append(f"title not in text: {meta['title']!r}")
        covered = [False] * len(text)
        for q in gold.get("quantities") or []:
            missing = [f for f in FIELDS if f not in q]
            if missing:
                problems.append(f"quantity {q.get('text')!r} lacks {missing}")
            if q.get("kind") not in KINDS or q.get("comparator") not in COMPARATORS:
                problems.append(f"quantity {q.get('text')!r}: bad kind or comparator")
            if "value_max" in q and not q["value_max"] >= q["value"]:
                problems.append(f"quantity {q.get('text')!r}: value_max < value")
        for kind in ("quantities", "events"):
            for item in gold.get(kind) or []:
                t = item.get("text") or ""
                n = text.count(t)
                if n == 0:
                    problems.append(f"{kind[:-1]} text not in document: {t!r}")
                    continue
                if n > 1:
                    notes.append(f"{kind[:-1]} text occurs {n} times (first one is used): {t!r}")
                start = text.index(t)
                end = start + len(t)
                assert raw[offset + start : offset + end] == t  # the span, as a contract offset pair, holds the text
                if kind == "quantities":
                    for i in range(start, end):
                        covered[i] = True
        for e in gold.get("events") or []:
            if e.get("type") not in EVENT_TYPES:
                problems.append(f"event {e.get('text')!r}: bad type {e.get('type')!r}")
        names = set()
        for ent in gold.get("entities") or []:
            if ent.get("type") not in ENTITY_TYPES:
                problems.append(f"entity {ent.get('name')!r}: bad type {ent.get('type')!r}")
            forms = [ent.get("name")] + list(ent.get("aliases") or [])
            if not any(f and f in text for f in forms):
                problems.append(f"entity not in document: {ent.get('name')!r}")
            key = (ent.get("type"), ent.get("name"))
            if key in names:
                problems.append(f"entity listed twice: {ent.get('name')!r}")
            names.add(key)
        if "--numbers" in argv:
            words = ZH_NUMBER_WORDS if meta.get("language") == "zh" else NUMBER_WORDS
            for m in re.finditer(r"\d[\d,.]*|" + words, text, flags=re.I):
                if not any(covered[m.start() : m.end()]):
                    line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]
                    notes.append(f"uncovered number {m.group()!r} in: {line.strip()[:90]!r}")
        for p in problems:
            print(f"{gold_path.stem}: ERROR {p}")
        for w in notes:
            print(f"{gold_path.stem}: note  {w}")
        errors += len(problems)
        warnings += len(notes)
        q = gold.get("quantities") or []
        print(
            f"{gold_path.stem}: {len(q)} quantities ({sum(1 for x in q if x.get('optional'))} optional), "
            f"{len(gold.get('events') or [])} events, {len(gold.get('entities') or [])} entities"
        )
    print(f"{errors} errors, {warnings} notes")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

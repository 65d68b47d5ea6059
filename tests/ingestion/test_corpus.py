"""Document metadata on the shared annotated corpora, read at run time (never copied into the project)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policylens.ingestion import read_path

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPORA = [SHARED / "corpus", SHARED / "corpus-zh"]


def _tokens(text) -> set[str]:
    return set(re.findall(r"\w+", str(text or "").lower()))


def _pairs(corpus: Path):
    if not (corpus / "gold").is_dir():
        pytest.skip(f"no annotated corpus at {corpus} (expected docs/ and gold/ there)")
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        yield json.loads(gold_path.read_text(encoding="utf-8")), read_path(corpus / "docs" / f"{gold_path.stem}.txt")


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_metadata_matches_the_gold(corpus):
    right = {"published": 0, "source_type": 0, "title": 0}
    count = titled = 0
    for gold, doc in _pairs(corpus):
        g = gold["document"]
        count += 1
        right["published"] += (doc.published or "").startswith(g["published"]) if g["published"] \
            else doc.published is None
        right["source_type"] += doc.source_type == g["source_type"]
        if g["title"]:
            titled += 1
            a, b = _tokens(g["title"]), _tokens(doc.title)
            right["title"] += len(a & b) / len(a | b) >= 0.8
    assert right["published"] / count >= 0.85
    assert right["source_type"] / count >= 0.9
    assert right["title"] / titled >= 0.9


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_cleaning_keeps_almost_every_annotated_span(corpus):
    kept = total = 0
    for gold, doc in _pairs(corpus):
        for item in gold.get("quantities", []) + gold.get("events", []):
            words = str(item.get("text") or "").split()
            total += 1
            kept += bool(words) and re.search(r"\s+".join(map(re.escape, words)), doc.text) is not None
    assert kept / total >= 0.98


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_no_furniture_left_in_the_text(corpus):
    furniture = re.compile(r"Skip to|Privacy Policy|Recommended for You|Tel:|Copyright|版权所有|相关文章|首页\s*>",
                           re.IGNORECASE)
    for _, doc in _pairs(corpus):
        assert not furniture.search(doc.text), doc.source
        assert not doc.text.startswith("URL:"), doc.source

"""Cleaning on the shared annotated corpora, read at run time (never copied into the project).

Document metadata (published, source type, title) is scored by score.py in
tests/extraction/test_corpus_scores.py and test_corpus_zh_scores.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from shared_corpus import CORPUS, CORPUS_ZH, corpus_missing

from policylens.ingestion import read_path
from policylens.ingestion.clean import is_furniture

CORPORA = [CORPUS, CORPUS_ZH]


def _pairs(corpus: Path):
    if not (corpus / "gold").is_dir():
        corpus_missing(f"no annotated corpus at {corpus} (expected docs/ and gold/ there)")
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        yield json.loads(gold_path.read_text(encoding="utf-8")), read_path(corpus / "docs" / f"{gold_path.stem}.txt")


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
    furniture = re.compile(
        r"Skip to|Privacy Policy|Recommended for You|Tel:|Copyright|版权所有|相关文章|首页\s*>", re.IGNORECASE
    )
    for _, doc in _pairs(corpus):
        assert not furniture.search(doc.text), doc.source
        assert not doc.text.startswith("URL:"), doc.source


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_titles_are_headlines_not_furniture_labels_or_menus(corpus):
    label = re.compile(
        r"^(原标题|标题|title)\s*[:：]|[\u3400-\u9fff]{2,6}\s*[:：].*[\u3400-\u9fff]{2,6}\s*[:：]", re.IGNORECASE
    )
    for _, doc in _pairs(corpus):
        if doc.title:
            assert not is_furniture(doc.title) and not label.search(doc.title), (doc.source, doc.title)

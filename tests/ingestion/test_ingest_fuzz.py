"""Issue 17: ingest of arbitrary bytes never raises, never hangs, and gives each input one outcome.

Hypothesis generates raw bytes and byte strings assembled from the pieces
hostile documents are made of (markup, deep nesting, numerals Chinese and
Arabic, huge figures, scale words, feed roots, PDF and BOM headers).  Each
example runs under a deadline; the extraction budget is small, so a slow
path shows up as a failed outcome, not a slow test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policylens
from policylens.config import Settings
from policylens.ingestion import RawInput
from policylens.ingestion.sources import is_feed
from policylens.store import KnowledgeBase

PIECES = [
    "<html>",
    "<body>",
    "<div>" * 40,
    "</div>",
    "<p>",
    "</p>",
    "<script>",
    "<!--",
    "]]>",
    "&amp;",
    "&#0;",
    "九" * 40,
    "零",
    "亿元",
    "万吨",
    "百分之",
    "9" * 60,
    "1e308",
    "-",
    ".",
    ",",
    "%",
    "billion yuan",
    "by 2027",
    "Kestrel Group",
    "Northbay Province",
    "。",
    "\n",
    "\r",
    "\t",
    " ",
    "\x00",
    "\ufeff",
    "\ud7ff",
    "<?xml version='1.0'?>",
    "<rss><channel><item><title>x</title>",
    "</item></channel></rss>",
    "%PDF-1.4",
    "Published: 2026-13-45",
    "(",
    ")",
    "《",
    "》",
]

hostile_bytes = st.one_of(
    st.binary(max_size=4000),
    st.lists(st.sampled_from(PIECES), max_size=200).map(lambda parts: "".join(parts).encode("utf-8", "replace")),
    st.lists(st.sampled_from(PIECES), max_size=60).map(lambda parts: "".join(parts).encode("utf-16")),
)


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    with KnowledgeBase.open(f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'kb.db'}") as opened:
        yield opened


@settings(
    max_examples=80, deadline=20_000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=hostile_bytes, media_type=st.sampled_from([None, "text/html", "text/plain", "application/rss+xml"]))
def test_ingest_of_arbitrary_bytes_gives_each_input_one_outcome(kb, data, media_type):
    raw = RawInput(source="fuzz-input", data=data, media_type=media_type)
    report = policylens.ingest([raw], db=kb, settings=Settings(extract_seconds=5.0))
    assert report.outcomes
    if not is_feed(raw):
        assert len(report.outcomes) == 1
    for outcome in report.outcomes:
        assert outcome.status in ("stored", "duplicate", "failed")
        assert outcome.status != "failed" or (outcome.error and "\n" not in outcome.error)
        assert outcome.error is None or "Traceback" not in outcome.error

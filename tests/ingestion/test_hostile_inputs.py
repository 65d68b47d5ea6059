"""Hostile inputs (issue 17): no document can stop the others, and none holds the machine.

Every input is generated here, in tmp; nothing large is committed.  Each case
asserts that every input gets exactly one outcome, that the inputs after the
hostile one are stored, and that the work stays within generous bounds of
time (ratios, not exact timings: the machine is shared).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

import policylens
from policylens.budget import BudgetExceeded, within
from policylens.config import Settings
from policylens.extraction import extract
from policylens.extraction.text import MAX_SENTENCE_CHARS, TextIndex
from policylens.ingestion import RawInput, read_document
from policylens.model import Document
from policylens.store import KnowledgeBase

GOOD = (
    "Riverside Issues Plan for Pump Makers\n\n"
    "Riverside, May 4, 2026 -- The county government issued a plan on Tuesday. "
    "By 2029, the county will raise pump exports to 3 billion yuan.\n"
)
# One sentence with a company, a place and two figures: repeated, it gives thousands of quantities and mentions.
REPEATED = "Northbay Province and Kestrel Group plan to raise valve exports by 12% to 5 billion yuan by 2027. "
# The same without any full stop: one "sentence" as long as the file.
RUN_ON = "Kestrel Group valve exports rose 5% and "


def _batch(tmp_path: Path, hostile: dict[str, str | bytes], settings: Settings | None = None):
    """Ingest the hostile files between two good ones into a fresh SQLite file; return the report."""
    names = []
    for i, (name, body) in enumerate(
        {"a_good.txt": GOOD, **hostile, "z_good.txt": GOOD.replace("pump", "fan")}.items()
    ):
        path = tmp_path / f"{i:02d}_{name}"
        path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
        names.append(str(path))
    report = policylens.ingest(names, db=f"sqlite:///{tmp_path / 'kb.db'}", settings=settings or Settings())
    assert [o.source for o in report.outcomes] == names  # exactly one outcome per input, in order
    assert report.outcomes[0].status == "stored" and report.outcomes[-1].status == "stored"
    return report


@pytest.mark.parametrize("figure", ["九" * 320, "9" * 400, "一" + "零" * 330, "9" * 300 + "." + "9" * 50])
def test_a_figure_too_large_for_a_float_is_left_out_and_the_batch_goes_on(tmp_path, figure):
    text = f"某市工业规划\n\n到2027年，全市工业产值达到{figure}亿元，出口增长百分之五。\n"
    facts = extract(Document(source="x", text=text, language="zh"))
    assert all(q.value == q.value and abs(q.value) != float("inf") for q in facts.quantities)
    report = _batch(tmp_path, {"huge.txt": text})
    assert report.outcomes[1].status in ("stored", "failed")
    assert report.outcomes[1].error is None or "\n" not in report.outcomes[1].error


def test_an_input_over_its_time_budget_is_its_own_line_and_the_batch_goes_on(tmp_path):
    extract(Document(source="warm", text=GOOD))  # vocabularies load once, outside the budget
    # 270,000 characters of Chinese that take seconds to extract: many times over a 0.2 s budget, however fast
    # or busy the machine.
    slow = "山东省青岛市海尔集团计划到2025年出口达到50亿元。" * 10000
    started = time.perf_counter()
    report = _batch(tmp_path, {"slow.txt": slow}, Settings(extract_seconds=0.2))
    assert time.perf_counter() - started < 30
    failed = report.outcomes[1]
    assert failed.status == "failed" and "\n" not in failed.error
    assert "longer than the limit of 0.2 s" in failed.error and "POLICYLENS_EXTRACT_SECONDS" in failed.error
    with KnowledgeBase.open(f"sqlite:///{tmp_path / 'kb.db'}") as kb:
        # The batch ended normally: the documents after the slow one were stored with their facts.
        assert kb.load_extraction(report.outcomes[-1].document_id).quantities


def test_a_clean_text_over_the_cap_fails_with_one_line(tmp_path):
    report = _batch(tmp_path, {"long.txt": REPEATED * 200}, Settings(max_text_chars=10_000))
    failed = report.outcomes[1]
    assert failed.status == "failed"
    assert "above the limit of 10000" in failed.error and "POLICYLENS_MAX_TEXT_CHARS" in failed.error


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract(Document(source="x", text=text))
    return time.perf_counter() - started


@pytest.mark.slow
@pytest.mark.parametrize("unit", [REPEATED, RUN_ON], ids=["sentences", "one-run-on-sentence"])
def test_extraction_grows_linearly_with_the_text(unit):
    extract(Document(source="warm", text=GOOD))  # vocabularies load once, outside the timings
    small = _seconds(unit * 1000)
    large = _seconds(unit * 8000)
    # Linear work gives a ratio near 8; the quadratic passes of before gave 30 and more at these sizes.
    assert large < 16 * small + 1.0, (small, large)


def test_a_run_on_sentence_is_cut_into_sentence_sized_pieces():
    text = RUN_ON * 500
    index = TextIndex(text)
    assert len(index.sentences) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in index.sentences)
    assert all(text[s:e] == text[s:e].strip() for s, e in index.sentences)
    # Nothing but the spaces between the pieces is lost.
    assert "".join(text[s:e] for s, e in index.sentences).replace(" ", "") == text.replace(" ", "")


def test_the_budget_stops_a_worker_thread_and_never_fires_late():
    outcome: dict[str, object] = {}

    def spin() -> None:
        while True:
            pass

    def worker() -> None:
        try:
            within(0.2, spin, "spinning")
        except BudgetExceeded as exc:
            outcome["error"] = str(exc)
        outcome["after"] = within(0.05, lambda: sum(range(1000)), "summing")
        time.sleep(0.2)  # a deadline that passed after its work returned must not be raised here
        outcome["done"] = True

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert outcome == {"error": "spinning took longer than the limit of 0.2 s", "after": 499500, "done": True}


def _ingest(tmp_path: Path, sources: list[str]):
    return policylens.ingest(sources, db=f"sqlite:///{tmp_path / 'kb.db'}", settings=Settings())


def test_a_fifo_given_or_globbed_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # nobody writes to it: reading it would block for ever
    report = _ingest(tmp_path, [str(folder / "pipe.txt"), str(folder / "*.txt"), str(folder)])
    lines = [(Path(o.source).name, o.status, o.error) for o in report.outcomes]
    assert lines[0] == ("pipe.txt", "failed", "not a regular file (a pipe, socket or device is not read)")
    assert ("plan.txt", "stored", None) in lines and sum(1 for n, *_ in lines if n == "pipe.txt") == 2


def test_a_file_name_that_is_not_utf8_can_be_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"plan-\xff\xfe.txt")  # Latin-1 bytes in a name: not UTF-8
    (folder / name).write_text(GOOD, encoding="utf-8")
    report = _ingest(tmp_path, [str(folder)])
    assert [o.status for o in report.outcomes] == ["stored"]
    assert report.outcomes[0].source.endswith("plan-\\xff\\xfe.txt")


def test_directory_and_glob_stay_inside_the_tree_and_out_of_loops(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD.replace("pump", "secret"), encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "plan.txt").write_text(GOOD, encoding="utf-8")
    (tree / "escape.txt").symlink_to(outside)
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    for sources in ([str(tree)], [str(tree / "**" / "*.txt")]):
        report = _ingest(tmp_path, sources)
        assert [Path(o.source).name for o in report.outcomes] == ["plan.txt"], sources


@pytest.mark.parametrize("depth", [300, 2000])
def test_text_nested_hundreds_of_elements_deep_is_read(depth):
    html = (
        "<html><head><title>A deep page</title></head><body>"
        + "<div>" * depth
        + "<p>The county will raise pump exports to 3 billion yuan by 2029.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    document = read_document(RawInput(source="deep.html", data=html.encode(), media_type="text/html"))
    assert "3 billion yuan by 2029" in document.text

"""Issue 17: a full disk in the middle of a batch loses no report of what was stored and what was not.

A real full disk cannot be made here without root mounts, so SQLite's own
cap on a database's size (``PRAGMA max_page_count``) stands in for it: past
the cap SQLite fails writes with SQLITE_FULL ("database or disk is full"),
the error a full disk gives.
"""

from __future__ import annotations

from sqlalchemy import event

import policylens
from policylens.config import Settings
from policylens.store import KnowledgeBase

DOC = (
    "Hillview Issues Plan number {n} for Sensor Makers\n\n"
    "Hillview, June {day}, 2026 -- The district government of Hillview issued plan {n} on Friday. "
    "By 2030, the district will raise sensor output to {n}0 billion yuan and host {n} new companies, "
    "including Brightwave Sensor Co., Ltd. and Lumen{n} Group.\n"
)


def _documents(tmp_path, count: int) -> list[str]:
    paths = []
    for n in range(1, count + 1):
        path = tmp_path / f"doc{n:02d}.txt"
        path.write_text(DOC.format(n=n, day=n % 28 + 1), encoding="utf-8")
        paths.append(str(path))
    return paths


def _cap(kb: KnowledgeBase, extra_pages: int) -> None:
    """Let the database grow by ``extra_pages`` pages only, on every connection from now on."""
    with kb.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(kb.engine, "connect")
    def _full(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    kb.engine.dispose()


def test_a_full_disk_reports_every_input_then_the_failure(tmp_path):
    sources = _documents(tmp_path, 30)
    with KnowledgeBase.open(f"sqlite:///{tmp_path / 'kb.db'}") as kb:
        _cap(kb, 12)
        report = policylens.ingest(sources, db=kb, settings=Settings())
    assert [o.source for o in report.outcomes] == sources  # every input has its outcome
    statuses = [o.status for o in report.outcomes]
    assert "stored" in statuses and "failed" in statuses
    for failed in report.failed:
        assert failed.error.startswith("not saved: ") and "full" in failed.error
        assert failed.source not in failed.error  # the source is named once, by the outcome
    with KnowledgeBase.open(f"sqlite:///{tmp_path / 'kb.db'}") as kb:
        for o in report.outcomes:
            if o.status == "stored":
                assert kb.load_extraction(o.document_id).document.source == o.source


def test_a_disk_full_at_resolution_keeps_the_outcomes_and_says_it_failed(tmp_path):
    sources = _documents(tmp_path, 20)
    with KnowledgeBase.open(f"sqlite:///{tmp_path / 'kb.db'}") as kb:
        seen = []

        def fill_after_the_last(outcome) -> None:
            seen.append(outcome)
            if len(seen) == len(sources):
                _cap(kb, 0)  # the disk fills between the last save and the resolution pass

        report = policylens.ingest(sources, db=kb, settings=Settings(), on_outcome=fill_after_the_last)
    assert [o.status for o in report.outcomes] == ["stored"] * 20
    assert report.error is not None and report.error.startswith("cannot resolve knowledge base: ")
    assert "full" in report.error

"""Ingest on a real Dask cluster into a real PostgreSQL, with a worker killed mid-run.

A ``dask scheduler`` and two ``dask worker`` processes (no nanny, so a killed
worker stays dead) run on 127.0.0.1 from this environment's ``dask`` command,
as an operator would start them by hand.  The documents come from the ingest
benchmark's generator.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from policylens import service
from policylens.config import Settings
from policylens.store import KnowledgeBase

distributed = pytest.importorskip("distributed", reason="the dask extra (policylens[dask]) is not installed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_ingest import generate  # the benchmark's generator, not a copy of it

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

DOCUMENTS = 240


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the dask scheduler exited at start"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port}")


class Cluster:
    def __init__(self, address: str, workers: list[subprocess.Popen]):
        self.address = address
        self.workers = workers


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    common = ["--no-dashboard"]
    processes = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), *common],
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / "scheduler.log").open("w"),
        )
    ]
    try:
        wait_for_port(port, processes[0])
        for n in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        dask,
                        "worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--no-nanny",
                        "--name",
                        f"w{n}",
                        *common,
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=(tmp_path / f"worker{n}.log").open("w"),
                )
            )
        with distributed.Client(address, set_as_default=False, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield Cluster(address, processes[1:])
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    generate(root, DOCUMENTS)
    (root / "zz-copy.txt").write_bytes(next(root.rglob("*.txt")).read_bytes())
    (root / "zz-empty.txt").write_text("\n", encoding="utf-8")
    return root


def test_a_worker_killed_mid_run_loses_nothing_and_a_second_run_stores_nothing(cluster, folder, pg_url):
    inputs = sorted(str(p) for p in folder.rglob("*.txt"))
    victim = cluster.workers[0]

    seen: list[str] = []

    def kill_a_worker(outcome: service.Outcome) -> None:
        seen.append(outcome.source)
        if len(seen) == 40:
            os.kill(victim.pid, signal.SIGKILL)

    first = service.ingest(
        [str(folder)], db=pg_url, settings=Settings(db_url=pg_url), scheduler=cluster.address, on_outcome=kill_a_worker
    )
    assert victim.wait(timeout=10) == -signal.SIGKILL  # it died while tasks were out

    # Every input has exactly one outcome; each distinct document is stored once.
    assert Counter(o.source for o in first.outcomes) == Counter(inputs)
    assert [o.source for o in first.failed] == [str(folder / "zz-empty.txt")]
    assert "\n" not in first.failed[0].error
    assert first.count("stored") == DOCUMENTS and first.count("duplicate") == 1
    with KnowledgeBase.open(pg_url) as kb:
        assert kb.count_documents() == DOCUMENTS
        ids = {o.document_id for o in first.outcomes if o.status == "stored"}
        assert len(ids) == DOCUMENTS

    # The same backfill again, on the one worker left: nothing new.
    second = service.ingest([str(folder)], db=pg_url, settings=Settings(db_url=pg_url), scheduler=cluster.address)
    assert second.count("stored") == 0
    assert second.count("duplicate") == DOCUMENTS + 1 and len(second.failed) == 1
    with KnowledgeBase.open(pg_url) as kb:
        assert kb.count_documents() == DOCUMENTS

"""Issue 17: every input within the limits is read, extracted and stored in under 30 s and 1 GB.

Each input is generated in tmp and ingested by a fresh process (so its peak
memory is its own), with the default settings.  Whatever the input, the
process ends in time with one outcome for it: stored, or failed with the
line that says which limit it passed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import policylens

SRC = str(Path(policylens.__file__).resolve().parents[1])
SENTENCE = "Northbay Province and Kestrel Group plan to raise valve exports by 12% to 5 billion yuan by 2027. "
ZH_SENTENCE = "山东省青岛市海尔集团计划到2025年出口达到50亿元。"

INPUTS = {
    # One sentence repeated over a 900 KB page: thousands of figures and mentions.
    "repeated.html": lambda: "<html><body><p>" + SENTENCE * 9000 + "</p></body></html>",
    # A single line of 50 MB, just under the default size limit.
    "one-line.txt": lambda: ("Kestrel Group valve exports rose 5% and " * 1_250_000)[:49_999_000],
    # A 10 MB HTML page: the web's upload limit.
    "upload.html": lambda: "<html><body>" + ("<p>" + SENTENCE + "</p>\n") * 93_000 + "</body></html>",
    # A megabyte of one Chinese sentence: thousands of figures and names.
    "repeated-zh.txt": lambda: ZH_SENTENCE * 40_000,
}
_RUN = """
import json, resource, sys, policylens
report = policylens.ingest([sys.argv[1]], db=sys.argv[2])
print(json.dumps({"outcomes": [[o.status, o.error] for o in report.outcomes], "error": report.error,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", list(INPUTS))
def test_an_input_within_the_limits_takes_under_30_s_and_1_gb(tmp_path, name):
    path = tmp_path / name
    path.write_text(INPUTS[name](), encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(path), f"sqlite:///{tmp_path / 'kb.db'}"],
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(result["outcomes"]) == 1 and result["error"] is None
    status, error = result["outcomes"][0]
    assert status == "stored" or ("limit" in error and "\n" not in error)
    assert seconds < 30, (seconds, result)
    assert result["rss_mb"] < 1024, result

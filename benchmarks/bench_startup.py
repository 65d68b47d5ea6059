"""How long a policylens command takes from the shell prompt to its last line.

    .venv/bin/python benchmarks/bench_startup.py [--runs 10]

Each command runs --runs times as a subprocess of the installed entry point
(what a user types), and the median wall time is reported against the goals
of issue 16: `--help` and `--version` in at most 0.3 s, `targets` on the demo
knowledge base in at most 0.8 s (`entity` and `search` are measured beside
it).  The demo knowledge base is built first, in a temporary folder, with
`policylens --db ... demo`.  Output goes to a pipe, as in `policylens targets | less`.
Beside the wall time it reports the CPU time (user + system) the command
used, which other work on a busy machine inflates much less.

Results go to benchmarks/results/startup.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_extract import git_commit

HERE = Path(__file__).resolve().parent
EXE = str(Path(sys.executable).with_name("policylens"))
COMMANDS = [  # (name, arguments after --db, goal in seconds or None)
    ("--help", ["--help"], 0.3),
    ("--version", ["--version"], 0.3),
    ("targets", ["targets"], 0.8),
    ("entity", ["entity", "Weifang"], None),
    ("search", ["search", "smart manufacturing"], None),
]


def seconds(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'demo.db'}"
        # "demo --db" rather than "--db ... demo": versions before issue 16 read only the former
        subprocess.run([EXE, "demo", "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        for name, args, goal in COMMANDS:
            command = [EXE, *args] if name.startswith("--") else [EXE, "--db", db, *args]
            runs = [seconds(command) for _ in range(options.runs)]
            times = [wall for wall, _ in runs]
            rows.append(
                {
                    "command": name,
                    "median_s": round(statistics.median(times), 3),
                    "min_s": round(min(times), 3),
                    "max_s": round(max(times), 3),
                    "cpu_median_s": round(statistics.median(cpu for _, cpu in runs), 3),
                    "goal_s": goal,
                }
            )
    print(f"{'command':<12} {'median':>8} {'min':>7} {'max':>7} {'cpu':>7}  goal")
    for r in rows:
        verdict = (
            "" if r["goal_s"] is None else f"{r['goal_s']} s " + ("met" if r["median_s"] <= r["goal_s"] else "MISSED")
        )
        print(
            f"{r['command']:<12} {r['median_s']:>7.3f}s {r['min_s']:>6.3f}s {r['max_s']:>6.3f}s "
            f"{r['cpu_median_s']:>6.3f}s  {verdict}"
        )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "startup.json").write_text(
        json.dumps({"commit": git_commit(), "runs": options.runs, "commands": rows}, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()

"""The monitoring commands as a user (or cron) drives them, including a poller killed mid-delivery.

The crash test runs ``policylens poll`` as a real subprocess against a real
feed server and webhook receiver, kills it with SIGKILL while the receiver
holds its first delivery, runs it again, and checks that every alert
arrived exactly once (the in-flight one is resent with the same
Idempotency-Key, which the receiver drops as a repeat).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from monitor_samples import APPROVAL, ELSEWHERE, IMPLEMENTATION, PROGRESS
from typer.testing import CliRunner

import policylens
from policylens import monitor
from policylens.cli import app
from policylens.store import KnowledgeBase

runner = CliRunner()
SRC = str(Path(policylens.__file__).resolve().parents[1])


def cli(db: str, *args: str, as_json: bool = False):
    result = runner.invoke(app, ["--db", db, *(["--json"] if as_json else []), *args])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(
    "command",
    [
        ["watch", "add"],
        ["watch", "list"],
        ["watch", "remove"],
        ["feeds", "add"],
        ["feeds", "list"],
        ["feeds", "remove"],
        ["poll"],
        ["alerts"],
    ],
)
def test_every_monitoring_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_watch_feeds_poll_alerts(sqlite_url, feed_server, tmp_path):
    assert (
        cli(sqlite_url, "watch", "add", "qingdao tools", "--region", "Qingdao", "--industry", "machine-tools").exit_code
        == 0
    )
    assert cli(sqlite_url, "watch", "add", "cert", "--keyword", "export certification").exit_code == 0
    listed = json.loads(cli(sqlite_url, "watch", "list", as_json=True).stdout)
    assert [(w["name"], w["region"], w["keyword"]) for w in listed] == [
        ("cert", None, "export certification"),
        ("qingdao tools", "Qingdao", None),
    ]
    feed = feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE)])
    assert cli(sqlite_url, "feeds", "add", feed, "--every", "30m").exit_code == 0
    assert json.loads(cli(sqlite_url, "feeds", "list", as_json=True).stdout)[0]["every"] == "30m"

    jsonl = tmp_path / "alerts.jsonl"
    polled = cli(sqlite_url, "poll", "--deliver", "print", "--deliver", f"jsonl:{jsonl}")
    assert polled.exit_code == 0, polled.output
    assert "[watch: qingdao tools]" in polled.stdout and "brief: policylens brief" in polled.stdout
    assert "2 new alert(s)" in polled.stderr
    assert len(jsonl.read_text().splitlines()) == 2
    assert "0 new alert(s)" in cli(sqlite_url, "poll", "--deliver", f"jsonl:{jsonl}").stderr  # not due

    feed_server.rss("/feed.xml", [("impl", IMPLEMENTATION), ("progress", PROGRESS), ("approval", APPROVAL)])
    later = cli(sqlite_url, "--json", "poll", "--all", "--deliver", "print")
    printed = [json.loads(line) for line in later.stdout.splitlines()]
    assert {a["kind"] for a in printed} == {"watch", "follow-up"}  # print was first used before: all owed
    alerts = json.loads(cli(sqlite_url, "alerts", as_json=True).stdout)
    assert len(alerts) == 2 + len(printed)
    undelivered = json.loads(cli(sqlite_url, "alerts", "--undelivered", as_json=True).stdout)
    assert {a["id"] for a in undelivered} == {a["id"] for a in printed}  # the JSONL file has not had them yet
    assert cli(sqlite_url, "poll", "--deliver", f"jsonl:{jsonl}").exit_code == 0
    assert json.loads(cli(sqlite_url, "alerts", "--undelivered", as_json=True).stdout) == []
    assert cli(sqlite_url, "watch", "remove", "cert").exit_code == 0
    assert cli(sqlite_url, "feeds", "remove", feed).exit_code == 0
    assert json.loads(cli(sqlite_url, "feeds", "list", as_json=True).stdout) == []


@pytest.mark.parametrize(
    "args, named",
    [
        (["feeds", "add", "http://example.org/feed", "--every", "fortnightly"], "--every: 'fortnightly'"),
        (["feeds", "add", "not a url"], "not a url: a feed is an http(s) URL"),
        (["watch", "add", "w", "--industry", "unicorns"], "--industry: unknown industry 'unicorns'"),
        (["watch", "add", "w"], "w: a watchlist needs at least one criterion"),
        (["watch", "remove", "nobody"], "nobody: no watchlist of that name"),
        (["feeds", "remove", "http://example.org/none"], "http://example.org/none: no feed with this URL"),
        (["poll", "--deliver", "pigeon:home"], "--deliver: 'pigeon:home' is not a destination"),
        (["poll", "--as-of", "yesterday"], "--as-of: 'yesterday' is not a time"),
    ],
)
def test_bad_input_is_one_line_naming_it(sqlite_url, args, named):
    result = cli(sqlite_url, *args)
    assert result.exit_code == 1
    assert named in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_unreachable_feed_fails_the_poll_but_keeps_what_is_stored(sqlite_url, feed_server):
    cli(sqlite_url, "watch", "add", "qingdao", "--region", "Qingdao")
    cli(sqlite_url, "feeds", "add", feed_server.rss("/feed.xml", [("approval", APPROVAL)]))
    cli(sqlite_url, "feeds", "add", "http://127.0.0.1:1/gone.xml")
    result = cli(sqlite_url, "poll")
    assert result.exit_code == 1
    assert "error: http://127.0.0.1:1/gone.xml: cannot fetch" in result.stderr
    assert "1 new document(s)" in result.stderr and "[watch: qingdao]" in result.stdout
    listed = json.loads(cli(sqlite_url, "feeds", "list", as_json=True).stdout)
    assert [f["last_error"] is not None for f in listed] == [True, False]


def _poll_process(db: str, hook: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from policylens.cli import main; main()",
            "--db",
            db,
            "poll",
            "--all",
            "--deliver",
            f"webhook:{hook}",
        ],
        env={**os.environ, "PYTHONPATH": SRC},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_a_killed_poller_loses_nothing_and_delivers_each_alert_once(kb_url, feed_server, receiver_factory):
    with KnowledgeBase.open(kb_url) as kb:
        monitor.add_watchlist(kb, "shandong", region="Shandong")
        monitor.add_watchlist(kb, "tools", industry="machine-tools")
        monitor.add_feed(
            kb,
            feed_server.rss(
                "/feed.xml",
                [("impl", IMPLEMENTATION), ("progress", PROGRESS), ("approval", APPROVAL), ("hefei", ELSEWHERE)],
            ),
        )
    receiver = receiver_factory(hold_first=True)
    first = _poll_process(kb_url, receiver.url)
    try:
        assert receiver.holding.wait(60), first.communicate(timeout=5)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        receiver.release()
        if first.poll() is None:
            first.kill()
    assert first.returncode == -signal.SIGKILL

    second = _poll_process(kb_url, receiver.url)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    with KnowledgeBase.open(kb_url) as kb:
        alerts = monitor.list_alerts(kb, None)
        assert monitor.list_alerts(kb, undelivered=True) == []
        assert kb.count_documents() == 4
    assert len(alerts) >= 5  # two watchlists and two follow-ups over four documents
    assert set(receiver.accepted) == {a.uid for a in alerts}
    repeats = [key for key, n in Counter(key for key, _ in receiver.requests).items() if n > 1]
    assert len(repeats) <= 1  # only the request in flight at the kill was sent again, with its key

"""One clock: a day set once is "today" for the library, the CLI, the web app and the briefs alike."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from policylens import briefs, clock, service
from policylens.cli import app
from policylens.config import Settings
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent / "web"))
from live_server import LiveServer  # noqa: E402  (the web tests' real uvicorn on 127.0.0.1)

DAY = dt.date(2031, 2, 3)  # far from the real today, so a layer reading the machine's clock shows


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('clock') / 'kb.db'}"
    sources = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]
    report = service.ingest(sources, db=url, settings=Settings(db_url=url))
    assert not report.failed
    return url


def test_a_fixed_day_is_today_and_now_keeps_running():
    before = clock.now()
    with clock.fixed(DAY):
        assert clock.today() == DAY
        assert clock.now() >= before and clock.now().tzinfo is not None
        with clock.fixed(dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.UTC)):
            assert (clock.today(), clock.now().hour) == (dt.date(2030, 1, 2), 3)
        assert clock.today() == DAY
    assert clock.today() == dt.date.today()


def test_library_cli_web_and_briefs_all_see_the_day_set_once(demo_url: str):
    with clock.fixed(DAY):
        kb = KnowledgeBase.open(demo_url)
        try:
            assert kb.targets() == kb.targets(as_of=DAY)
            assert kb.targets() != kb.targets(as_of=dt.date(2020, 1, 1))  # the day matters to the statuses
        finally:
            kb.close()

        result = CliRunner().invoke(app, ["--db", demo_url, "--json", "targets"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["as_of"] == DAY.isoformat()

        with LiveServer(Settings(db_url=demo_url)) as server:
            page = httpx.get(f"{server.url}/api/v1/entities/Weifang", timeout=60)
            assert page.status_code == 200, page.text
            assert page.json()["as_of"] == DAY.isoformat()

        assert briefs.brief(1, db=demo_url).as_of == DAY.isoformat()

"""The pages in a real browser: Debian's chromium driven by Playwright against a real server.

The knowledge base is ``../shared/corpus`` (skipped when absent).  Playwright
never downloads a browser: it launches /usr/bin/chromium, and the tests skip
with a message when that is missing, unless POLICYLENS_TEST_BROWSER=required
(CI) makes that a failure.  Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import CORPUS, TOKEN, LiveServer
from shared_corpus import corpus_missing

from policylens import service
from policylens.config import Settings

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
AS_OF = "2026-11-22"
# Paragraphs longer than a breadcrumb row: the cleaner drops short lines full of '>' as menus.
HOSTILE = """Qingdao Sets Factory Target <img src=x onerror="window.__xss=1">

Qingdao will build 300 smart factories by 2027 under a new municipal plan <script>window.__xss=1</script> that the city government issued on 3 March 2025, officials said at a press conference on Monday, adding that the plan covers machine tools, industrial robots and home appliances and that each district will name its first pilot factories within the year.

The plan also says exports of industrial robots reached 5 billion yuan in 2024 <img src=x onerror="window.__xss=1"> and asks every district to report progress each year to the municipal bureau; readers can find the full plan on the city website <a href="javascript:window.__xss=1">click here</a> together with <svg onload="window.__xss=1"></svg> the list of the first pilot factories.
"""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's chromium at {CHROMIUM}; run scripts/install-system-deps.sh"
        if os.environ.get("POLICYLENS_TEST_BROWSER") == "required":
            pytest.fail(message)
        pytest.skip(message)
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install 'policylens[test]'")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if not CORPUS.is_dir():
        corpus_missing(f"the shared corpus is not at {CORPUS.resolve()}")
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'kb.db'}"
    report = service.ingest([str(CORPUS)], db=url, settings=Settings(db_url=url))
    assert not report.failed, [o.error for o in report.failed]
    with LiveServer(Settings(db_url=url, token=TOKEN)) as server:
        yield server


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    print(f"screenshot: {ARTIFACTS / name}.png")


@pytest.mark.parametrize(
    "name, path",
    [
        ("dashboard", f"/?as_of={AS_OF}"),
        ("documents", "/documents"),
        ("document", "/documents/1"),
        ("entities", "/entities"),
        ("entity", "/entities/Qingdao"),
        ("targets", f"/targets?as_of={AS_OF}"),
        ("conflicts", "/conflicts"),
        ("brief", f"/briefs/1?as_of={AS_OF}"),
        ("search", "/search?q=machine+tool&source_type=analysis"),
        ("alerts", "/alerts"),
        ("error", "/documents/99999"),
    ],
)
def test_each_page_loads_without_script_errors(corpus_server, page, name, path):
    response = page.goto(corpus_server.url + path)
    assert response.status == (404 if name == "error" else 200)
    assert page.locator("main").is_visible()
    _shot(page, name)
    assert page.errors == [] if name != "error" else all("404" in e for e in page.errors)


def test_api_docs_render_offline(corpus_server, page):
    page.goto(corpus_server.url + "/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 9
    _shot(page, "api-docs")


def test_click_through_dashboard_entity_document_brief(corpus_server, page):
    page.goto(f"{corpus_server.url}/?as_of={AS_OF}")
    chart = page.locator("svg#deadline-chart")
    assert chart.is_visible() and chart.locator("rect.seg").count() > 0
    assert page.locator(".stat-n").first.inner_text() == str(len(list(CORPUS.glob("*.txt"))))

    page.locator(".entity-chips a", has_text="Qingdao").first.click()
    page.wait_for_url("**/entities/Qingdao")
    assert page.locator("nav.crumbs").inner_text().replace("\n", " ").count("Shandong") == 1
    assert page.locator(".targets-table .badge").count() > 0
    _shot(page, "click-entity")

    page.locator(".doc-list a.doc-title").first.click()
    page.wait_for_url("**/documents/*")
    marks = page.locator("#doc-text mark.hl")
    assert marks.count() > 0
    for kind in ("hl-target", "hl-statistic", "hl-event", "hl-place"):
        assert page.locator(f"#doc-text mark.{kind}").count() + page.locator(".hl-legend").count() > 0
    quantity = page.locator("#doc-text mark.hl-target, #doc-text mark.hl-statistic").first
    quantity.hover()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    shown = popover.inner_text()
    assert "value" in shown and "unit" in shown and "comparator" in shown
    _shot(page, "click-document-hover")

    page.locator("a", has_text="Write the brief").click()
    page.wait_for_url("**/briefs/*")
    assert page.locator("article.brief h1").is_visible()
    assert page.locator("article.brief #sources li").count() > 0
    download = page.locator("a", has_text="Download Markdown").get_attribute("href")
    assert httpx.get(corpus_server.url + download).text.startswith("# ")
    _shot(page, "click-brief")
    assert page.errors == []


def test_highlights_carry_their_normalised_values_without_javascript(corpus_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(corpus_server.url + "/documents/1")
    titles = page.locator("#doc-text mark.hl-target").evaluate_all("els => els.map(e => e.title)")
    assert titles and all("value: " in t and "unit: " in t and "comparator: " in t for t in titles)
    assert any("deadline: " in t for t in titles)
    context.close()


def test_hostile_text_stays_text(tmp_path, page):
    with LiveServer(Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", token=TOKEN)) as server:
        upload = httpx.post(
            f"{server.url}/api/v1/ingest/upload",
            headers={"Authorization": f"Bearer {TOKEN}"},
            files={"file": ("hostile.txt", HOSTILE.encode(), "text/plain")},
            timeout=60,
        )
        assert upload.status_code == 201, upload.text
        doc_id = upload.json()["outcomes"][0]["document_id"]
        for name, path in [
            ("xss-document", f"/documents/{doc_id}"),
            ("xss-brief", f"/briefs/{doc_id}"),
            ("xss-brief-html", f"/api/v1/briefs/{doc_id}?format=html"),
            ("xss-dashboard", "/"),
            ("xss-search", "/search?q=script"),
        ]:
            page.goto(server.url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__xss") == "undefined", path
            assert page.locator("a[href^='javascript:'], img[src='x'], main script, svg[onload]").count() == 0, path
            _shot(page, name)
        page.goto(f"{server.url}/documents/{doc_id}")
        body = page.locator("#doc-text").inner_text()
        assert "<script>window.__xss=1</script>" in body
        assert '<img src=x onerror="window.__xss=1">' in body and 'href="javascript:window.__xss=1"' in body
        assert page.locator("#doc-text mark.hl").count() > 0
        page.goto(f"{server.url}/briefs/{doc_id}")
        assert "<script>window.__xss=1</script>" in page.locator("article.brief").inner_text()


CHINESE = """滨海新区印发智能制造三年行动方案

2025年3月3日

滨海新区管委会日前印发方案，提出到2027年全区建成智能工厂40家，机器人产业产值达到50亿元，并在每个街道确定首批试点企业。
"""


def test_a_chinese_title_renders_in_characters_not_empty_boxes(tmp_path, page):
    """Needs a CJK font (fonts-noto-cjk, installed by scripts/install-system-deps.sh).

    Without one, Chromium draws every character as the same empty box: the
    title still has a width, so the check also draws two different
    characters in the title's own font and requires their pixels to differ.
    """
    with LiveServer(Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", token=TOKEN)) as server:
        upload = httpx.post(
            f"{server.url}/api/v1/ingest/upload",
            headers={"Authorization": f"Bearer {TOKEN}"},
            files={"file": ("notice.txt", CHINESE.encode(), "text/plain")},
            timeout=60,
        )
        assert upload.status_code == 201, upload.text
        page.goto(f"{server.url}/documents/{upload.json()['outcomes'][0]['document_id']}")
        title = page.locator("main h1")
        assert "滨海新区" in title.inner_text()
        assert title.bounding_box()["width"] > 0
        differ = page.evaluate(
            """(el) => {
            const font = getComputedStyle(el).font;
            const draw = (ch) => {
                const canvas = document.createElement("canvas");
                canvas.width = canvas.height = 64;
                const ctx = canvas.getContext("2d");
                ctx.font = font.replace(/\\d+(\\.\\d+)?px/, "48px");
                ctx.fillText(ch, 4, 52);
                return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
            };
            return draw("新") !== draw("区") && draw("新") !== draw(" ");
        }""",
            title.element_handle(),
        )
        _shot(page, "chinese-title")
    assert differ, "Chinese characters render as identical boxes: install fonts-noto-cjk"

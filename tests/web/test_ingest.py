"""POST /api/v1/ingest/upload and /ingest/url over HTTP: the token, the upload limit, URL and feed ingest and the private-address guard.

URLs point at a real HTTP server the test starts on 127.0.0.1, which is
exactly the kind of address the web refuses unless configured to allow it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import TOKEN, LiveServer

from policylens.config import Settings

STORY = (
    b"Qingdao Sets Robot Target\n\nQingdao will build 300 smart factories by 2027, "
    b"the municipal government said on 3 March 2025.\n"
)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A static HTTP server on 127.0.0.1 serving a page and a feed."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "story.txt").write_bytes(STORY)
    (root / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>News</title><item><title>Weifang park opens</title><link>https://news.invalid/a</link>"
        "<content:encoded>&lt;p&gt;Weifang opened a hydrogen equipment park with 12 companies on 1 May 2025."
        "&lt;/p&gt;</content:encoded></item></channel></rss>",
        encoding="utf-8",
    )
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _upload(
    server: LiveServer,
    data: bytes,
    name: str = "story.txt",
    headers: dict | None = None,
) -> httpx.Response:
    return httpx.post(
        f"{server.url}/api/v1/ingest/upload",
        files={"file": (name, data, "text/plain")},
        headers=AUTH if headers is None else headers,
        timeout=60,
    )


def test_upload_is_stored_then_recognised_as_a_duplicate(empty_server):
    before = httpx.get(f"{empty_server.url}/api/v1/overview").json()  # the dashboard's figures, now cached
    assert before["counts"]["documents"] == 0
    first = _upload(empty_server, STORY)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["stored"] == 1 and body["outcomes"][0]["source"] == "upload:story.txt"
    doc_id = body["outcomes"][0]["document_id"]
    doc = httpx.get(f"{empty_server.url}/api/v1/documents/{doc_id}").json()
    assert "300 smart factories" in doc["text"]
    targets = httpx.get(f"{empty_server.url}/api/v1/targets").json()["items"]
    assert [t["value"] for t in targets] == [300]
    assert httpx.get(f"{empty_server.url}/api/v1/overview").json()["counts"]["documents"] == 1
    again = _upload(empty_server, STORY)
    assert again.status_code == 200 and again.json()["outcomes"][0]["status"] == "duplicate"


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": "Basic dXNlcjpwdw=="}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": "Bearer wrong-token"}, 403),
    ],
)
def test_writing_needs_the_right_token(empty_server, headers, status):
    response = _upload(empty_server, STORY, headers=headers)
    assert response.status_code == status
    assert "token" in response.json()["error"]
    assert httpx.get(f"{empty_server.url}/api/v1/documents").json()["total"] == 0


def test_writing_is_off_without_a_configured_token(tmp_path):
    with LiveServer(Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}")) as server:
        response = _upload(server, STORY)
        assert response.status_code == 403
        assert "POLICYLENS_TOKEN" in response.json()["error"]


def test_an_oversized_upload_is_413_and_nothing_is_stored(empty_server):
    response = _upload(empty_server, b"Qingdao factories. " * 400)  # 7,600 bytes, limit 4,096
    assert response.status_code == 413
    assert "4096" in response.json()["error"]
    assert httpx.get(f"{empty_server.url}/api/v1/documents").json()["total"] == 0


def test_an_oversized_body_is_refused_before_it_is_read(empty_server):
    # A streamed body without Content-Length: refused once the count passes the limit.
    def chunks() -> Iterator[bytes]:
        for _ in range(200):
            yield b"x" * 8192

    response = httpx.post(
        f"{empty_server.url}/api/v1/ingest/upload",
        content=chunks(),
        timeout=60,
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "payload, status, says",
    [
        (b"{not json", 400, "not valid JSON"),
        (b'{"url": "ftp://example.org/x"}', 422, "url"),
        (b'{"url": 3}', 422, "url"),
        (b'{"url": "https://a.invalid", "feed": "https://b.invalid"}', 422, "feed"),
        (b"{}", 422, "url"),
    ],
)
def test_bad_url_bodies_are_refused_naming_the_field(empty_server, payload, status, says):
    response = httpx.post(
        f"{empty_server.url}/api/v1/ingest/url", content=payload, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == status and says in response.json()["error"]


def test_an_upload_without_a_file_field_is_400(empty_server):
    response = httpx.post(
        f"{empty_server.url}/api/v1/ingest/upload", data={"note": "x"}, files={"other": ("a", b"b")}, headers=AUTH
    )
    assert response.status_code == 400 and "file" in response.json()["error"]


@pytest.mark.parametrize(
    "route, content_type",
    [
        ("upload", "text/plain"),
        ("upload", "application/json"),
        ("url", "multipart/form-data; boundary=b"),
    ],
)
def test_each_route_takes_one_content_type_else_415(empty_server, route, content_type):
    response = httpx.post(
        f"{empty_server.url}/api/v1/ingest/{route}", content=b"hello", headers={**AUTH, "Content-Type": content_type}
    )
    assert response.status_code == 415 and "content type" in response.json()["error"]


def test_url_ingest_refuses_private_addresses_by_default(empty_server, site):
    response = httpx.post(
        f"{empty_server.url}/api/v1/ingest/url", json={"url": f"{site}/story.txt"}, headers=AUTH, timeout=60
    )
    assert response.status_code == 400
    assert "refused" in response.json()["error"] and "127.0.0.1" in response.json()["error"]
    assert httpx.get(f"{empty_server.url}/api/v1/documents").json()["total"] == 0


def test_url_and_feed_ingest_when_private_addresses_are_allowed(tmp_path, site):
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", token=TOKEN, web_allow_private_urls=True)
    with LiveServer(settings) as server:
        page = httpx.post(
            f"{server.url}/api/v1/ingest/url", json={"url": f"{site}/story.txt"}, headers=AUTH, timeout=60
        )
        assert page.status_code == 201, page.text
        assert page.json()["outcomes"][0]["source"] == f"{site}/story.txt"
        feed = httpx.post(f"{server.url}/api/v1/ingest/url", json={"url": f"{site}/feed.xml"}, headers=AUTH, timeout=60)
        assert feed.status_code == 201, feed.text
        assert feed.json()["outcomes"][0]["title"] == "Weifang park opens"
        missing = httpx.post(
            f"{server.url}/api/v1/ingest/url", json={"url": f"{site}/gone.txt"}, headers=AUTH, timeout=60
        )
        assert missing.status_code == 400 and "404" in missing.json()["error"]
        assert httpx.get(f"{server.url}/api/v1/documents").json()["total"] == 2


def test_the_environment_switches_the_web_settings(monkeypatch):
    monkeypatch.setenv("POLICYLENS_TOKEN", "abc")
    monkeypatch.setenv("POLICYLENS_MAX_UPLOAD_BYTES", "1000")
    monkeypatch.setenv("POLICYLENS_ALLOW_PRIVATE_URLS", "1")
    s = Settings.from_env()
    assert (s.token, s.max_upload_bytes, s.web_allow_private_urls) == ("abc", 1000, True)
    monkeypatch.delenv("POLICYLENS_ALLOW_PRIVATE_URLS")
    assert Settings.from_env().web_allow_private_urls is False

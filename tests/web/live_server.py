"""A real uvicorn server on 127.0.0.1 for the web tests, started in a thread and stopped after.

The tests talk to it over HTTP (httpx, chromium) exactly as a user would:
no test client, no mocked transport.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Self

import uvicorn
from shared_corpus import CORPUS as _CORPUS

from policylens.config import Settings
from policylens.web import create_app

CORPUS = _CORPUS / "docs"
TOKEN = "test-token-4f1c"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """``create_app(settings, **options)`` served by uvicorn on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings, **options: object):
        self.settings = settings
        port = free_port()
        config = uvicorn.Config(create_app(settings, **options), host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{port}", daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the test server at {self.url} did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)

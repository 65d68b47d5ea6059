"""Polite fetching: a User-Agent naming policylens and its contact, and a pause between requests to one host.

Installed as a request hook on a poll's HTTP client, so every request of
the poll — listing, sitemap, robots.txt, article, redirect hop — is paced:
requests to one origin start at least ``delay`` seconds apart (robots.txt
may ask for more), whatever thread sends them; requests to different hosts
do not wait for each other.
"""

from __future__ import annotations

import threading
import time

import httpx

from policylens.config import Settings

MAX_ROBOTS_DELAY = 30.0  # a Crawl-delay above this would stall a poll; it is capped


def user_agent(settings: Settings) -> str:
    return f"{settings.user_agent} contact: {settings.contact}" if settings.contact else settings.user_agent


def origin(url: httpx.URL | str) -> str:
    url = httpx.URL(str(url))
    return f"{url.scheme}://{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


class Pacer:
    """Per-origin request spacing; thread-safe, so concurrent polls of many hosts share one."""

    def __init__(self, settings: Settings) -> None:
        self.delay = settings.crawl_delay
        self.agent = user_agent(settings)
        self._delays: dict[str, float] = {}
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def install(self, client: httpx.Client) -> None:
        client.event_hooks["request"].append(self)

    def ask_for(self, origin_: str, seconds: float) -> None:
        """A longer delay an origin's robots.txt asks for."""
        with self._lock:
            self._delays[origin_] = min(max(seconds, self.delay), MAX_ROBOTS_DELAY)

    def __call__(self, request: httpx.Request) -> None:
        request.headers["User-Agent"] = self.agent
        key = origin(request.url)
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(key, now))
            self._next[key] = slot + self._delays.get(key, self.delay)
        if slot > now:
            time.sleep(slot - now)

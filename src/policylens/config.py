"""Settings every door (CLI, Python API, web) passes down, with defaults a user can override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TypeVar

from policylens.errors import ConfigError

DEFAULT_DB_URL = "sqlite:///policylens.db"


@dataclass(slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    max_bytes: int = 50 * 1024 * 1024  # inputs larger than this are refused, not read
    # One input's work is bounded, so no document can hold a batch, a poll or a web worker: a text longer
    # than this is refused before extraction, and reading, then extraction, each stop after this many seconds.
    max_text_chars: int = 2_000_000
    extract_seconds: float = 10.0
    timeout: float = 20.0  # seconds for one HTTP request
    max_redirects: int = 5
    user_agent: str = "policylens/0.1 (+https://example.invalid/policylens)"
    contact: str | None = None  # an e-mail or URL added to the User-Agent, so a site's operator can reach you
    crawl_delay: float = 1.0  # seconds between two requests to one host in a poll (robots.txt may ask for more)
    allow_private_urls: bool = True  # the CLI may read intranet pages; the web uses web_allow_private_urls
    # The web server: writing (ingest) needs this bearer token and is off while it is unset.
    token: str | None = None
    max_upload_bytes: int = 10 * 1024 * 1024  # a larger upload is refused with 413 before it is read whole
    # A server that fetches any URL it is given could probe its own network; off unless the operator says so.
    web_allow_private_urls: bool = False
    # A poll fetches the links that feeds carry: content decides them, so private addresses are refused
    # (feeds, entries, redirects) unless the operator opts in to feeds on a private network.
    allow_private_feeds: bool = False
    # A folder of the user's own vocabularies: a YAML file there named like a shipped one (units.yaml,
    # currencies.yaml, entity_patterns.yaml…) adds to it.  Process-wide (see policylens.vocab): the CLI's
    # --data and POLICYLENS_DATA set it before any document is read.
    data_dir: str | None = None

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        """Defaults, then POLICYLENS_* environment variables, then explicit overrides."""
        s = cls()
        if v := os.environ.get("POLICYLENS_DB"):
            s.db_url = v
        if v := os.environ.get("POLICYLENS_MAX_BYTES"):
            s.max_bytes = _number("POLICYLENS_MAX_BYTES", v, int)
        if v := os.environ.get("POLICYLENS_MAX_TEXT_CHARS"):
            s.max_text_chars = _number("POLICYLENS_MAX_TEXT_CHARS", v, int)
        if v := os.environ.get("POLICYLENS_EXTRACT_SECONDS"):
            s.extract_seconds = _number("POLICYLENS_EXTRACT_SECONDS", v, float)
        if v := os.environ.get("POLICYLENS_TIMEOUT"):
            s.timeout = _number("POLICYLENS_TIMEOUT", v, float)
        if v := os.environ.get("POLICYLENS_CONTACT"):
            s.contact = v
        if v := os.environ.get("POLICYLENS_CRAWL_DELAY"):
            s.crawl_delay = _number("POLICYLENS_CRAWL_DELAY", v, float, zero=True)
        if v := os.environ.get("POLICYLENS_TOKEN"):
            s.token = v
        if v := os.environ.get("POLICYLENS_MAX_UPLOAD_BYTES"):
            s.max_upload_bytes = _number("POLICYLENS_MAX_UPLOAD_BYTES", v, int)
        if v := os.environ.get("POLICYLENS_ALLOW_PRIVATE_URLS"):
            s.web_allow_private_urls = _flag("POLICYLENS_ALLOW_PRIVATE_URLS", v)
        if v := os.environ.get("POLICYLENS_ALLOW_PRIVATE_FEEDS"):
            s.allow_private_feeds = _flag("POLICYLENS_ALLOW_PRIVATE_FEEDS", v)
        if v := os.environ.get("POLICYLENS_DATA"):
            s.data_dir = v
        for key, value in overrides.items():
            if value is not None:
                setattr(s, key, value)
        if s.data_dir is not None and not os.path.isdir(s.data_dir):
            raise ConfigError(f"data folder {s.data_dir!r}: no such folder")
        return s


_N = TypeVar("_N", int, float)


def _number(name: str, value: str, kind: type[_N], zero: bool = False) -> _N:
    try:
        number = kind(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a {'whole ' if kind is int else ''}number") from None
    if number < 0 or (number == 0 and not zero):
        raise ConfigError(f"{name}={value!r} must be {'0 or more' if zero else 'greater than 0'}")
    return number


def _flag(name: str, value: str) -> bool:
    if value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={value!r} is not a switch; write 1 or 0")

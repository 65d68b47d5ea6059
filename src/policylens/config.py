"""Settings every door (CLI, Python API, web) passes down, with defaults a user can override."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///policylens.db"


@dataclass(slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    max_bytes: int = 50 * 1024 * 1024  # inputs larger than this are refused, not read
    timeout: float = 20.0  # seconds for one HTTP request
    max_redirects: int = 5
    user_agent: str = "policylens/0.1 (+https://example.invalid/policylens)"
    allow_private_urls: bool = True  # the CLI may read intranet pages; the web turns this off

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Defaults, then POLICYLENS_* environment variables, then explicit overrides."""
        s = cls()
        if v := os.environ.get("POLICYLENS_DB"):
            s.db_url = v
        if v := os.environ.get("POLICYLENS_MAX_BYTES"):
            s.max_bytes = int(v)
        if v := os.environ.get("POLICYLENS_TIMEOUT"):
            s.timeout = float(v)
        for key, value in overrides.items():
            if value is not None:
                setattr(s, key, value)
        return s

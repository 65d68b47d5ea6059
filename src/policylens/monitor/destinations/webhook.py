"""``webhook:URL``: each alert POSTed as JSON with its uid as ``Idempotency-Key``.

A request cut off by a crash is sent again with the same key, which the
receiver uses to drop the repeat (the standard contract for webhooks).  Any
non-2xx answer is a failed attempt.  The URL's secrets never reach a
message, a log or the database (:func:`mask`).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

import httpx

from policylens.config import Settings
from policylens.ingestion.fetch import is_url, one_line
from policylens.monitor.alerts import Alert

from . import DeliveryError, Kind, register


class Webhook:
    def __init__(self, url: str, settings: Settings):
        self.url = url
        self.shown = mask(f"webhook:{url}").partition(":")[2]  # what messages name: no secret in a log
        self.client = httpx.Client(
            timeout=settings.timeout, headers={"User-Agent": settings.user_agent}, follow_redirects=False
        )

    def send(self, alert: Alert) -> None:
        try:
            response = self.client.post(self.url, json=alert.to_dict(), headers={"Idempotency-Key": alert.uid})
        except httpx.HTTPError as exc:
            detail = str(exc).replace(self.url, self.shown)
            raise DeliveryError(one_line(f"{self.shown}: {exc.__class__.__name__}: {detail}")) from None
        if not response.is_success:
            raise DeliveryError(f"{self.shown}: HTTP {response.status_code} {response.reason_phrase}".strip())

    def close(self) -> None:
        self.client.close()


def mask(spec: str) -> str:
    """The user and password, every query value (``?key=…``, ``token=…``) and the fragment are secrets;
    so is a path segment that looks like a token (16 or more characters mixing letters and digits,
    as chat services put in their webhook paths).
    """
    url = urlsplit(spec.partition(":")[2])
    host = url.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = ("***@" if url.username or url.password else "") + host + (f":{url.port}" if url.port else "")
    path = "/".join("***" if _looks_secret(part) else part for part in url.path.split("/"))
    query = "&".join(f"{name}=***" for name, _ in parse_qsl(url.query, keep_blank_values=True))
    return "webhook:" + urlunsplit((url.scheme, netloc, path, query, "***" if url.fragment else ""))


def _looks_secret(part: str) -> bool:
    return len(part) >= 16 and any(c.isdigit() for c in part) and any(c.isalpha() for c in part)


register(
    Kind(
        "webhook",
        "webhook:http(s)://…",
        check=lambda spec: spec if is_url(spec.partition(":")[2]) else None,
        open=lambda spec, settings, show: Webhook(spec.partition(":")[2], settings),
        mask=mask,
        retried=True,
    )
)

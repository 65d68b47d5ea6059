"""``smtp://`` and ``smtps://``: each alert as an email, and digests by email on a schedule.

Written ``smtp://USER:PASSWORD@HOST:PORT?from=ADDRESS&to=ADDRESS[,ADDRESS…]``;
``smtps://`` speaks TLS from the start (port 465 by default), ``smtp://``
upgrades with STARTTLS when ``starttls=yes`` or the port is 587 (``starttls=no``
turns that off).  User and password are optional; the password is a secret
and never reaches a message, a log or the database (:func:`mask`).

Exactly once, as with a webhook: an alert's email carries a Message-ID made
from the alert's uid, so an email cut off by a crash and sent again is the
same message to the receiving system (mail stores and filters drop a
repeated Message-ID).  Failed attempts are retried within the poll with
backoff, then the destination rests like a webhook.  Standard library only
(``smtplib`` and ``email.message``).
"""

from __future__ import annotations

import datetime as dt
import email.message
import email.utils
import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from policylens.config import Settings
from policylens.ingestion.fetch import one_line
from policylens.monitor.alerts import Alert

from . import DeliveryError, Kind, register

if TYPE_CHECKING:
    from policylens.briefs import Brief

_DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
_YES, _NO = {"yes", "true", "1", "on"}, {"no", "false", "0", "off"}
MESSAGE_ID_DOMAIN = "policylens"


@dataclass(frozen=True, slots=True)
class Server:
    tls: bool  # TLS from the first byte (smtps)
    starttls: bool
    host: str
    port: int
    user: str | None
    password: str | None
    sender: str
    recipients: tuple[str, ...]


def parse(spec: str) -> Server | None:
    """The server and addresses of a spec, or None when it is not a usable smtp(s) URL."""
    url = urlsplit(spec)
    try:
        port = url.port
    except ValueError:
        return None
    if url.scheme not in _DEFAULT_PORTS or not url.hostname or url.path not in ("", "/") or url.fragment:
        return None
    params: dict[str, list[str]] = {}
    for name, value in parse_qsl(url.query, keep_blank_values=True):
        params.setdefault(name, []).append(value)
    if set(params) - {"from", "to", "starttls"} or len(params.get("from", [])) != 1:
        return None
    recipients = tuple(a.strip() for value in params.get("to", []) for a in value.split(",") if a.strip())
    sender = params["from"][0].strip()
    if not recipients or not all(_is_address(a) for a in (sender, *recipients)):
        return None
    port = port or _DEFAULT_PORTS[url.scheme]
    starttls_value = params.get("starttls", ["yes" if port == 587 else "no"])[-1].lower()
    if starttls_value not in _YES | _NO or (url.scheme == "smtps" and starttls_value in _YES):
        return None
    return Server(
        url.scheme == "smtps",
        starttls_value in _YES,
        url.hostname,
        port,
        unquote(url.username) if url.username else None,
        unquote(url.password) if url.password is not None else None,
        sender,
        recipients,
    )


def _is_address(text: str) -> bool:
    _, address = email.utils.parseaddr(text)
    local, _at, domain = address.rpartition("@")
    return bool(local and domain) and not any(c.isspace() for c in address)


def mask(spec: str) -> str:
    """The spec with its password replaced by ``***`` (user, server and addresses stay: they say which it is)."""
    url = urlsplit(spec)
    if url.password is None:
        return spec
    netloc = f"{url.username or ''}:***@{url.netloc.rpartition('@')[2]}"
    return urlunsplit((url.scheme, netloc, url.path, url.query, url.fragment))


def message_id(uid: str) -> str:
    """The Message-ID of an alert's email: the same for every attempt, so a resend is the same message."""
    return f"<alert.{uid}@{MESSAGE_ID_DOMAIN}>"


def digest_message_id(spec: str, since: dt.date, until: dt.date) -> str:
    """A digest's Message-ID: one per destination and window, so a digest resent after a crash is the same."""
    key = hashlib.sha256(spec.encode("utf-8")).hexdigest()[:16]
    return f"<digest.{since.isoformat()}.{until.isoformat()}.{key}@{MESSAGE_ID_DOMAIN}>"


class Mailer:
    """One SMTP connection per poll, opened at the first email and opened again after a failed attempt."""

    def __init__(self, spec: str, settings: Settings):
        server = parse(spec)
        assert server is not None, "opened without check()"
        self.server, self.timeout = server, settings.timeout
        self.spec, self.shown = spec, mask(spec)
        self.connection: smtplib.SMTP | None = None

    def send(self, alert: Alert) -> None:
        subject = f"[policylens {alert.label}] {alert.title or f'document #{alert.document_id}'}"
        lines = [
            alert.reason,
            "",
            *(f"· {fact}" for fact in alert.facts),
            *([""] if alert.facts else []),
            f"Brief: {alert.brief_command} (web: {alert.brief_path})",
            "",
            f"Alert {alert.uid}",
        ]
        self.send_text(subject, "\n".join(lines) + "\n", message_id(alert.uid), {"X-Policylens-Alert": alert.uid})

    def send_digest(self, brief: Brief, since: dt.date, until: dt.date) -> None:
        """A digest as Markdown text with an HTML alternative; one Message-ID per destination and window."""
        # Imported here: only a server sending digests needs the renderers.
        from policylens.briefs import render

        self.send_text(
            brief.title,
            render(brief, "md"),
            digest_message_id(self.spec, since, until),
            {"X-Policylens-Digest": f"{since.isoformat()}/{until.isoformat()}"},
            html=render(brief, "html"),
        )

    def send_text(
        self, subject: str, body: str, msg_id: str, headers: dict[str, str] | None = None, html: str | None = None
    ) -> None:
        """Send one email; a failed attempt raises DeliveryError naming the server without its password."""
        msg = email.message.EmailMessage()
        msg["Subject"] = " ".join(subject.split())
        msg["From"] = self.server.sender
        msg["To"] = ", ".join(self.server.recipients)
        msg["Date"] = email.utils.formatdate(usegmt=True)
        msg["Message-ID"] = msg_id
        for name, value in (headers or {}).items():
            msg[name] = value
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
        try:
            if self.connection is None:
                self.connection = self._connect()
            self.connection.send_message(msg, self.server.sender, list(self.server.recipients))
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise DeliveryError(one_line(f"{self.shown}: {exc.__class__.__name__}: {self._detail(exc)}")) from None

    def _connect(self) -> smtplib.SMTP:
        s = self.server
        context = ssl.create_default_context()
        connection = (
            smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout, context=context)
            if s.tls
            else smtplib.SMTP(s.host, s.port, timeout=self.timeout)
        )
        try:
            if s.starttls:
                connection.starttls(context=context)
            if s.user is not None:
                connection.login(s.user, s.password or "")
        except BaseException:
            connection.close()
            raise
        return connection

    def _detail(self, exc: Exception) -> str:
        if isinstance(exc, smtplib.SMTPResponseException):
            error = exc.smtp_error
            detail = f"{exc.smtp_code} {error.decode('utf-8', 'replace') if isinstance(error, bytes) else error}"
        else:
            detail = str(exc) or "connection failed"
        password = self.server.password
        return detail.replace(password, "***") if password else detail

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None


def _check(spec: str) -> str | None:
    return spec if parse(spec) is not None else None


for _scheme in ("smtp", "smtps"):
    register(
        Kind(
            _scheme,
            f"{_scheme}://[USER:PASSWORD@]HOST[:PORT]?from=ADDRESS&to=ADDRESS",
            check=_check,
            open=lambda spec, settings, show: Mailer(spec, settings),
            mask=mask,
            retried=True,
            digests=True,
        )
    )

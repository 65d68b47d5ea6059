"""A real SMTP server on 127.0.0.1 for the email-delivery tests (aiosmtpd), shaped like feed_servers' Receiver.

It answers 451 (try again later) to the first N messages, then accepts,
recording every message under its Message-ID; a repeated Message-ID is
acknowledged but not taken again, as a mail store that drops duplicates
does.  It can hold its first message until the test lets go (to kill a
poller while an email is in flight) and can require a login.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class MailReceiver:
    def __init__(self, fail_first: int = 0, hold_first: bool = False, login: tuple[str, str] | None = None):
        self.fail_first = fail_first
        self.hold = threading.Event() if hold_first else None
        self.holding = threading.Event()
        self.login = login
        self.messages: list[tuple[str, EmailMessage]] = []  # every message: (Message-ID, message)
        self.accepted: dict[str, EmailMessage] = {}  # Message-ID -> message, the first time it was accepted
        self.envelopes: list[tuple[str, list[str]]] = []  # (MAIL FROM, RCPT TO) of each message
        self.lock = threading.Lock()
        self.host, self.port = "127.0.0.1", 0

    def release(self) -> None:
        if self.hold is not None:
            self.hold.set()

    def spec(self, scheme: str = "smtp", userinfo: str = "", to: str = "desk@example.org") -> str:
        return f"{scheme}://{userinfo}{self.host}:{self.port}?from=alerts@example.org&to={to}"

    async def handle_DATA(self, server, session, envelope):  # the aiosmtpd hook's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        key = message["Message-ID"]
        with self.lock:
            self.messages.append((key, message))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            first = len(self.messages) == 1
            failing = len(self.messages) <= self.fail_first
            if not failing:
                self.accepted.setdefault(key, message)
        if first and self.hold is not None:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.hold.wait, 30)
        return "451 4.3.0 Try again later" if failing else "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = self.login is not None and (auth_data.login.decode(), auth_data.password.decode()) == self.login
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535 itself


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mail_factory() -> Iterator:
    started = []

    def make(fail_first: int = 0, hold_first: bool = False, login: tuple[str, str] | None = None) -> MailReceiver:
        receiver = MailReceiver(fail_first, hold_first, login)
        receiver.port = _free_port()
        options = (
            {"authenticator": receiver.authenticate, "auth_require_tls": False, "auth_required": True} if login else {}
        )
        controller = Controller(receiver, hostname=receiver.host, port=receiver.port, **options)
        controller.start()
        started.append((controller, receiver))
        return receiver

    yield make
    for controller, receiver in started:
        receiver.release()
        controller.stop()

"""Where alerts go: one module per kind of destination, each registering itself here.

A destination is written ``KIND`` or ``KIND:TARGET`` on the command line
(``print``, ``jsonl:PATH``, ``webhook:URL``, ``smtp://…``).  Each module in
this folder calls :func:`register` with a :class:`Kind` saying how its
specs are checked, how they are shown without secrets, and how a sender is
opened; adding a destination is one new file here (datasette's plugin hooks
and spaCy's registries are the model).  The exactly-once bookkeeping around
the senders is the same for every kind and lives in ``monitor.delivery``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt

    from policylens.briefs import Brief
    from policylens.config import Settings
    from policylens.monitor.alerts import Alert

Show = Callable[["Alert"], None]


class DeliveryError(Exception):
    """One attempt to hand an alert to a destination failed; the message says why, on one line."""


class Sender(Protocol):
    """Hands alerts to one destination during one poll; ``send`` raises DeliveryError when an attempt fails."""

    def send(self, alert: Alert) -> None: ...

    def close(self) -> None: ...


class DigestSender(Sender, Protocol):
    """The sender of a kind with ``digests``: it takes a digest too, with the same contract."""

    def send_digest(self, brief: Brief, since: dt.date, until: dt.date) -> None: ...


def _shown_as_is(spec: str) -> str:
    return spec


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of destination.

    ``check`` gets the whole spec and returns it as stored (normalised) or None when it is not a valid
    spec of this kind; ``open`` makes the sender for a checked spec; ``mask`` shows a spec without its
    secrets (passwords, tokens); ``retried`` says whether a failed attempt is retried within the poll
    (a network destination) or fails at once (a local one); ``digests``: whether its sender can also
    take a scheduled digest (``serve --poll --digest-every``).
    """

    name: str
    usage: str  # how to write one, for the error message
    check: Callable[[str], str | None]
    open: Callable[[str, Settings, Show | None], Sender]
    mask: Callable[[str], str] = _shown_as_is
    retried: bool = False
    digests: bool = False


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Make ``kind`` usable in ``--deliver``; a second registration under the same name is a programming error."""
    if kind.name in KINDS:
        raise ValueError(f"destination kind {kind.name!r} is registered twice")
    KINDS[kind.name] = kind
    return kind


def kind_of(spec: str) -> Kind | None:
    """The registered kind a spec is written in (its text before the first colon), or None."""
    return KINDS.get(spec.partition(":")[0])


def usage() -> str:
    return ", ".join(k.usage for k in KINDS.values())


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

"""Errors that name the input they concern, so a batch can report them in one line and go on."""
from __future__ import annotations


class PolicylensError(Exception):
    """Base class: every error the package raises on purpose."""


class InputError(PolicylensError):
    """One input (file, URL, feed entry, stdin) could not be read; the message says which and why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Pickled by its two fields, so it can come back from a worker process or a Dask worker.
        return (type(self), (self.source, self.reason))


class StoreError(PolicylensError):
    """The knowledge base could not be opened or written."""


class ConfigError(PolicylensError):
    """A setting (option or POLICYLENS_* environment variable) has a value that cannot be used."""

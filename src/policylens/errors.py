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


class ParameterError(InputError):
    """A library function's argument is unusable; ``parameter`` is its name as the function spells it.

    The library names its own parameter (``as_of``, ``every``), never a
    command-line flag or a web field: each door translates the name when it
    shows the error (the CLI's ``cli.options.flag``; the web's query and form
    fields carry the parameters' names already).
    """

    def __init__(self, parameter: str, reason: str):
        super().__init__(parameter, reason)
        self.parameter = parameter


class StoreError(PolicylensError):
    """The knowledge base could not be opened or written."""


class ConfigError(PolicylensError):
    """A setting (option or POLICYLENS_* environment variable) has a value that cannot be used."""

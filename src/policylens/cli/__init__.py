"""The command line: a thin door onto the Python API in policylens.service.

Every command reads its inputs through the same functions the web and the
Python API use; these modules only parse options, show progress and print.
Errors on one input are one line on stderr naming it; the batch goes on and
the exit status is 1 if anything failed.  Each module registers one group of
commands on the shared app, and imports what its commands need (the store,
the pipeline, the web app) only when one of them runs, so that ``--help``
and ``--version`` start at once (tests/cli/test_startup.py holds this).
"""

from policylens import collector

# Typer, Click and Rich stay loaded until the command exits: frozen out of the collector's walks, which were
# about a sixth of the CPU of `policylens --version` (collector.lasting says why).
with collector.lasting():
    from policylens.cli import (
        brief,  # noqa: F401  (registers its command)
        digest,  # noqa: F401  (registers its command)
        documents,  # noqa: F401  (registers its commands)
        knowledge,  # noqa: F401  (registers its commands)
        monitor,  # noqa: F401  (registers its commands)
        serve,  # noqa: F401  (registers its command)
    )
    from policylens.cli.app import app, main

__all__ = ["app", "main"]

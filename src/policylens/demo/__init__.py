"""The sample corpus that `policylens demo` ingests, written for policylens and shipped inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    """The folder of sample documents, wherever the package is installed.

    Found through importlib.resources rather than __file__ so it follows the
    installed package; wheels install as plain folders, so the result is a
    real directory the ingest stage can walk like any other.
    """
    return Path(str(resources.files(__name__) / "corpus"))

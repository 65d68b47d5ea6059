"""Where the annotated corpora live, and what a test does when they are absent.

The corpora under ``../shared`` are other people's text: tests read them from
there at run time and never copy them into the project.  On a machine without
``../shared`` the corpus tests skip with a message naming the missing path,
unless ``POLICYLENS_TEST_CORPUS=required`` (set by ``.ci/run``) turns the skip
into a failure, so CI can never pass by not scoring.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
CORPUS_ZH = SHARED / "corpus-zh"


def corpus_missing(message: str) -> None:
    """Skip the calling test, or fail it when the corpus is required."""
    if os.environ.get("POLICYLENS_TEST_CORPUS") == "required":
        pytest.fail(f"{message} (POLICYLENS_TEST_CORPUS=required)")
    pytest.skip(message)

"""Chinese rules for the extraction pipeline, selected by ``document.language == "zh"``.

Each module reads one kind of thing the way Chinese documents write it and
returns the same contract objects (:mod:`policylens.model`) as the English
readers; vocabulary lives in ``extraction/data/zh_*.yaml``.
"""

from __future__ import annotations

import re

from policylens.extraction.zh.dateline import dateline
from policylens.extraction.zh.entities import find_entities
from policylens.extraction.zh.events import find_events
from policylens.extraction.zh.quantities import find_quantities
from policylens.extraction.zh.script import restore, simplified

__all__ = ["dateline", "find_entities", "find_events", "find_quantities", "is_chinese", "restore", "simplified"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def is_chinese(text: str | None, sample: int = 4000) -> bool:
    """Whether a text is written mostly in Chinese characters (more Han characters than Latin letters)."""
    head = (text or "")[:sample]
    han = len(_HAN.findall(head))
    return han >= 20 and han > len(_LATIN.findall(head))

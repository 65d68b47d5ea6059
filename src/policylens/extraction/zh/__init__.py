"""Chinese rules for the extraction pipeline, selected by ``document.language == "zh"``.

Each module reads one kind of thing the way Chinese documents write it and
returns the same contract objects (:mod:`policylens.model`) as the English
readers; vocabulary lives in ``extraction/data/zh_*.yaml``.
"""
from __future__ import annotations

from policylens.extraction.zh.entities import find_entities
from policylens.extraction.zh.events import find_events
from policylens.extraction.zh.quantities import find_quantities

__all__ = ["find_entities", "find_events", "find_quantities"]

"""The extraction pipeline: small components run in order over one shared text index.

Entities come first because quantities and events name their subject and
actor from them; industries last because they read everything found.
Documents in Chinese (``document.language == "zh"``, or a text written mostly
in Chinese characters whatever its label) are read by the rules in
:mod:`policylens.extraction.zh`, which return the same contract objects; a page
in traditional characters is read through its simplified copy.
"""
from __future__ import annotations

import math

from policylens.extraction import zh
from policylens.extraction.entities import find_entities
from policylens.extraction.events import find_events
from policylens.extraction.industries import tag_industries
from policylens.extraction.quantities import find_quantities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Extraction, Quantity


def extract(document: Document) -> Extraction:
    if document.language == "zh" or zh.is_chinese(document.text):
        return _extract_chinese(document)
    index = TextIndex(document.text)
    entities = find_entities(document, index)
    quantities = [q for q in find_quantities(document, index, entities) if _finite(q)]
    events = find_events(document, index, entities)
    industries = tag_industries(document, index, quantities)
    return Extraction(document, quantities, events, entities, industries)


def _extract_chinese(document: Document) -> Extraction:
    """Chinese is read in simplified characters (same offsets); spans then carry the text as written."""
    reading = zh.simplified(document)
    index = TextIndex(reading.text)
    entities = zh.find_entities(reading, index)
    quantities = [q for q in zh.find_quantities(reading, index, entities) if _finite(q)]
    events = zh.find_events(reading, index, entities)
    industries = tag_industries(reading, index, quantities)
    if reading is not document:
        zh.restore(document.text, quantities, events, entities)
    return Extraction(document, quantities, events, entities, industries)


def _finite(q: Quantity) -> bool:
    """A figure of hundreds of digits overflows a float to infinity: no value can be given, so no quantity."""
    return math.isfinite(q.value) and (q.value_max is None or math.isfinite(q.value_max))

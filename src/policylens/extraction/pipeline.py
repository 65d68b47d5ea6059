"""The extraction pipeline: small components run in order over one shared text index.

Entities come first because quantities and events name their subject and
actor from them; industries last because they read everything found.
"""
from __future__ import annotations

from policylens.extraction.entities import find_entities
from policylens.extraction.events import find_events
from policylens.extraction.industries import tag_industries
from policylens.extraction.quantities import find_quantities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Extraction


def extract(document: Document) -> Extraction:
    index = TextIndex(document.text)
    entities = find_entities(document, index)
    quantities = find_quantities(document, index, entities)
    events = find_events(document, index, entities)
    industries = tag_industries(document, index, quantities)
    return Extraction(document, quantities, events, entities, industries)

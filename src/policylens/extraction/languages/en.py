"""English (the default): entities first, because quantities and events name their subject and actor from
them; industries last, because they read everything found."""

from __future__ import annotations

from policylens.extraction.entities import find_entities
from policylens.extraction.events import find_events
from policylens.extraction.industries import tag_industries
from policylens.extraction.quantities import find_quantities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Extraction

from . import Language, finite, register


def read(document: Document) -> Extraction:
    index = TextIndex(document.text)
    entities = find_entities(document, index)
    quantities = [q for q in find_quantities(document, index, entities) if finite(q)]
    events = find_events(document, index, entities)
    industries = tag_industries(document, index, quantities)
    return Extraction(document, quantities, events, entities, industries)


register(Language("en", read))

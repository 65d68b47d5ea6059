"""Chinese, by the rules of :mod:`policylens.extraction.zh`, for a text labelled "zh" or written mostly in
Chinese characters.  It is read in simplified characters (same offsets; a page in traditional characters
through its simplified copy); spans, names, metrics and subjects then carry the text as written."""

from __future__ import annotations

from dataclasses import replace

from policylens.extraction import zh
from policylens.extraction.industries import tag_industries
from policylens.extraction.text import TextIndex
from policylens.model import Document, Extraction

from . import Language, finite, register


def read(document: Document) -> Extraction:
    reading = zh.simplified(document)
    index = TextIndex(reading.text)
    entities = zh.find_entities(reading, index)
    # an undated page is read as of the day its opening sentence reports, when that says its year
    dated = reading if reading.published else replace(reading, published=zh.dateline(reading, index))
    events = zh.find_events(dated, index, entities)
    quantities = [q for q in zh.find_quantities(dated, index, entities, events) if finite(q)]
    industries = tag_industries(reading, index, quantities)
    if reading is not document:
        zh.restore(document, reading, quantities, events, entities)
    return Extraction(document, quantities, events, entities, industries)


register(Language("zh", read, detect=zh.is_chinese))

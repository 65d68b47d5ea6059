"""The language registry: a document goes to its label's language, else to a detector's, else to English."""

from __future__ import annotations

import pytest

from policylens.extraction.languages import LANGUAGES, Language, language_for, register
from policylens.extraction.pipeline import extract
from policylens.model import Document, Extraction

CHINESE = "到2027年，全市培育智能工厂50家，建成数字化车间一百个，推动制造业高质量发展。"  # written for this test


def test_label_then_detector_then_english():
    assert language_for(Document("a", "The city will build 50 smart factories by 2027.")).code == "en"
    assert language_for(Document("b", CHINESE, language="en")).code == "zh"  # a careless label
    assert language_for(Document("c", "Plain words.", language="zh")).code == "zh"
    assert language_for(Document("d", "Plain words.", language="xx")).code == "en"  # unknown: detected


def test_a_registered_language_reads_its_documents():
    def read(document: Document) -> Extraction:
        return Extraction(document, [], [], [], [])

    register(Language("tlh", read, detect=lambda text: text.startswith("nuqneH")))
    try:
        labelled = extract(Document("e", "The city will build 50 smart factories by 2027.", language="tlh"))
        detected = extract(Document("f", "nuqneH 50", language="en"))
        assert labelled.quantities == [] and detected.quantities == []
        assert extract(Document("g", "The city will build 50 smart factories by 2027.")).quantities
    finally:
        del LANGUAGES["tlh"]
    with pytest.raises(ValueError, match="registered twice"):
        register(LANGUAGES["en"])

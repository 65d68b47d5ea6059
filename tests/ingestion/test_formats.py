"""The input-format registry: the shipped formats in their order, and a format registered from outside is used."""

from __future__ import annotations

import pytest

from policylens.ingestion import RawInput
from policylens.ingestion.formats import _FORMATS, Format, Parsed, parse, register


def test_the_shipped_formats_are_tried_binary_first_and_plain_text_last():
    names = [f.name for f in _FORMATS]
    assert names[0] == "pdf" and names[-1] == "text"
    assert names.index("html") < names.index("markdown")  # a Markdown file holding a page is read as HTML
    assert parse(RawInput("notes.md", b"<html><body><p>A page, not notes.</p></body></html>")).format == "html"
    assert parse(RawInput("notes.md", b"# Notes\n\nOnly notes.")).format == "markdown"


def test_a_registered_format_claims_its_inputs_and_leaves_the_rest():
    def read(raw, text, url):
        return Parsed(text=text.replace("\t", " "), format="tsv", url=url)

    register(Format("tsv", order=60, binary=False, claims=lambda raw, text: raw.source.endswith(".tsv"), read=read))
    try:
        parsed = parse(RawInput("plan.tsv", b"URL: https://example.org/plan\nregion\ttarget\nQingdao\t300\n"))
        assert (parsed.format, parsed.url, parsed.text) == (
            "tsv",
            "https://example.org/plan",
            "region target\nQingdao 300\n",
        )
        assert parse(RawInput("plan.txt", b"region\ttarget\n")).format == "text"
    finally:
        _FORMATS[:] = [f for f in _FORMATS if f.name != "tsv"]
    with pytest.raises(ValueError, match="registered twice"):
        register(_FORMATS[0])

"""Markdown, HTML and JSON say the same things, with the same numbers, and hostile text stays inert."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from brief_samples import CLUSTER_APPROVAL, HOSTILE, document

from policylens import extract
from policylens.briefs import FORMATS, compose, render


@pytest.fixture(scope="module")
def brief():
    return compose(extract(document(CLUSTER_APPROVAL, published="2026-05-12")), as_of=date(2026, 7, 1))


@pytest.fixture(scope="module")
def hostile():
    return compose(extract(document(HOSTILE, published="2026-05-20")), as_of=date(2026, 7, 1))


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_markdown_has_every_section_heading_and_the_numbered_sources(brief):
    md = render(brief, "md")
    assert md.startswith("# Lakeshore Approves Provincial Valve Cluster\n")
    for section in brief.sections:
        assert f"\n## {section.title}\n" in md
    assert "\n## Sources\n" in md
    for c in brief.citations:
        assert f"\n{c.number}. “" in md
    assert "As of 2026-07-01." in md


def test_html_is_a_standalone_print_friendly_page_with_linked_citations(brief):
    page = render(brief, "html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    for c in brief.citations:
        assert f'id="c{c.number}"' in page and f'href="#c{c.number}"' in page
    parser = _Collect()
    parser.feed(page)
    assert parser.tags.count("section") == len(brief.sections) + 1  # + sources


def test_json_has_the_same_structure(brief):
    data = json.loads(render(brief, "json"))
    assert [s["id"] for s in data["sections"]] == [s.id for s in brief.sections]
    assert [c["number"] for c in data["citations"]] == [c.number for c in brief.citations]
    assert data["as_of"] == "2026-07-01"


def test_hostile_markup_in_a_document_stays_inert_in_every_format(hostile):
    page = render(hostile, "html")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert "&lt;script&gt;" in page
    md = render(hostile, "md")
    assert not re.search(r"(?<!\\)<", md) and "\\<script\\>" in md
    raw = render(hostile, "json")
    assert "<script" not in raw
    assert "<script>" in json.dumps(json.loads(raw), ensure_ascii=False)  # the text itself is kept, escaped


def test_markdown_escapes_markup_characters_from_sources():
    text = CLUSTER_APPROVAL.replace("smart valve actuators", "smart *valve* actuators [beta]")
    b = compose(extract(document(text, published="2026-05-12")), as_of=date(2026, 7, 1))
    md = render(b, "md")
    assert "\\*valve\\*" in md and "\\[beta\\]" in md
    # Citation markers are the only unescaped brackets.
    assert all(re.fullmatch(r"\[\d+\]", m) for m in re.findall(r"(?<!\\)\[[^\]\\]*\]", md))


def test_an_unknown_format_is_refused(brief):
    assert FORMATS == ("md", "html", "json")
    with pytest.raises(ValueError, match="unknown brief format 'pdf'"):
        render(brief, "pdf")


def test_a_registered_renderer_is_a_format_of_render(brief):
    from policylens.briefs.renderers import RENDERERS, Renderer, register

    register(Renderer("titles", order=90, render=lambda b: "\n".join(s.title for s in b.sections) + "\n"))
    try:
        assert list(RENDERERS)[-1] == "titles"  # placed by its order
        assert render(brief, "titles").splitlines() == [s.title for s in brief.sections]
    finally:
        del RENDERERS["titles"]
    with pytest.raises(ValueError, match="registered twice"):
        register(RENDERERS["md"])

"""Grounding over the whole corpus: a brief states no number, date or name its sources do not.

For every document of ../shared/corpus and ../shared/corpus-zh (read at test
time, never copied here), alone and inside a knowledge base of all of them,
the rendered brief is checked token by token: every number, every
capitalised word and every run of Chinese characters must occur in a
document the brief cites (text or stored metadata), or be the rules' own
wording; and every citation must be a whole sentence of its document.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml

from policylens.api import extract_path, ingest
from policylens.briefs import brief, render
from policylens.briefs.rules import default_rules_path
from policylens.extraction.text import TextIndex
from policylens.store import KnowledgeBase

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPORA = [SHARED / "corpus" / "docs", SHARED / "corpus-zh" / "docs"]
AS_OF = date(2026, 11, 23)

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NAME = re.compile(r"[A-Z][A-Za-z]*")
CJK = re.compile(r"[\u3400-\u9fff]+")


def corpus_files() -> list[Path]:
    files = [p for d in CORPORA if d.is_dir() for p in sorted(d.iterdir()) if p.is_file()]
    if not files:
        pytest.skip(f"no corpus documents under {SHARED} (../shared/corpus is absent); grounding not checked")
    return files


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@cache
def rules_vocabulary() -> frozenset[str]:
    """Words the rules themselves write (section titles, templates, group labels)."""
    data = yaml.safe_load(Path(default_rules_path()).read_text(encoding="utf-8"))
    return frozenset(w for s in _strings(data) for w in NAME.findall(s))


def test_rule_templates_hold_no_numbers():
    data = yaml.safe_load(Path(default_rules_path()).read_text(encoding="utf-8"))
    with_digits = [s for s in _strings(data) if re.search(r"\d", s)]
    assert with_digits == []


def _metadata(document) -> str:
    return "\n".join(str(v) for v in (document.title, document.published, document.source, document.url,
                                      document.publisher) if v)


def ungrounded(markdown: str, sources: str) -> list[str]:
    """Tokens of the rendered brief found neither in ``sources`` nor in the rules' wording."""
    text = markdown.replace("\\", "")
    text = re.sub(r" ?\[\d+\]", "", text)  # citation markers
    text = re.sub(r"(?m)^\d+\. ", "", text)  # the numbered list of sources
    missing = [m.group() for m in NUMBER.finditer(text)
               if not re.search(rf"(?<!\d){re.escape(m.group())}(?!\d)", sources)]
    vocabulary = rules_vocabulary()
    missing += [m.group() for m in NAME.finditer(text) if m.group() not in sources and m.group() not in vocabulary]
    missing += [m.group() for m in CJK.finditer(text) if m.group() not in sources]
    return sorted(set(missing))


def check_citations(b, documents: dict) -> None:
    """Every citation is a whole sentence of the document it names, quoted exactly."""
    for c in b.citations:
        doc = documents[c.document_id if c.document_id is not None else c.source]
        assert doc.text[c.start:c.end] == c.text
        assert (c.start, c.end) in TextIndex(doc.text).sentences, (doc.source, c.text)


def test_every_corpus_brief_is_grounded_in_its_document():
    for path in corpus_files():
        x = extract_path(path)
        b = brief(x, as_of=AS_OF)
        check_citations(b, {x.document.source: x.document})
        sources = "\n".join([x.document.text, _metadata(x.document), AS_OF.isoformat()])
        for fmt in ("md", "html"):
            text = render(b, fmt)
            if fmt == "html":
                import html as html_module

                text = html_module.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL))
            assert ungrounded(text, sources) == [], (path.name, fmt)


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory):
    files = corpus_files()
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'corpus.db'}"
    report = ingest([str(p) for p in files], db=url)
    assert not report.failed, [(o.source, o.error) for o in report.failed]
    with KnowledgeBase.open(url) as kb:
        yield kb, sorted({o.document_id for o in report.outcomes})


def test_every_corpus_brief_with_knowledge_base_context_is_grounded_in_what_it_cites(corpus_kb):
    kb, ids = corpus_kb
    with_related = 0
    for document_id in ids:
        b = brief(document_id, db=kb, as_of=AS_OF)
        cited_ids = {document_id} | {c.document_id for c in b.citations}
        documents = {i: kb.get_document(i) for i in cited_ids}
        check_citations(b, documents)
        sources = "\n".join([*(d.text for d in documents.values()), *map(_metadata, documents.values()),
                             AS_OF.isoformat()])
        assert ungrounded(render(b, "md"), sources) == [], (document_id, b.title)
        with_related += bool(b.section("related").points)
    assert with_related > 0, "no corpus document found a related document in the knowledge base"


def test_the_checker_catches_an_invented_number_name_and_chinese_name():
    sources = "Qingdao approved a cluster with 30 billion yuan of exports by 2027."
    assert ungrounded("Qingdao: 30 billion by 2027 [1]\n1. quoted", sources) == []
    assert ungrounded("Weifang: 31 billion by 2027 青岛", sources) == ["31", "Weifang", "青岛"]

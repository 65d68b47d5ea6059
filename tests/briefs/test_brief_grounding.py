"""Grounding over the whole corpus: a brief states no number, date or name its sources do not.

For every document of ../shared/corpus and ../shared/corpus-zh (read at test
time, never copied here), alone and inside a knowledge base of all of them,
and for a brief in English and in Chinese, the rendered brief is checked
token by token: every number, every capitalised word and every run of
Chinese characters must occur in a document the brief cites (text or stored
metadata), or be the rules' own wording (in either language); and every
citation must be a whole sentence of its document.

A brief in another language than its source states the source's figures
built from their extracted parts (policylens.briefs.figures), so grounding
is extended for those documents only, explicitly (:func:`built_from`):
- a number is grounded when it is an extracted value (or range end) of a
  quantity of that document divided by a power of ten the rules' scale words
  name ("CNY 20 billion" from 200亿元, value 2e10), or a part of a date
  extraction normalised (an event's "2015-06", a figure's deadline or year);
- a place name is grounded when it is the gazetteer's name, in the brief's
  language, of a place the document names (an extracted place entity or a
  quantity's subject), "Jiaozhou" for 胶州市 and 胶州市 for Jiaozhou.
Everything else must still be in the sources, except, in a brief with
knowledge-base context, the knowledge base's progress of a cited document's
target against its goal ("67% of the goal"): the store computes it from
figures the brief quotes and cites.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml
from shared_corpus import CORPUS, CORPUS_ZH, SHARED, corpus_missing

from policylens.briefs import brief, render
from policylens.briefs.evidence import industry_label
from policylens.briefs.figures import foreign, number, scale_powers
from policylens.briefs.rules import default_rules_path, load_rules, wording_path
from policylens.extraction import gazetteer
from policylens.extraction.industries import taxonomy
from policylens.extraction.text import TextIndex
from policylens.model import Extraction
from policylens.service import extract_path, ingest
from policylens.store import KnowledgeBase

CORPORA = [CORPUS / "docs", CORPUS_ZH / "docs"]
AS_OF = date(2026, 11, 23)
LANGUAGES = ["en", "zh"]

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NAME = re.compile(r"[A-Z][A-Za-z]*")
CJK = re.compile(r"[\u3400-\u9fff]+")


def corpus_files() -> list[Path]:
    files = [p for d in CORPORA if d.is_dir() for p in sorted(d.iterdir()) if p.is_file()]
    if not files:
        corpus_missing(f"no corpus documents under {SHARED} (../shared/corpus is absent); grounding not checked")
    return files


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def rules_files() -> list[Path]:
    """The shipped rules and the wording file of every other language."""
    return [Path(default_rules_path()), *(wording_path(Path(default_rules_path()), lang) for lang in LANGUAGES[1:])]


@cache
def rules_strings() -> tuple[str, ...]:
    return tuple(s for path in rules_files() for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))))


@cache
def rules_vocabulary() -> frozenset[str]:
    """Words the rules themselves write (section titles, templates, group labels), in every language."""
    return frozenset(w for s in rules_strings() for w in NAME.findall(s))


@cache
def rules_text() -> str:
    """All the rules' strings: a run of Chinese characters inside one of them is the rules' own wording.

    The industry taxonomy's Chinese labels count too: a Chinese brief names
    an industry by them, as an English brief names it by the taxonomy's label.
    """
    return "\n".join([*rules_strings(), *(industry_label(i, "zh") for i in taxonomy())])


def test_rule_templates_hold_no_numbers():
    # The contract's unit codes (km2, m2) are keys the wording looks up, not wording.
    units = {
        u
        for path in rules_files()
        for u in yaml.safe_load(path.read_text(encoding="utf-8")).get("wording", {}).get("units", {})
    }
    with_digits = [s for s in rules_strings() if re.search(r"\d", s) and s not in units]
    assert with_digits == []


def built_from(extractions: list[Extraction], language: str) -> str:
    """What figures built from foreign-language documents may state beyond the text (see the module docstring)."""
    rules, places, out = load_rules(language=language), gazetteer.load(), []
    for x in extractions:
        if not foreign(x.document, rules):
            continue
        for q in x.quantities:
            out += [number(v / 10**p) for v in (q.value, q.value_max) if v is not None for p in scale_powers(rules)]
            out += [str(d) for d in (q.deadline, q.as_of) if d is not None]
        out += [e.date for e in x.events if e.date]
        found = [p for e in x.entities if e.type == "place" and e.key and (p := places.get(e.key))]
        found += [p for q in x.quantities if q.subject for p in places.lookup(q.subject)]
        out += [(p.zh if language == "zh" else p.name) or "" for p in found]
    return "\n".join(out)


def _metadata(document) -> str:
    return "\n".join(
        str(v) for v in (document.title, document.published, document.source, document.url, document.publisher) if v
    )


def ungrounded(markdown: str, sources: str) -> list[str]:
    """Tokens of the rendered brief found neither in ``sources`` nor in the rules' wording."""
    text = markdown.replace("\\", "")
    text = re.sub(r" ?\[\d+\]", "", text)  # citation markers
    text = re.sub(r"(?m)^\d+\. ", "", text)  # the numbered list of sources
    missing = [
        m.group() for m in NUMBER.finditer(text) if not re.search(rf"(?<!\d){re.escape(m.group())}(?!\d)", sources)
    ]
    vocabulary = rules_vocabulary()
    missing += [m.group() for m in NAME.finditer(text) if m.group() not in sources and m.group() not in vocabulary]
    missing += [m.group() for m in CJK.finditer(text) if m.group() not in sources and m.group() not in rules_text()]
    return sorted(set(missing))


def joined(text: str) -> str:
    """The text with words broken at a line's end joined ("Internation- al"), as names are read from it."""
    return re.sub(r"([a-z])-\s+([a-z])", r"\1\2", text)


def check_citations(b, documents: dict) -> None:
    """Every citation is a whole sentence of the document it names, quoted exactly."""
    for c in b.citations:
        doc = documents[c.document_id if c.document_id is not None else c.source]
        assert doc.text[c.start : c.end] == c.text
        assert (c.start, c.end) in TextIndex(doc.text).sentences, (doc.source, c.text)


@pytest.mark.slow  # a brief of every corpus document
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_corpus_brief_is_grounded_in_its_document(language):
    for path in corpus_files():
        x = extract_path(path)
        b = brief(x, as_of=AS_OF, language=language)
        check_citations(b, {x.document.source: x.document})
        sources = "\n".join(
            [
                x.document.text,
                joined(x.document.text),
                _metadata(x.document),
                AS_OF.isoformat(),
                built_from([x], language),
            ]
        )
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


@pytest.mark.slow  # the whole corpus ingested, then a brief of every document
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_corpus_brief_with_knowledge_base_context_is_grounded_in_what_it_cites(corpus_kb, language):
    kb, ids = corpus_kb
    with_related = 0
    # The knowledge base's own figures: how far each target has come (its progress against the goal).
    progress: dict[int, list[str]] = {}
    for t in kb.targets(as_of=AS_OF):
        if t.progress_percent is not None:
            progress.setdefault(t.document_id, []).append(f"{t.progress_percent:g}")
    for document_id in ids:
        b = brief(document_id, db=kb, as_of=AS_OF, language=language)
        cited_ids = {document_id} | {c.document_id for c in b.citations}
        documents = {i: kb.get_document(i) for i in cited_ids}
        check_citations(b, documents)
        sources = "\n".join(
            [
                *(d.text for d in documents.values()),
                *(joined(d.text) for d in documents.values()),
                *map(_metadata, documents.values()),
                AS_OF.isoformat(),
                built_from([kb.load_extraction(i) for i in cited_ids], language),
                *(p for i in cited_ids for p in progress.get(i, ())),
            ]
        )
        assert ungrounded(render(b, "md"), sources) == [], (document_id, b.title)
        with_related += bool(b.section("related").points)
    assert with_related > 0, "no corpus document found a related document in the knowledge base"


def test_the_checker_catches_an_invented_number_name_and_chinese_name():
    sources = "Qingdao approved a cluster with 30 billion yuan of exports by 2027."
    assert ungrounded("Qingdao: 30 billion by 2027 [1]\n1. quoted", sources) == []
    assert ungrounded("Weifang: 31 billion by 2027 青岛", sources) == ["31", "Weifang", "青岛"]

"""Industry tags from a controlled taxonomy (``data/industries.yaml``).

Tags are keyword evidence, not guesses: a document's industries are those
whose keywords it uses, the most used first; a quantity's industries are
those named in its own sentence.  Every keyword of every industry is in one
compiled pattern, so a document is scanned once whatever the taxonomy's size.
Each industry also carries ISIC Rev.4 classes and HS headings so that later
stages can join the tags to trade and production statistics.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from policylens.extract.text import TextIndex
from policylens.model import Document, Quantity


@dataclass(frozen=True, slots=True)
class Industry:
    id: str
    label: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    isic: tuple[str, ...]
    hs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern
    by_group: tuple[tuple[str, ...], ...]  # regex group index - 1 -> industry ids


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, Industry]:
    raw = yaml.safe_load(resources.files("policylens.extract").joinpath("data/industries.yaml")
                         .read_text(encoding="utf-8"))
    return {
        item["id"]: Industry(item["id"], item["label"], tuple(item.get("en") or ()), tuple(item.get("zh") or ()),
                             tuple(item.get("isic") or ()), tuple(item.get("hs") or ()))
        for item in raw
    }


def _keyword_pattern(word: str) -> str:
    if re.search(r"[\u4e00-\u9fff]", word):
        return re.escape(word)
    body = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", word))
    if word.isupper() or any(c.isupper() for c in word[1:]):
        # An acronym matches only as written ("AI", not "ai").
        return rf"(?-i:(?<![\w-]){body}s?)(?![\w-])"
    plural = "" if word.endswith("s") else "(?:s|es)?"
    return rf"(?<![\w-]){body}{plural}(?![\w-])"


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    owners: dict[str, list[str]] = {}
    for ind in taxonomy().values():
        for word in (*ind.en, *ind.zh):
            owners.setdefault(word, [])
            if ind.id not in owners[word]:
                owners[word].append(ind.id)
    words = sorted(owners, key=len, reverse=True)  # the longest keyword wins where two overlap
    pattern = re.compile("|".join(f"({_keyword_pattern(w)})" for w in words), re.IGNORECASE)
    return _Matcher(pattern, tuple(tuple(owners[w]) for w in words))


def _hits(text: str, start: int = 0, end: int | None = None):
    m = _matcher()
    for hit in m.pattern.finditer(text, start, len(text) if end is None else end):
        yield hit.start(), m.by_group[hit.lastindex - 1]


def industries_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Industry ids named in text[start:end], in order of first mention."""
    out: list[str] = []
    for _, ids in _hits(text, start, end):
        out += [i for i in ids if i not in out]
    return out


def tag_industries(document: Document, index: TextIndex, quantities: list[Quantity]) -> list[str]:
    text = document.text
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for pos, ids in _hits(text):
        for i in ids:
            counts[i] += 1
            first.setdefault(i, pos)
    if document.title:
        for _, ids in _hits(document.title):
            for i in ids:
                counts[i] += 2
                first.setdefault(i, -1)
    for q in quantities:
        s, e = index.sentence_at(q.start)
        q.industries = industries_in(text, s, max(e, q.end))
    return sorted(counts, key=lambda i: (-counts[i], first[i]))

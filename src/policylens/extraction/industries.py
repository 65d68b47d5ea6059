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

from policylens.extraction.text import TextIndex
from policylens.model import Document, Quantity


@dataclass(frozen=True, slots=True)
class Industry:
    id: str
    label: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    isic: tuple[str, ...]
    hs: tuple[str, ...]


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, Industry]:
    raw = yaml.safe_load(resources.files("policylens.extraction").joinpath("data/industries.yaml")
                         .read_text(encoding="utf-8"))
    return {
        item["id"]: Industry(item["id"], item["label"], tuple(item.get("en") or ()), tuple(item.get("zh") or ()),
                             tuple(item.get("isic") or ()), tuple(item.get("hs") or ()))
        for item in raw
    }


def _keyword_pattern(word: str) -> re.Pattern:
    if _CJK.search(word):
        return re.compile(re.escape(word))
    body = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", word))
    if word.isupper() or any(c.isupper() for c in word[1:]):
        # An acronym matches only as written ("AI", not "ai").
        return re.compile(rf"{body}s?(?![\w-])")
    plural = "" if word.endswith("s") else "(?:s|es)?"
    return re.compile(rf"{body}{plural}(?![\w-])", re.IGNORECASE)


_CJK = re.compile(r"[\u4e00-\u9fff]")
# Where a keyword may begin: a Latin word not preceded by a word character or
# hyphen, or any CJK character (Chinese has no word boundaries).
_STARTS = re.compile(r"(?<![\w-])[A-Za-z0-9]+|[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class _Keyword:
    pattern: re.Pattern
    industries: tuple[str, ...]


@lru_cache(maxsize=1)
def _keywords_by_start() -> dict[str, tuple[_Keyword, ...]]:
    """Keywords indexed by their first word (lower case) or first CJK character, longest first.

    Scanning the words of a text and trying only the keywords that can start
    there keeps tagging linear in the text, whatever the taxonomy's size.
    """
    owners: dict[str, list[str]] = {}
    for ind in taxonomy().values():
        for word in (*ind.en, *ind.zh):
            ids = owners.setdefault(word, [])
            if ind.id not in ids:
                ids.append(ind.id)
    index: dict[str, list[_Keyword]] = {}
    for word in sorted(owners, key=len, reverse=True):  # the longest keyword wins where two overlap
        first = word[0] if _CJK.match(word) else re.split(r"[\s-]+", word)[0].lower()
        keyword = _Keyword(_keyword_pattern(word), tuple(owners[word]))
        for key in {first, first + "s", first + "es"} if not _CJK.match(word) else {first}:
            index.setdefault(key, []).append(keyword)
    return {k: tuple(v) for k, v in index.items()}


def _hits(text: str, start: int = 0, end: int | None = None):
    """(position, industry ids) of each keyword in text[start:end], left to right, never overlapping."""
    end = len(text) if end is None else end
    index = _keywords_by_start()
    window = text[:end]
    resume = start
    for m in _STARTS.finditer(window, start):
        pos = m.start()
        if pos < resume:
            continue
        for keyword in index.get(m.group().lower(), ()):
            hit = keyword.pattern.match(window, pos)
            if hit:
                yield pos, keyword.industries
                resume = hit.end()
                break


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

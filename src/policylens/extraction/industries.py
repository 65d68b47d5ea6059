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
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from policylens import vocab
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
    raw = vocab.load("policylens.extraction", "industries.yaml")
    return {
        item["id"]: Industry(
            item["id"],
            item["label"],
            tuple(item.get("en") or ()),
            tuple(item.get("zh") or ()),
            tuple(item.get("isic") or ()),
            tuple(item.get("hs") or ()),
        )
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
# hyphen, or a CJK character (Chinese has no word boundaries).
_LATIN_START = r"(?<![\w-])[A-Za-z0-9]+"


@dataclass(frozen=True, slots=True)
class _Keyword:
    pattern: re.Pattern
    industries: tuple[str, ...]


@lru_cache(maxsize=1)
def _starts() -> re.Pattern:
    """Where a keyword may begin: a Latin word, or one of the CJK characters a keyword opens with.

    Naming those characters, rather than matching every CJK character and
    looking each up, lets sre pass the rest of a Chinese page in C (the scan
    took a tenth of a Chinese document's time); a character no keyword opens
    with was never a candidate anyway.
    """
    firsts = "".join(sorted(k for k in _keywords_by_start() if _CJK.fullmatch(k)))
    return re.compile(f"{_LATIN_START}|[{firsts}]" if firsts else _LATIN_START)


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


@dataclass(frozen=True, slots=True)
class _Alternatives:
    pattern: re.Pattern  # the keywords of one start in their order, each a group of its own
    industries: tuple[tuple[str, ...], ...]  # those of the keyword in group k + 1


@lru_cache(maxsize=1)
def _alternatives_by_start() -> dict[str, _Alternatives]:
    """The keywords of each start (:func:`_keywords_by_start`) as one alternation, longest first: a match
    of it is the first keyword that matches there, as trying each keyword in turn finds, in one call."""
    out = {}
    for key, keywords in _keywords_by_start().items():
        sources = (
            f"(?i:{k.pattern.pattern})" if k.pattern.flags & re.IGNORECASE else k.pattern.pattern for k in keywords
        )
        out[key] = _Alternatives(
            re.compile("|".join(f"({source})" for source in sources)), tuple(k.industries for k in keywords)
        )
    return out


def _hits(text: str, start: int = 0, end: int | None = None, starts: _Starts | None = None):
    """(position, industry ids) of each keyword in text[start:end], left to right, never overlapping.

    ``starts``, the keyword starts of ``text`` found once, saves scanning its words again.
    """
    end = len(text) if end is None else end
    index = _alternatives_by_start()
    resume = start
    if starts is None:
        candidates: Iterable[tuple[int, str]] = (
            (m.start(), m.group().lower()) for m in _starts().finditer(text, start, end)
        )
    else:
        candidates = starts.within(start, end)
    for pos, key in candidates:
        if pos < resume:
            continue
        alternatives = index.get(key)
        if alternatives is None:
            continue
        hit = alternatives.pattern.match(text, pos, end)  # endpos: as if the text ended there
        if hit is not None and hit.lastindex is not None:  # lastindex: the group of the keyword that matched
            yield pos, alternatives.industries[hit.lastindex - 1]
            resume = hit.end()


class _Starts:
    """Where a keyword can begin in one text, and the word there, found once.

    Each quantity asks which industries its sentence names; scanning the words of
    every sentence again cost as much as tagging the whole document. ``within``
    gives what ``_starts().finditer(text, start, end)`` gives, less the words that
    start no keyword.
    """

    def __init__(self, text: str):
        index = _keywords_by_start()
        self.text = text
        self.found = [
            (m.start(), m.end(), key) for m in _starts().finditer(text) if (key := m.group().lower()) in index
        ]
        self.positions = [pos for pos, _, _ in self.found]

    def within(self, start: int, end: int) -> list[tuple[int, str]]:
        text = self.text
        lo, hi = bisect_left(self.positions, start), bisect_left(self.positions, end)
        out = [(pos, key) for pos, stop, key in self.found[lo:hi] if stop <= end]
        # A Latin word running on past ``end`` is cut there, as the scan of text[:end] would cut it.
        if start < end < len(text) and _is_latin_alnum(text[end - 1]) and _is_latin_alnum(text[end]):
            first = end - 1
            while first > start and _is_latin_alnum(text[first - 1]):
                first -= 1
            m = _starts().match(text, first, end)
            if m and (key := m.group().lower()) in _keywords_by_start():
                out.append((first, key))
        return out


def _is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def industries_in(text: str, start: int = 0, end: int | None = None, starts: _Starts | None = None) -> list[str]:
    """Industry ids named in text[start:end], in order of first mention."""
    if start == 0 and end is None and starts is None:
        return list(_named_industries(text))
    return _industries_in(text, start, end, starts)


@lru_cache(maxsize=4096)
def _named_industries(text: str) -> tuple[str, ...]:
    """The industries of a whole text, kept: they are asked of each entity's name, and a company or a
    programme is named on many pages (reading the names again took some 14 µs of a generated page's 4 ms)."""
    return tuple(_industries_in(text, 0, None, None))


def _industries_in(text: str, start: int, end: int | None, starts: _Starts | None) -> list[str]:
    out: list[str] = []
    for _, ids in _hits(text, start, end, starts):
        out += [i for i in ids if i not in out]
    return out


def tag_industries(document: Document, index: TextIndex, quantities: list[Quantity]) -> list[str]:
    text = document.text
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    starts = _Starts(text)
    for pos, ids in _hits(text, starts=starts):
        for i in ids:
            counts[i] += 1
            first.setdefault(i, pos)
    if document.title:
        for _, ids in _hits(document.title):
            for i in ids:
                counts[i] += 2
                first.setdefault(i, -1)
    # A sentence often holds several figures (the Chinese corpus: 277 in 105 sentences): its industries are read once.
    by_span: dict[tuple[int, int], list[str]] = {}
    for q in quantities:
        s, e = index.sentence_at(q.start)
        span = (s, max(e, q.end))
        if span not in by_span:
            by_span[span] = industries_in(text, *span, starts)
        q.industries = list(by_span[span])
    return sorted(counts, key=lambda i: (-counts[i], first[i]))

"""Sentences and paragraphs of a clean text, as offsets.

Every extractor needs to ask "which sentence holds this span?" and "which
paragraph governs it?" (a paragraph that opens "By 2025," sets the deadline of
every target in it).  The index is built once per document and shared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "co ltd inc corp no nos mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec "
    "e.g i.e etc vs u.s u.k approx est fig dept govt int'l".split()
)
# One character class first, so that sre passes every other character without trying the pattern there; a
# full stop, "!" or "?" ends a sentence only before a capital, a digit or a Chinese character, with quotes,
# brackets or the asterisks of Markdown's bold between ("… exporters. **Electronics exports reached …**", as
# AI-written summaries write).
_SENTENCE_END = re.compile(
    r"[.!?。！？；](?:(?<=[。！？；])|(?=[\"”’')\]*]*\s+(?:\*\*|[\"“‘(\[])?[A-Z0-9\u4e00-\u9fff]))"
)
_PARAGRAPH = re.compile(r"[^\n]+")
# Extractors look across a whole sentence for each figure in it, so a "sentence" must stay sentence-sized:
# a run without a full stop (a table flattened to one line, a hostile file) is cut into pieces of at most
# this many characters, at the last space or comma in the second half of the piece.  Real sentences are
# far shorter, even in legal text.
MAX_SENTENCE_CHARS = 2000
_SOFT_BREAK = re.compile(r"[\s,，;；、]")


@dataclass(slots=True)
class TextIndex:
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        for line in _PARAGRAPH.finditer(self.text):
            start, end = _strip(self.text, line.start(), line.end())
            if start >= end:
                continue
            self.paragraphs.append((start, end))
            self.sentences.extend(_split_sentences(self.text, start, end))
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [s for s, _ in self.paragraphs]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return _containing(self.sentences, self._sentence_starts, pos, len(self.text))

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        return _containing(self.paragraphs, self._paragraph_starts, pos, len(self.text))

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return [s for s in self.sentences if s[0] >= start and s[1] <= end]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "." and _is_abbreviation(text, cursor, m.start()):
            continue
        stop = m.end()
        while stop < end and text[stop] in "\"”’')]":
            stop += 1
        _append_capped(out, text, cursor, stop)
        cursor = stop
    _append_capped(out, text, cursor, end)
    return out


def _append_capped(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append the sentence [start, end), stripped, in pieces of at most MAX_SENTENCE_CHARS."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = start + MAX_SENTENCE_CHARS
        for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE_CHARS // 2, cut):
            cut = m.end()
        s, e = _strip(text, start, cut)
        if s < e:
            out.append((s, e))
        start = cut
    s, e = _strip(text, start, end)
    if s < e:
        out.append((s, e))


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    word_start = dot
    while word_start > lo and (text[word_start - 1].isalpha() or text[word_start - 1] in ".'"):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Single capital initials ("U.S.", "J. Smith") do not end sentences; a temperature's unit ("at 5 °C.") does.
    return len(word) == 1 and word.isalpha() and not (word_start > lo and text[word_start - 1] in "°º")


def _containing(spans: list[tuple[int, int]], starts: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] <= pos < max(spans[i][1], spans[i][0] + 1):
        return spans[i]
    if i >= 0 and pos <= spans[i][1]:
        return spans[i]
    return (pos, min(pos + 1, length))
